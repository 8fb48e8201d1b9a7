import type { Warning } from "./types";
import type { SheetLayout } from "./sheetLayout";
import { linkTarget } from "./table/cellAddress";

export const WARNINGS_MARKER = "school-radar:warnings";

/** «Предупреждения»: every value that could not be read or used, with its cell. */
export function warningsLayout(warnings: Warning[]): SheetLayout {
  return {
    name: "Предупреждения",
    marker: WARNINGS_MARKER,
    preamble: [
      "Школьный радар — значения, которые не удалось прочитать",
      warnings.length > 0
        ? `Предупреждений: ${warnings.length}. Эти значения не учтены; исходные ячейки не изменены.`
        : "Предупреждений нет.",
    ],
    header: ["Ячейка", "Что не так"],
    body: warnings.map((warning) => [warning.cell, warning.message]),
    // Wide enough for a sheet's name and a cell (`'Социальный паспорт'!G11`).
    columns: [{ width: 28 }, { width: 110, wrap: true }],
    // The cell is a link to itself in the source sheet: the evidence one click away.
    links: { column: 0, targets: warnings.map((warning) => linkTarget(warning.cell)) },
  };
}
