// Every shell command block of README.md and docs/*.md runs as written, on a fresh copy of the
// repository (the files a clone has: `git ls-files`, plus the working tree's new files) with the
// bundled sample files, node_modules linked in and dist/ built. Each Markdown file gets its own
// copy in a temporary folder, so every output file a command writes lands there. `npm install -g`
// installs into a temporary prefix that is first on PATH, so `econsheet` runs as a user's would.
// Blocks run in order, each as one `bash -e -o pipefail` script; a block that fails names the file,
// the line and the command's stderr.
import { execFileSync, spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { createHash } from "crypto";
import { COMMAND_LANGS, DocBlock, fencedBlocks, isSynopsis, looksLikeCommand } from "./doc-blocks";

const { newestMtime } = require("../../scripts/lib/stale.js") as { newestMtime: (dir: string) => number };

const root = join(__dirname, "..", "..");
const DOCS = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];
const MINUTES = 60 * 1000;

/**
 * Lines of command blocks this test does not run, each with the reason. Every entry must still
 * occur in the docs (checked below), so the list cannot go stale.
 */
const NOT_RUN: Record<string, string> = {
  "npm install && npm start": "installs from the registry into the shared node_modules, then serves the add-in until Ctrl+C",
  "npm test": "runs this test (and the whole suite) again",
};
const commandPart = (line: string) => line.replace(/\s+#.*$/, "").trim();

const blocks = new Map(DOCS.map((f) => [f, fencedBlocks(join(root, f)).map((b) => ({ ...b, file: f }))]));
const commandBlocks = (f: string) => blocks.get(f)!.filter((b) => COMMAND_LANGS.has(b.lang));

test("every fenced block says what it is: commands (sh), or text/json that is no command", () => {
  const problems: string[] = [];
  for (const [file, list] of blocks) {
    for (const b of list) {
      if (!b.lang) problems.push(`${file}:${b.line}: a code block without a language; fence commands as \`\`\`sh (this test runs them) and synopses, formulas or layouts as \`\`\`text`);
      else if (b.lang === "text") {
        for (const line of b.code.replace(/\\\n/g, " ").split("\n")) {
          if (looksLikeCommand(line) && !isSynopsis(line)) problems.push(`${file}:${b.line}: "${line.trim()}" is a command in a text block; move it to a \`\`\`sh block so it is tested`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});

test("the commands not run here still occur in the docs", () => {
  const lines = new Set([...blocks.keys()].flatMap((f) => commandBlocks(f).flatMap((b) => b.code.split("\n").map(commandPart))));
  for (const line of Object.keys(NOT_RUN)) expect(lines.has(line)).toBe(true);
});

describe("command blocks run as written", () => {
  let work: string;
  let base: string;
  let env: NodeJS.ProcessEnv;
  /** Results of blocks already run after the same preceding blocks (the English and Chinese deploy guides share theirs). */
  const ran = new Map<string, string>();

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "econsheet-docs-"));
    base = join(work, "clone");
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(root, f))) continue; // deleted in the working tree
      mkdirSync(dirname(join(base, f)), { recursive: true });
      cpSync(join(root, f), join(base, f));
    }
    symlinkSync(realpathSync(join(root, "node_modules")), join(base, "node_modules"));
    // Webpack leaves an output file alone when its content is unchanged, so dist/ is fresh when its
    // newest file is as new as the newest source (npm test builds just before jest).
    const dist = join(root, "dist");
    const distFresh = ["taskpane.html", "functions.json", "cli.js", "manifest.json", "functions-help.html"].every((f) => existsSync(join(dist, f))) && newestMtime(dist) >= newestMtime(join(root, "src"));
    if (distFresh) cpSync(join(root, "dist"), join(base, "dist"), { recursive: true });
    else {
      console.log("test/docs: dist/ is missing or older than src/; building it in the copy (npm run build, a few minutes)");
      const b = spawnSync("npm", ["run", "build"], { cwd: base, encoding: "utf8", timeout: 20 * MINUTES });
      if (b.status !== 0) throw new Error(`npm run build failed in ${base}:\n${(b.stderr || b.stdout).slice(-3000)}`);
    }
    const prefix = join(work, "global");
    env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_prefix$/i.test(k)));
    Object.assign(env, {
      npm_config_prefix: prefix,
      npm_config_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
      ECONSHEET_SKIP_ONLINE_VALIDATION: "1",
      PATH: `${join(prefix, "bin")}:${process.env.PATH}`,
    });
  }, 25 * MINUTES);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function runBlock(copy: string, b: DocBlock, key: string): void {
    if (ran.has(key)) return;
    const script = b.code
      .split("\n")
      // A comment, not `: …`: the rest of the line (`&& npm start`) must not run either.
      .map((line) => (NOT_RUN[commandPart(line)] ? `# not run here: ${commandPart(line)}` : line))
      .join("\n");
    const file = join(work, `block-${createHash("sha1").update(key).digest("hex").slice(0, 12)}.sh`);
    writeFileSync(file, `set -e -o pipefail\n${script}\n`);
    const r = spawnSync("bash", [file], { cwd: copy, env, encoding: "utf8", timeout: 20 * MINUTES, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      throw new Error(`${b.file}:${b.line}: the block exits with ${r.status ?? r.signal}:\n${b.code}\n--- stderr ---\n${(r.stderr || "").slice(-4000)}\n--- stdout (end) ---\n${(r.stdout || "").slice(-1500)}`);
    }
    ran.set(key, b.file);
  }

  test.each(DOCS.filter((f) => commandBlocks(f).length > 0))("%s", (file) => {
    const copy = join(work, file.replace(/[/.]/g, "_"));
    cpSync(base, copy, { recursive: true, verbatimSymlinks: true });
    let key = "";
    for (const b of commandBlocks(file)) {
      key = createHash("sha1").update(key).update("\0").update(b.code).digest("hex");
      runBlock(copy, b, key);
    }
  }, 40 * MINUTES);

  test("the README's command-line examples and the deployment guide are among the blocks run", () => {
    expect(commandBlocks("README.md").some((b) => /node dist\/cli\.js table\s+sample\/table\.json --csv/.test(b.code))).toBe(true);
    expect(DOCS).toEqual(expect.arrayContaining(["docs/deploy.md", "docs/deploy.zh-CN.md"]));
    expect(commandBlocks("docs/deploy.md").some((b) => /npm run build -- --env origin=/.test(b.code))).toBe(true);
  });
});
