import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";
import { fixturePath } from "../helpers/fixtures";

/** Helpers of the data-path robustness tests: files in a fresh temp folder, in the encodings users' programs write. */
export const DIR = mkdtempSync(join(tmpdir(), "econsheet-data-"));

export function file(name: string, content: string | Uint8Array): string {
  const p = join(DIR, name);
  writeFileSync(p, content);
  return p;
}

/** Grunfeld (200 rows, firm × year) as text with the given delimiter and header names. */
export function grunfeldText(delimiter = ",", header = ["firm", "year", "inv", "value", "capital"]): string {
  const lines = readFileSync(fixturePath("grunfeld.csv"), "utf8").trim().split(/\r?\n/);
  return [header.join(delimiter), ...lines.slice(1).map((l) => l.split(",").join(delimiter))].join("\r\n") + "\r\n";
}

/**
 * GBK bytes of a text (what Excel on Chinese Windows saves as "CSV"). Node has no GBK encoder,
 * so each non-ASCII character is found by decoding the two-byte GBK codes with TextDecoder.
 */
export function gbk(text: string): Uint8Array {
  const need = new Set([...text].filter((c) => c.charCodeAt(0) > 127));
  const code = new Map<string, [number, number]>();
  const dec = new TextDecoder("gbk");
  for (let a = 0x81; a <= 0xfe && code.size < need.size; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const c = dec.decode(new Uint8Array([a, b]));
      if (need.has(c) && !code.has(c)) code.set(c, [a, b]);
    }
  }
  const out: number[] = [];
  for (const c of text) {
    const u = c.charCodeAt(0);
    if (u <= 127) out.push(u);
    else {
      const ab = code.get(c);
      if (!ab) throw new Error(`no GBK code for ${c}`);
      out.push(ab[0], ab[1]);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-16 with a byte-order mark (Excel's "Unicode text"). */
export function utf16(text: string, order: "le" | "be"): Uint8Array {
  const le = Buffer.from("\uFEFF" + text, "utf16le");
  if (order === "le") return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

/** A firm panel of `firms` × 20 years with y = 0.5·x1 − 0.2·x2 + effects + noise (deterministic), as CSV text. */
export function firmPanelCsv(firms: number): string {
  let s = "firm,year,y,x1,x2,x3\n";
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let g = 1; g <= firms; g++) {
    const a = rnd();
    for (let t = 0; t < 20; t++) {
      const x1 = rnd() + 0.3 * a, x2 = rnd(), x3 = 0.5 + rnd();
      const y = 0.5 * x1 - 0.2 * x2 + a + 0.01 * t + 0.1 * (rnd() - 0.5);
      s += `${g},${2000 + t},${y.toFixed(6)},${x1.toFixed(6)},${x2.toFixed(6)},${x3.toFixed(6)}\n`;
    }
  }
  return s;
}
