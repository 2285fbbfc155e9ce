/*
 * The one source of both manifests:
 *   - xmlManifest():     the add-in-only XML manifest (manifest.xml) that Office 2021/LTSC and other
 *                        perpetual clients need, and that sideloading on every platform accepts;
 *   - unifiedManifest(): the unified manifest for Microsoft 365 (manifest.json + zh-cn.json), with the
 *                        custom functions and the shared runtime under "extensions".
 * Both are written for one origin (where dist/ is served): `webpack --env origin=…` writes them into
 * dist/, and the committed manifest.xml in the repository root is xmlManifest() for the development
 * server (test/manifest/addin-manifest.test.ts keeps them in sync; `node scripts/write-manifest.js`
 * rewrites it).
 */
"use strict";

/** The development server (`npm start`, `npm run serve`). */
const DEV_ORIGIN = "https://localhost:3000/";

/** Where the task pane and functions load office.js from, per Microsoft 365 cloud. */
const OFFICE_JS = {
  global: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  // Microsoft 365 operated by 21Vianet in China cannot reach the global CDN.
  "21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
};

/** Schema version of the unified manifest (the first versions with extensions[].runtimes[].customFunctions are 1.23+). */
const UNIFIED_MANIFEST_VERSION = "1.24";

const ADDIN = {
  id: "3f6b1c2e-8d4a-4e5b-9c7f-2a1d0e6b5c43",
  provider: "EconSheet",
  namespace: "ECON",
  name: { en: "EconSheet", zh: "EconSheet 计量助手" },
  description: {
    en: "Panel regressions (FE, RE, Hausman), mediation, entropy-weight composite indices and publication tables, inside Excel.",
    zh: "在 Excel 中完成面板回归（固定效应、随机效应、Hausman 检验）、中介效应、熵值法综合指数与论文表格。",
  },
  shortDescription: {
    en: "Panel regressions, mediation, entropy indices and paper tables, inside Excel.",
    zh: "在 Excel 中完成面板回归、中介效应、熵值法综合指数与论文表格。",
  },
  fullDescription: {
    en: "EconSheet does a whole applied panel study inside Excel: composite indices from statistical-yearbook sheets with the entropy weight method, panel fixed- and random-effects regressions with clustered standard errors, Hausman tests, Baron-Kenny mediation with bootstrap, DID and event studies, and three-line publication tables, as ECON.* functions and a guided task pane. Numbers are tested against R (plm) and gretl.",
    zh: "EconSheet 在 Excel 中完成一项完整的面板实证研究：用熵值法从统计年鉴表格构建综合指数，面板固定效应与随机效应回归（聚类标准误）、Hausman 检验、Baron–Kenny 中介效应（含 bootstrap）、双重差分与事件研究，以及三线表；提供 ECON.* 函数与分步任务窗格。结果与 R（plm）和 gretl 对照测试。",
  },
  strings: {
    getStartedTitle: { en: "EconSheet is ready", zh: "EconSheet 已就绪" },
    getStartedDescription: {
      en: "Open EconSheet from the Home tab, or type =ECON. in a cell to see the functions.",
      zh: "在“开始”选项卡打开 EconSheet，或在单元格中输入 =ECON. 查看函数。",
    },
    group: { en: "EconSheet", zh: "EconSheet" },
    button: { en: "EconSheet", zh: "EconSheet" },
    tooltip: {
      en: "Open the EconSheet task pane: from yearbook sheets to indices and regression tables.",
      zh: "打开 EconSheet 任务窗格：从统计年鉴表格到综合指数与回归表格。",
    },
  },
};

/** x.y.z (package.json) → x.y.z.0 (the XML manifest's four-part version). */
function fourPartVersion(version) {
  const parts = String(version).split(/[.+-]/).slice(0, 3).map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isInteger(p) || p < 0)) {
    throw new Error(`package.json version "${version}" is not x.y.z; set it with \`npm version 1.2.3\`.\npackage.json 的 version "${version}" 不是 x.y.z 形式；请用 \`npm version 1.2.3\` 设置。`);
  }
  return `${parts.join(".")}.0`;
}

/**
 * Checks and normalises the origin the add-in is served from: an https URL, no query or fragment,
 * ending in "/". Throws a message in English and Chinese naming the value and the fix.
 */
