/**
 * Panel regression benchmark — prints wall time and peak memory; asserts nothing.
 *   npx tsx bench/panel-bench.ts            all cases, each in a fresh child process (own peak RSS)
 *   npx tsx bench/panel-bench.ts fe2-1m     one case in this process
 * Cases: two-way FE, 5 regressors, SEs clustered by entity, on synthetic unbalanced panels
 * (fixed seed) of 10k / 100k / 1M rows — timed on the prepared sample (the estimator) and from a
 * DataTable (frame + formula + sample + estimator); and 200 cluster-bootstrap re-estimations on
 * a 651-row 31 × 21 panel (the provincial shape), with the coefficients-only fast path and with
 * full results. Peak memory is process.resourceUsage().maxRSS of the child.
 */
import { spawnSync } from "child_process";
import seedrandom from "seedrandom";
import { fitSample, fitEstimates, FitOptions } from "../src/core/estimators/fit-sample";
import { PanelSample, resampleEntities } from "../src/core/estimators/panel-sample";
import { fitPanel, prepareFit } from "../src/core/estimators/fit-panel";
import { buildPanelFrame } from "../src/core/data/panel-frame";
import { DataTable, tableFromGrid } from "../src/core/data/data-table";

const K = 5;

/** G entities × up to T periods; each entity enters and leaves at random years and misses ~8% of its years. */
function syntheticPanel(rows: number, T: number, seed: string): { entity: number[]; period: number[]; y: Float64Array; X: Float64Array[]; G: number } {
  const rng = seedrandom(seed);
  const entity: number[] = [], period: number[] = [];
  let G = 0;
  while (entity.length < rows) {
    const first = Math.floor(rng() * 4), last = T - 1 - Math.floor(rng() * 4);
    for (let t = first; t <= last && entity.length < rows; t++) if (rng() > 0.08) { entity.push(G); period.push(t); }
    G++;
  }
  const N = entity.length;
  const ae = Float64Array.from({ length: G }, () => rng() * 2 - 1);
  const at = Float64Array.from({ length: T }, () => rng() * 2 - 1);
  const X = Array.from({ length: K }, () => new Float64Array(N));
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = ae[entity[i]] + 0.5 * at[period[i]];
    for (let j = 0; j < K; j++) {
      const x = rng() + 0.5 * ae[entity[i]] + 0.3 * at[period[i]];
      X[j][i] = x;
      s += (j + 1) * 0.1 * x;
    }
    y[i] = s + (rng() - 0.5);
  }
  return { entity, period, y, X, G };
}

function asSample(p: ReturnType<typeof syntheticPanel>, T: number): PanelSample {
  const ent = Int32Array.from(p.entity);
  return {
    dependent: "y", names: p.X.map((_, j) => `x${j + 1}`), y: p.y, X: p.X, entity: ent, ngroups: p.G,
    period: Int32Array.from(p.period), nperiods: T, cluster: ent, nclusters: p.G,
    rows: Int32Array.from({ length: p.y.length }, (_, i) => i), dropped: { rows: 0, byVariable: {} },
    entityNames: Array.from({ length: p.G }, (_, g) => `e${g}`),
  };
}

function asTable(p: ReturnType<typeof syntheticPanel>): DataTable {
  const rows = p.y.map((_, i) => i);
  return tableFromGrid([["id", "year", "y", ...p.X.map((_, j) => `x${j + 1}`)], ...Array.from(rows, (i) => [`e${p.entity[i]}`, 2000 + p.period[i], p.y[i], ...p.X.map((x) => x[i])])]);
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
function line(label: string, rows: number, seconds: number, detail: string) {
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`${label.padEnd(58)}${String(rows).padStart(9)}${seconds.toFixed(3).padStart(10)} s${mb(peak).padStart(8)} MB   ${detail}`);
}
function time<T>(f: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const out = f();
  return [out, Number(process.hrtime.bigint() - t0) / 1e9];
}

const FE2: FitOptions = { model: "fe", effect: "twoways", vcov: "cluster", cluster: "id" };
const SIZES: Record<string, number> = { "fe2-10k": 1e4, "fe2-100k": 1e5, "fe2-1m": 1e6 };

