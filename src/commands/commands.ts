/* global Office */
/*
 * Ribbon commands. The "EconSheet" button on the Home tab opens the task pane through the
 * manifest's ShowTaskpane action; nothing else is needed here, but Office requires the
 * function file to call Office.onReady.
 */
if (typeof Office !== "undefined") {
  Office.onReady(() => undefined);
}
export {};
