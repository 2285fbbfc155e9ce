// A production build for a non-localhost origin and China's Microsoft 365 CDN (21Vianet), into a
// temporary folder: both manifests and every HTML file reference only that origin and that CDN,
// both manifests pass the offline validation, the help page has a section for every function, and
// `npm run package` packs what a static server and the admin center need.
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";

const root = join(__dirname, "..", "..");
const ORIGIN = "https://stats.example.edu.cn/econsheet/";
const CHINA_CDN = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";
const MINUTES = 60 * 1000;
const work = mkdtempSync(join(tmpdir(), "econsheet-deploy-"));
const out = join(work, "dist");
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Result = { name: string; status: string; detail: string };
const validator = require("../../scripts/validate-manifest.js") as { runDistChecks(dir: string, o?: object): Promise<{ results: Result[]; origin: string }> };
const { packageBuild } = require("../../scripts/package.js") as { packageBuild(o: { dist: string; out?: string; force?: boolean }): Promise<{ file: string; origin: string; cdn: string }> };

/** Absolute URLs in a text, leaving out XML namespace declarations, comments and $schema. */
function referencedUrls(text: string): string[] {
  const clean = text.replace(/<!--[\s\S]*?-->/g, "").replace(/\sxmlns(:\w+)?="[^"]*"/g, "").replace(/"\$schema":\s*"[^"]*"/g, "");
  return clean.match(/https?:\/\/[^\s"'<>)\\]+/g) ?? [];
}

beforeAll(() => {
  const webpack = join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", "addin", "--env", `origin=${ORIGIN}`, "--env", "cdn=21vianet", "--env", `out=${out}`], { cwd: root, encoding: "utf8", timeout: 25 * MINUTES });
  if (r.status !== 0) throw new Error(`the deployment build failed:\n${(r.stderr || r.stdout).slice(-4000)}`);
}, 30 * MINUTES);

test("both manifests and every HTML file reference only the origin and the 21Vianet office.js", () => {
  const files = readdirSync(out).filter((f) => /\.(html|xml)$/.test(f) || f === "manifest.json" || f === "functions.json");
  expect(files).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "functions-help.html", "manifest.xml", "manifest.json", "functions.json"]));
  const strays: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(out, f), "utf8");
    if (/localhost/.test(text)) strays.push(`${f}: mentions localhost`);
    for (const u of referencedUrls(text)) if (!(u.startsWith(ORIGIN) || u === CHINA_CDN || u === "https://stats.example.edu.cn")) strays.push(`${f}: ${u}`);
  }
  expect(strays).toEqual([]);
  for (const page of ["taskpane.html", "commands.html"]) expect(readFileSync(join(out, page), "utf8")).toContain(CHINA_CDN);
  expect(readFileSync(join(out, "taskpane.html"), "utf8")).not.toContain("appsforoffice.microsoft.com");
});

test("both manifests pass the offline validation for that origin", async () => {
  const { results, origin } = await validator.runDistChecks(out, { online: false, info: true });
  expect(origin).toBe(ORIGIN);
  expect(results.filter((r) => r.status === "fail").map((r) => `${r.name}: ${r.detail}`)).toEqual([]);
  const names = results.map((r) => r.name).join("\n");
  expect(names).toMatch(/XML schema/);
  expect(names).toMatch(/unified manifest schema/);
  expect(results.filter((r) => r.status === "pass").length).toBeGreaterThanOrEqual(12);
}, 5 * MINUTES);

test("every function's helpUrl is its section of the shipped help page; the resampling functions are cancelable", () => {
  const { functions } = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { functions: { name: string; helpUrl: string; options?: { cancelable?: boolean } }[] };
  const help = readFileSync(join(out, "functions-help.html"), "utf8");
  for (const f of functions) {
    expect(f.helpUrl).toBe(`${ORIGIN}functions-help.html#ECON.${f.name}`);
    // The production build minifies HTML (attribute quotes may go).
    expect(help).toMatch(new RegExp(`<section id="?ECON\\.${f.name}"?>`));
  }
  for (const name of ["MEDIATION", "DID"]) expect(functions.find((f) => f.name === name)!.options?.cancelable).toBe(true);
  expect(help).toMatch(/id="?privacy"?>[\s\S]*id="?terms"?>/);
});

test("npm run package: the web files, both manifests, the unified app package and a README for this origin", async () => {
  const target = join(work, "pkg", "econsheet.zip");
  const r = await packageBuild({ dist: out, out: target });
  expect(r.origin).toBe(ORIGIN);
  expect(r.cdn).toBe("21vianet");
  const zip = await JSZip.loadAsync(readFileSync(target));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
  const web = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(out.length + 1).split("\\").join("/"));
  const expectedWeb = web.filter((f) => !["manifest.xml", "manifest.json", "zh-cn.json", "color-192.png", "outline-32.png", "cli.js"].includes(f)).map((f) => `web/${f}`);
  expect(names).toEqual([...expectedWeb, "README.md", "econsheet-unified-app.zip", "manifest.xml", "unified/color-192.png", "unified/manifest.json", "unified/outline-32.png", "unified/zh-cn.json"].sort());
  expect(names).toEqual(expect.arrayContaining(["web/taskpane.html", "web/functions.js", "web/functions.json", "web/functions-help.html", "web/commands.html", "web/analysis-worker.js", "web/assets/icon-16.png", "web/assets/icon-80.png"]));
  expect(await zip.file("manifest.xml")!.async("string")).toBe(readFileSync(join(out, "manifest.xml"), "utf8"));
  const app = await JSZip.loadAsync(await zip.file("econsheet-unified-app.zip")!.async("nodebuffer"));
  expect(Object.keys(app.files).sort()).toEqual(["color-192.png", "manifest.json", "outline-32.png", "zh-cn.json"]);
  expect(JSON.parse(await app.file("manifest.json")!.async("string")).extensions[0].runtimes[0].code.page).toBe(`${ORIGIN}taskpane.html`);
  const readme = await zip.file("README.md")!.async("string");
  expect(readme).toContain(ORIGIN);
  expect(readme).toMatch(/21Vianet/);
  expect(readme).toMatch(/托管文件/);
  // An existing --out file is kept unless --force.
  const before = statSync(target).mtimeMs;
  await expect(packageBuild({ dist: out, out: target })).rejects.toThrow(/exists[\s\S]*已存在/);
  expect(statSync(target).mtimeMs).toBe(before);
});

test("npm run package refuses a build for the development server, saying how to build for a server", async () => {
  const dev = join(work, "devdist");
  mkdirSync(dev);
  const { unifiedManifest, xmlManifest } = require("../../scripts/lib/addin-manifest.js");
  writeFileSync(join(dev, "manifest.json"), JSON.stringify(unifiedManifest({ version: "0.1.0" }).manifest));
  writeFileSync(join(dev, "manifest.xml"), xmlManifest({ version: "0.1.0" }));
  for (const f of ["taskpane.html", "functions.js", "functions.json"]) writeFileSync(join(dev, f), "");
  await expect(packageBuild({ dist: dev, out: join(work, "dev.zip") })).rejects.toThrow(/development server[\s\S]*--env origin=/);
  expect(existsSync(join(work, "dev.zip"))).toBe(false);
});
