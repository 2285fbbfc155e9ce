/**
 * The Office-free ECON.* adapters called as Excel calls them, with the options users type:
 * counts, levels and digits go through the core's one option parser (src/core/options), so each
 * bad value is refused naming the function and the option; good values give finite tables.
 */
import { panelFe, panelRe, panelPooled, hausmanRange } from "../../src/functions/adapters/panel";
import { describeRange } from "../../src/functions/adapters/describe";
import { didRange, eventStudyRange } from "../../src/functions/adapters/did";
import { entropyWeightsRange, entropyScoreRange } from "../../src/functions/adapters/entropy";
import { mediationRange } from "../../src/functions/adapters/mediation";
import { regTableRange } from "../../src/functions/adapters/regtable";
import { excelGrid } from "../helpers/fixtures";
import { adapterVerdict } from "./lib/robust";

const g = excelGrid("grunfeld.csv");
const dg = excelGrid("did_common.csv");
const ind = g.map((r) => r.slice(2));

const fe = (opts: string | null) => () => panelFe(g, "inv ~ value + capital", "firm", "year", null, null, opts);
const med = (opts: string | null) => () => mediationRange(g, "inv", "value", "capital", null, "firm", "year", opts);
const reg = (opts: string | null) => () => regTableRange(g, "firm", "year", [["inv ~ value"], ["inv ~ value + capital"]], opts);
const didF = (opts: string | null, treat: string | null = "d") => () => didRange(dg, "y", treat, "unit", "year", opts);
const es = (opts: string) => () => eventStudyRange(dg, "y", "unit", "year", `firstcol=first_treat; ${opts}`);
const ew = (opts: string | null) => () => entropyWeightsRange(ind, null, opts);

