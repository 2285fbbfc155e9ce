#!/usr/bin/env node
/*
 * npm run validate — checks manifest.xml and prints which checks ran:
 *   ✓ passed   ✗ failed   – skipped (with the reason)
 *
 * Offline, always:
 *   1. XML well-formed                        xmllint (xmllint-wasm: WebAssembly, no system package)
 *   2. XML schema                             manifest-schema/*.xsd (reconstructed from Microsoft's reference)
 *   3. identity                               Id is a GUID, Version is n.n.n.n, en-US, TaskPaneApp for Workbook
 *   4. resource references                    every resid defined with the right kind, every resource used
 *   5. shared runtime and ECON namespace      one long-lived runtime page shared by functions, task pane, ribbon
 *   6. English and Simplified Chinese strings en-US defaults with a zh-CN Override for every user-visible string
 *   7. icons                                  assets/ files exist, are PNGs, and have the declared pixel size
 *   8. office-addin-manifest info             Microsoft's tooling reads the manifest (needs the ajv peer)
 * Online, when Microsoft's validation service answers (skipped offline, or with --offline):
 *   9. office-addin-manifest validate
 *
 * `--dist DIR` (after a build, e.g. `npm run validate -- --dist dist`) checks the built
 * DIR/manifest.xml the same way, with its icons looked up under DIR, and the unified manifest
 * DIR/manifest.json + zh-cn.json against Microsoft's JSON schema (scripts/lib/validate-unified.js).
 *
 * Exit code 1 when an offline check fails or the service says the manifest is invalid; 0 otherwise.
 * The checks are exported for test/manifest/validate-manifest.test.ts.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { stripVTControlCharacters } = require("util");

const projectRoot = path.resolve(__dirname, "..");
const schemaDir = path.join(projectRoot, "manifest-schema");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const PREFIX = { [NS.app]: "", [NS.ov]: "", [NS.bt]: "bt:", [NS.xsi]: "xsi:" };

/** The custom-functions namespace users type: =ECON.PANEL(…). */
const FUNCTIONS_NAMESPACE = "ECON";
const ONLINE_TIMEOUT_MS = 20000;

// ---------------------------------------------------------------------------------------------
// A small namespace-aware XML reader for the semantic checks (xmllint has already judged
// well-formedness and the schema; this only needs elements, attributes, text and line numbers).

/**
 * @typedef {{ ns: string, name: string, qname: string, attrs: Record<string,string>, children: El[],
 *             parent: El | null, text: string, line: number }} El
 */

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'"
      : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

