/*
 * Task pane entry. Office.onReady is awaited once, here, before anything renders; the page is also the
 * shared runtime of the custom functions (the functions bundle is loaded by the same taskpane.html).
 * The task-pane-only manifest (dist/manifest-taskpane.xml) opens the same page without a shared
 * runtime: nothing here needs one — the settings live in a hidden sheet of the workbook.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { budgetForPlatform, createExcelHost } from "../excel";
import type { WorkbookHost } from "../host/workbookHost";
import { loadMessages, startingLanguage } from "./language";
import { PaneRoot } from "./PaneRoot";
import { watchPaneShown } from "./paneShown";

function render(host: WorkbookHost | null, displayLanguage: string | null): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  // Office's display language (Office.context.displayLanguage), else the browser's outside Office;
  // the user's choice from the header's switch comes first once made.
  const start = startingLanguage(null, [displayLanguage, navigator.language]);
  // English is a chunk of its own: wait for it rather than show Russian for a moment.
  void loadMessages(start).then(() =>
    createRoot(container).render(
      <FluentProvider theme={webLightTheme}>
        <PaneRoot start={start} host={host} watchShown={watchPaneShown} />
      </FluentProvider>
    )
  );
}

// Without office.js — Microsoft's CDN out of reach, or its script blocked — nothing here can tell
// Excel from a plain browser tab: the page's own notice (taskpane.html, #startup-notice) names the
// causes and what to use instead; show it now rather than after its delay. With office.js outside
// Office, onReady resolves with host null, and the pane says "open it in Excel" instead of failing.
if (typeof Office === "undefined") {
  document.getElementById("startup-notice")?.classList.add("now");
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      render(null, null);
      return;
    }
    const host = createExcelHost({
      budget: budgetForPlatform(Office.context.platform),
      run: (batch, options) =>
        options === undefined ? Excel.run(batch) : Excel.run(options, batch),
    });
    render(host, Office.context.displayLanguage);
  });
}
