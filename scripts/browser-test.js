#!/usr/bin/env node
/*
 * npm run test:browser — the task pane in a real browser.
 * 1. makes sure Debian's Chromium is installed (scripts/ensure-chromium.sh, apt-get as root);
 * 2. builds the add-in (webpack, development mode) when dist/ is missing or older than src/;
 * 3. runs test/browser/journey.ts (tsx): a static server on dist/, the Excel test double in
 *    place of office.js, the journey in English and Chinese, keyboard-only, axe-core.
 * Exits non-zero on failure; the last line reads "browser: N passed, N failed".
 */
const { spawnSync } = require("child_process");
const path = require("path");
const { isStale } = require("./lib/stale");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? name + ".cmd" : name);

function run(cmd, args) {
  console.log(`> ${[path.relative(root, cmd) || cmd, ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  return r.status === null ? 1 : r.status;
}


if (run("sh", [path.join(root, "scripts", "ensure-chromium.sh")]) !== 0) {
  console.log("browser: 0 passed, 1 failed (Chromium is not available)");
  process.exit(1);
}
const built = path.join(root, "dist", "taskpane.js");
if (isStale(built, path.join(root, "src")) || process.argv.includes("--build")) {
  if (run(bin("webpack"), ["--mode", "development", "--env", "addin"]) !== 0) {
    console.log("browser: 0 passed, 1 failed (the build failed)");
    process.exit(1);
  }
}
process.exit(run(bin("tsx"), [path.join("test", "browser", "journey.ts")]));