/** Parses XML text into a tree of El; throws on mismatched tags. */
function parseXml(xml) {
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attrRe = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const doc = { children: [], scopes: [{ xml: "http://www.w3.org/XML/1998/namespace" }] };
  const stack = [];
  let line = 1, last = 0, root = null;
  for (let m; (m = token.exec(xml)); ) {
    for (let i = last; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    last = m.index;
    const parent = stack[stack.length - 1];
    if (m[3]) {
      const raw = {};
      for (let a; (a = attrRe.exec(m[4])); ) raw[a[1]] = decodeEntities(a[2] ?? a[3]);
      const scope = Object.create(parent ? parent.scope : doc.scopes[0]);
      for (const [k, v] of Object.entries(raw)) {
        if (k === "xmlns") scope[""] = v;
        else if (k.startsWith("xmlns:")) scope[k.slice(6)] = v;
      }
      const [pfx, local] = m[3].includes(":") ? m[3].split(":") : ["", m[3]];
      const el = { ns: scope[pfx] ?? "", name: local, qname: m[3], attrs: raw, children: [], parent: parent ?? null, text: "", line, scope };
      if (parent) parent.children.push(el);
      else if (root) throw new Error(`line ${line}: a second root element <${m[3]}>`);
      else root = el;
      if (!m[5]) stack.push(el);
    } else if (m[2]) {
      const open = stack.pop();
      if (!open || open.qname !== m[2]) throw new Error(`line ${line}: </${m[2]}> does not close <${open ? open.qname : "nothing"}>`);
    } else if (m[6] !== undefined || m[1] !== undefined) {
      if (parent) parent.text += m[1] !== undefined ? m[1] : decodeEntities(m[6]);
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].qname}> (line ${stack[stack.length - 1].line}) is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** All descendants of el (depth first) matching the local name and, optionally, the namespace. */
function all(el, name, ns) {
  const out = [];
  const walk = (e) => {
    for (const c of e.children) {
      if (c.name === name && (ns === undefined || c.ns === ns)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
const first = (el, name, ns) => all(el, name, ns)[0];
const childrenNamed = (el, name) => (el ? el.children.filter((c) => c.name === name) : []);
/** xsi:type value without its prefix. */
const xsiType = (el) => {
  const key = Object.keys(el.attrs).find((k) => el.scope[k.split(":")[0]] === NS.xsi && k.endsWith(":type"));
  return key ? el.attrs[key].split(":").pop() : undefined;
};
/** "GetStarted/Title (line 63)": where an element is, for messages. */
function where(el) {
  const p = el.parent ? `${PREFIX[el.parent.ns] ?? ""}${el.parent.name}/` : "";
  return `${p}${PREFIX[el.ns] ?? ""}${el.name} (line ${el.line})`;
}
const tag = (el, attr) => `<${PREFIX[el.ns] ?? ""}${el.name}${attr ? ` ${attr}="${el.attrs[attr]}"` : ""}>`;

/** Reads and parses a manifest once for the semantic checks. */
function loadManifest(xml) {
  const root = parseXml(xml);
  const vo = childrenNamed(root, "VersionOverrides")[0];
  const resources = vo ? childrenNamed(vo, "Resources")[0] : undefined;
  /** id → { kind: Images|Urls|ShortStrings|LongStrings, el, value } */
  const defined = new Map();
  const duplicates = [];
  for (const group of resources ? resources.children : []) {
    for (const r of group.children) {
      const id = r.attrs.id;
      if (id === undefined) continue;
      if (defined.has(id)) duplicates.push(`resource id "${id}" is defined twice (${where(defined.get(id).el)} and ${where(r)})`);
      else defined.set(id, { kind: group.name, el: r, value: r.attrs.DefaultValue });
    }
  }
  return { xml, root, vo, resources, defined, duplicates };
}

// ---------------------------------------------------------------------------------------------
// Checks. Each returns { status: "pass" | "fail" | "skip", detail, problems? }.

const pass = (detail) => ({ status: "pass", detail });
const fail = (problems) => ({ status: "fail", detail: problems.join("; "), problems });
const skip = (detail) => ({ status: "skip", detail });

/** Prefixes instead of {namespace} in xmllint's messages. */
function shortenNamespaces(message) {
  return message
    .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/officeappbasictypes\/1\.0\}/g, "bt:")
    .replace(/\{http:\/\/www\.w3\.org\/2001\/XMLSchema-instance\}/g, "xsi:")
    .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/(appforoffice\/1\.1|taskpaneappversionoverrides)\}/g, "");
}

/**
 * Well-formedness and the XSDs in manifest-schema/, in one xmllint run.
 * @returns {Promise<{ wellFormed: object, schema: object }>}
 */
async function checkXml(xml) {
  const { validateXML } = require("xmllint-wasm");
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") });
  const r = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [read("offappmanifest-1.1.xsd")],
    preload: [read("taskpaneappversionoverrides-1.0.xsd"), read("officeappbasictypes-1.0.xsd")],
  });
  const errors = r.errors
    .filter((e) => e.loc !== null)
    .map((e) => `line ${e.loc.lineNumber}: ${shortenNamespaces(e.message.replace(/^Schemas validity error : /, "").trim())}`);
  const parserErrors = errors.filter((e) => /parser error|namespace error/.test(e));
  if (parserErrors.length) return { wellFormed: fail(parserErrors), schema: skip("the manifest is not well-formed XML") };
  const wellFormed = pass("xmllint parsed the manifest");
  if (r.valid) return { wellFormed, schema: pass("valid against OfficeApp 1.1 (TaskPaneApp), VersionOverrides 1.0 (taskpane), officeappbasictypes 1.0") };
  return { wellFormed, schema: fail(errors.length ? errors : [r.rawOutput.trim()]) };
}

