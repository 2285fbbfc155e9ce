#!/usr/bin/env node
/*
 * npm run demo — runs the sample analysis spec (sample/spec.json) on the bundled SYNTHETIC
 * yearbook workbook (sample/yearbook.xlsx) and writes demo/output.xlsx: the tidy panel, the
 * three entropy indices (weights by period, provinces above the mean) and Tables 4–8 as
 * three-line tables, and demo/figures/ (each index's trend by region as SVG). Builds dist/cli.js
 * first when it is missing or older than src/.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { isStale } = require("./lib/stale");

const root = path.resolve(__dirname, "..");
const cli = path.join(root, "dist", "cli.js");
if (isStale(cli, path.join(root, "src"))) {
  const b = spawnSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", "cli"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status || 1);
}
const out = path.join(root, "demo", "output.xlsx");
fs.mkdirSync(path.dirname(out), { recursive: true });
const figures = path.join(root, "demo", "figures");
const r = spawnSync(process.execPath, [cli, "run", path.join(root, "sample", "spec.json"), "--out", out, "--figures", figures, "--force"], { cwd: root, stdio: "inherit" });
if (r.status !== 0) process.exit(r.status || 1);
console.log(`demo: wrote ${path.relative(root, out)} and the figures in ${path.relative(root, figures)}/`);
