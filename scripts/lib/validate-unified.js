/*
 * Offline validation of the unified manifest (manifest.json) and its localisation file against the
 * JSON schemas Microsoft publishes, as shipped in the installed @microsoft/app-manifest package
 * (build/json-schemas/teams/v<manifestVersion>/, MIT licence), with ajv (draft-04, as the schemas
 * declare). Beyond the schema (which cannot say it): every URL is https on the given origin,
 * one long-lived runtime hosts the custom functions (namespace ECON) and the ribbon action, the
 * ribbon's actionId names an action of that runtime, the icon files exist with the right pixel
 * sizes, and every localisation key names a string that exists in the manifest.
 */
"use strict";
const fs = require("fs");
const path = require("path");

function schemaDir(manifestVersion) {
  const root = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
  const dir = path.join(root, `v${manifestVersion}`);
  if (!fs.existsSync(dir)) {
    const known = fs.readdirSync(root).join(", ");
    throw new Error(`manifestVersion "${manifestVersion}": @microsoft/app-manifest has no schema for it (has ${known}).\nmanifestVersion "${manifestVersion}"：@microsoft/app-manifest 中没有该版本的架构（已有 ${known}）。`);
  }
  return dir;
}

/**
 * The manifest schema needs Unicode regular expressions (\p{L} in function names); the
 * localisation schema has patterns that are valid only without the u flag (a lone "]").
 */
function compile(file, unicodeRegExp) {
  const Ajv = require("ajv-draft-04");
  const addFormats = require("ajv-formats");
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(file, "utf8")));
}

const describeError = (e) => `${e.instancePath || "(root)"} ${e.message}${e.params && e.params.additionalProperty ? ` ("${e.params.additionalProperty}")` : ""}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : ""}`;

