/**
 * How long each ECON.* custom function blocks the shared runtime, called as Excel calls it
 * (src/functions/functions.ts, through a stand-in CustomFunctions global) on the provincial shape
 * (31 provinces × 21 years = 651 rows, scripts/lib/synthetic-panel.ts) with its resampling at the
 * caps a custom function allows (ECON.MEDIATION: 500 bootstrap replications in all, i.e. 500 for
 * one mediator or 250 each for two; ECON.DID: 200 placebo permutations). The functions are synchronous once started, so
 * a call's wall time is the time the runtime cannot answer Excel; Office restarts an add-in that
 * is unresponsive for 5 s, and the target is about a second.
 *
 *   npx tsx bench/host-blocking.ts     (also run by npm run bench)
 *
 * Prints the cold first call and the median of three warm calls; asserts nothing, but the exit
 * code is 1 when a warm call takes more than 1.5 s of CPU, so a regression is hard to miss.
 */
import { installCustomFunctionsGlobal } from "../test/helpers/custom-functions-global";
import { invocation } from "../test/helpers/invocation";
import { syntheticGrid } from "../scripts/lib/synthetic-panel";
import * as fns from "../src/functions/functions";
import { MAX_FUNCTION_BOOTSTRAP } from "../src/functions/adapters/mediation";
import { MAX_FUNCTION_PLACEBO } from "../src/functions/adapters/did";

installCustomFunctionsGlobal();
const grid = syntheticGrid();
const header = grid[0] as string[];
const cols = (names: string[]) => grid.map((r) => names.map((n) => r[header.indexOf(n)]));
const indicators = cols(["province", "year", "fi", "rcd", "dig", "urb", "open", "gov", "fin"]);
const pilots = "units=北京,上海,江苏,浙江,广东; first=2013";
const periods = "id=province; time=year; mode=periods; periods=2003;2004-2012;2013-2022;2023";

const CASES: [string, () => unknown][] = [
  ["DESCRIBE detail, xtsum", () => fns.describe(grid, "detail=TRUE; id=province; time=year")],
  ["PANELFE two-way, cluster", () => fns.panelfe(grid, "hq ~ fi + rcd + dig + urb + open + gov + fin", "province", "year", "twoways", "cluster")],
  ["PANELRE cluster", () => fns.panelre(grid, "hq ~ fi + rcd + dig + urb + open + gov + fin", "province", "year", "cluster")],
  ["POOLEDOLS cluster", () => fns.pooledols(grid, "hq ~ fi + rcd + dig + urb + open + gov + fin", "province", "year", "cluster")],
  ["HAUSMAN", () => fns.hausmantest(grid, "hq ~ fi + rcd + dig + urb + open + gov + fin", "province", "year")],
  ["ENTROPYWEIGHTS by 4 periods", () => fns.entropyweights(indicators, null, periods)],
  ["ENTROPYSCORE by 4 periods", () => fns.entropyscore(indicators, null, periods)],
  ["ABOVEMEAN every year", () => fns.abovemean(indicators, null, null, "id=province; time=year")],
  ["REGTABLE by region4 (4 columns)", () => fns.regtable(grid, "province", "year", "hq ~ fi + urb + open + gov + fin", "effect=twoways; vcov=cluster; by=region4")],
  [`MEDIATION 1 mediator, bootstrap=${MAX_FUNCTION_BOOTSTRAP}`, () => fns.mediationtable(grid, "hq", "fi", "dig", "urb,open,gov,fin", "province", "year", `effect=twoways; vcov=cluster; bootstrap=${MAX_FUNCTION_BOOTSTRAP}; seed=1`, invocation())],
  [`MEDIATION 2 mediators, bootstrap=${MAX_FUNCTION_BOOTSTRAP / 2}`, () => fns.mediationtable(grid, "hq", "fi", "dig,rcd", "urb,open,gov,fin", "province", "year", `effect=twoways; vcov=cluster; bootstrap=${MAX_FUNCTION_BOOTSTRAP / 2}; seed=1`, invocation())],
  [`DID placebo=${MAX_FUNCTION_PLACEBO}`, () => fns.didtable(grid, "hq", null, "province", "year", `${pilots}; controls=urb,open,gov,fin; placebo=${MAX_FUNCTION_PLACEBO}; seed=1`, invocation())],
  ["EVENTSTUDY leads=4 lags=4", () => fns.eventstudy(grid, "hq", "province", "year", `${pilots}; leads=4; lags=4; controls=urb,open,gov,fin`)],
];

/** Wall and CPU time of one call, ms. On a shared machine wall time includes waiting for a core; CPU time does not. */
async function timeCall(f: () => unknown): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await f();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1e3 };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  console.log(`\nECON.* functions blocking the shared runtime, provincial shape ${grid.length - 1} rows (31 × 21), resampling at the custom-function caps`);
  console.log("(CPU = time on a core, what a user's idle machine would wait; wall includes waiting for a core here)");
  console.log(`${"function".padEnd(48)}${"cold CPU/wall (ms)".padEnd(20)}${"warm CPU/wall (ms)".padEnd(20)}verdict (warm CPU)`);
  let worst = 0;
  for (const [name, f] of CASES) {
    const cold = await timeCall(f);
    const runs = [await timeCall(f), await timeCall(f), await timeCall(f)];
    const warm = { cpu: median(runs.map((r) => r.cpu)), wall: median(runs.map((r) => r.wall)) };
    worst = Math.max(worst, warm.cpu);
    const verdict = warm.cpu <= 1000 ? "ok (≤ 1 s)" : warm.cpu <= 1500 ? "about a second" : "TOO LONG: Excel may restart the add-in";
    const pair = (t: { cpu: number; wall: number }) => `${t.cpu.toFixed(0)} / ${t.wall.toFixed(0)}`;
    console.log(`${`ECON.${name}`.padEnd(48)}${pair(cold).padEnd(20)}${pair(warm).padEnd(20)}${verdict}`);
  }
  console.log(`longest warm call: ${worst.toFixed(0)} ms CPU (Office restarts an add-in unresponsive for 5 s)`);
  if (worst > 1500) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
