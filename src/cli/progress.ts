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

/**
 * Seconds one replication takes, measured on the real loop: `run` starts the resampling with
 * the progress callback given, which stops it (returns false) after about half a second or 200
 * replications. Timed from the first replication on, so the fits before the loop and the
 * first (cold) replication do not count.
 */
export function measurePerReplication(run: (onProgress: (done: number, total: number) => boolean) => void): number {
  let t0 = 0n, first = 0, last = 0, tLast = 0n;
  run((done) => {
    const now = process.hrtime.bigint();
    if (first === 0) {
      first = done;
      t0 = now;
      return true;
    }
    last = done;
    tLast = now;
    return !(now - t0 > 500_000_000n || done - first >= 200);
  });
  if (last <= first) return 0;
  return Number(tLast - t0) / 1e9 / (last - first);
}
