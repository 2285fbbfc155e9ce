/** The pane's spec from its choices (journey/pane-spec.ts): built, checked, and restored from a saved spec. */
import { checkDrafts, paneSpec, savedChoices } from "../../src/taskpane/journey/pane-spec";
import { draftToSpec, presetDraft } from "../../src/taskpane/journey/table-drafts";
import type { IndexSpec } from "../../src/core/spec/analysis-spec";

const vars = { y: "hq", x: ["fi"], controls: ["urb", "open"], mediators: ["dig"] };
const index: IndexSpec = { name: "fi", label: "要素创新", groups: [{ name: "劳动力", indicators: [{ name: "每万人R&D人员", direction: "+" }, { name: "专利", direction: "+" }] }] } as IndexSpec;

describe("the pane's spec", () => {
  test("paneSpec: data, indices with the Data step's missing-value choice, tables then DID then regional", () => {
    const tables = [draftToSpec(presetDraft("baseline", vars, "zh"), "zh")];
    const spec = paneSpec({ tableLang: "zh", sheets: ["A", "B"], interpolate: true, indices: [index, { ...index, name: "rc", missing: "drop" }], defaultMissing: "interpolate" }, tables, null, []);
    expect(spec.lang).toBe("zh");
    expect(spec.data).toEqual({ sheets: ["A", "B"], interpolate: true, id: "province", time: "year" });
    expect(spec.indices!.map((ix) => ix.missing)).toEqual(["interpolate", "drop"]);
    expect(spec.tables).toEqual(tables);
  });

  test("checkDrafts: the first unfinished draft's error names the table and goes beside its field", () => {
    const good = presetDraft("baseline", vars, "en");
    const bad = { ...presetDraft("mediation", { ...vars, mediators: [] }, "en"), title: "Mediation" };
    const r = checkDrafts([good, bad], "en", "zh");
    expect(r.specs).toHaveLength(1);
    expect(Object.keys(r.errors)).toEqual([bad.key]);
    expect(r.error!.text.en).toMatch(/^Table 2 \(Mediation\): /);
    expect(r.error!.text.zh).toMatch(/^表 2（Mediation）：/);
    expect(checkDrafts([good], "en", "en")).toEqual({ specs: [draftToSpec(good, "en")], errors: {} });
  });

  test("savedChoices restores what paneSpec saved", () => {
    const tables = [draftToSpec(presetDraft("baseline", vars, "en"), "en")];
    const spec = paneSpec({ tableLang: "en", sheets: ["S"], interpolate: false, indices: [index], defaultMissing: "error" }, tables, null, []);
    const back = savedChoices(JSON.stringify(spec));
    expect(back).toMatchObject({ sheets: ["S"], interpolate: false, lang: "en", did: null, regional: [] });
    expect(back.indices[0].name).toBe("fi");
    expect(back.drafts.map((d) => draftToSpec(d, "en"))).toEqual(tables);
    expect(() => savedChoices("{")).toThrow();
  });
});
