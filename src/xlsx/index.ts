/** The .xlsx file adapter: the only code that touches ExcelJS. */
export { readWorkbookGrids, readWorkbookSheets, type WorkbookSheet } from "./readWorkbookGrids";
export {
  writeWorkbookWithOutputs,
  type OutputWorkbookReport,
  type WrittenSheet,
} from "./writeWorkbookWithOutputs";
export {
  WorkbookFileError,
  isWorkbookFileError,
  type WorkbookFileProblem,
} from "./workbookFileError";
export type { WorkbookSource } from "./loadWorkbook";
