/**
 * `wild=B` in ECON.PANELFE, ECON.REGTABLE and ECON.DID, called as Excel calls them (null for
 * omitted arguments, the invocation object last). Values against the base-R brute-force reference
 * (test/fixtures/reference.wild-bootstrap.json).
 */
import { panelFe, panelRe } from "../../src/functions/adapters/panel";
import { regTableRange } from "../../src/functions/adapters/regtable";
import { didRange } from "../../src/functions/adapters/did";
import { excelGrid, loadReference } from "../helpers/fixtures";
import { errorOf } from "../helpers/error-of";
import { EconError } from "../../src/core/errors";

const ref = loadReference("reference.wild-bootstrap.json").cases;
const grid = excelGrid("grunfeld.csv");
const row = (out: (string | number)[][], label: string) => out.find((r) => r[0] === label)!;

describe("wild=B in the custom functions", () => {
  test("ECON.PANELFE: Wild p and interval columns, stars from the bootstrap p, the note", () => {
    const out = panelFe(grid, "inv ~ value + capital", "firm", "year", "twoways", "cluster", "wild=9999", { isInValuePreview: false });
    expect(out[0].slice(8)).toEqual(["Wild p", "Wild CI low", "Wild CI high"]);
    const r = ref.grunfeld_twoways.terms;
    expect(row(out, "capital")[8]).toBe(r.capital.p);
    expect(Math.abs((row(out, "capital")[9] as number) / r.capital.confInt[0] - 1)).toBeLessThan(1e-6);
    expect(row(out, "capital")[7]).toBe("*"); // p = 0.0508 from the bootstrap, *** from t(G − 1)
    expect(row(out, "_cons")[8]).toBe("");
    expect(out.some((x) => String(x[0]).includes("all 2^10 = 1024 sign vectors"))).toBe(true);
  });

  test("formula value preview skips the bootstrap and says so; more than 9999 draws are capped", () => {
    const preview = panelFe(grid, "inv ~ value + capital", "firm", "year", null, "cluster", "wild=9999; lang=zh", { isInValuePreview: true });
    expect(preview[0]).toHaveLength(8);
    expect(preview.some((x) => String(x[0]).includes("公式值预览中跳过"))).toBe(true);
    const capped = panelFe(grid, "inv ~ value + capital", "firm", "year", null, "cluster", "wild=50000; weights=webb", null);
    expect(capped.some((x) => String(x[0]).includes("capped at 9999 draws"))).toBe(true);
    expect(capped.some((x) => String(x[0]).includes("9999 draws plus the observed sample"))).toBe(true);
  });

  test("bad wild options are refused with the fix", () => {
    const a = errorOf<EconError>(() => panelFe(grid, "inv ~ value + capital", "firm", "year", null, "cluster", "weights=webb", null));
    expect(a.text.en).toMatch(/add wild=9999/);
    const b = errorOf<EconError>(() => panelFe(grid, "inv ~ value + capital", "firm", "year", null, "cluster", "wild=lots", null));
    expect(b.text.en).toMatch(/option 'wild' \(draws, e\.g\. wild=9999\): 'lots' is not a whole number; give one from 1 to 100,000/);
    const big = errorOf<EconError>(() => panelFe(grid, "inv ~ value + capital", "firm", "year", null, "cluster", "wild=1e8", null));
    expect(big.text.en).toMatch(/'1e8' is too large: at most 100,000 replications/);
    expect(big.text.zh).toMatch(/'1e8' 过大：最多 100,000/);
    const half = errorOf<EconError>(() => panelFe(grid, "inv ~ value + capital", "firm", "year", null, "cluster", "wild=2.5", null));
    expect(half.text.en).toMatch(/'2\.5' is not a whole number/);
    const c = errorOf<EconError>(() => panelRe(grid, "inv ~ value + capital", "firm", "year", "cluster", "wild=999"));
    expect(c.text.en).toMatch(/not random effects/);
  });

  test("ECON.REGTABLE: the bootstrap p in brackets under the SE, stars from it, a note naming weights and draws", () => {
    const out = regTableRange(grid, "firm", "year", [["inv ~ value + capital | effect=twoways"], ["inv ~ value + capital"]], "vcov=cluster; wild=9999", null);
    const i = out.findIndex((r) => r[0] === "capital");
    expect(out[i][1]).toMatch(/^0\.\d{3}\*$/); // p = 0.051: one star, not three
    expect(out[i + 1][1]).toMatch(/^\(\d\.\d{3}\)$/);
    expect(out[i + 2][1]).toBe(`[${ref.grunfeld_twoways.terms.capital.p.toFixed(3)}]`);
    expect(out[i + 2][2]).toBe(`[${ref.grunfeld_oneway.terms.capital.p.toFixed(3)}]`);
    expect(out.some((r) => /Wild cluster bootstrap p-values in brackets \(restricted WCR, H0: β = 0 imposed; Rademacher weights, all 2\^10 = 1024 sign vectors/.test(String(r[0])))).toBe(true);
    const noCluster = errorOf<EconError>(() => regTableRange(grid, "firm", "year", "inv ~ value", "wild=999", null));
    expect(noCluster.text.en).toMatch(/Model \(1\).*vcov=cluster/);
  });

  test("ECON.DID: wild bootstrap rows for the treatment term", () => {
    const out = didRange(excelGrid("did_common.csv"), "y", "d", "unit", "year", "controls=x; wild=999; seed=5");
    const p = row(out, "Wild cluster bootstrap p")[1] as number;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
    expect(Number.isInteger(Math.round(p * 1000 * 1e6) / 1e6)).toBe(true);
    const lo = row(out, "Wild bootstrap CI low")[1] as number;
    const hi = row(out, "Wild bootstrap CI high")[1] as number;
    const est = row(out, "DID estimate")[1] as number;
    expect(lo).toBeLessThan(est);
    expect(hi).toBeGreaterThan(est);
  });
});
