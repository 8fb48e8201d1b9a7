import type { ExportTable, ProcedureResult } from "./exportTable";
import { cellAddress } from "./cellAddress";

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** One school's result for one column group as an object, or null when the table has nothing for it. */
export function procedureResult(
  table: ExportTable,
  school: number,
  group: number
): ProcedureResult | null {
  const values = table.values[group];
  const result = {
    failing: orNull(values.failing[school]),
    high: orNull(values.high[school]),
    participants: orNull(values.participants[school]),
    average: orNull(values.average[school]),
  };
  if (
    result.failing === null &&
    result.high === null &&
    result.participants === null &&
    result.average === null
  )
    return null;
  return { ...result, cell: groupCellAddress(table, school, group) };
}

/** The address of a school's "% «2»" cell of a group (or the group's first column when it has none). */
export function groupCellAddress(table: ExportTable, school: number, group: number): string {
  const { row, column } = resultCell(table, school, group);
  return cellAddress(table.sheetName, row, column);
}

/**
 * Zero-based sheet row and column of a school's result in a group: the school's row and the group's
 * column, or — in a table printed in blocks — wherever the block that held it put it.
 */
export function resultCell(
  table: ExportTable,
  school: number,
  group: number
): { row: number; column: number } {
  const cells = table.values[group].cells;
  if (cells !== undefined && cells.rows[school] >= 0) {
    return { row: cells.rows[school], column: cells.columns[school] };
  }
  const { failing, high, participants, average } = table.groups[group].columns;
  return { row: table.schools[school].row, column: (failing ?? high ?? participants ?? average)! };
}
