import type { CellValue, SheetGrid } from "../types";
import type { ExportTable } from "../table/exportTable";
import type { CellRange } from "../charts";
import type { IdentificationResult, SchoolIdentification } from "./identifyLowResultSchools";
import { STATUS_LABELS } from "./identificationLayouts";

/**
 * The status column beside the user's own export table (issue 5, «nothing lost»): after «Выявить
 * ШНОР» each school row gets its status right of the table, so the list can be filtered where the
 * staff already work. Pure: which cells say what (`statusColumn`), and where the column may go without
 * writing over anything of the user's (`placeStatusColumn`); hosts only write what these say.
 */
export const STATUS_COLUMN_HEADER = "ШНОР (Школьный радар)";

/** The last column a sheet has (XFD). */
export const LAST_SHEET_COLUMN = 16_383;

export interface StatusColumn {
  sheetName: string;
  /** Zero-based sheet row of `values[0]`: the table's first header row, else its first school row. */
  top: number;
  /**
   * One cell per sheet row from `top` down to the last school: the header on the first header row,
   * a status on every school row, null elsewhere (further header rows, blank or foreign rows between).
   */
  values: CellValue[];
  /** The column right of the table: where the status column goes when it is free. */
  besideColumn: number;
}

/** «ШНОР (К1, К2)», «не ШНОР», «недостаточно данных». */
export function statusCell(school: SchoolIdentification): string {
  const label = STATUS_LABELS[school.status];
  if (school.status !== "shnor" || school.criteria.length === 0) return label;
  return `${label} (${school.criteria.map((criterion) => `К${criterion}`).join(", ")})`;
}

/** The status column of an identification, on its table's sheet; null for a table without schools. */
export function statusColumn(
  table: ExportTable,
  result: IdentificationResult
): StatusColumn | null {
  if (result.schools.length === 0) return null;
  const rows = result.schools.map((school) => school.row);
  const firstSchool = Math.min(...rows);
  const lastSchool = Math.max(...rows);
  const headerRows = table.layout.headerRows.filter((row) => row < firstSchool);
  // Without a header (the headerless regional export), the row above the first school takes the
  // column's header when there is one.
  const top = headerRows.length > 0 ? Math.min(...headerRows) : Math.max(firstSchool - 1, 0);
  const values: CellValue[] = Array.from({ length: lastSchool - top + 1 }, () => null);
  if (top < firstSchool) values[0] = STATUS_COLUMN_HEADER;
  result.schools.forEach((school) => {
    values[school.row - top] = statusCell(school);
  });
  return { sheetName: table.sheetName, top, values, besideColumn: tableRightColumn(table) + 1 };
}

/** The table's last column: identity fields and every metric column of every group. */
function tableRightColumn(table: ExportTable): number {
  const identity = Object.values(table.layout.identity).filter(
    (column): column is number => column !== undefined
  );
  const metrics = table.groups.flatMap((group) =>
    Object.values(group.columns).filter((column): column is number => column !== undefined)
  );
  return Math.max(0, ...identity, ...metrics);
}

export type StatusColumnPlace =
  /** Right of the table, into empty cells (or over our own column of an earlier run). */
  | { kind: "beside"; column: number }
  /** The cells right of the table hold the user's data: the first empty column right of everything. */
  | { kind: "elsewhere"; column: number; occupied: number }
  /** No free column on the sheet: not written. */
  | { kind: "none"; occupied: number };

/**
 * Where the status column goes on `grid` (the sheet's used range as read). A cell counts as free when
 * it is empty or inside `own`, the range our status column took on an earlier run (a re-run replaces
 * it in place, never a second copy). Right of the table when every cell the column needs there is free;
 * otherwise the first column right of the user's last used column; `none` when that is past XFD.
 */
export function placeStatusColumn(
  column: StatusColumn,
  grid: SheetGrid,
  own: CellRange | null
): StatusColumnPlace {
  const origin = grid.origin ?? { row: 0, column: 0 };
  const isOwn = (row: number, sheetColumn: number) =>
    own !== null &&
    row >= own.row &&
    row < own.row + own.rows &&
    sheetColumn >= own.column &&
    sheetColumn < own.column + own.columns;
  const filled = (value: CellValue | undefined) =>
    value !== null && value !== undefined && value !== "";
  const free = (row: number, sheetColumn: number) =>
    isOwn(row, sheetColumn) ||
    !filled(grid.values[row - origin.row]?.[sheetColumn - origin.column]);
  const bottom = column.top + column.values.length;
  let besideFree = true;
  for (let row = column.top; row < bottom && besideFree; row += 1)
    besideFree = free(row, column.besideColumn);
  if (besideFree) return { kind: "beside", column: column.besideColumn };
  let lastUsed = column.besideColumn;
  grid.values.forEach((values, index) => {
    for (let c = values.length - 1; c >= 0 && origin.column + c > lastUsed; c -= 1) {
      if (filled(values[c]) && !isOwn(origin.row + index, origin.column + c)) {
        lastUsed = origin.column + c;
        break;
      }
    }
  });
  const next = lastUsed + 1;
  return next > LAST_SHEET_COLUMN
    ? { kind: "none", occupied: column.besideColumn }
    : { kind: "elsewhere", column: next, occupied: column.besideColumn };
}

/** The rectangle the column takes once placed: one column, `top` to the last school row. */
export function statusColumnRange(column: StatusColumn, sheetColumn: number): CellRange {
  return { row: column.top, column: sheetColumn, rows: column.values.length, columns: 1 };
}
