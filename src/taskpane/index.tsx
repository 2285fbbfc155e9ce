/* global Office, document */
import { createRoot } from "react-dom/client";
import { App } from "./app";

function mount(): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App />);
}

// Outside Office (a plain browser, a test) Office.onReady still resolves, with host null.
if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady(() => mount());
} else {
  mount();
}
