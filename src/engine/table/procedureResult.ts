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
  const { failing, high, participants, average } = table.groups[group].columns;
  return cellAddress(
    table.sheetName,
    table.schools[school].row,
    (failing ?? high ?? participants ?? average)!
  );
}
