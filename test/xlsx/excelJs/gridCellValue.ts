import type ExcelJS from "exceljs";
import type { CellValue } from "../../../src/engine";

/**
 * Turns one ExcelJS cell value into the engine's plain `CellValue`. The engine must see what the
 * user sees in the cell: formulas as their cached result, error cells as their text (`#DIV/0!`, so
 * the reader can name them in a warning), rich text and hyperlinks as their plain text.
 */
export function gridCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) return isoDate(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return hyperlinkText(value);
  // A formula never computed by a spreadsheet has no cached result: that is "no value", not zero.
  if ("formula" in value || "sharedFormula" in value) return formulaResult(value.result);
  return null;
}

/** A formula cell the file holds no result for (read as empty; the engine warns about it). */
export function isUncalculatedFormula(value: ExcelJS.CellValue): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    ("formula" in value || "sharedFormula" in value) &&
    value.result === undefined
  );
}

function formulaResult(result: ExcelJS.CellFormulaValue["result"]): CellValue {
  if (result === undefined) return null;
  return gridCellValue(result as ExcelJS.CellValue);
}

/** ExcelJS types a hyperlink's text as a string, but a file can carry rich text there. */
function hyperlinkText(value: ExcelJS.CellHyperlinkValue): CellValue {
  const text: unknown = value.text;
  if (typeof text === "string") return text;
  if (text !== null && typeof text === "object") return gridCellValue(text as ExcelJS.CellValue);
  return value.hyperlink;
}

/**
 * Excel stores dates as serial numbers; ExcelJS turns the ones under a date format into UTC dates.
 * A pure date becomes `2024-05-01`, a date with a time the full ISO string.
 */
function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
