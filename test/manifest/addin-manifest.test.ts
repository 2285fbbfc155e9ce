// Both manifests come from one source (scripts/lib/addin-manifest.js); the committed manifest.xml
// is its development-server rendering; the unified manifest passes Microsoft's JSON schema
// (@microsoft/app-manifest) offline, and a broken one fails with the place named.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";

interface ManifestSource {
  DEV_ORIGIN: string;
  OFFICE_JS: Record<string, string>;
  normalizeOrigin(v: string): string;
  officeJsUrl(cdn?: string): string;
  xmlManifest(o: { origin?: string; version: string }): string;
  unifiedManifest(o: { origin?: string; version: string }): { manifest: Json; zh: Record<string, string> };
}
type Result = { name: string; status: string; detail: string; problems?: string[] };
type Json = { [key: string]: unknown };

/** Sets the value at a path such as "extensions[0].runtimes[0].lifetime". */
function setAt(obj: Json, path: string, value: unknown): void {
  const keys = path.split(/\.|(?=\[)/).map((k) => (/^\[(\d+)\]$/.test(k) ? Number(k.slice(1, -1)) : k));
  let o = obj as Record<string | number, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[keys[keys.length - 1]] = value;
}

const src: ManifestSource = require("../../scripts/lib/addin-manifest.js");
const { validateUnified } = require("../../scripts/lib/validate-unified.js") as { validateUnified(dir: string, o: object): Result[] };
const { pngSize } = require("../../scripts/validate-manifest.js");
const root = join(__dirname, "..", "..");
const version = require("../../package.json").version as string;
const ORIGIN = "https://stats.example.edu.cn/econsheet/";
const dir = mkdtempSync(join(tmpdir(), "econsheet-unified-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeUnified(manifest: object, zh: object): string {
  const d = mkdtempSync(join(dir, "m-"));
  writeFileSync(join(d, "manifest.json"), JSON.stringify(manifest));
  writeFileSync(join(d, "zh-cn.json"), JSON.stringify(zh));
  for (const f of ["color-192.png", "outline-32.png"]) copyFileSync(join(root, "assets", f), join(d, f));
  return d;
}
const failures = (r: Result[]) => r.filter((x) => x.status === "fail").map((x) => `${x.name}: ${x.detail}`);

test("the committed manifest.xml is the generated one for the development server (edit scripts/lib/addin-manifest.js, then node scripts/write-manifest.js)", () => {
  expect(readFileSync(join(root, "manifest.xml"), "utf8")).toBe(src.xmlManifest({ origin: src.DEV_ORIGIN, version }));
});

test("the unified manifest for a deployment origin passes Microsoft's schema and our checks", () => {
  const { manifest, zh } = src.unifiedManifest({ origin: ORIGIN, version });
  // Icons of the ribbon live on the server; here they are the repository's assets/.
  const results = validateUnified(writeUnified(manifest, zh), { origin: ORIGIN, assetsRoot: root, pngSize });
  expect(failures(results)).toEqual([]);
  expect(results.map((r) => r.name)).toEqual(expect.arrayContaining([expect.stringMatching(/schema \(@microsoft\/app-manifest v1\.\d+, ajv\)/)]));
  expect(manifest.version).toBe(version);
  expect(manifest.validDomains).toEqual(["stats.example.edu.cn"]);
});

test.each([
  ["an unknown property", "extensions[0].runtimes[0].lifetme", "long", /additional properties \("lifetme"\)/],
  ["a namespace Excel rejects", "extensions[0].runtimes[0].customFunctions.namespace.id", "1ECON", /namespace/],
  ["a short description over 80 characters", "description.short", "x".repeat(81), /description\/short/],
  ["a short-lived runtime", "extensions[0].runtimes[0].lifetime", "short", /lifetime "short"/],
  ["a URL on another host", "extensions[0].runtimes[0].code.page", "https://evil.example.com/taskpane.html", /not under https:\/\/stats\.example\.edu\.cn\/econsheet\//],
  ["a ribbon button without its action", "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].actionId", "Nope", /actionId "Nope"/],
])("a unified manifest with %s fails, naming the place", (_what, path, value, message) => {
  const { manifest, zh } = src.unifiedManifest({ origin: ORIGIN, version });
  setAt(manifest, path, value);
  expect(failures(validateUnified(writeUnified(manifest, zh), { origin: ORIGIN, assetsRoot: root, pngSize })).join("\n")).toMatch(message);
});

test("a Chinese string for a key the manifest does not have fails", () => {
  const { manifest, zh } = src.unifiedManifest({ origin: ORIGIN, version });
  const text = failures(validateUnified(writeUnified(manifest, { ...zh, "extensions[0].ribbons[0].tabs[0].groups[1].label": "多余" }), { origin: ORIGIN, assetsRoot: root, pngSize })).join("\n");
  expect(text).toMatch(/groups\[1\]\.label" names no string/);
});

test("every URL of both manifests is on the origin (the XML namespaces aside)", () => {
  const xml = src.xmlManifest({ origin: ORIGIN, version }).replace(/<!--[\s\S]*?-->/g, "").replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
  const urls = xml.match(/https?:\/\/[^\s"<>]+/g)!;
  expect(urls.length).toBeGreaterThan(10);
  for (const u of urls) expect(u === "https://stats.example.edu.cn" || u.startsWith(ORIGIN)).toBe(true);
});

test("origins: https only, normalised to end in '/', errors in English and Chinese", () => {
  expect(src.normalizeOrigin("https://stats.example.edu.cn/econsheet")).toBe(ORIGIN);
  expect(src.normalizeOrigin("https://Stats.Example.edu.cn")).toBe("https://stats.example.edu.cn/");
  expect(() => src.normalizeOrigin("http://stats.example.edu.cn/")).toThrow(/only over HTTPS[\s\S]*只通过 HTTPS/);
  expect(() => src.normalizeOrigin("stats.example.edu.cn")).toThrow(/not a URL[\s\S]*不是网址/);
  expect(() => src.normalizeOrigin("https://h.cn/x/?a=1")).toThrow(/query/);
  expect(src.officeJsUrl("21vianet")).toBe("https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js");
  expect(() => src.officeJsUrl("azure-china")).toThrow(/global, 21vianet[\s\S]*可选/);
});
