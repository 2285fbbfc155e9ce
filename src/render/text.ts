import { TableModel, TableCell } from "./table-model";
import { maxOf } from "../core/data/extent";

function show(c: TableCell): string {
  if (c.value === null) return "";
  if (typeof c.value === "number") {
    if (!Number.isFinite(c.value)) return "";
    return c.digits !== undefined ? c.value.toFixed(c.digits) : String(Number(c.value.toPrecision(8)));
  }
  return c.value;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A plain-text three-line table (rules above, under the header, and at the bottom). */
export function toText(model: TableModel): string {
  const rows = [...model.header, ...model.body].map((r) => r.map(show));
  const ncol = maxOf(rows.map((r) => r.length), 1);
  const widths = new Array<number>(ncol).fill(0);
  for (const r of rows) r.forEach((s, j) => (widths[j] = Math.max(widths[j], width(s))));
  const line = (r: string[]) =>
    widths.map((w, j) => {
      const s = r[j] ?? "";
      const pad = " ".repeat(w - width(s));
      return j === 0 ? s + pad : pad + s;
    }).join("  ");
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (ncol - 1);
  const rule = "─".repeat(total);
  const out: string[] = [];
  if (model.title) out.push(model.title);
  out.push(rule);
  model.header.forEach((_, i) => out.push(line(rows[i])));
  if (model.header.length) out.push(rule);
  rows.slice(model.header.length).forEach((r) => out.push(line(r)));
  out.push(rule);
  for (const n of model.notes) out.push(n);
  return out.join("\n") + "\n";
}
