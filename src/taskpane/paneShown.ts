/**
 * Tells the pane when it is shown again, so that it reads the workbook the user may have changed
 * while it was out of sight (and retries a first read that Excel never answered, patientScan.ts).
 *
 * Two signals, because neither covers every client:
 * - `document`'s `visibilitychange` (the Page Visibility API) works wherever the pane is a web page:
 *   every Excel, both manifests, the browser tab of Excel on the web. It is the only one the
 *   task-pane-only manifest (Excel 2019) can have.
 * - `Office.addin.onVisibilityModeChanged` needs the shared runtime (requirement set SharedRuntime
 *   1.1, https://learn.microsoft.com/en-us/javascript/api/office/office.addin). In a shared runtime
 *   hiding and showing the pane change only its visibility and do not reload the page («Show or hide
 *   the task pane of your Office Add-in», section on preserving state and event listeners,
 *   https://learn.microsoft.com/en-us/office/dev/add-ins/develop/show-hide-add-in); Microsoft documents
 *   this event, not the page's visibility, for the pane coming back. So the full manifest listens to
 *   it too, where `isSetSupported("SharedRuntime", "1.1")` says it exists.
 *
 * When both fire for one showing, the second within `COALESCE_MS` is dropped: one re-read, not two.
 */
const COALESCE_MS = 1_000;

export type PaneShownWatcher = (onShown: () => void) => () => void;

export const watchPaneShown: PaneShownWatcher = (onShown) => {
  let last = -Infinity;
  const shown = () => {
    const now = Date.now();
    if (now - last < COALESCE_MS) return;
    last = now;
    onShown();
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") shown();
  };
  document.addEventListener("visibilitychange", onVisibility);
  const removeOffice = watchOfficeVisibility(shown);
  return () => {
    document.removeEventListener("visibilitychange", onVisibility);
    removeOffice();
  };
};

function watchOfficeVisibility(shown: () => void): () => void {
  if (typeof Office === "undefined" || Office.context?.requirements === undefined) return () => {};
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return () => {};
  let removed = false;
  let remove: (() => Promise<void>) | null = null;
  Office.addin
    .onVisibilityModeChanged((message) => {
      if (!removed && message.visibilityMode === Office.VisibilityMode.taskpane) shown();
    })
    .then(
      (removeHandler) => {
        remove = removeHandler;
        if (removed) void remove().catch(() => undefined);
      },
      // Without the event the page's own visibility still serves.
      () => undefined
    );
  return () => {
    removed = true;
    void remove?.().catch(() => undefined);
  };
}