/** Id is a GUID, Version is n.n.n.n, TaskPaneApp for Excel, English as the default locale. */
function checkIdentity(m) {
  const problems = [];
  const text = (name) => (childrenNamed(m.root, name)[0]?.text ?? "").trim();
  if (m.root.name !== "OfficeApp" || m.root.ns !== NS.app) problems.push(`the root element is <${m.root.qname}>, expected <OfficeApp xmlns="${NS.app}">`);
  if (xsiType(m.root) !== "TaskPaneApp") problems.push(`<OfficeApp xsi:type="${xsiType(m.root) ?? ""}">: expected TaskPaneApp (the task pane and custom functions need it)`);
  const id = text("Id");
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id)) problems.push(`<Id>${id}</Id> is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  const version = text("Version");
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) problems.push(`<Version>${version}</Version> is not four numbers n.n.n.n (e.g. 1.0.0.0)`);
  if (text("DefaultLocale") !== "en-US") problems.push(`<DefaultLocale>${text("DefaultLocale")}</DefaultLocale>: expected en-US (English defaults, zh-CN overrides)`);
  const hosts = childrenNamed(childrenNamed(m.root, "Hosts")[0], "Host").map((h) => h.attrs.Name);
  if (!hosts.includes("Workbook")) problems.push(`<Hosts> lists ${hosts.length ? hosts.join(", ") : "nothing"}: expected <Host Name="Workbook"/> (Excel)`);
  const voHosts = m.vo ? all(m.vo, "Host", NS.ov).map(xsiType) : [];
  if (m.vo && !voHosts.includes("Workbook")) problems.push(`VersionOverrides/Hosts has no <Host xsi:type="Workbook">`);
  return problems.length ? fail(problems) : pass(`Id ${id}, Version ${version}, TaskPaneApp for Workbook, DefaultLocale en-US`);
}

/** Which resource list a resid must point into, by the referencing element. */
function expectedKind(el) {
  if (el.name === "Image" && el.ns === NS.bt) return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(el.name)) return "Urls";
  if (["Label", "Title", "Namespace"].includes(el.name)) return "ShortStrings";
  if (el.name === "Description") return "LongStrings";
  return undefined;
}

/** Every resid is defined (in the right list), every resource is used, no id twice. */
function checkReferences(m) {
  if (!m.vo) return fail(["no <VersionOverrides>: the ribbon button, custom functions and shared runtime are declared there"]);
  if (!m.resources) return fail(["VersionOverrides has no <Resources>"]);
  const problems = [...m.duplicates];
  const refs = [];
  const walk = (e) => {
    for (const c of e.children) {
      if (c === m.resources) continue;
      if (c.attrs.resid !== undefined) refs.push(c);
      walk(c);
    }
  };
  walk(m.vo);
  const used = new Set();
  for (const el of refs) {
    const id = el.attrs.resid;
    used.add(id);
    const res = m.defined.get(id);
    const kind = expectedKind(el);
    if (!res) problems.push(`${tag(el, "resid")} at ${where(el)}: resid "${id}" is used but not defined in <Resources>${kind ? ` (add it to bt:${kind})` : ""}`);
    else if (kind && res.kind !== kind) problems.push(`${tag(el, "resid")} at ${where(el)}: "${id}" is a bt:${res.kind} resource, expected bt:${kind}`);
  }
  for (const [id, res] of m.defined) if (!used.has(id)) problems.push(`resource "${id}" (${where(res.el)}) is defined but never used`);
  return problems.length ? fail(problems) : pass(`${used.size} resids, each defined in the right list and used; ${m.defined.size} resources`);
}

/** Shared runtime: one long-lived page for functions, task pane and ribbon; namespace ECON. */
function checkSharedRuntime(m) {
  if (!m.vo) return fail(["no <VersionOverrides>"]);
  const problems = [];
  const runtimes = all(m.vo, "Runtime", NS.ov);
  const runtime = runtimes[0];
  if (runtimes.length !== 1) problems.push(`${runtimes.length} <Runtime> elements: a shared runtime needs exactly one (Runtimes/Runtime resid="…" lifetime="long")`);
  if (runtime && runtime.attrs.lifetime !== "long") problems.push(`<Runtime lifetime="${runtime.attrs.lifetime ?? "short (default)"}"> at ${where(runtime)}: must be "long" so the functions keep running when the task pane closes`);
  const page = runtime?.attrs.resid;
  const cf = all(m.vo, "ExtensionPoint", NS.ov).find((e) => xsiType(e) === "CustomFunctions");
  if (!cf) problems.push(`no <ExtensionPoint xsi:type="CustomFunctions"> under AllFormFactors`);
  const sameAsRuntime = (el, what) => {
    if (!el) problems.push(`no ${what}`);
    else if (page && el.attrs.resid !== page) problems.push(`${tag(el, "resid")} at ${where(el)} (${what}) differs from <Runtime resid="${page}">: a shared runtime loads one page`);
  };
  if (cf) sameAsRuntime(childrenNamed(childrenNamed(cf, "Page")[0], "SourceLocation")[0], "the custom-functions <Page><SourceLocation>");
  const showTaskpane = all(m.vo, "Action", NS.ov).filter((a) => xsiType(a) === "ShowTaskpane");
  if (!showTaskpane.length) problems.push(`no ribbon button with <Action xsi:type="ShowTaskpane">`);
  for (const a of showTaskpane) sameAsRuntime(childrenNamed(a, "SourceLocation")[0], "the ShowTaskpane action's SourceLocation");
  const functionFile = first(m.vo, "FunctionFile", NS.ov);
  if (functionFile) sameAsRuntime(functionFile, "<FunctionFile>");
  const sharedRuntimeSet = all(m.root, "Set").find((s) => s.attrs.Name === "SharedRuntime");
  if (!sharedRuntimeSet) problems.push(`<Requirements><Sets> has no <Set Name="SharedRuntime" MinVersion="1.1"/>`);
  const ns = cf && childrenNamed(cf, "Namespace")[0];
  const nsValue = ns ? m.defined.get(ns.attrs.resid)?.value : undefined;
  if (!ns) problems.push(`CustomFunctions has no <Namespace resid="…">: functions would not be named ${FUNCTIONS_NAMESPACE}.*`);
  else if (nsValue !== FUNCTIONS_NAMESPACE) problems.push(`custom-functions <Namespace resid="${ns.attrs.resid}"> at ${where(ns)} is "${nsValue ?? "(undefined)"}", expected "${FUNCTIONS_NAMESPACE}"`);
  const permissions = (childrenNamed(m.root, "Permissions")[0]?.text ?? "").trim();
  if (permissions !== "ReadWriteDocument") problems.push(`<Permissions>${permissions}</Permissions>: EconSheet writes result sheets, so it needs ReadWriteDocument`);
  const tab = all(m.vo, "OfficeTab", NS.ov)[0];
  if (!tab || tab.attrs.id !== "TabHome") problems.push(`the EconSheet button must be on the Home tab (<OfficeTab id="TabHome">)`);
  return problems.length ? fail(problems) : pass(`Runtime "${page}" lifetime="long" shared by functions, task pane and ribbon; SharedRuntime 1.1; namespace ${FUNCTIONS_NAMESPACE}; ReadWriteDocument; Home tab`);
}

/** English defaults and a zh-CN Override for the display name, description and every string. */
function checkLocales(m) {
  const problems = [];
  const hasZh = (el) => el.children.some((o) => o.name === "Override" && o.attrs.Locale?.toLowerCase() === "zh-cn" && (o.attrs.Value ?? "").trim() !== "");
  for (const name of ["DisplayName", "Description"]) {
    const el = childrenNamed(m.root, name)[0];
    if (!el) problems.push(`<${name}> is missing`);
    else if (!hasZh(el)) problems.push(`<${name}> at line ${el.line} has no <Override Locale="zh-CN" Value="…"/>`);
  }
  const namespaceResid = m.vo ? first(m.vo, "Namespace", NS.ov)?.attrs.resid : undefined;
  let strings = 0;
  for (const [id, res] of m.defined) {
    if (res.kind !== "ShortStrings" && res.kind !== "LongStrings") continue;
    if (id === namespaceResid) continue; // =ECON.… is the same in every language
    strings++;
    if (!hasZh(res.el)) problems.push(`string "${id}" (${where(res.el)}) has no <bt:Override Locale="zh-CN" Value="…"/>`);
  }
  return problems.length ? fail(problems) : pass(`en-US defaults; zh-CN overrides for DisplayName, Description and ${strings} strings (the ${FUNCTIONS_NAMESPACE} namespace is not translated)`);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  const signature = "89504e470d0a1a0a";
  if (buf.length < 24 || buf.subarray(0, 8).toString("hex") !== signature || buf.subarray(12, 16).toString("latin1") !== "IHDR") return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Icon files exist under assets/, are PNGs and have the size the manifest declares: the size
 * attribute of each <bt:Image size="…" resid="…"/> in a ribbon Icon, 32×32 for IconUrl and
 * 64×64 for HighResolutionIconUrl. Each ribbon Icon has the mandatory 16, 32 and 80 sizes.
 */
function checkIcons(m, root = projectRoot, origin) {
  const problems = [];
  const seen = new Map();
  const measure = (url, expected, who) => {
    if (origin && !url.startsWith(origin)) return problems.push(`${who}: ${url} is not under ${origin}`);
    const rel = origin ? url.slice(origin.length) : url.replace(/^https:\/\/[^/]+\//, "");
    if (!/^assets\//.test(rel)) return problems.push(`${who}: ${url} is not under /assets/`);
    const file = path.join(root, ...rel.split("/"));
    if (!fs.existsSync(file)) return problems.push(`${who}: ${rel} does not exist`);
    const size = pngSize(fs.readFileSync(file));
    if (!size) return problems.push(`${who}: ${rel} is not a PNG file`);
    if (size.width !== expected || size.height !== expected) problems.push(`${who}: ${rel} is ${size.width}×${size.height} pixels, expected ${expected}×${expected}`);
    seen.set(rel, `${path.basename(rel)} ${size.width}×${size.height}`);
  };
  for (const [name, px] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]]) {
    const el = childrenNamed(m.root, name)[0];
    if (el) measure(el.attrs.DefaultValue ?? "", px, `<${name}> (line ${el.line})`);
  }
  for (const icon of m.vo ? all(m.vo, "Icon", NS.ov) : []) {
    const sizes = childrenNamed(icon, "Image").map((i) => Number(i.attrs.size));
    const missing = [16, 32, 80].filter((s) => !sizes.includes(s));
    if (missing.length) problems.push(`<Icon> at ${where(icon)} lacks the mandatory size${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    for (const img of childrenNamed(icon, "Image")) {
      const res = m.defined.get(img.attrs.resid);
      if (res && res.kind === "Images") measure(res.value ?? "", Number(img.attrs.size), `${tag(img, "resid")} size="${img.attrs.size}" (line ${img.line})`);
    }
  }
  const unique = [...new Set(problems)];
  return unique.length ? fail(unique) : pass([...seen.values()].join(", ") || "no icons declared");
}

