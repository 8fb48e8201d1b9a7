/** The Excel adapter: the only code that touches `Excel.*` (Office.js). */
export { createExcelHost, type ExcelRun, type ExcelHostOptions } from "./excelHost";
export { readNamedSheets, scanWorkbook, type ExcelRead } from "./readWorkbook";
export {
  writeOutputSheets,
  removePendingOutputs,
  type ExcelWriteReport,
} from "./writeOutputSheets";
export { planOutputWrite, type WorkbookState } from "./outputPlan";
export {
  budgetForPlatform,
  UNLIMITED,
  WEB_BUDGET,
  WEB_REQUEST_LIMIT,
  type RequestBudget,
} from "./requestBudget";
export { selectCell } from "./selectCell";
