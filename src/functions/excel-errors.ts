/* global CustomFunctions, Office */
import { EconError, Lang } from "../core/errors";

/** The display language of Office (zh-* → Chinese), English outside Office. */
export function officeLang(): Lang {
  try {
    const lang = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return lang && lang.toLowerCase().startsWith("zh") ? "zh" : "en";
  } catch {
    return "en";
  }
}

/**
 * Maps a core error to the Excel error a custom function returns, with the message in the
 * user's language: bad input → #VALUE!, numerical failure → #NUM!, nothing to compute → #N/A.
 * Anything unexpected becomes #VALUE! with its message, never a silent wrong value.
 */
export function toExcelError(e: unknown, lang: Lang = officeLang()): CustomFunctions.Error {
  if (e instanceof EconError) {
    const code =
      e.kind === "num" ? CustomFunctions.ErrorCode.invalidNumber
      : e.kind === "na" ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.messageIn(lang));
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `EconSheet internal error: ${message}`);
}

/** Runs an adapter and turns any thrown error into the Excel error. */
export function guarded<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    throw toExcelError(e);
  }
}
