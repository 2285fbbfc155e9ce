import { inputError } from "../errors";

export type Direction = "positive" | "negative";

const POSITIVE = ["+", "+1", "1", "positive", "pos", "p", "正", "正向", "正向指标", "benefit"];
const NEGATIVE = ["-", "−", "-1", "−1", "negative", "neg", "n", "负", "负向", "负向指标", "逆向", "cost"];

/**
 * Reads an indicator direction: +1 / −1, "+" / "-", "positive" / "negative", "正向" / "负向"
 * (also "正" / "负", "逆向"). Blank means positive. `where` names the indicator for the message.
 */
export function parseDirection(cell: unknown, where: string): Direction {
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) return "positive";
  if (typeof cell === "number") {
    if (cell === 1) return "positive";
    if (cell === -1) return "negative";
  }
  const s = String(cell).trim().toLowerCase();
  if (POSITIVE.includes(s)) return "positive";
  if (NEGATIVE.includes(s)) return "negative";
  throw inputError(
    `Direction of ${where}: '${String(cell)}' is not understood. Use +1 or -1, "+" or "-", "positive" or "negative", "正向" or "负向".`,
    `${where} 的方向 '${String(cell)}' 无法识别。请使用 +1 或 -1、"+" 或 "-"、"positive" 或 "negative"、"正向" 或 "负向"。`,
  );
}
