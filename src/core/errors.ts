/**
 * Errors raised by the core. Every message exists in English and Simplified Chinese and says
 * what is wrong, where (column, row, province-year) and, when useful, how to fix it.
 *
 * `kind` maps to the Excel error a custom function returns:
 *   'value' -> #VALUE! (bad input or options), 'num' -> #NUM! (numerical failure),
 *   'na' -> #N/A (nothing to compute).
 */
export type ErrorKind = "value" | "num" | "na";

/** A user-facing text in both languages the product ships. */
export interface Localized {
  en: string;
  zh: string;
}

export type Lang = "en" | "zh";

export class EconError extends Error {
  readonly kind: ErrorKind;
  readonly text: Localized;

  constructor(kind: ErrorKind, text: Localized) {
    super(text.en);
    this.name = "EconError";
    this.kind = kind;
    this.text = text;
  }

  /** The message in the requested language. */
  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** Bad input or options (#VALUE!). */
export function inputError(en: string, zh: string): EconError {
  return new EconError("value", { en, zh });
}

/** Numerical failure (#NUM!). */
export function numericError(en: string, zh: string): EconError {
  return new EconError("num", { en, zh });
}

/** Nothing to compute (#N/A). */
export function emptyError(en: string, zh: string): EconError {
  return new EconError("na", { en, zh });
}

export function isEconError(e: unknown): e is EconError {
  return e instanceof EconError;
}
