import { ParsedArgs, flagList, flagString, flagValue } from "./args";
import { WildOptions } from "../core/inference/wild-panel";
import { inputError, Lang } from "../core/errors";
import { checkReplicationLimit, parseReplicationCount } from "../core/options/parse-option";
import { measurePerReplication, progressReporter } from "./progress";
import { CliIO } from "./commands/command";

/** Flags of the wild cluster bootstrap (`panel`, `did`). */
export const WILD_FLAGS = ["wild-bootstrap", "weights", "seed", "wild-terms"];

/** Draws of the timing run behind the over-the-limit estimate (stopped after ~200 draws). */
const TIMING_DRAWS = 4000;

/**
 * `--wild-bootstrap B [--weights rademacher|webb] [--seed S] [--wild-terms x1,x2]`, or undefined.
 * B goes through the shared option parser (a whole number ≥ 1, same messages as --bootstrap and
 * --placebo); the 100,000 limit is checked by `checkWildLimit` once the data are read, so the
 * refusal can say how long the run would take.
 */
export function wildFromArgs(args: ParsedArgs, level?: number): WildOptions | undefined {
  if (args.flags.get("wild-bootstrap") === true) {
    throw inputError("--wild-bootstrap needs the number of draws, e.g. --wild-bootstrap 9999.", "--wild-bootstrap 需要给出抽样次数，例如 --wild-bootstrap 9999。");
  }
  const reps = parseReplicationCount(flagValue(args, "wild-bootstrap"), "--wild-bootstrap", 1);
  if (reps === undefined) {
    for (const f of ["weights", "wild-terms"]) {
      if (args.flags.has(f)) throw inputError(`--${f} belongs to the wild cluster bootstrap: add --wild-bootstrap B (e.g. 9999).`, `--${f} 属于 wild cluster bootstrap：请同时给出 --wild-bootstrap B（如 9999）。`);
    }
    return undefined;
  }
  const seedText = flagString(args, "seed");
  const seed = seedText === undefined ? undefined : Number.isFinite(Number(seedText)) ? Number(seedText) : seedText;
  return { reps, weights: flagString(args, "weights"), seed, terms: flagList(args, "wild-terms"), level };
}

/**
 * Refuses B above the shared limit (100,000) with an estimate from a few real draws of this
 * model (`run` is the bootstrap on the user's data), and adds the progress reporter (stderr,
 * with the time left) to the request. `columns`: how many models the real run bootstraps.
 */
export function checkWildLimit(wild: WildOptions, run: (w: WildOptions) => void, io: CliIO, lang: Lang, columns = 1): WildOptions {
  // `run` may bootstrap several table columns; the first column is timed and the cost scaled by `columns`.
  checkReplicationLimit("--wild-bootstrap", wild.reps, () => columns * measurePerReplication((onProgress) => run({ ...wild, reps: TIMING_DRAWS, onProgress })));
  return { ...wild, onProgress: progressReporter(io, lang === "zh" ? "wild bootstrap 抽样" : "wild bootstrap", lang) };
}
