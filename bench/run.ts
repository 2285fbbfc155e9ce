/**
 * npm run bench — prints wall time and peak memory; asserts nothing.
 * Each case runs in a fresh child process so its peak RSS is its own.
 *   node --expose-gc is not needed; figures are process.resourceUsage().maxRSS.
 */
import { spawnSync } from "child_process";
import { join } from "path";

const cases = process.argv.slice(2).length ? process.argv.slice(2).filter((c) => c !== "host-blocking") : ["fe2-10k", "fe2-100k", "fe2-1m", "bootstrap-651", "placebo-651", "entropy-1m", "event-study-1m", "csv-panel", "wild-651"];
const tsx = join(__dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
console.log("case                                            rows        wall (s)   peak RSS (MB)   detail");
for (const c of cases) {
  if (c === "csv-panel") {
    // Whole-process runs from CSV at 20k / 200k / 1M rows beside R plm and gretl (bench/csv-panel.ts).
    console.log("");
    const r = spawnSync(process.execPath, [tsx, join(__dirname, "csv-panel.ts")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    process.stdout.write(r.stdout);
    if (r.status !== 0) process.exitCode = 1;
    continue;
  }
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", tsx, join(__dirname, "case.ts"), c], { encoding: "utf8" });
  if (r.status !== 0) {
    console.log(`${c}: failed\n${r.stderr}`);
    process.exitCode = 1;
    continue;
  }
  process.stdout.write(r.stdout);
}
// How long each ECON.* function blocks the add-in's shared runtime at its caps (bench/host-blocking.ts).
if (!process.argv.slice(2).length || process.argv.includes("host-blocking")) {
  const r = spawnSync(process.execPath, [tsx, join(__dirname, "host-blocking.ts")], { encoding: "utf8" });
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    process.stdout.write(r.stderr);
    process.exitCode = 1;
  }
}
