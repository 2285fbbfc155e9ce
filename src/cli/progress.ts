import { CliIO } from "./commands/command";
import { durationText } from "../core/options/parse-option";
import { Lang } from "../core/errors";

/**
 * Progress of a long loop on stderr, with an estimate of the time left: nothing for loops that
 * finish within 2 s, then one line every 5 s ("placebo 1,200/10,000 (12%), about 3 min left").
 * `now` is injectable for tests.
 */
export function progressReporter(io: CliIO, label: string, lang: Lang = "en", now: () => number = Date.now): (done: number, total: number) => void {
  const start = now();
  let next = start + 2000;
  return (done, total) => {
    const t = now();
    if (t < next || done >= total) return;
    next = t + 5000;
    const elapsed = (t - start) / 1000;
    const left = durationText((elapsed / Math.max(done, 1)) * (total - done));
    const pct = Math.floor((100 * done) / total);
    io.stderr(lang === "zh" ? `${label} ${done}/${total}（${pct}%），约剩 ${left.zh}\n` : `${label} ${done}/${total} (${pct}%), about ${left.en} left\n`);
  };
}

/** Seconds one call of `f` takes (a measured unit cost for the limit estimates). */
export function secondsOf(f: () => unknown): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
