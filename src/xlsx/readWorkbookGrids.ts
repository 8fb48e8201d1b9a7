import type { MergedRange, SheetGrid } from "../engine";
import type { WorkbookSource } from "./loadWorkbook";
import { readWorkbookSheetsFocused } from "./focused/readWorkbookFocused";

/** One worksheet as the engine reads it, and whether School Radar wrote it (then it is no input). */
export interface WorkbookSheet {
  grid: SheetGrid;
  /** The defined name marking the sheet as our output (`SchoolRadar_shnor`), or null for a user sheet. */
  outputMark: string | null;
  /** Merged ranges: the grid repeats a merge's value into all its cells; the reader needs to know. */
  mergedRanges: MergedRange[];
}

/** Reads every worksheet of an .xlsx into the engine's `SheetGrid`, in tab order. */
export async function readWorkbookGrids(source: WorkbookSource): Promise<SheetGrid[]> {
  const sheets = await readWorkbookSheets(source);
  return sheets.map((sheet) => sheet.grid);
}

/**
 * Every worksheet with its mark and merged ranges, read through the focused streaming reader (what
 * the command line uses: seconds faster and a fraction of the memory on a national table).
 */
export function readWorkbookSheets(source: WorkbookSource): Promise<WorkbookSheet[]> {
  return readWorkbookSheetsFocused(source);
}
