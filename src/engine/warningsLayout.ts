import type { Warning } from "./types";
import type { SheetLayout } from "./sheetLayout";

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
    columns: [{ width: 22 }, { width: 110, wrap: true }],
  };
}
