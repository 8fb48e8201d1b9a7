/*
 * Task pane entry. Office.onReady is awaited once, here, before anything renders; the page is also the
 * shared runtime of the custom functions (the functions bundle is loaded by the same taskpane.html).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { budgetForPlatform, createExcelHost } from "../excel";
import { App } from "./App";
import type { WorkbookHost } from "./host";
import { messagesFor } from "./messages";

function render(host: WorkbookHost | null, displayLanguage: string | null): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  const messages = messagesFor(displayLanguage);
  document.documentElement.lang = messages.language;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} messages={messages} />
    </FluentProvider>
  );
}

// Outside Office (a plain browser tab) office.js may be missing entirely, or present and resolve
// onReady with host null: both mean "not inside Excel", and the pane says so instead of failing.
if (typeof Office === "undefined") {
  render(null, null);
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      render(null, null);
      return;
    }
    const host = createExcelHost({
      budget: budgetForPlatform(Office.context.platform),
      run: (batch) => Excel.run(batch),
    });
    render(host, Office.context.displayLanguage);
  });
}
