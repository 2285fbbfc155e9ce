import seedrandom from "seedrandom";

/**
 * Simulated panels with a known treatment effect, for the DID and event-study tests (fixed
 * seeds, committed). y_it = α_i + γ_t + τ_it·D_it + ε_it, ε ~ N(0, σ²), parallel trends hold.
 * - "common": half the units treated from one year, constant effect `effect`.
 * - "staggered": cohorts treated in different years (plus never-treated units) with effects
 *   that grow with time since treatment and differ by cohort (effect·(1 + r)·cohort factor), the
 *   case where the TWFE event study is biased (Sun & Abraham 2021; Goodman-Bacon 2021).
 */
export interface DidSimOptions {
  design: "common" | "staggered";
  units?: number;
  years?: [number, number];
  effect?: number;
  sigma?: number;
  seed?: string;
}

export function simulateDid(o: DidSimOptions): (string | number)[][] {
  const rng = seedrandom(o.seed ?? "did");
  const normal = () => {
    let u = 0, v = 0;
    while (u === 0) u = rng();
    while (v === 0) v = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const units = o.units ?? 60;
  const [y0, y1] = o.years ?? [2000, 2019];
  const effect = o.effect ?? 2;
  const sigma = o.sigma ?? 1;
  const gamma: number[] = [];
  for (let t = y0; t <= y1; t++) gamma.push(0.1 * (t - y0) + 0.3 * normal());
  const rows: (string | number)[][] = [["unit", "year", "y", "d", "first_treat", "x"]];
  for (let i = 0; i < units; i++) {
    const alpha = normal();
    let first = 0;
    let factor = 1;
    if (o.design === "common") first = i < units / 2 ? 2010 : 0;
    else {
      const g = i % 4; // 3 cohorts + never treated
      first = [2006, 2010, 2014, 0][g];
      factor = [1.5, 1, 0.5, 0][g];
    }
    for (let t = y0; t <= y1; t++) {
      const treated = first > 0 && t >= first;
      const r = t - first;
      const tau = !treated ? 0 : o.design === "common" ? effect : effect * factor * (1 + 0.5 * r);
      const x = normal();
      const y = alpha + gamma[t - y0] + 0.5 * x + tau + sigma * normal();
      rows.push([`u${String(i + 1).padStart(2, "0")}`, t, y, treated ? 1 : 0, first, x]);
    }
  }
  return rows;
}
