import { WildOptions } from "../../core/inference/wild-panel";
import { inputError } from "../../core/errors";
import { parseVarList } from "../options";
import { parseReplications } from "../../core/options/parse-option";

/** Draws allowed inside a custom function, so a recalculation stays well under Office's 5 s limit. */
export const MAX_FUNCTION_WILD = 9999;

/** Option keys of the wild cluster bootstrap in ECON.PANELFE / ECON.REGTABLE / ECON.DID. */
export const WILD_OPTION_KEYS = ["wild", "weights", "seed", "wildterms"];

/** The invocation's formula-value-preview flag (typed as a string in @types; a boolean at run time). */
export function inValuePreview(invocation?: { isInValuePreview?: unknown } | null): boolean {
  const v = invocation?.isInValuePreview;
  return v === true || v === "true";
}

/**
 * `wild=B; weights=webb; seed=1; wildterms=x1,x2` → the bootstrap request, or undefined (none, or
 * skipped during formula value preview, with a note saying so). B above the cap is reduced to it.
 */
export function wildFromOptions(opts: Map<string, string>, fn: string, invocation?: { isInValuePreview?: unknown } | null): { wild?: WildOptions; notes: { en: string; zh: string }[] } {
  const text = opts.get("wild");
  if (text === undefined || text === "") {
    for (const k of ["weights", "wildterms"]) {
      if (opts.has(k)) throw inputError(`${fn}: option '${k}' belongs to the wild cluster bootstrap; add wild=9999.`, `${fn}：选项 '${k}' 属于 wild cluster bootstrap；请同时给出 wild=9999。`);
    }
    return { notes: [] };
  }
  // The shared option parser: a whole number of draws from 1 to 100,000 (the limit of --wild-bootstrap and spec "wild.reps").
  const B = parseReplications(text, `${fn}: option 'wild' (draws, e.g. wild=9999)`, 1)!;
  if (inValuePreview(invocation)) {
    return { notes: [{ en: "Wild cluster bootstrap skipped in the formula value preview; it runs when the formula is entered.", zh: "公式值预览中跳过 wild cluster bootstrap；输入公式后才会计算。" }] };
  }
  const notes: { en: string; zh: string }[] = [];
  let reps = B;
  if (B > MAX_FUNCTION_WILD) {
    reps = MAX_FUNCTION_WILD;
    notes.push({ en: `wild=${B} capped at ${MAX_FUNCTION_WILD} draws so Excel stays responsive; use 'econsheet panel --wild-bootstrap ${B}' for more.`, zh: `为保证 Excel 响应，wild=${B} 被限制为 ${MAX_FUNCTION_WILD} 次抽样；更多次数请使用 'econsheet panel --wild-bootstrap ${B}'。` });
  }
  const seedText = opts.get("seed");
  const seed = seedText === undefined || seedText === "" ? undefined : Number.isFinite(Number(seedText)) ? Number(seedText) : seedText;
  const terms = parseVarList(opts.get("wildterms"));
  return { wild: { reps, weights: opts.get("weights"), seed, terms: terms.length ? terms : undefined }, notes };
}
