import type { ExportTable } from "../table/exportTable";
import { EXCEL_CELL_CHARACTERS, joinWithinCell } from "../cellLimit";
import { plural } from "../russianText";

/**
 * The table's schools an official name fits («МБОУ «СОШ № 1» (sch…), …»), said where a cell shows
 * it: the reconciliation sheet's last column and the warnings sheet. A national table has a «СОШ № 1»
 * in each of two thousand districts, and their names would not fit a cell: the text keeps whole
 * names up to `room` characters and counts the rest, which the table itself lists (`--json` gives
 * every login, in `ambiguous`).
 */
export function candidateNames(candidates: number[], table: ExportTable, room: number): string {
  return joinWithinCell(
    candidates.map((school) => `${table.schools[school]!.name} (${table.schools[school]!.login})`),
    ", ",
    (rest) =>
      `… и ещё ${plural(rest, "школа", "школы", "школ")} с таким наименованием — найдите их на листе «${table.sheetName}» по наименованию`,
    Math.max(room, 0)
  );
}

/** What a cell has left for the candidates around the text before and after them. */
export function roomBetween(before: string, after: string): number {
  return EXCEL_CELL_CHARACTERS - before.length - after.length;
}
