import { panelFe, panelRe, panelPooled, hausmanRange } from "./src/functions/adapters/panel";
import { describeRange } from "./src/functions/adapters/describe";
import { didRange, eventStudyRange } from "./src/functions/adapters/did";
import { entropyWeightsRange, entropyScoreRange, aboveMeanRange } from "./src/functions/adapters/entropy";
import { mediationRange } from "./src/functions/adapters/mediation";
import { regTableRange } from "./src/functions/adapters/regtable";
import { excelGrid } from "./test/helpers/fixtures";
import { EconError } from "./src/core/errors";
const g = excelGrid("grunfeld.csv");
const dg = excelGrid("did_common.csv");
const hdr = g[0];
const mod = (f: (r: (string | number)[], i: number) => (string | number)[]) => [hdr, ...g.slice(1).map(f)];
const grids: Record<string, unknown[][]> = {
  empty: [], emptyRow: [[]], headerOnly: [hdr], oneRow: g.slice(0, 2), allText: g.map((r) => r.map(() => "abc")), blanks: g.map((r, i) => (i === 0 ? r : r.map(() => ""))),
  nulls: g.map((r, i) => (i === 0 ? r : r.map((c, j) => (j > 1 ? null : c)))) as unknown[][],
  huge: mod((r) => [r[0], r[1], (r[2] as number) * 1e306, r[3], r[4]]), big308: mod((r, i) => [r[0], r[1], i === 3 ? 1.7e308 : r[2], r[3], r[4]]),
  tiny: mod((r) => [r[0], r[1], (r[2] as number) * 1e-306, r[3], r[4]]), negInf: mod((r, i) => [r[0], r[1], i === 3 ? -1e308 : r[2], r[3], r[4]]),
  textNum: mod((r, i) => [r[0], r[1], i === 4 ? "1e309" : r[2], r[3], r[4]]), errors: mod((r, i) => [r[0], r[1], i === 4 ? "#N/A" : i === 5 ? "#DIV/0!" : r[2], r[3], r[4]]),
  bools: mod((r, i) => [r[0], r[1], i === 4 ? (true as unknown as number) : r[2], r[3], r[4]]), yearText: mod((r) => [r[0], `${r[1]}年`, r[2], r[3], r[4]]),
  dupHeader: [["firm", "year", "inv", "inv", "capital"], ...g.slice(1)], blankHeader: [["firm", "", "inv", "value", "capital"], ...g.slice(1)],
  dupRows: [...g, g[1]], constantY: mod((r) => [r[0], r[1], 5, r[3], r[4]]), idBlank: mod((r, i) => [i === 3 ? "" : r[0], r[1], r[2], r[3], r[4]]),
  ragged: [hdr, ...g.slice(1).map((r, i) => (i === 2 ? r.slice(0, 3) : r))], wide: g.map((r) => [...r, "", ""]),
  singleCol: g.map((r) => [r[0]]), notArray: "abc" as unknown as unknown[][],
};
const calls: Record<string, (d: unknown[][]) => unknown> = {
  fe: (d) => panelFe(d, "inv ~ value + capital", "firm", "year", null, null, null),
  fe2: (d) => panelFe(d, "inv ~ value + capital", "firm", "year", "twoways", "cluster", "level=95"),
  re: (d) => panelRe(d, "inv ~ value + capital", "firm", "year", null, null),
  pooled: (d) => panelPooled(d, "inv ~ value", "firm", "year", "robust", null),
  haus: (d) => hausmanRange(d, "inv ~ value + capital", "firm", "year", null, null),
  desc: (d) => describeRange(d, null),
  desc2: (d) => describeRange(d, "id=firm; time=year; detail=TRUE"),
  ew: (d) => entropyWeightsRange(d.map((r) => (Array.isArray(r) ? r.slice(2) : r)), null, null),
  es: (d) => entropyScoreRange(d, null, "id=firm; time=year"),
  am: (d) => aboveMeanRange(d, null, 1940, "id=firm; time=year"),
  med: (d) => mediationRange(d, "inv", "value", "capital", null, "firm", "year", null),
  reg: (d) => regTableRange(d, "firm", "year", [["inv ~ value"], ["inv ~ value + capital"]], null),
};
let n = 0, bad = 0;
for (const [gn, grid] of Object.entries(grids)) for (const [cn, f] of Object.entries(calls)) {
  n++;
  try { const out = f(grid) as unknown[][]; const flat = out.flat(); const nan = flat.filter((c) => typeof c === "number" && !Number.isFinite(c) || c === null || c === undefined || (typeof c === "string" && /NaN|undefined|Infinity/.test(c))); if (nan.length) { bad++; console.log("BADVAL", gn, cn, nan.slice(0, 3), JSON.stringify(out).slice(0, 200)); } }
  catch (e) { if (!(e instanceof EconError)) { bad++; console.log("CRASH", gn, cn, (e as Error).message.slice(0, 120)); } else if (/undefined|NaN/.test(e.text.en)) { bad++; console.log("MSG", gn, cn, e.text.en.slice(0, 150)); } }
}
console.log(n, bad);
