import { inputError } from "../../errors";

/** Field separators a spreadsheet program writes: comma, semicolon (Excel in much of Europe), tab ("Text"), bar. */
export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Counts `d` outside double quotes in text[from, to). */
function countOutsideQuotes(text: string, from: number, to: number, d: number): number {
  let n = 0, quoted = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

function lineEnd(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return i;
  }
  return text.length;
}

/**
 * The field separator of a CSV text: the candidate that occurs most often in the header line,
 * preferring one that occurs as often in the next line (a comma inside "1,5" of a semicolon
 * file then loses). A one-column file gets ",".
 */
export function detectDelimiter(text: string): string {
  const e1 = lineEnd(text, 0);
  let s2 = e1;
  while (s2 < text.length && (text.charCodeAt(s2) === 10 || text.charCodeAt(s2) === 13)) s2++;
  const e2 = lineEnd(text, s2);
  let best = ",", bestScore = 0;
  for (const d of DELIMITERS) {
    const code = d.charCodeAt(0);
    const h = countOutsideQuotes(text, 0, e1, code);
    if (h === 0) continue;
    const consistent = s2 >= text.length || countOutsideQuotes(text, s2, e2, code) === h;
    const score = h + (consistent ? 1e6 : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Where detectDelimiter stops reading `text`: the end of its second non-empty line (the text's
 * length when that line has no line end in it). A piece of a file cut at a line end detects the
 * delimiter of the whole file when this is less than the piece's length.
 */
export function delimiterDetectionEnd(text: string): number {
  let s2 = lineEnd(text, 0);
  while (s2 < text.length && (text.charCodeAt(s2) === 10 || text.charCodeAt(s2) === 13)) s2++;
  return lineEnd(text, s2);
}

/** The --delimiter option: a character, or a name ("tab", "comma", "semicolon", "pipe"). */
export function delimiterOption(value: string): string {
  const names: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";", pipe: "|", bar: "|" };
  const d = names[value.toLowerCase()] ?? value;
  if (d.length !== 1 || d === '"' || d === "\n" || d === "\r") {
    throw inputError(
      `--delimiter ${value}: give one character or a name: ",", ";", "tab", "|".`,
      `--delimiter ${value}：请给出一个字符或名称：","、";"、"tab"、"|"。`,
    );
  }
  return d;
}
