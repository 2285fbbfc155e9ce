/**
 * Unusual but valid requests give a complete result: finite numbers wherever a number belongs
 * (null only for the fields DESIGN.md §5 defines as "does not apply", e.g. theta for FE), and a
 * note whenever something was dropped. Plus requests that cannot be estimated, refused with the
 * reason.
 */
import { cli } from "../helpers/cli";
import { fixturePath } from "../helpers/fixtures";
import { expectFiniteNumbers, expectOk, expectRefused } from "./lib/robust";

const G = fixturePath("grunfeld.csv");
const U = fixturePath("grunfeld_unbalanced.csv");
const D = fixturePath("did_staggered.csv");
const DC = fixturePath("did_common.csv");
const C = fixturePath("cigar.csv");
/** Panel JSON fields that are null by contract when they do not apply to the model. */
const NOT_APPLICABLE = ["theta", "sigmaU", "sigmaE", "within", "lsdv", "between", "overall"];
const panel = (...a: string[]) => ["panel", "--data", G, "--id", "firm", "--time", "year", "--json", ...a];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Check = (j: any) => void;
const CASES: [string, string[], Check][] = [
  ["time effects only", panel("--formula", "inv ~ value", "--effect", "time"), (j) => expect(j.effect).toBe("time")],
  ["RE on an unbalanced panel", ["panel", "--data", U, "--id", "firm", "--time", "year", "--json", "--formula", "inv ~ value + capital", "--model", "re"], (j) => expect(j.theta).not.toBeNull()],
  ["a three-firm subsample, clustered (few clusters)", panel("--formula", "inv ~ value + capital", "--where", "firm<=3", "--vcov", "cluster"), (j) => expect(j.ngroups).toBe(3)],
  ["a lagged regressor, two-way FE", panel("--formula", "inv ~ lag(value,1) + capital", "--effect", "twoways"), (j) => expect(Object.keys(j.params)).toContain("lag(value,1)")],
  ["a lag of 19 periods leaves one year", panel("--formula", "inv ~ lag(value,19)", "--model", "pooled"), (j) => expect(j.nobs).toBe(10)],
  ["pooled OLS with robust SEs", panel("--formula", "inv ~ value + capital", "--model", "pooled", "--vcov", "robust"), (j) => expect(j.model).toBe("pooled")],
  ["a regressor absorbed by the entity effects is named", panel("--formula", "inv ~ firm + value"), (j) => expect(j.notes.join(" ")).toMatch(/firm omitted: it does not vary within entity/)],
  ["the time variable absorbed by two-way effects is named", panel("--formula", "inv ~ year + value", "--effect", "twoways"), (j) => expect(j.notes.join(" ")).toMatch(/year omitted/)],
  ["an alias for the SE type (white)", panel("--formula", "inv ~ value", "--vcov", "white"), (j) => expect(j.vcov).toBe("robust")],
  ["an alias for the model (within)", panel("--formula", "inv ~ value", "--model", "within"), (j) => expect(j.model).toBe("fe")],
  ["Hausman, classical", ["hausman", "--data", G, "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--json"], (j) => expect(j.df).toBe(2)],
  ["Hausman, Mundlak", ["hausman", "--data", G, "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--method", "mundlak", "--json"], (j) => expect(j.p).toBeGreaterThanOrEqual(0)],
  ["describe with xtsum on an unbalanced panel", ["describe", "--data", U, "--id", "firm", "--time", "year", "--json"], (j) => expect(j.variables.length).toBeGreaterThan(2)],
  ["entropy per year with a negative indicator", ["entropy", "--data", C, "--indicators", "price,pop,ndi,sales", "--negative", "price", "--id", "state", "--time", "year", "--by", "year", "--json"], (j) => expect(j.periods.length).toBeGreaterThan(1)],
  ["entropy by sub-periods", ["entropy", "--data", C, "--indicators", "price,pop,ndi", "--id", "state", "--time", "year", "--by", "periods", "--periods", "1963;1964-1980;1981-1992", "--json"], (j) => expect(j.periods.map((p: { label: string }) => p.label)).toEqual(["1963", "1964-1980", "1981-1992"])],
  ["mediation with RE on an unbalanced panel", ["mediation", "--data", U, "--y", "inv", "--x", "value", "--m", "capital", "--id", "firm", "--time", "year", "--model", "re", "--json"], (j) => expect(j.model).toBe("re")],
  ["mediation with a bootstrap of 20 and a text seed", ["mediation", "--data", G, "--y", "inv", "--x", "value", "--m", "capital", "--id", "firm", "--time", "year", "--bootstrap", "20", "--seed", "abc", "--json"], (j) => expect(j.indirect.replications).toBe(20)],
  ["staggered DID with an event study", ["did", "--data", D, "--y", "y", "--first-col", "first_treat", "--id", "unit", "--time", "year", "--event-study", "--json"], (j) => expect(j.staggered).toBe(true)],
  ["DID with treated units and a first year", ["did", "--data", DC, "--y", "y", "--units", "u01,u02,u03,u04", "--first", "2010", "--id", "unit", "--time", "year", "--json"], (j) => expect(Number.isFinite(j.did.estimate)).toBe(true)],
  ["DID with a wide event window (leads 30 bins the ends)", ["did", "--data", DC, "--y", "y", "--treat", "d", "--id", "unit", "--time", "year", "--event-study", "--leads", "30", "--lags", "30", "--json"], (j) => expect(j.eventStudy.twfe.length).toBeGreaterThan(2)],
];

describe("unusual requests give complete results", () => {
  test.each(CASES)("%s", async (_name, argv, check) => {
    const j = JSON.parse(expectOk(await cli(...argv)));
    expectFiniteNumbers(j, NOT_APPLICABLE);
    check(j);
  });
});

const CANNOT: [string, string[], RegExp][] = [
  ["a subsample with no rows", panel("--formula", "inv ~ value", "--where", "firm=99"), /The subsample 'firm=99' has no rows/],
  ["a term given twice", panel("--formula", "inv ~ value + value"), /the term 'value' appears twice/],
  ["an unknown variable", panel("--formula", "inv ~ valeu"), /valeu/],
  ["an unknown id column", ["panel", "--data", G, "--id", "company", "--time", "year", "--formula", "inv ~ value"], /company/],
  ["a formula without ~", panel("--formula", "inv value"), /~|formula/i],
  ["a lag longer than the panel", panel("--formula", "inv ~ lag(value,25)"), /no rows|lag|observations/i],
  ["a negative lag", panel("--formula", "inv ~ lag(value,-1)"), /lag/],
  ["mediation with the mediator equal to x", ["mediation", "--data", G, "--y", "inv", "--x", "value", "--m", "value", "--id", "firm", "--time", "year"], /value/],
  ["DID without a treatment", ["did", "--data", DC, "--y", "y", "--id", "unit", "--time", "year"], /Give --treat, --first-col or --units with --first/],
  ["DID units that do not exist", ["did", "--data", DC, "--y", "y", "--units", "zz1,zz2", "--first", "2010", "--id", "unit", "--time", "year"], /zz1/],
  ["entropy with one indicator listed as negative twice", ["entropy", "--data", C, "--indicators", "price", "--negative", "pop", "--id", "state", "--time", "year"], /--negative names 'pop'/],
];

describe("requests that cannot be estimated are refused with the reason", () => {
  test.each(CANNOT)("%s", async (_name, argv, msg) => {
    expectRefused(await cli(...argv), msg);
  });
});
