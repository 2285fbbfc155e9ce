/**
 * Writes the staggered panels for the Sun–Abraham reference (test/fixtures/sunab_*.csv; issue #15):
 *   sunab_unbalanced.csv  45 units × 2000–2011, cohorts 2004/2006/2009 + never-treated; ~10% of rows
 *                         missing, ~8% of y and ~4% of x blank; effects differ by cohort and grow
 *   sunab_always.csv      the same plus always-treated units (first treated 1998, 2000, and one
 *                         whose pre-treatment rows all have a blank y)
 *   sunab_nonever.csv     no never-treated units: cohorts 2004/2006/2008/2010
 * Run: npx tsx scripts/reference/write-sunab-data.ts   (then Rscript scripts/reference/sunab.R)
 */
import { writeFileSync } from "fs";
import { join } from "path";
import seedrandom from "seedrandom";

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function panel(seed: string, cohortOf: (u: number) => number, units: number, extra: { first: number; blankPre?: boolean }[] = []): string {
  const rng = seedrandom(seed);
  const years = Array.from({ length: 12 }, (_, j) => 2000 + j);
  const gamma = years.map(() => normal(rng) * 0.5);
  const lines = ['"unit","year","y","first_treat","x"'];
  const all = [...Array.from({ length: units }, (_, u) => ({ first: cohortOf(u), blankPre: false })), ...extra.map((e) => ({ first: e.first, blankPre: e.blankPre ?? false }))];
  const cohorts = [...new Set(all.map((a) => a.first).filter((f) => f > 0))].sort((a, b) => a - b);
  all.forEach(({ first, blankPre }, u) => {
    const alpha = normal(rng);
    const name = `u${String(u + 1).padStart(2, "0")}`;
    years.forEach((t, j) => {
      const x = normal(rng) + 0.3 * alpha;
      const e = first > 0 ? first : NaN;
      const r = t - e;
      const tau = r >= 0 ? (1 + 0.4 * cohorts.indexOf(first)) * 0.3 * (r + 1) : 0;
      const y = alpha + gamma[j] + 0.5 * x + tau + normal(rng);
      if (rng() < 0.1) return; // row missing: unbalanced panel
      const yBlank = rng() < 0.08 || (blankPre && t < first);
      const xBlank = rng() < 0.04;
      lines.push(`"${name}",${t},${yBlank ? "" : y.toPrecision(17)},${first},${xBlank ? "" : x.toPrecision(17)}`);
    });
  });
  return lines.join("\n") + "\n";
}

const out = join(__dirname, "..", "..", "test", "fixtures");
const cohort3 = (u: number) => (u < 10 ? 2004 : u < 20 ? 2006 : u < 30 ? 2009 : 0);
writeFileSync(join(out, "sunab_unbalanced.csv"), panel("sunab-unbalanced", cohort3, 45));
writeFileSync(join(out, "sunab_always.csv"), panel("sunab-always", cohort3, 45, [{ first: 1998 }, { first: 2000 }, { first: 2000 }, { first: 2003, blankPre: true }]));
writeFileSync(join(out, "sunab_nonever.csv"), panel("sunab-nonever", (u) => [2004, 2006, 2008, 2010][u % 4], 44));
