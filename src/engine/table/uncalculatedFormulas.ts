import type { SheetGrid, Warning } from "../types";
import { cellAddress } from "./cellAddress";
import { plural } from "../russianText";

/**
 * A sheet whose formulas hold no results (written by a program that does not calculate, and never
 * opened in a spreadsheet since) reads as if those cells were empty: schools would silently fall to
 * «недостаточно данных». Said once per sheet, at its first such cell, with what to do.
 */
export function uncalculatedFormulasWarning(grid: SheetGrid): Warning[] {
  const found = grid.uncalculatedFormulas;
  if (found === undefined || found.count === 0) return [];
  return [
    {
      cell: cellAddress(grid.sheetName, found.row, found.column),
      message:
        `формулы без вычисленного значения (${plural(found.count, "ячейка", "ячейки", "ячеек")}, первая — эта) прочитаны как пустые. ` +
        "Откройте книгу в Excel или LibreOffice, сохраните её, чтобы формулы были вычислены, и запустите анализ снова",
    },
  ];
}
