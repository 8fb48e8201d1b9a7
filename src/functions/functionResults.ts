/*
 * Shapes engine results for the cells: a spilled column aligned with the rows of the range the user
 * gave (so a status sits beside its school), and the method text with what could not be read.
 */
import {
  plural,
  type ContextAdjustedResult,
  type ExportTable,
  type IdentificationResult,
  type SchoolIdentification,
} from "../engine";

/**
 * One cell per row of the range: the school's text on its row, "" on header, title and empty rows.
 * The engine reports each school's zero-based row in the grid, which is the row of the range.
 * `text` is given the school and its place in `schools`, which the result's `reasonOf` takes.
 */
export function columnForRows(
  rowCount: number,
  schools: readonly SchoolIdentification[],
  text: (school: SchoolIdentification, index: number) => string
): string[][] {
  const column: string[][] = Array.from({ length: Math.max(rowCount, 1) }, () => [""]);
  schools.forEach((school, index) => {
    if (school.row >= 0 && school.row < column.length) column[school.row] = [text(school, index)];
  });
  return column;
}

/**
 * The method in words, then how many warnings the reading gave and the first of them: not every
 * warning is a value left out (a headerless table read by convention says how it was read).
 */
export function methodWithWarnings(result: IdentificationResult, table: ExportTable): string {
  const warnings = [...table.warnings, ...result.warnings];
  if (warnings.length === 0) return result.method.description;
  const first = warnings[0];
  const count = plural(warnings.length, "предупреждение", "предупреждения", "предупреждений");
  return `${result.method.description} ${count}; первое — ${first.cell}: ${first.message}.`;
}

/** Residuals in the shape of the ranges given; "" where a school had no pair of values. */
export function residualsInShape(
  rows: number,
  columns: number,
  result: ContextAdjustedResult
): (number | string)[][] {
  const cells: (number | string)[][] = Array.from({ length: rows }, () => Array(columns).fill(""));
  for (const school of result.schools) {
    const position = Number(school.login);
    cells[Math.floor(position / columns)][position % columns] = school.residual;
  }
  return cells;
}
