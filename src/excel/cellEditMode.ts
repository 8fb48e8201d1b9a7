/** What every `Excel.run` of the add-in may pass: here, only whether to wait out cell edit mode. */
export type ExcelRunOptions = Pick<Excel.RunOptions, "delayForCellEdit">;

/**
 * The run options of every batch: wait while the user types in a cell instead of failing with
 * `InvalidOperationInCellEditMode`. Microsoft: "When `true`, the batch request is executed immediately
 * if the user is not in cell edit mode, but if the user is in cell edit mode then the batch request is
 * delayed until the user exits cell edit mode" (`Excel.RunOptions.delayForCellEdit`,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions).
 *
 * The reference page names no ExcelApi set for the option. Office.js itself sends it only where
 * `Office.context.requirements.isSetSupported("DelayForCellEdit")` (`onBeforeExcelRun` in
 * @microsoft/office-js, dist/excel-*.debug.js) and silently drops it elsewhere; the same check here
 * keeps the option off a client that would ignore it — there the pane's «нажмите Enter или Esc»
 * message remains the answer. Outside Office (tests without an `Office` stub): no options.
 */
export function cellEditRunOptions(): ExcelRunOptions | undefined {
  const waits =
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("DelayForCellEdit") === true;
  return waits ? { delayForCellEdit: true } : undefined;
}