function officeAddinManifestCli() {
  return path.join(path.dirname(require.resolve("office-addin-manifest/package.json")), "cli.js");
}

/** Microsoft's office-addin-manifest reads the manifest and reports the same Id, type and version. */
function checkInfo(manifestPath, m) {
  const r = spawnSync(process.execPath, [officeAddinManifestCli(), "info", manifestPath], { encoding: "utf8", timeout: 60000 });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (/Cannot find module 'ajv/.test(out)) return fail(["office-addin-manifest needs ajv, a peer dependency of @microsoft/app-manifest: run npm install"]);
  if (r.error || r.status !== 0 || /Error|Unable to/i.test(r.stderr ?? "")) return fail([`office-addin-manifest info failed: ${(out.trim() || String(r.error)).split("\n").slice(0, 3).join(" ")}`]);
  const field = (name) => new RegExp(`^\\s*${name}: (.*)$`, "m").exec(r.stdout)?.[1].trim();
  const problems = [];
  const expected = { Id: childrenNamed(m.root, "Id")[0]?.text.trim(), Version: childrenNamed(m.root, "Version")[0]?.text.trim(), Type: "TaskPaneApp" };
  for (const [k, v] of Object.entries(expected)) if (field(k) !== v) problems.push(`office-addin-manifest info reads ${k} "${field(k) ?? ""}", expected "${v}"`);
  return problems.length ? fail(problems) : pass(`reads ${field("Name")} ${field("Version")}, ${field("Type")}, hosts ${field("Hosts")}`);
}

/**
 * Microsoft's validation web service, through `office-addin-manifest validate` (needs the network).
 * Fails only when the service answers that the manifest is invalid; "skip" whenever the service
 * cannot be reached in ONLINE_TIMEOUT_MS or gives no verdict.
 */
function checkOnline(manifestPath) {
  const r = spawnSync(process.execPath, [officeAddinManifestCli(), "validate", manifestPath], { encoding: "utf8", timeout: ONLINE_TIMEOUT_MS });
  return interpretOnlineValidation(`${r.stdout ?? ""}\n${r.stderr ?? ""}`, r.status, r.error);
}

/** Turns the output of `office-addin-manifest validate` into pass / fail / skip. */
function interpretOnlineValidation(output, exitCode, error) {
  if (error && error.code === "ETIMEDOUT") return skip(`offline (no answer from the validation service within ${ONLINE_TIMEOUT_MS / 1000} s)`);
  if (error) return skip(`offline (${error.message})`);
  const out = stripVTControlCharacters(output);
  if (/The manifest is valid\./.test(out)) return pass("Microsoft's validation service: the manifest is valid");
  if (/The manifest is not valid\./.test(out)) return fail(out.trim().split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 12));
  const http = /Unable to validate the manifest\.\s*\n\s*(\d+)[ \t]*\n?([^\n]*)/.exec(out);
  if (http) return skip(`the validation service answered HTTP ${http[1]}${http[2].trim() ? ` ${http[2].trim()}` : ""}`);
  const network = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b[^\n]*/.exec(out)
    ?? /Unable to contact the manifest validation service[^\n]*/.exec(out);
  if (network) return skip(`offline (${network[0].replace(/^.*?reason: /, "").trim()})`);
  return skip(`no verdict from the validation service (exit ${exitCode})`);
}