/** Every string value in obj that looks like a URL, with its JSON path. */
function urls(obj, at = "") {
  const out = [];
  if (typeof obj === "string") {
    if (/^[a-z]+:\/\//i.test(obj)) out.push([at, obj]);
  } else if (Array.isArray(obj)) obj.forEach((v, i) => out.push(...urls(v, `${at}[${i}]`)));
  else if (obj && typeof obj === "object") for (const [k, v] of Object.entries(obj)) if (k !== "$schema") out.push(...urls(v, at ? `${at}.${k}` : k));
  return out;
}

/** Reads a dotted/bracketed path such as extensions[0].ribbons[0].tabs[0].label. */
function getPath(obj, p) {
  return p.split(/\.|(?=\[)/).reduce((o, key) => {
    if (o === undefined || o === null) return undefined;
    const m = /^\[(\d+)\]$/.exec(key);
    return m ? o[Number(m[1])] : o[key];
  }, obj);
}

/**
 * Validates dir/manifest.json (+ its localisation files and icons in dir). `origin` (ending "/")
 * is where every URL must point; `assetsRoot` is where the files behind those URLs are.
 * @returns {{ name: string, status: "pass"|"fail", detail: string, problems?: string[] }[]}
 */
function validateUnified(dir, { origin, assetsRoot, pngSize }) {
  const results = [];
  const add = (name, problems, detail) => results.push(problems.length ? { name, status: "fail", detail: problems.join("; "), problems } : { name, status: "pass", detail });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const sdir = schemaDir(manifest.manifestVersion);
  const validate = compile(path.join(sdir, "MicrosoftTeams.schema.json"), true);
  add(`unified manifest schema (@microsoft/app-manifest v${manifest.manifestVersion}, ajv)`, validate(manifest) ? [] : validate.errors.map(describeError), `manifest.json is valid against MicrosoftTeams.schema.json v${manifest.manifestVersion}`);

  const locProblems = [];
  const validateLoc = compile(path.join(sdir, "MicrosoftTeams.Localization.schema.json"), false);
  const languages = (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || [];
  for (const { languageTag, file } of languages) {
    const f = path.join(dir, file);
    if (!fs.existsSync(f)) { locProblems.push(`${file} (${languageTag}) is missing`); continue; }
    const loc = JSON.parse(fs.readFileSync(f, "utf8"));
    if (!validateLoc(loc)) locProblems.push(...validateLoc.errors.map((e) => `${file}: ${describeError(e)}`));
    for (const key of Object.keys(loc)) {
      if (key === "$schema" || key === "localizationKeys") continue;
      const en = getPath(manifest, key);
      if (typeof en !== "string") locProblems.push(`${file}: "${key}" names no string in manifest.json`);
    }
  }
  if (!languages.some((l) => l.languageTag.toLowerCase() === "zh-cn")) locProblems.push("localizationInfo.additionalLanguages has no zh-cn file");
  add("unified manifest zh-cn strings", locProblems, `${languages.map((l) => l.file).join(", ")} valid against MicrosoftTeams.Localization.schema.json; every key names a manifest string`);

  const urlProblems = [];
  for (const [at, url] of urls(manifest)) {
    if (!url.startsWith("https://")) urlProblems.push(`${at}: ${url} is not https`);
    else if (origin && !url.startsWith(origin)) urlProblems.push(`${at}: ${url} is not under ${origin}`);
  }
  const host = origin ? new URL(origin).host : undefined;
  if (host && JSON.stringify(manifest.validDomains) !== JSON.stringify([host])) urlProblems.push(`validDomains is ${JSON.stringify(manifest.validDomains)}, expected ["${host}"]`);
  add("unified manifest URLs", urlProblems, `${urls(manifest).length} URLs, all https under ${origin}`);

  const rt = [];
  const ext = (manifest.extensions || [])[0] || {};
  const runtimes = ext.runtimes || [];
  const cfRuntimes = runtimes.filter((r) => r.customFunctions);
  if (cfRuntimes.length !== 1) rt.push(`${cfRuntimes.length} runtimes declare customFunctions: expected exactly one`);
  const shared = cfRuntimes[0];
  if (shared) {
    if (shared.lifetime !== "long") rt.push(`runtime "${shared.id}" has lifetime "${shared.lifetime || "short (default)"}": the shared runtime needs "long"`);
    if (!shared.code || !shared.code.page || !shared.code.script) rt.push(`runtime "${shared.id}" needs code.page (the task pane) and code.script (functions.js)`);
    const ns = shared.customFunctions.namespace || {};
    if (ns.id !== "ECON" || ns.name !== "ECON") rt.push(`customFunctions.namespace is ${JSON.stringify(ns)}, expected {"id":"ECON","name":"ECON"}`);
    if (!shared.customFunctions.metadataUrl) rt.push("customFunctions.metadataUrl (functions.json) is missing");
  }
  if (!(ext.requirements && (ext.requirements.capabilities || []).some((c) => c.name === "SharedRuntime"))) rt.push('extensions[0].requirements.capabilities lacks {"name":"SharedRuntime"}');
  const actionIds = new Set(runtimes.flatMap((r) => (r.actions || []).map((a) => `${r.id}/${a.id}`)));
  for (const ribbon of ext.ribbons || []) for (const tab of ribbon.tabs || []) for (const g of tab.groups || []) for (const c of g.controls || []) {
    if (!shared || !actionIds.has(`${shared.id}/${c.actionId}`)) rt.push(`ribbon control "${c.id}": actionId "${c.actionId}" is no action of the shared runtime`);
  }
  add("unified manifest shared runtime and ECON namespace", rt, shared ? `runtime "${shared.id}" lifetime long hosts the task pane, the ribbon action and the ECON functions` : "");

  const iconProblems = [];
  const measure = (file, expected, who) => {
    if (!fs.existsSync(file)) return iconProblems.push(`${who}: ${file} does not exist`);
    const size = pngSize(fs.readFileSync(file));
    if (!size) return iconProblems.push(`${who}: ${file} is not a PNG`);
    if (size.width !== expected || size.height !== expected) iconProblems.push(`${who}: ${path.basename(file)} is ${size.width}×${size.height}, expected ${expected}×${expected}`);
  };
  measure(path.join(dir, manifest.icons.color), 192, "icons.color");
  measure(path.join(dir, manifest.icons.outline), 32, "icons.outline");
  for (const [at, url] of urls(manifest)) {
    const m = /icons\[\d+\]\.url$/.test(at) && origin && url.startsWith(origin) ? url.slice(origin.length) : undefined;
    if (m) measure(path.join(assetsRoot, ...m.split("/")), getPath(manifest, at.replace(/\.url$/, ".size")), at);
  }
  add("unified manifest icons", iconProblems, "color 192×192, outline 32×32, ribbon icons at their declared sizes");
  return results;
}

module.exports = { validateUnified, schemaDir };
