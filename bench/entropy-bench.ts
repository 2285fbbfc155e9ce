/**
 * Entropy weight method on a synthetic panel of 1,000,000 rows × 30 indicators
 * (10,000 entities × 100 years; every fifth indicator negative; one indicator constant in 2000).
 * Prints wall time and memory per step; asserts nothing. Run: `npx tsx bench/entropy-bench.ts [rows]`.
 * Figures are for the core call only (the data are built in memory first, as the import step would).
 */
import seedrandom from "seedrandom";
import { entropyIndex, aboveMean, IndicatorInput } from "../src/core/indices/entropy-index";

const n = Number(process.argv[2] ?? 1e6);
const k = 30;
const years = 100;
const rng = seedrandom("entropy-bench");
const ids: string[] = new Array(n);
const times: number[] = new Array(n);
for (let i = 0; i < n; i++) {
  ids[i] = `e${Math.floor(i / years)}`;
  times[i] = 1924 + (i % years);
}
const indicators: IndicatorInput[] = Array.from({ length: k }, (_, j) => ({
  name: `x${j + 1}`,
  values: Float64Array.from({ length: n }, () => rng() * (j + 1) - (j % 3 === 0 ? 0.5 : 0)),
  direction: j % 5 === 0 ? "negative" : "positive",
  group: `g${(j % 3) + 1}`,
}));
// A constant indicator within year 2000 shows the per-year zero-variance note at scale.
for (let i = 0; i < n; i++) if (times[i] === 2000) indicators[1].values[i] = 1;

const mb = (b: number) => (b / 2 ** 20).toFixed(0);
function step<T>(label: string, f: () => T): T {
  const t0 = process.hrtime.bigint();
  const out = f();
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = process.memoryUsage();
  console.log(`${label.padEnd(52)}${sec.toFixed(3).padStart(8)} s   heap ${mb(m.heapUsed).padStart(5)} MB   rss ${mb(m.rss).padStart(5)} MB   peak rss ${mb(process.resourceUsage().maxRSS * 1024).padStart(5)} MB`);
  return out;
}

console.log(`entropy weight method: ${n} rows × ${k} indicators (input ${mb(n * k * 8)} MB of Float64)`);
const pooled = step("pooled, h = 0.0001 (weights + scores)", () => entropyIndex({ indicators }));
step("pooled, with ids/times and 3 level-2 groups", () => entropyIndex({ ids, times, indicators, groupOrder: ["g1", "g2", "g3"] }));
step("per year (100 cross-sections)", () => entropyIndex({ ids, times, indicators }, { mode: "year" }));
step("above the mean, every year", () => aboveMean(pooled.scores, ids, times));
console.log(`check: m = ${pooled.m}, w(x1) = ${pooled.weights.x1.toPrecision(6)}, Σw = ${Object.values(pooled.weights).reduce((a, b) => a + b, 0).toFixed(12)}`);
