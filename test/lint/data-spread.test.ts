import { spawnSync } from "child_process";
import { join } from "path";

/** The ESLint rule (no-restricted-syntax in eslint.config.js) that keeps data-sized spreads out of src/. */
describe("no spread of data-sized arrays into call arguments", () => {
  const root = join(__dirname, "..", "..");

  function rulesHit(file: string, code: string): string[] {
    const run = spawnSync(process.execPath, [join(root, "node_modules", "eslint", "bin", "eslint.js"), "--stdin", "--stdin-filename", file, "-f", "json"], { cwd: root, input: code, encoding: "utf8" });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.map((m) => m.ruleId ?? m.message);
  }

  test.each([
    ["src/core/probe.ts", "export const f = (x: number[]) => Math.max(...x);\n"],
    ["src/core/probe.ts", "export const f = (x: number[]) => Math.min(0, ...x.map(Math.abs));\n"],
    ["src/render/probe.ts", "export const f = (a: number[], b: number[]) => a.push(...b);\n"],
    ["src/taskpane/probe.tsx", "export const f = (a: number[], b: number[]) => a.unshift(...b);\n"],
    ["src/cli/probe.ts", "export const f = (x: number[]) => Math.max.apply(null, x);\n"],
    ["src/functions/probe.ts", "export const f = (c: number[]) => String.fromCharCode(...c);\n"],
  ])("%s: %s is an error", (file, code) => {
    expect(rulesHit(file, code)).toContain("no-restricted-syntax");
  });

  test.each([
    ["src/core/probe.ts", "import { maxOf } from './data/extent';\nexport const f = (x: number[]) => maxOf(x);\n"],
    ["src/core/probe.ts", "export const f = (a: number, b: number) => Math.max(a, b, ...[1, 2]);\n"],
    ["src/render/probe.ts", "export const f = (a: number[][], b: number[]) => a.push([...b, 1]);\n"],
  ])("%s: %s is allowed", (file, code) => {
    expect(rulesHit(file, code)).toEqual([]);
  });
});
