/* global CustomFunctions */
import { emptyError } from "../core/errors";
import { toExcelError } from "./excel-errors";

/** How the host is calling a custom function that can run long (bootstrap, placebo). */
export interface HostRun {
  /**
   * Excel is previewing the formula's value while the user types it (`invocation.isInValuePreview`,
   * where the host supports it): resampling is skipped, so the preview is the point estimates only.
   */
  preview: boolean;
}

/** `isInValuePreview` is typed as a string in @types/custom-functions-runtime; hosts send a boolean. */
export function isValuePreview(invocation: CustomFunctions.Invocation | null | undefined): boolean {
  const v = (invocation as { isInValuePreview?: unknown } | null | undefined)?.isInValuePreview;
  return v === true || v === "true";
}

/**
 * Runs a long custom function (declared @cancelable) the way the shared runtime expects:
 * the computation starts after one turn of the event loop, so a cancellation Excel has already
 * queued (the user edited an input again, or recalculated) stops it before any work is done, and
 * a cancelled call ends with #N/A instead of a stale table. A started computation runs to the end:
 * the core is synchronous, and bench/host-blocking.ts shows that at the functions' caps none blocks
 * the runtime for more than about a second on the provincial shape (31 × 21).
 */
export async function cancelableRun<T>(invocation: CustomFunctions.CancelableInvocation | null | undefined, compute: (run: HostRun) => T): Promise<T> {
  let canceled = false;
  if (invocation) invocation.onCanceled = () => { canceled = true; };
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (canceled) throw toExcelError(emptyError("EconSheet: Excel cancelled this calculation (an input changed or the sheet was recalculated); it runs again with the new inputs.", "EconSheet：Excel 已取消此次计算（输入已更改或工作表已重新计算），将按新的输入重新计算。"));
  try {
    return compute({ preview: isValuePreview(invocation) });
  } catch (e) {
    throw toExcelError(e);
  }
}
