/** The Models step's wild-bootstrap SE choice: when it is suggested, and how it enters the spec. */
import { draftToSpec, presetDraft, specToDraft, suggestWild, PANE_WILD_DRAWS } from "../../src/taskpane/journey/table-drafts";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";

const vars = { y: "hq", x: ["fi"], controls: ["urb"], mediators: ["dig"] };

test("suggested for regional columns and for panels with fewer than 20 entities, never for mediation", () => {
  expect(suggestWild("heterogeneity", 31)).toBe(true);
  expect(suggestWild("regression", 31)).toBe(false);
  expect(suggestWild("regression", 12)).toBe(true);
  expect(suggestWild("robustness", 19)).toBe(true);
  expect(suggestWild("mediation", 5)).toBe(false);
  expect(suggestWild("descriptive", 5)).toBe(false);
});

test("a draft with wild draws becomes the spec's wild field, and back", () => {
  const d = { ...presetDraft("heterogeneity", vars, "en"), vcov: "cluster" as const, wild: PANE_WILD_DRAWS };
  const spec = draftToSpec(d, "en");
  expect(spec).toMatchObject({ type: "heterogeneity", wild: { reps: 9999 } });
  parseAnalysisSpec({ schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" }, tables: [spec] });
  expect(specToDraft(spec).wild).toBe(9999);
});

test("no wild field unless the SEs are clustered and the model is not RE", () => {
  const base = { ...presetDraft("baseline", vars, "en"), wild: PANE_WILD_DRAWS };
  expect(draftToSpec({ ...base, vcov: "robust" }, "en")).not.toHaveProperty("wild");
  expect(draftToSpec({ ...base, model: "re" }, "en")).not.toHaveProperty("wild");
  expect(draftToSpec(presetDraft("baseline", vars, "en"), "en")).not.toHaveProperty("wild");
});
