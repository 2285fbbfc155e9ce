#!/usr/bin/env node
/*
 * npm start — build, serve and open EconSheet.
 *
 * With desktop Excel (Windows, macOS): office-addin-debugging builds nothing itself; we build,
 * then it starts the dev server and sideloads manifest.xml into Excel.
 * Without Excel (Linux, CI): serve the add-in on https://localhost:3000, print how to upload
 * manifest.xml to Excel on the web, and run the main job headlessly on the bundled sample,
 * saying where the output went. The server keeps running until Ctrl+C, unless --once (or CI=true)
 * is given, in which case it stops after the job.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const https = require("https");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.ECONSHEET_PORT || 3000);
const once = process.argv.includes("--once") || process.env.CI === "true";
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? name + ".cmd" : name);

function run(cmd, args, opts = {}) {
  console.log(`> ${[path.basename(cmd), ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  if (r.status !== 0) {
    console.error(`EconSheet: '${path.basename(cmd)} ${args.join(" ")}' failed (exit ${r.status}).`);
    process.exit(r.status || 1);
  }
}

function waitForServer(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = https.get({ host: "localhost", port, path: "/taskpane.html", rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", () => (Date.now() > deadline ? reject(new Error(`no answer on https://localhost:${port}`)) : setTimeout(attempt, 500)));
    };
    attempt();
  });
}

/** The headless main job on the bundled sample; returns what it wrote. */
function headlessJob() {
  const outDir = path.join(root, "demo");
  fs.mkdirSync(outDir, { recursive: true });
  const outputs = [];
  const demoScript = path.join(root, "scripts", "demo.js");
  if (fs.existsSync(demoScript)) {
    run(process.execPath, [demoScript]);
    outputs.push(path.join("demo", "output.xlsx"), path.join("demo", "figures") + path.sep);
  }
  const out = path.join(outDir, "describe-grunfeld.json");
  const r = spawnSync(process.execPath, [path.join(root, "dist", "cli.js"), "describe", "--data", path.join(root, "sample", "grunfeld.csv"), "--id", "firm", "--time", "year", "--json"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  fs.writeFileSync(out, r.stdout);
  outputs.push(path.relative(root, out));
  const text = spawnSync(process.execPath, [path.join(root, "dist", "cli.js"), "describe", "--data", path.join(root, "sample", "grunfeld.csv"), "--id", "firm", "--time", "year"], { cwd: root, encoding: "utf8" });
  process.stdout.write("\n" + text.stdout);
  return outputs;
}

async function main() {
  const hasDesktopExcel = process.platform === "win32" || process.platform === "darwin";
  run(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development"]);
  if (hasDesktopExcel && !once) {
    // Starts `npm run serve` and sideloads manifest.xml into desktop Excel.
    run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--dev-server", "npm run serve", "--dev-server-port", String(port)]);
    return;
  }
  console.log(`\nEconSheet: no desktop Excel here (${process.platform}). Serving the add-in on https://localhost:${port} …`);
  const server = spawn(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development", "--env", "addin"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  server.on("exit", (code) => {
    if (code) console.error(`EconSheet: the dev server stopped (exit ${code}).`);
  });
  try {
    await waitForServer(120000);
    console.log(`EconSheet: serving https://localhost:${port}/taskpane.html (functions.json, functions.js beside it).`);
  } catch (e) {
    console.error(`EconSheet: the dev server did not answer (${e.message}); the headless job runs anyway.`);
  }
  console.log(
    [
      "",
      "To use it in Excel on the web: open a workbook at office.com, Home > Add-ins > More add-ins >",
      "Upload My Add-in (or Insert > Office Add-ins > Upload My Add-in), and choose manifest.xml from",
      `this folder (${root}). Your browser must trust https://localhost:${port}: open it once and accept`,
      "the certificate. Then type =ECON.DESCRIBE( in a cell, or click EconSheet on the Home tab.",
      "",
      "Running the main job headlessly on the bundled sample …",
    ].join("\n"),
  );
  const outputs = headlessJob();
  console.log(`\nEconSheet: output written to ${outputs.join(", ")} (in ${root}).`);
  if (once) {
    server.kill();
    return;
  }
  console.log(`EconSheet: still serving https://localhost:${port} — press Ctrl+C to stop.`);
  process.on("SIGINT", () => {
    server.kill();
    process.exit(0);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
