import seedrandom from "seedrandom";
import { PROVINCES, REGION4_LABELS, SOUTHNORTH_LABELS } from "../../src/core/data/provinces";

/**
 * A SYNTHETIC provincial panel shaped like the seed study (31 provinces × 2003–2023), for
 * tests, benchmarks and the bundled sample. Data-generating process (documented in
 * sample/README.md): province effects and a common trend; three composite drivers
 * fi (factor innovation), rcd (regional coordinated development) and dig (industrial
 * digitization, a partial mediator of fi); controls urb, open, gov, fin; outcome hq
 * (high-quality development) = 0.5·fi + 0.3·rcd + 0.4·dig + controls + effects + noise.
 * Not real data.
 */
export interface SyntheticRow {
  province: string;
  code: number;
  year: number;
  region4: string;
  region4zh: string;
  southnorth: string;
  fi: number;
  rcd: number;
  dig: number;
  urb: number;
  open: number;
  gov: number;
  fin: number;
  hq: number;
}

export function syntheticProvincePanel(seed = "econsheet-sample", years: [number, number] = [2003, 2023]): SyntheticRow[] {
  const rng = seedrandom(seed);
  const normal = () => {
    let u = 0, v = 0;
    while (u === 0) u = rng();
    while (v === 0) v = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const rows: SyntheticRow[] = [];
  for (const p of PROVINCES) {
    const east = p.region === "East" ? 1 : 0;
    const alpha = normal() * 0.3 + 0.2 * east;
    const fi0 = 0.15 + 0.1 * east + 0.05 * rng();
    const growth = 0.006 + 0.004 * rng();
    for (let y = years[0]; y <= years[1]; y++) {
      const t = y - years[0];
      const fi = fi0 + growth * t + 0.02 * normal();
      const rcd = 0.3 + 0.005 * t + 0.05 * east + 0.03 * normal();
      const dig = 0.1 + 0.6 * fi + 0.004 * t + 0.03 * normal();
      const urb = 0.4 + 0.012 * t + 0.15 * east + 0.03 * normal();
      const open = 0.2 + 0.3 * east + 0.05 * normal();
      const gov = 0.2 - 0.05 * east + 0.02 * normal();
      const fin = 1.2 + 0.03 * t + 0.3 * east + 0.1 * normal();
      const hq = alpha + 0.01 * t + 0.5 * fi + 0.3 * rcd + 0.4 * dig + 0.2 * urb + 0.1 * open - 0.2 * gov + 0.05 * fin + 0.05 * normal();
      rows.push({ province: p.name, code: p.code, year: y, region4: REGION4_LABELS[p.region].en, region4zh: REGION4_LABELS[p.region].zh, southnorth: SOUTHNORTH_LABELS[p.southNorth].en, fi, rcd, dig, urb, open, gov, fin, hq });
    }
  }
  return rows;
}

/** The panel as a grid with a header row (what a worksheet range gives a custom function). */
export function syntheticGrid(rows = syntheticProvincePanel()): (string | number)[][] {
  const keys = Object.keys(rows[0]) as (keyof SyntheticRow)[];
  return [keys as string[], ...rows.map((r) => keys.map((k) => r[k]))];
}
