/**
 * The engine's vocabulary. Everything here is plain data: a host (Excel, an .xlsx file, a custom
 * function) turns its cells into a `SheetGrid`, the engine returns results, the host writes layouts.
 */

/** One cell as every host can give it. Excel error values (#DIV/0!, #N/A…) arrive as their text. */
export type CellValue = string | number | boolean | null;

/** A rectangle of a worksheet, as read from the host; row 0 / column 0 is cell A1 unless `origin` says otherwise. */
export interface SheetGrid {
  /** The worksheet's name, used in cell addresses of warnings (`'Лист1'!D7`). */
  sheetName: string;
  /** Row-major values; rows may be ragged (a missing cell is empty). */
  values: CellValue[][];
  /** Number formats parallel to `values` where the host knows them (`0%`, `0.0%`, `General`…). */
  numberFormats?: (string | null | undefined)[][];
  /** Zero-based row and column of `values[0][0]` on the sheet (a used range need not start at A1). */
  origin?: { row: number; column: number };
  /**
   * The same cells one at a time, from a host that keeps millions of them packed (the .xlsx reader on
   * a national table) and makes `values` rows only when they are read. The export table reader then
   * reads through this, cell by cell, instead of making every row as an array several times over.
   */
  cells?: GridCells;
  /**
   * Formula cells the file holds no result for (written by a program that does not calculate, never
   * opened in a spreadsheet since): they read as empty, so the engine warns how many there are and
   * where the first one is (zero-based sheet row and column).
   */
  uncalculatedFormulas?: UncalculatedFormulas;
}

export interface UncalculatedFormulas {
  count: number;
  row: number;
  column: number;
}

/** Cell-by-cell access to a grid; rows and columns are indices into `values`, as `values[row][column]`. */
export interface GridCells {
  rowCount: number;
  /** The widest row's length. */
  columnCount: number;
  /** One row's length: its last cell's column + 1, as `values[row].length`. */
  rowLength(row: number): number;
  value(row: number, column: number): CellValue;
  numberFormat(row: number, column: number): string | null;
  /**
   * The cell's value when it is a number with no number format, else NaN (text, an empty cell, a
   * number with a format, a NaN): what the table reader's hot loop asks of millions of cells, in one
   * call instead of `value` and `numberFormat`.
   */
  plainNumber?(row: number, column: number): number;
  /**
   * `plainNumber` for many cells in one call: every `into[c][i]` becomes `plainNumber(rows[i], columns[c])`
   * (each `into[c]` at least `rows.length` long), and every one of these cells that holds a value but
   * has NaN there (text, a boolean, a number under a format, a NaN) is told to `other` with its value
   * as `value` gives it, in no particular order. The table reader fills its result columns so: a row's
   * place in the host's storage is found once for all its columns, and empty cells are never asked
   * about again.
   */
  plainNumberColumns?(
    rows: ArrayLike<number>,
    columns: ArrayLike<number>,
    into: readonly Float64Array[],
    other: (index: number, columnIndex: number, value: CellValue) => void
  ): void;
}

/** Something the engine could not read or decided to leave out, always with the cell it is about. */
export interface Warning {
  /** `'Лист1'!D7`, or `'Лист1'` when it concerns the sheet as a whole. */
  cell: string;
  /** Russian text: what was expected and what was found. */
  message: string;
}

/** A result the engine could not produce at all (no table on the sheet, …), as a value, not a throw. */
export interface EngineError {
  kind: "error";
  code: "no_table" | "bad_option" | "no_data";
  message: string;
  cell?: string;
}
