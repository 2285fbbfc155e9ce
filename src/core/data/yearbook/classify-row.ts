import { Cell, isBlank, showCell } from "../cells";

export type RowKind = "blank" | "unit" | "note" | "content";

export interface RowClass {
  kind: RowKind;
  /** The unit for a unit row ("亿元" from "单位：亿元"), the text for a note row. */
  text?: string;
}

const UNIT = /^(?:计量)?单位\s*[:：]\s*(.*)$|^units?\s*[:：]\s*(.*)$/i;
const NOTE = [
  /^(注|附注|备注|说明)\s*\d*\s*[:：]/, // 注：… 注1：…
  /^(资料来源|数据来源|来源)/,
  /^(notes?|sources?)\s*\d*\s*[:：.]/i,
  /^[*＊※]/, // * footnote markers
  /^\d+\s*、/, // 1、…
  /^[（(]\d+[）)]\s*\S/, // (1) …
];

/** Trimmed text of a cell, "" for a blank or a non-text cell. */
function text(cell: Cell): string {
  return typeof cell === "string" ? cell.normalize("NFKC").trim() : "";
}

/**
 * What a sheet row is, before the layout is known: blank; a unit row ("单位：亿元",
 * "Unit: 100 million yuan" in any cell); a footnote (first non-blank cell starts with 注：,
 * 资料来源, 数据来源, "Note:", "Source:", "*", "1、" or "(1)"); otherwise content (title, header
 * or data, told apart by the layout detector).
 */
export function classifyRow(row: readonly Cell[]): RowClass {
  const filled = row.filter((c) => !isBlank(c));
  if (filled.length === 0) return { kind: "blank" };
  for (const c of filled) {
    const m = UNIT.exec(text(c));
    if (m) return { kind: "unit", text: (m[1] ?? m[2] ?? "").trim() };
  }
  const first = text(filled[0]);
  if (first && NOTE.some((re) => re.test(first))) return { kind: "note", text: filled.map(showCell).join(" ").trim() };
  return { kind: "content" };
}
