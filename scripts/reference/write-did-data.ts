/** Writes the simulated DID panels used by the R reference (test/fixtures/did_*.csv). Run: npx tsx scripts/reference/write-did-data.ts */
import { writeFileSync } from "fs";
import { join } from "path";
import { simulateDid } from "../lib/simulate-did";

const out = join(__dirname, "..", "..", "test", "fixtures");
for (const [name, grid] of [["did_common.csv", simulateDid({ design: "common", seed: "common-1" })], ["did_staggered.csv", simulateDid({ design: "staggered", seed: "stag-1" })]] as const) {
  writeFileSync(join(out, name), grid.map((r) => r.map((v) => (typeof v === "number" ? v.toPrecision(17) : `"${v}"`)).join(",")).join("\n") + "\n");
}
