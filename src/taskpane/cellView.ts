import {
  isEngineError,
  readExportTable,
  readRiskQuestionnaire,
  readSocialPassport,
  readStaffing,
  type CellValue,
  type SheetGrid,
} from "../engine";
import type { WorkbookData } from "../host/workbookHost";

/**
 * What «Показать» shows where there is no workbook grid to select the cell in (the standalone page):
 * the place of a warning's address, the value that was read there, and the school of that row.
 */
export interface CellView {
  sheet: string;
  /** `D7`; null when the address is a whole row or the whole sheet. */
  cell: string | null;
  /** One-based sheet row; null for the whole sheet. */
  row: number | null;
  /** The value as read (null: the cell is empty); undefined when there is no one cell to read. */
  value: CellValue | undefined;
  /** The school of the row by the table on that sheet; null when the row is no school's. */
  school: string | null;
}

/** `'Лист1'!D7`, `'Лист1'!D7:E9` (its first cell), `'Лист1'!7:7`, `'Лист1'`: the engine's warning addresses. */
const ADDRESS =
  /^'((?:[^']|'')+)'(?:!(?:\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?\d+)?|\$?(\d+):\$?\d+))?$/;

/**
 * The cell of a warning, looked up in the sheets an action read (`data`); null when the address is
 * not one the engine writes or its sheet is not among them.
 */
export function describeCell(data: WorkbookData, address: string): CellView | null {
  const match = ADDRESS.exec(address.trim());
  if (match === null) return null;
  const [, quoted, letters, cellRow, wholeRow] = match;
  const sheet = quoted!.replace(/''/g, "'");
  const grid = data.sheets.find((candidate) => candidate.name === sheet)?.grid;
  if (grid === undefined) return null;
  const rowText = cellRow ?? wholeRow;
  const row = rowText === undefined ? null : Number(rowText);
  const column = letters === undefined ? null : columnIndex(letters);
  return {
    sheet,
    cell: column === null ? null : `${letters}${cellRow}`,
    row,
    value:
      row === null || column === null
        ? undefined
        : grid === null
          ? null
          : valueAt(grid, row - 1, column),
    school: row === null || grid === null ? null : schoolOfRow(grid, row - 1),
  };
}

/** `A` → 0, `Z` → 25, `AA` → 26. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** The value of a zero-based sheet cell in a grid that may start below or right of A1. */
function valueAt(grid: SheetGrid, row: number, column: number): CellValue {
  const r = row - (grid.origin?.row ?? 0);
  const c = column - (grid.origin?.column ?? 0);
  if (r < 0 || c < 0) return null;
  if (grid.cells !== undefined) {
    return r < grid.cells.rowCount && c < grid.cells.rowLength(r) ? grid.cells.value(r, c) : null;
  }
  return grid.values[r]?.[c] ?? null;
}

/**
 * The name of the school on a zero-based sheet row, by the table the engine reads on that sheet: the
 * results export first, then the coordinators' templates (each of which names its schools).
 */
function schoolOfRow(grid: SheetGrid, row: number): string | null {
  const table = readExportTable(grid);
  if (!isEngineError(table)) {
    return table.schools.find((school) => school.row === row)?.name ?? null;
  }
  for (const read of [readSocialPassport, readRiskQuestionnaire, readStaffing]) {
    const sheet = read(grid);
    if (!isEngineError(sheet)) return sheet.rows.find((entry) => entry.row === row)?.name ?? null;
  }
  return null;
}
