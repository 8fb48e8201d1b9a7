/** The .xlsx file adapter: the only code that reads or writes workbook files. */
export { readWorkbookGrids, readWorkbookSheets, type WorkbookSheet } from "./readWorkbookGrids";
export { readWorkbookSheetsFocused } from "./focused/readWorkbookFocused";
export {
  writeWorkbookWithOutputs,
  type OutputWorkbookReport,
  type WrittenSheet,
} from "./writeWorkbookWithOutputs";
export { writeNewWorkbook, type NewWorkbookReport } from "./writeNewWorkbook";
export {
  WorkbookFileError,
  isWorkbookFileError,
  sameAsInputError,
  unwritableError,
  type WorkbookFileProblem,
} from "./workbookFileError";
export { isSameFile } from "./sameFile";
export type { WorkbookSource } from "./loadWorkbook";
