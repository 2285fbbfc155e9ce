// ESLint flat config. The core and the renderers must stay free of Office, the DOM and Node I/O
// so the same code runs in Excel, in the task pane, in the CLI and in tests.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");
const officeAddins = require("eslint-plugin-office-addins");

const OFFICE_AND_DOM_GLOBALS = [
  "Office", "Excel", "CustomFunctions", "OfficeExtension", "window", "document", "navigator",
  "localStorage", "sessionStorage", "fetch", "XMLHttpRequest", "process", "require", "Buffer", "__dirname",
].map((name) => ({ name, message: "src/core and src/render are Office-, DOM- and Node-free: pass data in from an adapter (src/functions, src/taskpane, src/cli)." }));

const NODE_AND_UI_MODULES = ["fs", "fs/*", "path", "os", "child_process", "http", "https", "net", "exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/office-js", "office-*", "node:*"];

// Spreading a data-sized array into call arguments overflows the call stack near 125,000
// elements ("Maximum call stack size exceeded"): tables of a million rows are everyday input.
// Use maxOf / minOf / pushAll (src/core/data/extent.ts) or a loop. Literal arrays may be spread.
const SPREAD_MESSAGE = "Spreading an array into call arguments overflows the stack on large data (~125k elements): use maxOf/minOf/pushAll from src/core/data/extent.ts or a loop.";
const NO_DATA_SPREAD = [
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement:not([argument.type='ArrayExpression'])", message: SPREAD_MESSAGE },
  { selector: "CallExpression[callee.property.name=/^(push|unshift|fromCharCode|fromCodePoint)$/] > SpreadElement:not([argument.type='ArrayExpression'])", message: SPREAD_MESSAGE },
  { selector: "CallExpression[callee.property.name='apply'][callee.object.property.name=/^(max|min|push|unshift|fromCharCode)$/]", message: SPREAD_MESSAGE },
];

module.exports = tseslint.config(
  { ignores: ["dist/", "build-tsc/", "node_modules/", "coverage/", "test-artifacts/", "demo/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
      "no-console": "off",
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: { "no-restricted-syntax": ["error", ...NO_DATA_SPREAD] },
  },
  {
    // Microsoft's Office Add-in rules (load before read, sync after load, isNullObject, no sync in
    // loops, …) with the severities of the plugin's recommended config, on the code that calls
    // Office. Its recommended config also brings Prettier formatting and its own parser settings;
    // those are not lint rules about Office and would reformat the whole code base, so only the
    // office-addins rules are taken. The rules find context.sync() by the name `context`:
    // the request context is called `context` everywhere (src/taskpane/excel-io.ts).
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: Object.fromEntries(
      Object.entries(officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["office-addins"]).rules).filter(([rule]) => rule.startsWith("office-addins/")),
    ),
  },
  {
    files: ["src/functions/functions.ts"],
    // The custom-function signatures take Excel's untyped ranges.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/core/**/*.ts", "src/render/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_AND_DOM_GLOBALS],
      "no-restricted-imports": ["error", { patterns: NODE_AND_UI_MODULES.map((group) => ({ group: [group], message: "src/core and src/render take and return plain data: no Node I/O, Office or UI imports." })) }],
    },
  },
);
