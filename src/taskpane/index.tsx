/*
 * Task pane entry. Office.onReady is awaited once, here, before anything renders; the page is also the
 * shared runtime of the custom functions (the functions bundle is loaded by the same taskpane.html).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(inExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App inExcel={inExcel} />
    </FluentProvider>
  );
}

// Outside Office (a plain browser tab) office.js may be missing entirely, or present and resolve
// onReady with host null: both mean "not inside Excel", and the pane says so instead of failing.
if (typeof Office === "undefined") {
  render(false);
} else {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
}