const REFUSED: [string, () => unknown, RegExp][] = [
  ["PANELFE level=150", fe("level=150"), /ECON\.PANELFE: option 'level': '150' is not a valid confidence level|ECON\.PANELFE: option 'level': '150' is not a/],
  ["PANELFE level=0", fe("level=0"), /option 'level': '0'/],
  ["PANELFE level=1", fe("level=1"), /option 'level': '1'/],
  ["PANELFE level=abc", fe("level=abc"), /option 'level': 'abc' is not a confidence level/],
  ["PANELFE level=-95", fe("level=-95"), /option 'level': '-95'/],
  ["PANELFE level=49", fe("level=49"), /give a share such as 0\.95 or a percentage from 50 to 99\.9/],
  ["PANELFE stars=5", fe("stars=5"), /Option 'stars': '5' must list p-value levels between 0 and 1/],
  ["PANELFE levle=95 (typo)", fe("levle=95"), /ECON\.PANELFE: unknown option 'levle'\. Did you mean 'level'\?/],
  ["PANELFE clustr=firm (typo)", fe("clustr=firm"), /Did you mean 'cluster'\?/],
  ["PANELRE level=abc", () => panelRe(g, "inv ~ value", "firm", "year", null, "level=abc"), /ECON\.PANELRE: option 'level': 'abc'/],
  ["POOLED level=200", () => panelPooled(g, "inv ~ value", "firm", "year", null, "level=200"), /ECON\.POOLED: option 'level': '200'/],
  ["HAUSMAN method=xyz", () => hausmanRange(g, "inv ~ value + capital", "firm", "year", "xyz", null), /ECON\.HAUSMAN: unknown method 'xyz'/],
  ["MEDIATION bootstrap=-5", med("bootstrap=-5"), /ECON\.MEDIATION: option 'bootstrap': '-5' is below the smallest allowed value 0/],
  ["MEDIATION bootstrap=2.5", med("bootstrap=2.5"), /ECON\.MEDIATION: option 'bootstrap': '2\.5' is not a whole number/],
  ["MEDIATION bootstrap=abc", med("bootstrap=abc"), /ECON\.MEDIATION: option 'bootstrap': 'abc' is not a whole number/],
  ["MEDIATION bootstrap=1e8", med("bootstrap=1e8"), /ECON\.MEDIATION runs at most 500 bootstrap replications so Excel stays responsive; use the task pane .* or 'econsheet mediation --bootstrap 100000000'/],
  ["MEDIATION bootstrap=501", med("bootstrap=501"), /at most 500 bootstrap replications/],
  ["MEDIATION digits=200", med("digits=200"), /ECON\.MEDIATION: option 'digits': '200' is too large: at most 10/],
  ["MEDIATION digits=-1", med("digits=-1"), /ECON\.MEDIATION: option 'digits': '-1' is below the smallest allowed value 0/],
  ["MEDIATION digits=abc", med("digits=abc"), /ECON\.MEDIATION: option 'digits': 'abc' is not a whole number/],
  ["MEDIATION digits=2.5", med("digits=2.5"), /option 'digits': '2\.5' is not a whole number/],
  ["MEDIATION bootstap=10 (typo)", med("bootstap=10"), /unknown option 'bootstap'\. Did you mean 'bootstrap'\?/],
  ["REGTABLE digits=200", reg("digits=200"), /ECON\.REGTABLE: option 'digits': '200' is too large: at most 10/],
  ["REGTABLE digits=-1", reg("digits=-1"), /ECON\.REGTABLE: option 'digits': '-1' is below/],
  ["REGTABLE digits=abc", reg("digits=abc"), /ECON\.REGTABLE: option 'digits': 'abc' is not a whole number/],
  ["REGTABLE digits=1.5", reg("digits=1.5"), /ECON\.REGTABLE: option 'digits': '1\.5' is not a whole number/],
  ["REGTABLE under=p", reg("under=p"), /Option 'under': 'p' is not se or t/],
  ["REGTABLE compare=a", reg("compare=a"), /Option 'compare': name two column titles/],
  ["DID placebo=-5", didF("placebo=-5"), /ECON\.DID: option 'placebo': '-5' is below the smallest allowed value 0/],
  ["DID placebo=2.5", didF("placebo=2.5"), /ECON\.DID: option 'placebo': '2\.5' is not a whole number/],
  ["DID placebo=abc", didF("placebo=abc"), /ECON\.DID: option 'placebo': 'abc' is not a whole number/],
  ["DID placebo=1e8", didF("placebo=1e8"), /ECON\.DID runs at most 200 placebo permutations so Excel stays responsive; use 'econsheet did --placebo 100000000'/],
  ["DID placebo=201", didF("placebo=201"), /at most 200 placebo permutations/],
  ["DID first=2013.5", didF("units=u01,u02; first=2013.5", null), /ECON\.DID: option 'first': '2013\.5' is not a whole number/],
  ["DID first=abc", didF("units=u01,u02; first=abc", null), /ECON\.DID: option 'first': 'abc' is not a whole number/],
  ["DID units without first", didF("units=u01,u02", null), /ECON\.DID: option 'first' \(the first treated year\) is missing/],
  ["DID no treatment", didF(null, null), /ECON\.DID: give the treatment column/],
  ["DID placbo=5 (typo)", didF("placbo=5"), /Did you mean 'placebo'\?/],
  ["EVENTSTUDY leads=1e9", es("leads=1e9"), /ECON\.EVENTSTUDY: option 'leads': '1e9' is too large: at most 1,000 periods/],
  ["EVENTSTUDY leads=0", es("leads=0"), /ECON\.EVENTSTUDY: option 'leads': '0' is below the smallest allowed value 1/],
  ["EVENTSTUDY leads=abc", es("leads=abc"), /option 'leads': 'abc' is not a whole number/],
  ["EVENTSTUDY lags=-1", es("lags=-1"), /option 'lags': '-1' is below the smallest allowed value 0/],
  ["EVENTSTUDY lags=2.5", es("lags=2.5"), /option 'lags': '2\.5' is not a whole number/],
  ["EVENTSTUDY reference=2.5", es("reference=2.5"), /option 'reference': '2\.5' is not a whole number/],
  ["EVENTSTUDY reference outside", es("leads=2; lags=2; reference=-3"), /The reference period -3 is outside the window/],
  ["ENTROPY shift=-1", ew("shift=-1"), /option 'shift': '-1' is out of range; it must be at least 0/],
  ["ENTROPY shift=abc", ew("shift=abc"), /option 'shift': 'abc' is not a number/],
  ["ENTROPY mode=month", ew("mode=month"), /mode/],
  ["DESCRIBE detial=TRUE", () => describeRange(g, "detial=TRUE"), /Did you mean 'detail'\?/],
  ["DESCRIBE detail=maybe", () => describeRange(g, "detail=maybe"), /Option 'detail': 'maybe' is not TRUE or FALSE/],
  ["PANELFE formula missing", () => panelFe(g, null, "firm", "year", null, null, null), /ECON\.PANELFE: the formula is missing/],
  ["PANELFE id missing", () => panelFe(g, "inv ~ value", null, "year", null, null, null), /ECON\.PANELFE: name the entity and time columns/],
  ["PANELFE unknown variable", () => panelFe(g, "inv ~ valeu", "firm", "year", null, null, null), /valeu/],
  ["PANELFE unknown id column", () => panelFe(g, "inv ~ value", "company", "year", null, null, null), /company/],
  ["PANELFE effect=three", () => panelFe(g, "inv ~ value", "firm", "year", "three", null, null), /'three'/],
  ["PANELFE vcov=hc9", () => panelFe(g, "inv ~ value", "firm", "year", null, "hc9", null), /'hc9'/],
  ["PANELFE options range with one column", () => panelFe(g, "inv ~ value", "firm", "year", null, null, [["level"], ["cluster"]]), /Options range: use two columns/],
  ["PANELFE lang=fr", fe("lang=fr"), /ECON\.PANELFE: option 'lang': 'fr' is not available\. Languages: en \(English\), zh/],
  ["MEDIATION lang=de", med("lang=de"), /ECON\.MEDIATION: option 'lang': 'de' is not available/],
  ["REGTABLE lang=ZH", reg("lang=ZH"), /ECON\.REGTABLE: option 'lang': 'ZH' is not available/],
  ["DID lang=fr", didF("lang=fr"), /ECON\.DID: option 'lang': 'fr'/],
  ["DESCRIBE lang=ja", () => describeRange(g, "lang=ja"), /option 'lang': 'ja'/],
  ["ENTROPY lang=fr", ew("lang=fr"), /option 'lang': 'fr'/],
  ["MEDIATION m missing", () => mediationRange(g, "inv", "value", null, null, "firm", "year", null), /ECON\.MEDIATION: the mediator \(m\) is missing/],
];