/**
 * Runs every check on a manifest file.
 * @param {string} manifestPath
 * @param {{ online?: boolean, info?: boolean, root?: string }} [options] root: where assets/ is
 * @returns {Promise<{ name: string, status: "pass"|"fail"|"skip", detail: string, problems?: string[] }[]>}
 */
async function runChecks(manifestPath, { online = true, info = true, root = projectRoot, origin } = {}) {
  const results = [];
  const add = (name, r) => results.push({ name, ...r });
  const guard = (fn) => {
    try {
      return fn();
    } catch (e) {
      return fail([`internal error: ${e instanceof Error ? e.message : String(e)}`]);
    }
  };
  const xml = fs.readFileSync(manifestPath, "utf8");
  let xmlChecks;
  try {
    xmlChecks = await checkXml(xml);
  } catch (e) {
    xmlChecks = { wellFormed: fail([`xmllint could not run: ${e instanceof Error ? e.message : String(e)}`]), schema: skip("xmllint could not run") };
  }
  add("XML well-formed", xmlChecks.wellFormed);
  add("XML schema (manifest-schema/*.xsd, xmllint)", xmlChecks.schema);
  let m;
  try {
    m = loadManifest(xml);
  } catch (e) {
    m = undefined;
    if (xmlChecks.wellFormed.status === "pass") add("XML well-formed", fail([`cannot read the manifest: ${e instanceof Error ? e.message : String(e)}`]));
  }
  const semantic = [
    ["identity (Id, Version, locale, host)", (mm) => checkIdentity(mm)],
    ["resource references", (mm) => checkReferences(mm)],
    ["shared runtime and ECON namespace", (mm) => checkSharedRuntime(mm)],
    ["English and Simplified Chinese strings", (mm) => checkLocales(mm)],
    ["icons (assets/*.png pixel sizes)", (mm) => checkIcons(mm, root, origin)],
  ];
  for (const [name, fn] of semantic) add(name, m ? guard(() => fn(m)) : skip("the manifest is not well-formed XML"));
  if (info) add("office-addin-manifest info", m ? guard(() => checkInfo(manifestPath, m)) : skip("the manifest is not well-formed XML"));
  if (online) add("office-addin-manifest validate (online)", guard(() => checkOnline(manifestPath)));
  return results;
}

