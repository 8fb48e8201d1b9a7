/** The Excel adapter: the only code that touches `Excel.*` (Office.js). */
export { createExcelHost, type ExcelRun, type ExcelHostOptions } from "./excelHost";
export { cellEditRunOptions, type ExcelRunOptions } from "./cellEditMode";
export { readNamedSheets, scanWorkbook, type ExcelRead } from "./readWorkbook";
// The writer itself is loaded by the host with the first write (a chunk of its own).
export type { ExcelWriteReport } from "./writeOutputSheets";
export { planOutputWrite, type WorkbookState } from "./outputPlan";
export {
  budgetForPlatform,
  DESKTOP_BUDGET,
  DESKTOP_CELLS,
  UNLIMITED,
  WEB_BUDGET,
  WEB_REQUEST_LIMIT,
  type RequestBudget,
} from "./requestBudget";
export { selectCell } from "./selectCell";