describe("ECON.* options refused by name", () => {
  test.each(REFUSED)("%s", (_name, f, msg) => {
    const v = adapterVerdict(f);
    if (v.ok) throw new Error(`expected a refusal, got a table: ${JSON.stringify(v.grid).slice(0, 200)}`);
    expect(v.error.text.en).toMatch(msg);
  });
});

describe("accepted options give complete tables", () => {
  const ciOf = (grid: (string | number)[][], term: string) => {
    const row = grid.find((r) => r[0] === term)!;
    return [row[5], row[6]];
  };

  test.each(["level=95", "level=95%", "level=0.95"])("PANELFE %s fills the CI columns with the 95%% interval", (opt) => {
    const v = adapterVerdict(fe(opt));
    if (!v.ok) throw v.error;
    const [lo, hi] = ciOf(v.grid, "value");
    expect(typeof lo).toBe("number");
    expect(typeof hi).toBe("number");
    const base = adapterVerdict(fe(null));
    if (!base.ok) throw base.error;
    expect(ciOf(base.grid, "value")).toEqual([lo, hi]);
  });

  test("PANELFE level=90 gives a narrower interval than 99", () => {
    const a = adapterVerdict(fe("level=90")), b = adapterVerdict(fe("level=99"));
    if (!a.ok || !b.ok) throw new Error("refused");
    const [lo90, hi90] = ciOf(a.grid, "value") as number[];
    const [lo99, hi99] = ciOf(b.grid, "value") as number[];
    expect(hi90 - lo90).toBeLessThan(hi99 - lo99);
  });

  test.each(["digits=0", "digits=10", "digits=4"])("MEDIATION %s", (opt) => {
    const v = adapterVerdict(med(opt));
    if (!v.ok) throw v.error;
    const digits = Number(opt.split("=")[1]);
    const cell = String(v.grid[1][1]).replace(/\*+$/, "");
    expect(cell.split(".")[1]?.length ?? 0).toBe(digits);
  });

  test.each(["digits=0", "digits=6"])("REGTABLE %s", (opt) => {
    expect(adapterVerdict(reg(opt)).ok).toBe(true);
  });

  test("DID placebo=5 and EVENTSTUDY leads=2; lags=2", () => {
    expect(adapterVerdict(didF("placebo=5; seed=1")).ok).toBe(true);
    expect(adapterVerdict(es("leads=2; lags=2; reference=-1")).ok).toBe(true);
  });

  test("ENTROPY shift=0.001 and shift=0", () => {
    expect(adapterVerdict(ew("shift=0.001")).ok).toBe(true);
    expect(adapterVerdict(ew("shift=0")).ok).toBe(true);
    expect(adapterVerdict(() => entropyScoreRange(g, null, "id=firm; time=year; shift=1e-3")).ok).toBe(true);
  });
});
