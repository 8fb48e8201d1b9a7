import type { CellValue } from "./types";
import { columnLetters } from "./table/cellAddress";
import type { ChartSpec, SheetBlock } from "./charts";

/**
 * An output sheet as plain data: what the add-in writes, independent of the host. The Excel adapter
 * (src/excel) and the .xlsx adapter (src/xlsx) both write exactly this.
 */
export interface SheetLayout {
  /** Sheet name, ≤ 31 characters, unique among the add-in's outputs (`ШНОР`, `Метод`). */
  name: string;
  /**
   * Identifies the add-in's own output (`school-radar:shnor`). Hosts store it with the sheet so that a
   * re-run replaces only sheets carrying the same marker and never a sheet the user made.
   */
  marker: string;
  /** Lines above the table (title, method, source): one cell each in column A. */
  preamble: string[];
  /** Column headers of the table, Russian. */
  header: string[];
  /** Table rows, as long as `header`. */
  body: CellValue[][];
  /** Per header column: width in characters, number format, whether text wraps. */
  columns: ColumnSpec[];
  /**
   * Templates become the user's data once created: hosts never replace or delete such a sheet on a
   * re-run (a name clash gets «(2)»), unlike the add-in's outputs.
   */
  userData?: boolean;
  /** Template sheets: how many rows below the header the validations cover (the rows to be filled). */
  inputRows?: number;
  /** Parallel to `body`: how a host may colour each row (alert = flagged, ok, unknown = not enough data). */
  rowTone?: RowTone[];
  /**
   * The tones `rowTone` may hold, when the layout knows them without making every row (its rows are
   * made on demand: «Динамика по школам»); a host that prepares a style per tone reads this instead.
   */
  tones?: RowTone[];
  /**
   * Small tables of values beside the main table (what a chart plots when the table itself does not
   * hold it in one rectangle): plain cells at fixed places, written by every host (charts.ts).
   */
  blocks?: SheetBlock[];
  /** Charts over the table or the blocks, each with its cells; hosts that cannot draw them skip them. */
  charts?: ChartSpec[];
  /**
   * The sheet the workbook opens on: the main result (the ШНОР list), never the input the user already
   * knows. At most one layout of a run has it; hosts make it the active sheet and the only selected one.
   */
  opensHere?: boolean;
  /** Cells of one column that lead to the cell a row's reason or warning is about (`SheetLinks`). */
  links?: SheetLinks;
}

/**
 * Links from the table to the evidence: in column `column`, the cell of body row `i` links to
 * `targets[i]` (`'Результаты ОО'!D7`, a cell of the workbook the outputs are written into), or to
 * nothing when null. A host writes an internal hyperlink, no address outside the workbook; one whose
 * sheet is not in the workbook (a table read from another file) is left out.
 */
export interface SheetLinks {
  column: number;
  targets: (string | null)[];
}

export type RowTone = "alert" | "ok" | "unknown" | null;

export interface ColumnSpec {
  width: number;
  numberFormat?: string;
  wrap?: boolean;
  /** Data validation for the cells a person fills in (templates). */
  validation?: ColumnValidation;
  /** Numeric cells of this column form a heat map (risk matrix): hosts colour them by value. */
  heat?: boolean;
}

/**
 * What a cell of a template column accepts. `notAboveColumn` (an index into `header`) forbids a count
 * above the row's total, e.g. «оба родителя с высшим образованием» ≤ «всего обучающихся».
 */
export interface ColumnValidation {
  type: "whole" | "decimal";
  min: number;
  max?: number;
  notAboveColumn?: number;
  /** Russian text shown when a value is refused. */
  message: string;
}

/**
 * The formula of a «not above the row's total» validation, relative to the first validated cell
 * (`firstRow` is the sheet's 1-based row number): a number, whole if the column asks for it, within
 * the bounds, and not above the total unless the total is blank. Every host writes this same text.
 */
export function notAboveTotalFormula(
  validation: ColumnValidation,
  totalColumn: number,
  column: number,
  firstRow: number
): string {
  const cell = `${columnLetters(column)}${firstRow}`;
  const total = `$${columnLetters(totalColumn)}${firstRow}`;
  const conditions = [
    `ISNUMBER(${cell})`,
    ...(validation.type === "whole" ? [`${cell}=INT(${cell})`] : []),
    `${cell}>=${validation.min}`,
    ...(validation.max === undefined ? [] : [`${cell}<=${validation.max}`]),
    `OR(ISBLANK(${total}),${cell}<=${total})`,
  ];
  return `AND(${conditions.join(",")})`;
}
