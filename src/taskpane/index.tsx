/* global Office, document */
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { officeWorkbookIO } from "./excel-io";
import { langFromOffice } from "./i18n";

function mount(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const lang = langFromOffice(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  createRoot(root).render(<App io={officeWorkbookIO()} initialLang={lang} />);
}

// Outside Office (a plain browser) Office.onReady still resolves, with host null; the browser
// test replaces office.js by a test double whose onReady resolves with host Excel.
if (typeof Office !== "undefined" && Office.onReady) {
  void Office.onReady(() => mount());
} else {
  mount();
}
