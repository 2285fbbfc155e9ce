// Offline manifest validation (scripts/validate-manifest.js): the real manifest passes every offline
// check; broken variants, written to a temp dir, fail with a message naming the element.
// The XSDs are our reconstruction of Microsoft's published schema (manifest-schema/README.md);
// xmllint (xmllint-wasm) applies them. The online check is not run here: it needs the network.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";
import { spawnSync } from "child_process";

type Status = "pass" | "fail" | "skip";
interface CheckResult {
  name: string;
  status: Status;
  detail: string;
  problems?: string[];
}
interface Validator {
  runChecks(path: string, options?: { online?: boolean; info?: boolean; root?: string }): Promise<CheckResult[]>;
  formatReport(results: CheckResult[], label: string): string;
  pngSize(buf: Buffer): { width: number; height: number } | undefined;
  interpretOnlineValidation(output: string, exitCode: number | null, error?: Error & { code?: string }): Omit<CheckResult, "name">;
}

const validate: Validator = require("../../scripts/validate-manifest.js");
const root = join(__dirname, "..", "..");
const script = join(root, "scripts", "validate-manifest.js");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "econsheet-manifest-"));
let written = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeVariant(xml: string): string {
  const file = join(dir, `manifest-${++written}.xml`);
  writeFileSync(file, xml);
  return file;
}

/** Offline checks on a variant; `info` spawns office-addin-manifest, so only where it matters. */
async function checksOf(xml: string, info = false): Promise<CheckResult[]> {
  return validate.runChecks(writeVariant(xml), { online: false, info });
}

const failing = (results: CheckResult[]) => results.filter((r) => r.status === "fail");
const failureText = (results: CheckResult[]) => failing(results).map((r) => `${r.name}: ${r.detail}`).join("\n");

