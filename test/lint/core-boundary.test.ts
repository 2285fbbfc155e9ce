import { spawnSync } from "child_process";
import { join } from "path";

/** The ESLint rule that keeps Office, the DOM and Node I/O out of src/core and src/render. */
describe("core boundary lint rule", () => {
  const root = join(__dirname, "..", "..");

  /** Lints `code` as if it were the file `file`, with the project's config, and returns the rule ids hit. */
  function rulesHit(file: string, code: string): string[] {
    const run = spawnSync(process.execPath, [join(root, "node_modules", "eslint", "bin", "eslint.js"), "--stdin", "--stdin-filename", file, "-f", "json"], {
      cwd: root,
      input: code,
      encoding: "utf8",
    });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.map((m) => m.ruleId ?? m.message);
  }

  test.each([
    ["src/core/probe.ts", "export const f = () => Excel.run(async () => undefined);"],
    ["src/core/probe.ts", "export const h = () => document.title;"],
    ["src/render/probe.ts", "export const g = () => Office.context;"],
  ])("%s: a host global is an error", (file, code) => {
    expect(rulesHit(file, code)).toContain("no-restricted-globals");
  });

  test("src/core: importing fs is an error", () => {
    expect(rulesHit("src/core/probe.ts", 'import { readFileSync } from "fs";\nexport const r = readFileSync;\n')).toContain("no-restricted-imports");
  });

  test("adapters may use Office", () => {
    expect(rulesHit("src/taskpane/probe.ts", "export const g = () => Office.context;\n")).toEqual([]);
  });
});
