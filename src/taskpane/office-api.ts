/* global Office */

/** Whether the host supports ExcelApi `version` (false outside Office). */
export function apiSupported(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported?.("ExcelApi", version);
}