function runCase(name: string) {
  if (name in SIZES) {
    const T = 20;
    const p = syntheticPanel(SIZES[name], T, `panel-bench-${name}`);
    const s = asSample(p, T);
    fitSample(asSample(syntheticPanel(2000, T, "warm-up"), T), FE2); // JIT warm-up on a small panel
    const [r, sec] = time(() => fitSample(s, FE2));
    line(`two-way FE + cluster SE, estimator (${name})`, r.nobs, sec, `G=${r.ngroups} T=${r.nperiods} ${r.demeanMethod}, b(x1)=${r.params.x1.toFixed(4)} se=${r.stdErrors.x1.toFixed(5)}`);
    const [ra, seca] = time(() => fitSample(s, { ...FE2, demeanMethod: "alternating" }));
    line(`  same, alternating projections`, ra.nobs, seca, `${ra.demeanIterations} sweeps, |Δb(x1)|=${Math.abs(ra.params.x1 - r.params.x1).toExponential(1)}`);
    const table = asTable(p);
    const [rt, sect] = time(() => fitPanel(table, { formula: "y ~ x1 + x2 + x3 + x4 + x5", id: "id", time: "year", model: "fe", effect: "twoways", vcov: "cluster" }));
    line(`  from a DataTable (frame, formula, sample, estimator)`, rt.nobs, sect, `b(x1)=${rt.params.x1.toFixed(4)}`);
  } else if (name === "bootstrap-651") {
    const G = 31, T = 21;
    const rng = seedrandom("provinces");
    const names = ["id", "year", "y", "x1", "x2", "x3", "x4", "x5"];
    const rows = [];
    for (let g = 0; g < G; g++) {
      const a = rng();
      for (let t = 0; t < T; t++) {
        const xs = Array.from({ length: K }, () => rng() + 0.5 * a);
        rows.push([`p${g}`, 2003 + t, a + 0.02 * t + xs.reduce((s, x, j) => s + (j + 1) * 0.1 * x, 0) + rng() - 0.5, ...xs]);
      }
    }
    const table: DataTable = tableFromGrid([names, ...rows]);
    const frame = buildPanelFrame(table, "id", "year");
    const { sample, options } = prepareFit(frame, { formula: "y ~ x1 + x2 + x3 + x4 + x5", id: "id", time: "year", model: "fe", effect: "twoways", vcov: "cluster" });
    const R = 200;
    const draws = Array.from({ length: R }, () => Int32Array.from({ length: G }, () => Math.floor(rng() * G)));
    fitEstimates(resampleEntities(sample, draws[0]), options); // warm-up
    const [b1, sec] = time(() => draws.map((d) => fitEstimates(resampleEntities(sample, d), options).params.x1));
    const sd = Math.sqrt(b1.reduce((s, v) => s + (v - b1.reduce((a, c) => a + c, 0) / R) ** 2, 0) / (R - 1));
    line(`200 bootstrap re-fits, coefficients only (31 × 21)`, sample.y.length, sec, `${(1000 * sec / R).toFixed(2)} ms each; bootstrap SE(x1)=${sd.toFixed(4)}`);
    const [, secFull] = time(() => draws.map((d) => fitSample(resampleEntities(sample, d), options).params.x1));
    line(`200 bootstrap re-fits, full results`, sample.y.length, secFull, `${(1000 * secFull / R).toFixed(2)} ms each`);
  } else {
    throw new Error(`unknown case '${name}'; cases: ${[...Object.keys(SIZES), "bootstrap-651"].join(", ")}`);
  }
}

const arg = process.argv[2];
if (arg) runCase(arg);
else {
  console.log(`${"case".padEnd(58)}${"rows".padStart(9)}${"wall".padStart(12)}${"peak RSS".padStart(11)}   detail`);
  for (const c of [...Object.keys(SIZES), "bootstrap-651"]) {
    const r = spawnSync(process.execPath, ["--max-old-space-size=8192", "--import", "tsx", __filename, c], { encoding: "utf8" });
    process.stdout.write(r.stdout);
    if (r.status !== 0) {
      console.log(`${c}: failed\n${r.stderr}`);
      process.exitCode = 1;
    }
  }
}
