import { readFileSync, writeFileSync, mkdtempSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";

const validate = require("../../scripts/validate-manifest.js");
const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

async function checksOf(xml: string): Promise<{ name: string; ok?: boolean; detail: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  const file = join(dir, "manifest.xml");
  writeFileSync(file, xml);
  return validate.runChecks(file, { online: false });
}

function failing(results: { name: string; ok?: boolean; detail: string }[]) {
  return results.filter((r) => r.ok === false);
}

describe("offline manifest validation", () => {
  test("the real manifest passes every offline check", async () => {
    const results = await checksOf(manifest);
    expect(failing(results)).toEqual([]);
    expect(results.map((r) => r.name)).toEqual(["XML schema (manifest-schema/*.xsd, xmllint)", "resource references", "shared runtime and ECON namespace", "English and Simplified Chinese strings", "icons", "office-addin-manifest info"]);
  }, 60000);

  test.each([
    ["a missing resid", (x: string) => x.replace('<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Missing"/>'), /resid "GetStarted.Missing" is used but not defined/],
    ["a wrong xsi:type", (x: string) => x.replace('xsi:type="ShowTaskpane"', 'xsi:type="ShowTaskPane"'), /ShowTaskPane/],
    ["a missing zh-CN override", (x: string) => x.replace('<bt:Override Locale="zh-CN" Value="EconSheet 已就绪"/>', ""), /string "GetStarted.Title" has no zh-CN Override/],
    ["an unknown Permissions value", (x: string) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"), /Permissions/],
    ["a namespace other than ECON", (x: string) => x.replace('DefaultValue="ECON"', 'DefaultValue="ECO"'), /Namespace> is "ECO", expected "ECON"/],
    ["a short runtime", (x: string) => x.replace('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>'), /must be "long"/],
    ["elements out of order", (x: string) => x.replace("<Version>0.1.0.0</Version>\n  <ProviderName>EconSheet</ProviderName>", "<ProviderName>EconSheet</ProviderName>\n  <Version>0.1.0.0</Version>"), /ProviderName|Version/],
  ])("%s fails with a message naming the element", async (_what, mutate, message) => {
    const broken = mutate(manifest);
    expect(broken).not.toBe(manifest);
    const bad = failing(await checksOf(broken));
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.map((r) => r.detail).join("\n")).toMatch(message);
  }, 60000);
});
