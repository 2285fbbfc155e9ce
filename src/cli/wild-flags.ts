import { ParsedArgs, flagList, flagNumber, flagString } from "./args";
import { WildOptions } from "../core/inference/wild-panel";
import { inputError } from "../core/errors";

/** Flags of the wild cluster bootstrap (`panel`, `did`). */
export const WILD_FLAGS = ["wild-bootstrap", "weights", "seed", "wild-terms"];

/** `--wild-bootstrap B [--weights rademacher|webb] [--seed S] [--wild-terms x1,x2]`, or undefined. */
export function wildFromArgs(args: ParsedArgs, level?: number): WildOptions | undefined {
  if (args.flags.get("wild-bootstrap") === true) {
    throw inputError("--wild-bootstrap needs the number of draws, e.g. --wild-bootstrap 9999.", "--wild-bootstrap 需要给出抽样次数，例如 --wild-bootstrap 9999。");
  }
  const reps = flagNumber(args, "wild-bootstrap");
  if (reps === undefined) {
    for (const f of ["weights", "wild-terms"]) {
      if (args.flags.has(f)) throw inputError(`--${f} belongs to the wild cluster bootstrap: add --wild-bootstrap B (e.g. 9999).`, `--${f} 属于 wild cluster bootstrap：请同时给出 --wild-bootstrap B（如 9999）。`);
    }
    return undefined;
  }
  if (!Number.isInteger(reps) || reps < 1) {
    throw inputError(`--wild-bootstrap: '${reps}' must be a whole number of draws of at least 1 (e.g. 9999).`, `--wild-bootstrap：'${reps}' 应为不小于 1 的整数抽样次数（如 9999）。`);
  }
  const seedText = flagString(args, "seed");
  const seed = seedText === undefined ? undefined : Number.isFinite(Number(seedText)) ? Number(seedText) : seedText;
  return { reps, weights: flagString(args, "weights"), seed, terms: flagList(args, "wild-terms"), level };
}
