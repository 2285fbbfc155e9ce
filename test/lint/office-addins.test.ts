import { spawnSync } from "child_process";
import { join } from "path";

/** Microsoft's eslint-plugin-office-addins rules run in `npm run lint` on the code that calls Office. */
describe("office-addins lint rules", () => {
  const root = join(__dirname, "..", "..");
  function rulesHit(file: string, code: string): string[] {
    const run = spawnSync(process.execPath, [join(root, "node_modules", "eslint", "bin", "eslint.js"), "--stdin", "--stdin-filename", file, "-f", "json"], { cwd: root, input: code, encoding: "utf8" });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.map((m) => m.ruleId ?? m.message);
  }
  const readWithoutLoad = `export async function f() {
  return Excel.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    await context.sync();
    return r.values;
  });
}
`;
  const readWithoutSync = `export async function f() {
  return Excel.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    r.load("values");
    return r.values;
  });
}
`;
  const correct = `export async function f() {
  return Excel.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    r.load("values");
    await context.sync();
    return r.values;
  });
}
`;

  test("a property read without load() is an error in the task pane", () => {
    expect(rulesHit("src/taskpane/probe.ts", readWithoutLoad)).toContain("office-addins/load-object-before-read");
  });

  test("a read between load() and context.sync() is an error in the functions", () => {
    expect(rulesHit("src/functions/probe.ts", readWithoutSync)).toContain("office-addins/call-sync-after-load");
  });

  test("load, sync, read passes", () => {
    expect(rulesHit("src/taskpane/probe.ts", correct)).toEqual([]);
  });
});
