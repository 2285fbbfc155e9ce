import { inputError } from "../errors";

export interface Period {
  label: string;
  from: number;
  to: number;
}

/** "2003; 2004-2012; 2013-2022; 2023" → periods (also "2004–2012", "2004~2012", "2004至2012"). */
export function parsePeriods(text: string): Period[] {
  const out: Period[] = [];
  for (const part of text.split(/[;；,，|]/)) {
    const p = part.trim();
    if (!p) continue;
    const m = /^(\d{4})\s*(?:年)?\s*(?:[-–—~至到]\s*(\d{4})\s*(?:年)?)?$/.exec(p);
    if (!m) {
      throw inputError(
        `Periods '${text}': cannot read '${p}'. Write years and ranges separated by ';', e.g. "2003; 2004-2012; 2013-2022; 2023".`,
        `时期 '${text}'：无法识别 '${p}'。请用 ';' 分隔年份或区间，例如 "2003; 2004-2012; 2013-2022; 2023"。`,
      );
    }
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to < from) throw inputError(`Periods: '${p}' ends before it starts.`, `时期：'${p}' 的结束年份早于开始年份。`);
    out.push({ label: from === to ? String(from) : `${from}-${to}`, from, to });
  }
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < out.length; j++)
      if (out[i].from <= out[j].to && out[j].from <= out[i].to) {
        throw inputError(`Periods '${out[i].label}' and '${out[j].label}' overlap.`, `时期 '${out[i].label}' 与 '${out[j].label}' 重叠。`);
      }
  if (out.length === 0) throw inputError("No periods given.", "未给出时期。");
  return out;
}
