/** `econsheet did` writing the task pane's charts as SVG figures (no Excel needed). */
import { mkdtempSync, readFileSync, existsSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";
import { cli } from "../helpers/cli";
import { fixturePath, fixtureTable } from "../helpers/fixtures";
import { eventStudy } from "../../src/core/did/event-study";
import { placebo } from "../../src/core/did/did";
import { eventStudyChart } from "../../src/render/charts/event-study-chart";
import { placeboChart } from "../../src/render/charts/placebo-chart";
import { chartSvg } from "../../src/render/charts/chart-svg";

const dir = mkdtempSync(join(tmpdir(), "did-svg-"));
const base = ["did", "--data", fixturePath("did_staggered.csv"), "--y", "y", "--id", "unit", "--time", "year", "--first-col", "first_treat", "--controls", "x"];

test("--event-study-svg and --placebo-svg write the same figures as the core's chart models", async () => {
  const es = join(dir, "es.svg"), pl = join(dir, "pl.svg");
  const run = await cli(...base, "--placebo", "30", "--seed", "4", "--event-study-svg", es, "--placebo-svg", pl, "--lang", "zh");
  expect(run.code).toBe(0);
  const table = fixtureTable("did_staggered.csv");
  const spec = { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] };
  expect(readFileSync(es, "utf8")).toBe(chartSvg(eventStudyChart(eventStudy(table, spec), "zh", { y: "y", controls: ["x"] })));
  expect(readFileSync(pl, "utf8")).toBe(chartSvg(placeboChart(placebo(table, spec, 30, "4"), "zh")));
  expect(readFileSync(es, "utf8")).toContain("事件研究：y");
});

test("--placebo-svg without --placebo N is refused with the reason", async () => {
  const out = join(dir, "none.svg");
  const run = await cli(...base, "--placebo-svg", out);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/--placebo-svg needs --placebo N/);
  expect(existsSync(out)).toBe(false);
});
