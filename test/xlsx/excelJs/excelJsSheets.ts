import type ExcelJS from "exceljs";
import type { CellValue, MergedRange, SheetGrid, UncalculatedFormulas } from "../../../src/engine";
import { gridCellValue, isUncalculatedFormula } from "./gridCellValue";
import { markedOutputSheets } from "../../../src/engine";

/** One worksheet as the engine reads it, and whether School Radar wrote it (then it is no input). */
export interface ExcelJsSheet {
  grid: SheetGrid;
  /** The defined name marking the sheet as our output (`SchoolRadar_shnor`), or null for a user sheet. */
  outputMark: string | null;
  /** Merged ranges: the grid repeats a merge's value into all its cells; the reader needs to know. */
  mergedRanges: MergedRange[];
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
}

/** Every worksheet of a workbook ExcelJS has loaded, in tab order. */
export function excelJsSheets(workbook: ExcelJS.Workbook): ExcelJsSheet[] {
  const marks = markedOutputSheets(workbook);
  return workbook.worksheets.map((worksheet) => ({
    grid: sheetGrid(worksheet),
    outputMark: marks.get(worksheet.name) ?? null,
    mergedRanges: mergedRanges(worksheet),
    state: worksheet.state ?? "visible",
  }));
}

/**
 * Values and number formats from A1 down to the last used cell. Cells inside a merged range carry
 * the merged range's value (ExcelJS repeats it), which is how a two-row header names every column
 * under `ВПР МА 5 2019`. Number formats matter: 0.33 under `0%` is 33 %, not 0.33 %.
 */
export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  let uncalculated: UncalculatedFormulas | undefined;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (isUncalculatedFormula(cell.value)) {
        uncalculated ??= { count: 0, row: rowNumber - 1, column: columnNumber - 1 };
        uncalculated.count++;
      }
      rowValues[columnNumber - 1] = gridCellValue(cell.value);
      rowFormats[columnNumber - 1] = cell.numFmt ?? null;
    });
    values[rowNumber - 1] = filledRow(rowValues, null);
    numberFormats[rowNumber - 1] = filledRow(rowFormats, null);
  });
  return {
    sheetName: worksheet.name,
    values: filledRows(values),
    numberFormats: filledRows(numberFormats),
    origin: { row: 0, column: 0 },
    ...(uncalculated && { uncalculatedFormulas: uncalculated }),
  };
}

/** `D4:F4` → zero-based rows and columns. ExcelJS lists merges only in the sheet's model. */
export function mergedRanges(worksheet: ExcelJS.Worksheet): MergedRange[] {
  if (!worksheet.hasMerges) return [];
  return worksheet.model.merges.flatMap((range) => {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (match === null) return [];
    const [top, bottom] = [Number(match[2]) - 1, Number(match[4]) - 1];
    const [left, right] = [columnIndex(match[1]!), columnIndex(match[3]!)];
    return [{ top, left, bottom, right }];
  });
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** ExcelJS skips empty cells and rows; the engine wants dense arrays (holes would read as undefined). */
function filledRow<T>(sparse: T[], empty: T): T[] {
  return Array.from({ length: sparse.length }, (_, index) => sparse[index] ?? empty);
}

function filledRows<T>(sparse: T[][]): T[][] {
  return Array.from({ length: sparse.length }, (_, index) => sparse[index] ?? []);
}

export function hasAnyValue(grid: SheetGrid): boolean {
  return grid.values.some((row) => row.some((value) => value !== null && value !== ""));
}