function normalizeOrigin(value) {
  const example = "https://stats.example.edu.cn/econsheet/";
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(`--env origin=${value}: not a URL; give the https address dist/ will be served from, e.g. --env origin=${example}\n--env origin=${value}：不是网址；请给出托管 dist/ 的 https 地址，例如 --env origin=${example}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`--env origin=${value}: Office loads add-ins only over HTTPS; use an https:// address, e.g. ${example}\n--env origin=${value}：Office 只通过 HTTPS 加载加载项；请使用 https:// 地址，例如 ${example}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`--env origin=${value}: leave out the query, fragment and credentials; give only the folder, e.g. ${example}\n--env origin=${value}：请去掉查询串、片段与账号信息，只给出目录，例如 ${example}`);
  }
  let s = url.href;
  if (!s.endsWith("/")) s += "/";
  return s;
}

/** The Office CDN for a cloud name, or a bilingual error listing the allowed names. */
function officeJsUrl(cdn = "global") {
  const url = OFFICE_JS[cdn];
  if (!url) throw new Error(`--env cdn=${cdn}: unknown Microsoft 365 cloud; use one of ${Object.keys(OFFICE_JS).join(", ")}.\n--env cdn=${cdn}：未知的 Microsoft 365 云；可选 ${Object.keys(OFFICE_JS).join("、")}。`);
  return url;
}

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The add-in-only XML manifest for `origin` (normalised, ending in "/"). */
function xmlManifest({ origin = DEV_ORIGIN, version }) {
  const o = normalizeOrigin(origin);
  const appDomain = new URL(o).origin;
  const u = (file) => esc(o + file);
  const s = ADDIN.strings;
  const str = (id, v) => `        <bt:String id="${id}" DefaultValue="${esc(v.en)}">\n          <bt:Override Locale="zh-CN" Value="${esc(v.zh)}"/>\n        </bt:String>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  EconSheet add-in manifest (XML add-in-only manifest, Excel only).
  Generated from scripts/lib/addin-manifest.js, which also writes the unified manifest (manifest.json):
  edit that file, not this one. To build for another host, give npm run build the env option
  origin=https://host/folder/ (docs/deploy.md): dist/ then holds both manifests for that host.
  Shared runtime: the custom functions (namespace ECON), the ribbon command and the task pane
  run in one JavaScript runtime that lives as long as the workbook (lifetime="long").
-->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>${ADDIN.id}</Id>
  <Version>${fourPartVersion(version)}</Version>
  <ProviderName>${esc(ADDIN.provider)}</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="${esc(ADDIN.name.en)}">
    <Override Locale="zh-CN" Value="${esc(ADDIN.name.zh)}"/>
  </DisplayName>
  <Description DefaultValue="${esc(ADDIN.description.en)}">
    <Override Locale="zh-CN" Value="${esc(ADDIN.description.zh)}"/>
  </Description>
  <IconUrl DefaultValue="${u("assets/icon-32.png")}"/>
  <HighResolutionIconUrl DefaultValue="${u("assets/icon-64.png")}"/>
  <SupportUrl DefaultValue="${u("functions-help.html")}"/>
  <AppDomains>
    <AppDomain>${esc(appDomain)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.7"/>
      <Set Name="SharedRuntime" MinVersion="1.1"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${u("taskpane.html")}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <Runtimes>
          <Runtime resid="Taskpane.Url" lifetime="long"/>
        </Runtimes>
        <AllFormFactors>
          <ExtensionPoint xsi:type="CustomFunctions">
            <Script>
              <SourceLocation resid="Functions.Script.Url"/>
            </Script>
            <Page>
              <SourceLocation resid="Taskpane.Url"/>
            </Page>
            <Metadata>
              <SourceLocation resid="Functions.Metadata.Url"/>
            </Metadata>
            <Namespace resid="Functions.Namespace"/>
          </ExtensionPoint>
        </AllFormFactors>
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>
          </GetStarted>
          <FunctionFile resid="Taskpane.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="EconSheet.Group">
                <Label resid="Group.Label"/>
                <Icon>
                  <bt:Image size="16" resid="Icon.16x16"/>
                  <bt:Image size="32" resid="Icon.32x32"/>
                  <bt:Image size="80" resid="Icon.80x80"/>
                </Icon>
                <Control xsi:type="Button" id="EconSheet.TaskpaneButton">
                  <Label resid="TaskpaneButton.Label"/>
                  <Supertip>
                    <Title resid="TaskpaneButton.Label"/>
                    <Description resid="TaskpaneButton.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16x16"/>
                    <bt:Image size="32" resid="Icon.32x32"/>
                    <bt:Image size="80" resid="Icon.80x80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>EconSheet.Taskpane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${u("assets/icon-16.png")}"/>
        <bt:Image id="Icon.32x32" DefaultValue="${u("assets/icon-32.png")}"/>
        <bt:Image id="Icon.80x80" DefaultValue="${u("assets/icon-80.png")}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Functions.Script.Url" DefaultValue="${u("functions.js")}"/>
        <bt:Url id="Functions.Metadata.Url" DefaultValue="${u("functions.json")}"/>
        <bt:Url id="Taskpane.Url" DefaultValue="${u("taskpane.html")}"/>
        <bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${u("functions-help.html")}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Functions.Namespace" DefaultValue="${ADDIN.namespace}"/>
${str("GetStarted.Title", s.getStartedTitle)}
${str("Group.Label", s.group)}
${str("TaskpaneButton.Label", s.button)}
      </bt:ShortStrings>
      <bt:LongStrings>
${str("GetStarted.Description", s.getStartedDescription)}
${str("TaskpaneButton.Tooltip", s.tooltip)}
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

/**
 * The unified manifest for Microsoft 365 (manifest.json) and its Chinese strings (zh-cn.json).
 * One shared runtime (lifetime long) hosts the task pane, the ribbon action and the custom
 * functions, whose metadata is the same functions.json the XML manifest points at.
 * @returns {{ manifest: object, zh: object }}
 */
function unifiedManifest({ origin = DEV_ORIGIN, version }) {
  const o = normalizeOrigin(origin);
  const s = ADDIN.strings;
  const icons = (sizes) => sizes.map((size) => ({ size, url: `${o}assets/icon-${size}.png` }));
  const manifest = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    version: fourPartVersion(version).split(".").slice(0, 3).join("."),
    id: ADDIN.id,
    localizationInfo: { defaultLanguageTag: "en-us", additionalLanguages: [{ languageTag: "zh-cn", file: "zh-cn.json" }] },
    developer: {
      name: ADDIN.provider,
      websiteUrl: `${o}functions-help.html`,
      privacyUrl: `${o}functions-help.html#privacy`,
      termsOfUseUrl: `${o}functions-help.html#terms`,
    },
    name: { short: ADDIN.name.en, full: ADDIN.name.en },
    description: { short: ADDIN.shortDescription.en, full: ADDIN.fullDescription.en },
    icons: { outline: "outline-32.png", color: "color-192.png" },
    accentColor: "#107C41",
    validDomains: [new URL(o).host],
    authorization: { permissions: { resourceSpecific: [{ name: "Document.ReadWrite.User", type: "Delegated" }] } },
    extensions: [
      {
        requirements: { scopes: ["workbook"], capabilities: [{ name: "ExcelApi", minVersion: "1.7" }, { name: "SharedRuntime", minVersion: "1.1" }] },
        runtimes: [
          {
            id: "SharedRuntime",
            type: "general",
            code: { page: `${o}taskpane.html`, script: `${o}functions.js` },
            lifetime: "long",
            actions: [{ id: "ShowTaskpane", type: "openPage", view: "taskpane" }],
            customFunctions: {
              namespace: { id: ADDIN.namespace, name: ADDIN.namespace },
              metadataUrl: `${o}functions.json`,
            },
          },
        ],
        ribbons: [
          {
            contexts: ["default"],
            tabs: [
              {
                builtInTabId: "TabHome",
                groups: [
                  {
                    id: "EconSheet.Group",
                    label: s.group.en,
                    icons: icons([16, 32, 80]),
                    controls: [
                      {
                        id: "EconSheet.TaskpaneButton",
                        type: "button",
                        label: s.button.en,
                        icons: icons([16, 32, 80]),
                        supertip: { title: s.button.en, description: s.tooltip.en },
                        actionId: "ShowTaskpane",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        getStartedMessages: [{ title: s.getStartedTitle.en, description: s.getStartedDescription.en, learnMoreUrl: `${o}functions-help.html` }],
      },
    ],
  };
  const zh = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    "name.short": ADDIN.name.zh,
    "name.full": ADDIN.name.zh,
    "description.short": ADDIN.shortDescription.zh,
    "description.full": ADDIN.fullDescription.zh,
    "extensions[0].ribbons[0].tabs[0].groups[0].label": s.group.zh,
    "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label": s.button.zh,
    "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.title": s.button.zh,
    "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.description": s.tooltip.zh,
    "extensions[0].getStartedMessages[0].title": s.getStartedTitle.zh,
    "extensions[0].getStartedMessages[0].description": s.getStartedDescription.zh,
  };
  return { manifest, zh };
}

module.exports = { ADDIN, DEV_ORIGIN, OFFICE_JS, UNIFIED_MANIFEST_VERSION, normalizeOrigin, officeJsUrl, fourPartVersion, xmlManifest, unifiedManifest };
