#!/usr/bin/env node
/*
 * npm run validate — checks manifest.xml and says which checks ran.
 *
 * Offline (always): XML well-formedness and schema validation against manifest-schema/*.xsd
 * (xmllint compiled to WebAssembly, no system package needed); references and resources;
 * shared-runtime and ECON-namespace wiring; English defaults with zh-CN overrides; icon files
 * and their pixel sizes; `office-addin-manifest info`.
 * Online (when Microsoft's validation service answers): `office-addin-manifest validate`.
 * Exit code 1 when any offline check fails, or when the online service says the manifest is invalid.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const schemaDir = path.join(root, "manifest-schema");

/** XML well-formedness and the XSDs. */
async function checkSchema(xml) {
  const { validateXML } = require("xmllint-wasm");
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") });
  const r = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [read("offappmanifest-1.1.xsd")],
    preload: [read("taskpaneappversionoverrides-1.0.xsd"), read("officeappbasictypes-1.0.xsd")],
  });
  return r.valid ? { ok: true, detail: "valid against OfficeApp 1.1 / VersionOverrides 1.0 / basic types 1.0" } : { ok: false, detail: r.errors.map((e) => e.message.trim()).join("\n    ") };
}

function attrValues(xml, attr) {
  return [...xml.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, "g"))].map((m) => m[1]);
}

/** Every resid used is defined under Resources, and every resource is used. */
function checkReferences(xml) {
  const resources = xml.slice(xml.indexOf("<Resources>"));
  const defined = [...resources.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]);
  const used = attrValues(xml.slice(0, xml.indexOf("<Resources>")), "resid");
  const problems = [];
  for (const u of new Set(used)) if (!defined.includes(u)) problems.push(`resid "${u}" is used but not defined in <Resources>`);
  for (const d of defined) if (!used.includes(d)) problems.push(`resource "${d}" is defined but never used`);
  const dup = defined.filter((d, i) => defined.indexOf(d) !== i);
  for (const d of new Set(dup)) problems.push(`resource id "${d}" is defined twice`);
  return problems.length ? { ok: false, detail: problems.join("; ") } : { ok: true, detail: `${new Set(used).size} resids, all defined and used` };
}

function resourceValue(xml, id) {
  const m = new RegExp(`<bt:(?:Image|Url|String)\\s+id="${id.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]*)"`).exec(xml);
  return m ? m[1] : undefined;
}

/** Shared runtime (lifetime long, one page for task pane and functions) and the ECON namespace. */
function checkRuntime(xml) {
  const problems = [];
  const runtime = /<Runtime\s+resid="([^"]+)"\s+lifetime="([^"]+)"/.exec(xml);
  if (!runtime) problems.push("no <Runtime> element (shared runtime)");
  else if (runtime[2] !== "long") problems.push(`<Runtime lifetime="${runtime[2]}">: must be "long" so functions run while the task pane is closed`);
  const page = /<Page>\s*<SourceLocation\s+resid="([^"]+)"/.exec(xml);
  if (!page) problems.push("no custom-functions <Page>");
  if (runtime && page && runtime[1] !== page[1]) problems.push(`<Runtime resid="${runtime[1]}"> and the custom-functions <Page> ("${page[1]}") differ: a shared runtime needs one page`);
  const action = /<Action\s+xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation\s+resid="([^"]+)"/.exec(xml);
  if (!action) problems.push("no ShowTaskpane action on the ribbon");
  else if (runtime && action[1] !== runtime[1]) problems.push(`the ShowTaskpane action opens "${action[1]}", not the shared runtime page "${runtime[1]}"`);
  const ns = /<Namespace\s+resid="([^"]+)"/.exec(xml);
  const nsValue = ns && resourceValue(xml, ns[1]);
  if (nsValue !== "ECON") problems.push(`custom-functions <Namespace> is "${nsValue}", expected "ECON"`);
  if (!/<Permissions>ReadWriteDocument<\/Permissions>/.test(xml)) problems.push("<Permissions> must be ReadWriteDocument (the add-in writes result sheets)");
  if (!/<OfficeTab\s+id="TabHome">/.test(xml)) problems.push("the EconSheet button must be on the Home tab (OfficeTab TabHome)");
  return problems.length ? { ok: false, detail: problems.join("; ") } : { ok: true, detail: `lifetime="long", page "${runtime[1]}", namespace ECON, ReadWriteDocument, Home-tab button` };
}

/** English defaults with a zh-CN override for every user-visible string. */
function checkLocales(xml) {
  const problems = [];
  if (!/<DefaultLocale>en-US<\/DefaultLocale>/.test(xml)) problems.push("DefaultLocale must be en-US");
  for (const el of ["DisplayName", "Description"]) {
    const m = new RegExp(`<${el}\\s+DefaultValue="[^"]*">([\\s\\S]*?)</${el}>`).exec(xml);
    if (!m || !/Locale="zh-CN"/.test(m[1])) problems.push(`<${el}> has no zh-CN Override`);
  }
  for (const m of xml.matchAll(/<bt:String\s+id="([^"]+)"\s+DefaultValue="[^"]*"\s*(\/>|>([\s\S]*?)<\/bt:String>)/g)) {
    if (m[1] === "Functions.Namespace") continue;
    if (!m[3] || !/Locale="zh-CN"/.test(m[3])) problems.push(`string "${m[1]}" has no zh-CN Override`);
  }
  return problems.length ? { ok: false, detail: problems.join("; ") } : { ok: true, detail: "en-US default, zh-CN overrides for display name, description and every string" };
}