/** Replaces text that must occur exactly once in the manifest. */
function edit(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once in manifest.xml`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

describe("the real manifest", () => {
  test("passes every offline check, each of which ran", async () => {
    const results = await checksOf(manifest, true);
    expect(failureText(results)).toBe("");
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ["XML well-formed", "pass"],
      ["XML schema (manifest-schema/*.xsd, xmllint)", "pass"],
      ["identity (Id, Version, locale, host)", "pass"],
      ["resource references", "pass"],
      ["shared runtime and ECON namespace", "pass"],
      ["English and Simplified Chinese strings", "pass"],
      ["icons (assets/*.png pixel sizes)", "pass"],
      ["office-addin-manifest info", "pass"],
    ]);
    expect(results.find((r) => r.name === "office-addin-manifest info")?.detail).toMatch(/EconSheet 0\.1\.0\.0, TaskPaneApp/);
    expect(results.find((r) => r.name.startsWith("icons"))?.detail).toMatch(/icon-80\.png 80×80/);
  }, 60000);

  test("npm run validate --offline prints one line per check and a summary, exit 0", () => {
    const r = spawnSync(process.execPath, [script, "--offline"], { cwd: root, encoding: "utf8", timeout: 60000 });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines.slice(0, 8).every((l) => l.startsWith("✓ "))).toBe(true);
    expect(lines[8]).toMatch(/^– office-addin-manifest validate \(online\): skipped, /);
    expect(lines[9]).toBe("validate manifest.xml: 8 passed, 0 failed, 1 skipped");
  }, 60000);
});

describe("broken manifests fail, naming the element", () => {
  test.each<[string, (x: string) => string, string, RegExp]>([
    ["a missing resid", (x) => edit(x, '<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Missing"/>'),
      "resource references", /<Title resid="GetStarted\.Missing"> at GetStarted\/Title \(line \d+\): resid "GetStarted\.Missing" is used but not defined/],
    ["a wrong xsi:type", (x) => edit(x, 'xsi:type="ShowTaskpane"', 'xsi:type="ShowTaskPane"'),
      "XML schema (manifest-schema/*.xsd, xmllint)", /line \d+: Element 'Action', attribute 'xsi:type': The QName value 'ShowTaskPane'/],
    ["a missing zh-CN override", (x) => edit(x, '<bt:Override Locale="zh-CN" Value="EconSheet 已就绪"/>', ""),
      "English and Simplified Chinese strings", /string "GetStarted\.Title" \(bt:ShortStrings\/bt:String \(line \d+\)\) has no <bt:Override Locale="zh-CN"/],
    ["a missing zh-CN display name", (x) => edit(x, '<Override Locale="zh-CN" Value="EconSheet 计量助手"/>', ""),
      "English and Simplified Chinese strings", /<DisplayName> at line \d+ has no <Override Locale="zh-CN"/],
    ["an unknown Permissions value", (x) => edit(x, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"),
      "XML schema (manifest-schema/*.xsd, xmllint)", /Element 'Permissions': \[facet 'enumeration'\] The value 'Everything'/],
    ["a namespace other than ECON", (x) => edit(x, 'DefaultValue="ECON"', 'DefaultValue="ECO"'),
      "shared runtime and ECON namespace", /<Namespace resid="Functions\.Namespace"> at ExtensionPoint\/Namespace \(line \d+\) is "ECO", expected "ECON"/],
    ["a short-lived runtime", (x) => edit(x, '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>'),
      "shared runtime and ECON namespace", /<Runtime lifetime="short"> at Runtimes\/Runtime \(line \d+\): must be "long"/],
    ["a custom-functions page outside the shared runtime", (x) => edit(x, '<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>'),
      "shared runtime and ECON namespace", /Page\/SourceLocation \(line \d+\) \(the custom-functions <Page><SourceLocation>\) differs from <Runtime resid="Taskpane\.Url">/],
    ["elements out of order", (x) => edit(x, "<Version>0.1.0.0</Version>\n  <ProviderName>EconSheet</ProviderName>", "<ProviderName>EconSheet</ProviderName>\n  <Version>0.1.0.0</Version>"),
      "XML schema (manifest-schema/*.xsd, xmllint)", /Element 'ProviderName': This element is not expected\. Expected is one of \( AlternateId, Version \)/],
    ["a resid longer than 32 characters", (x) => edit(x, '<Label resid="Group.Label"/>', '<Label resid="Group.Label.With.A.Name.Far.Too.Long"/>'),
      "XML schema (manifest-schema/*.xsd, xmllint)", /Element 'Label', attribute 'resid': \[facet 'maxLength'\].*exceeds the allowed maximum length of '32'/],
    ["a short string over 125 characters", (x) => edit(x, 'DefaultValue="EconSheet is ready"', `DefaultValue="${"x".repeat(126)}"`),
      "XML schema (manifest-schema/*.xsd, xmllint)", /Element 'bt:String', attribute 'DefaultValue': \[facet 'maxLength'\].*'125'/],
    ["an http URL", (x) => edit(x, 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'),
      "XML schema (manifest-schema/*.xsd, xmllint)", /Element 'bt:Url', attribute 'DefaultValue': \[facet 'pattern'\] The value 'http:\/\/localhost:3000\/functions\.js'/],
    ["an Id that is not a GUID", (x) => edit(x, "<Id>3f6b1c2e-8d4a-4e5b-9c7f-2a1d0e6b5c43</Id>", "<Id>econsheet</Id>"),
      "identity (Id, Version, locale, host)", /<Id>econsheet<\/Id> is not a GUID/],
    ["a version that is not n.n.n.n", (x) => edit(x, "<Version>0.1.0.0</Version>", "<Version>0.1</Version>"),
      "identity (Id, Version, locale, host)", /<Version>0\.1<\/Version> is not four numbers n\.n\.n\.n/],
    ["a label pointing at a long string", (x) => edit(x, '<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'),
      "resource references", /<Label resid="TaskpaneButton\.Tooltip"> at Group\/Label \(line \d+\): "TaskpaneButton\.Tooltip" is a bt:LongStrings resource, expected bt:ShortStrings/],
    ["an icon of the wrong size", (x) => edit(x, 'DefaultValue="https://localhost:3000/assets/icon-80.png"', 'DefaultValue="https://localhost:3000/assets/icon-64.png"'),
      "icons (assets/*.png pixel sizes)", /<bt:Image resid="Icon\.80x80"> size="80" \(line \d+\): assets\/icon-64\.png is 64×64 pixels, expected 80×80/],
    ["an icon file that does not exist", (x) => edit(x, 'DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="https://localhost:3000/assets/icon-15.png"'),
      "icons (assets/*.png pixel sizes)", /assets\/icon-15\.png does not exist/],
  ])("%s", async (_what, mutate, check, message) => {
    const results = await checksOf(mutate(manifest));
    const failed = results.find((r) => r.name === check);
    expect(failed?.status).toBe("fail");
    expect(failed?.detail).toMatch(message);
  }, 60000);

  test("a resource defined but never used", async () => {
    const xml = edit(manifest, "</bt:Urls>", '  <bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/unused.html"/>\n      </bt:Urls>');
    const results = await checksOf(xml);
    expect(failing(results).map((r) => r.name)).toEqual(["resource references"]);
    expect(failing(results)[0].detail).toMatch(/resource "Unused\.Url" \(bt:Urls\/bt:Url \(line \d+\)\) is defined but never used/);
  }, 60000);

  test("XML that is not well-formed fails once; the checks that need a tree are skipped", async () => {
    const results = await checksOf(edit(manifest, "</DisplayName>", "</DisplayNam>"), true);
    expect(results.map((r) => r.status)).toEqual(["fail", "skip", "skip", "skip", "skip", "skip", "skip", "skip"]);
    expect(results[0].detail).toMatch(/line \d+: parser error : Opening and ending tag mismatch: DisplayName/);
    expect(results[1].detail).toBe("the manifest is not well-formed XML");
  }, 60000);

  test("the command exits 1 and lists every problem under the failed check", () => {
    const broken = edit(edit(manifest, 'DefaultValue="ECON"', 'DefaultValue="ECO"'), '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>');
    const r = spawnSync(process.execPath, [script, "--offline", writeVariant(broken)], { cwd: root, encoding: "utf8", timeout: 60000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✗ shared runtime and ECON namespace: 2 problems\n {4}<Runtime lifetime="short">.*\n {4}custom-functions <Namespace/m);
    expect(r.stdout).toMatch(/: 7 passed, 1 failed, 1 skipped$/m);
  }, 60000);
});

describe("helpers", () => {
  test("pngSize reads the IHDR width and height and rejects other files", () => {
    expect(validate.pngSize(readFileSync(join(root, "assets", "icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(validate.pngSize(Buffer.from("GIF89a not a png at all, just text"))).toBeUndefined();
  });

  test("formatReport marks passed, failed and skipped checks", () => {
    const text = validate.formatReport(
      [
        { name: "a", status: "pass", detail: "fine" },
        { name: "b", status: "fail", detail: "x; y", problems: ["x", "y"] },
        { name: "c", status: "skip", detail: "offline (ENOTFOUND host)" },
      ],
      "m.xml",
    );
    expect(text.split("\n")).toEqual(["✓ a: fine", "✗ b: 2 problems", "    x", "    y", "– c: skipped, offline (ENOTFOUND host)", "validate m.xml: 1 passed, 1 failed, 1 skipped"]);
  });

  describe("the online check's verdict (office-addin-manifest validate output)", () => {
    const online = validate.interpretOnlineValidation;
    test("no network: skipped, with the reason", () => {
      const out = "Error: Unable to contact the manifest validation service.\nFetchError: request to https://validationgateway.omex.office.net/package/api/check?clientId=devx failed, reason: getaddrinfo ENOTFOUND validationgateway.omex.office.net";
      expect(online(out, 1)).toEqual({ status: "skip", detail: "offline (ENOTFOUND validationgateway.omex.office.net)" });
      expect(online("", null, Object.assign(new Error("spawnSync node ETIMEDOUT"), { code: "ETIMEDOUT" }))).toEqual({ status: "skip", detail: "offline (no answer from the validation service within 20 s)" });
    });
    test("the service answers with an HTTP error: skipped", () => {
      expect(online("Unable to validate the manifest.\n503\nService Unavailable\n", 1)).toEqual({ status: "skip", detail: "the validation service answered HTTP 503 Service Unavailable" });
    });
    test("the service says valid: passed; invalid: failed with its messages", () => {
      expect(online("\u001b[1m\u001b[32mThe manifest is valid.\n\u001b[39m\u001b[22m", 0).status).toBe("pass");
      const invalid = online("Error #1: \nXML Schema Validation Error: The element 'OfficeApp' has invalid child element 'Foo'.\n\u001b[31mThe manifest is not valid.\u001b[39m\n", 1);
      expect(invalid.status).toBe("fail");
      expect(invalid.problems).toEqual(["Error #1:", "XML Schema Validation Error: The element 'OfficeApp' has invalid child element 'Foo'.", "The manifest is not valid."]);
    });
    test("no verdict at all: skipped, not passed", () => {
      expect(online("something unexpected", 2)).toEqual({ status: "skip", detail: "no verdict from the validation service (exit 2)" });
    });
  });
});
