/**
 * Reading a workbook through the ExcelJS adapter (the reference) and through the focused reader (the
 * command line's), side by side: the same sheets and marks, cell for cell the same values and number
 * formats, the same merged ranges, the same refusals. Used by focusedReader.test.ts and
 * worksheetProducers.test.ts.
 */
import type { SheetGrid } from "../../src/engine";
import { readWorkbookSheetsExcelJS } from "./excelJs/readWithExcelJs";
import { readWorkbookSheetsFocused, WorkbookFileError, type WorkbookSheet } from "../../src/xlsx";

type Outcome = WorkbookSheet[] | { problem: string };

async function outcome(
  read: (file: string) => Promise<WorkbookSheet[]>,
  file: string
): Promise<Outcome> {
  try {
    return await read(file);
  } catch (error) {
    if (error instanceof WorkbookFileError) return { problem: error.problem };
    throw error;
  }
}

/** Number formats of cells a merge covers (but its first) are not compared: see sheetCells.ts. */
function withoutMergedFormats(sheet: WorkbookSheet): SheetGrid {
  const formats = sheet.grid.numberFormats!.map((row) => [...row]);
  for (const range of sheet.mergedRanges) {
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++)
        if ((r !== range.top || c !== range.left) && formats[r] && c < formats[r]!.length)
          formats[r]![c] = null;
  }
  // `cells` (the packed view the engine reads) is checked against `values` by expectCellsAsValues.
  const grid: SheetGrid = { ...sheet.grid, numberFormats: formats };
  delete grid.cells;
  return grid;
}

/** The packed, cell-by-cell view gives exactly the rows' values and formats, and their plain numbers. */
function expectCellsAsValues(grid: SheetGrid): void {
  const cells = grid.cells!;
  expect(cells).toBeDefined();
  expect(cells.rowCount).toBe(grid.values.length);
  let widest = 0;
  let differences = 0;
  grid.values.forEach((row, r) => {
    widest = Math.max(widest, row.length);
    if (cells.rowLength(r) !== row.length) differences++;
    const formats = grid.numberFormats![r]!;
    for (let c = 0; c < row.length; c++) {
      const format = formats[c] ?? null;
      // `plainNumber`: the value when it is a number with no format, else NaN.
      const plain = typeof row[c] === "number" && format === null ? row[c] : NaN;
      const same =
        Object.is(cells.value(r, c), row[c]) &&
        cells.numberFormat(r, c) === format &&
        Object.is(cells.plainNumber!(r, c), plain);
      if (!same) differences++;
    }
  });
  expect(cells.columnCount).toBe(widest);
  expect(differences).toBe(0);
}

export async function expectSameReading(file: string): Promise<void> {
  const reference = await outcome(readWorkbookSheetsExcelJS, file);
  const focused = await outcome(readWorkbookSheetsFocused, file);
  if (!Array.isArray(reference)) {
    expect(focused).toEqual(reference);
    return;
  }
  expect(Array.isArray(focused)).toBe(true);
  // The focused rows are made on demand (src/xlsx/focused/packedCells.ts): made once here as plain
  // arrays, so that comparing a million-row sheet does not make every row at every step.
  const sheets = (focused as WorkbookSheet[]).map((sheet) => {
    expectCellsAsValues(sheet.grid);
    return {
      ...sheet,
      grid: {
        ...sheet.grid,
        values: Array.from(sheet.grid.values, (row) => [...row]),
        numberFormats: Array.from(sheet.grid.numberFormats!, (row) => [...row]),
      },
    };
  });
  expect(sheets.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])).toEqual(
    reference.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])
  );
  sheets.forEach((sheet, index) => {
    const expected = reference[index]!;
    expect(sheet.mergedRanges).toEqual(expected.mergedRanges);
    // Values first; on a difference, the first differing row is named.
    expect(sheet.grid.values.length).toBe(expected.grid.values.length);
    if (JSON.stringify(sheet.grid.values) !== JSON.stringify(expected.grid.values)) {
      const r = sheet.grid.values.findIndex(
        (row, i) => JSON.stringify(row) !== JSON.stringify(expected.grid.values[i])
      );
      expect([r, sheet.grid.values[r]]).toEqual([r, expected.grid.values[r]]);
    }
    expect(withoutMergedFormats(sheet)).toEqual(withoutMergedFormats(expected));
  });
}