const MARK = { pass: "✓", fail: "✗", skip: "–" };

/** The report: one line per check (problems indented below a failed one) and a summary line. */
function formatReport(results, label) {
  const lines = [];
  for (const r of results) {
    if (r.status === "fail" && r.problems && r.problems.length > 1) {
      lines.push(`${MARK.fail} ${r.name}: ${r.problems.length} problems`);
      for (const p of r.problems) lines.push(`    ${p}`);
    } else lines.push(`${MARK[r.status]} ${r.name}: ${r.status === "skip" ? "skipped, " : ""}${r.detail}`);
  }
  const count = (s) => results.filter((r) => r.status === s).length;
  lines.push(`validate ${label}: ${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped`);
  return lines.join("\n");
}

/** The origin a built manifest was written for: its DefaultSettings/SourceLocation minus "taskpane.html". */
function originOf(xml) {
  const m = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(xml);
  return m ? m[1] : undefined;
}

/**
 * A built dist/: manifest.xml (icons under DIR) and the unified manifest.json, both for the
 * origin the build was given.
 */
async function runDistChecks(dir, { online = false, info = true } = {}) {
  const xmlPath = path.join(dir, "manifest.xml");
  const origin = originOf(fs.readFileSync(xmlPath, "utf8"));
  const results = await runChecks(xmlPath, { online, info, root: dir, origin });
  const { validateUnified } = require("./lib/validate-unified");
  if (!fs.existsSync(path.join(dir, "manifest.json"))) results.push({ name: "unified manifest", status: "fail", detail: `${path.join(dir, "manifest.json")} is missing: build with npm run build`, problems: ["manifest.json is missing"] });
  else results.push(...validateUnified(dir, { origin, assetsRoot: dir, pngSize }));
  return { results, origin };
}