/** Icons referenced exist under assets/ and have the declared size. */
function checkIcons(xml) {
  const problems = [];
  const checked = [];
  const icons = [...xml.matchAll(/<bt:Image\s+id="([^"]+)"\s+DefaultValue="([^"]+)"/g)].map((m) => ({ id: m[1], url: m[2] }));
  const extra = [/<IconUrl\s+DefaultValue="([^"]+)"/, /<HighResolutionIconUrl\s+DefaultValue="([^"]+)"/].map((re) => re.exec(xml)).filter(Boolean).map((m) => ({ id: m[0].slice(1, m[0].indexOf(" ")), url: m[1] }));
  for (const { id, url } of [...icons, ...extra]) {
    const file = url.replace(/^https:\/\/[^/]+\//, "");
    const full = path.join(root, file);
    if (!fs.existsSync(full)) {
      problems.push(`${id}: ${file} does not exist`);
      continue;
    }
    const buf = fs.readFileSync(full);
    if (buf.readUInt32BE(0) !== 0x89504e47) {
      problems.push(`${id}: ${file} is not a PNG`);
      continue;
    }
    const w = buf.readUInt32BE(16), h = buf.readUInt32BE(20);
    const size = /(\d+)x\d+|icon-(\d+)/.exec(id + " " + file);
    const expected = size ? Number(size[1] ?? size[2]) : undefined;
    if (w !== h || (expected && w !== expected)) problems.push(`${id}: ${file} is ${w}×${h}${expected ? `, expected ${expected}×${expected}` : ""}`);
    checked.push(`${path.basename(file)} ${w}×${h}`);
  }
  return problems.length ? { ok: false, detail: problems.join("; ") } : { ok: true, detail: checked.join(", ") };
}

/** `office-addin-manifest info` reads the manifest. */
function checkInfo(manifestPath) {
  const bin = path.join(root, "node_modules", "office-addin-manifest", "cli.js");
  const r = spawnSync(process.execPath, [bin, "info", manifestPath], { encoding: "utf8", timeout: 60000 });
  if (r.status !== 0) return { ok: false, detail: (r.stderr || r.stdout).trim().split("\n").slice(0, 3).join(" ") };
  const name = /Name: (.*)/.exec(r.stdout);
  return { ok: true, detail: `read: ${name ? name[1] : "?"}, ${/Type: (.*)/.exec(r.stdout)?.[1] ?? ""}` };
}

/** Microsoft's online validation; "skipped" when the service cannot be reached. */
function checkOnline(manifestPath) {
  if (process.env.ECONSHEET_SKIP_ONLINE_VALIDATION) return { skipped: true, detail: "ECONSHEET_SKIP_ONLINE_VALIDATION is set" };
  const bin = path.join(root, "node_modules", "office-addin-manifest", "cli.js");
  const r = spawnSync(process.execPath, [bin, "validate", manifestPath], { encoding: "utf8", timeout: 20000 });
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.error || r.signal) return { skipped: true, detail: `offline (no answer within 20 s)` };
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network|fetch failed|Unable to validate|getaddrinfo|socket/i.test(out) && !/is valid|is not valid/i.test(out)) {
    return { skipped: true, detail: `offline (${(out.match(/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|fetch failed|getaddrinfo[^\n]*/i) || ["service unreachable"])[0].trim()})` };
  }
  if (/The manifest is valid/i.test(out)) return { ok: true, detail: "Microsoft's validation service: valid" };
  if (/The manifest is not valid/i.test(out)) return { ok: false, detail: out.trim().split("\n").slice(0, 8).join(" ") };
  return { skipped: true, detail: `no verdict from the service (exit ${r.status})` };
}

async function runChecks(manifestPath, { online = true } = {}) {
  const xml = fs.readFileSync(manifestPath, "utf8");
  const results = [];
  const run = async (name, fn) => {
    try {
      results.push({ name, ...(await fn()) });
    } catch (e) {
      results.push({ name, ok: false, detail: e.message });
    }
  };
  await run("XML schema (manifest-schema/*.xsd, xmllint)", () => checkSchema(xml));
  await run("resource references", () => checkReferences(xml));
  await run("shared runtime and ECON namespace", () => checkRuntime(xml));
  await run("English and Simplified Chinese strings", () => checkLocales(xml));
  await run("icons", () => checkIcons(xml));
  await run("office-addin-manifest info", () => checkInfo(manifestPath));
  if (online) await run("office-addin-manifest validate (online)", () => checkOnline(manifestPath));
  return results;
}

async function main() {
  const manifestPath = path.resolve(process.argv[2] || path.join(root, "manifest.xml"));
  const results = await runChecks(manifestPath);
  for (const r of results) console.log(`${r.skipped ? "–" : r.ok ? "✓" : "✗"} ${r.name}: ${r.skipped ? "skipped, " : ""}${r.detail}`);
  const failed = results.filter((r) => !r.skipped && !r.ok).length;
  const ran = results.filter((r) => !r.skipped).length;
  console.log(`validate: ${ran - failed} passed, ${failed} failed, ${results.length - ran} skipped (${path.relative(root, manifestPath) || manifestPath})`);
  process.exitCode = failed ? 1 : 0;
}

module.exports = { runChecks, checkSchema, checkReferences, checkRuntime, checkLocales, checkIcons };

if (require.main === module) main();