async function main(argv) {
  const args = argv.slice(2);
  const offline = args.includes("--offline") || !!process.env.ECONSHEET_SKIP_ONLINE_VALIDATION;
  const distAt = args.indexOf("--dist");
  if (distAt >= 0) {
    const dir = path.resolve(args[distAt + 1] || "dist");
    const { results, origin } = await runDistChecks(dir, { online: !offline });
    if (offline) results.push({ name: "office-addin-manifest validate (online)", status: "skip", detail: "--offline or ECONSHEET_SKIP_ONLINE_VALIDATION" });
    console.log(formatReport(results, `${path.relative(process.cwd(), dir) || dir}/manifest.xml + manifest.json for ${origin}`));
    return results.some((r) => r.status === "fail") ? 1 : 0;
  }
  const file = args.find((a) => !a.startsWith("--"));
  const manifestPath = path.resolve(file || path.join(projectRoot, "manifest.xml"));
  const results = await runChecks(manifestPath, { online: !offline });
  if (offline) results.push({ name: "office-addin-manifest validate (online)", status: "skip", detail: "--offline or ECONSHEET_SKIP_ONLINE_VALIDATION" });
  console.log(formatReport(results, path.relative(process.cwd(), manifestPath) || manifestPath));
  return results.some((r) => r.status === "fail") ? 1 : 0;
}

module.exports = {
  runChecks, runDistChecks, formatReport, parseXml, loadManifest, pngSize, originOf,
  checkXml, checkIdentity, checkReferences, checkSharedRuntime, checkLocales, checkIcons, checkInfo, checkOnline,
  interpretOnlineValidation,
};

if (require.main === module) {
  main(process.argv).then(
    (code) => { process.exitCode = code; },
    (e) => { console.error(`✗ validate: ${e instanceof Error ? e.stack : String(e)}`); process.exitCode = 1; },
  );
}
