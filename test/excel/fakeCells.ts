/*
 * The cells of one fake worksheet (fakeExcel.ts), stored so that a national table — 50,000 schools ×
 * 93 columns, 4.65 million cells, in each of three client profiles — fills, reads and is measured in
 * well under a second: values in one plain array per row (no object per cell), number formats and
 * formulas only where set, the used range kept up to date as cells are set, and the JSON size of a
 * row's values kept until the row changes, so that sizing a response against Excel on the web's 5 MB
 * does not build the response's JSON.
 */
import { jsonChars } from "./jsonSize";

/** A value as a cell holds it: "" for a cell set empty (Excel's `values` gives "" for it too). */
export type StoredValue = string | number | boolean;

export interface StoredCell {
  value: StoredValue;
  formula?: string;
  numberFormat: string;
}

export interface CellRect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export const GENERAL = "General";

/** Excel's last column is XFD, the 16,384th: a key for row and column that cannot collide. */
const COLUMNS = 16_384;

export class CellStore {
  /** Values by row; a hole is a cell never set. */
  private readonly valueRows: (StoredValue[] | undefined)[] = [];
  /** Number formats by row, only in rows where one was set (else every cell is "General"). */
  private readonly formatRows: (string[] | undefined)[] = [];
  /** Formulas by row × COLUMNS + column: the adapter must never leave one, so they are rare. */
  private readonly formulas = new Map<number, string>();
  /**
   * JSON characters of each value of a row (a hole as `""`): made when the row is first sized, then
   * kept up to date as its cells are set (a status column written beside a national table would
   * otherwise have every row measured again at the next read).
   */
  private readonly charRows: (number[] | undefined)[] = [];
  /** The bounding box of the non-empty values, or null; stale after a value is emptied. */
  private box: { top: number; left: number; bottom: number; right: number } | null = null;
  private boxStale = false;

  /** The cell, or undefined where none was ever set. */
  get(row: number, column: number): StoredCell | undefined {
    const value = this.valueRows[row]?.[column];
    if (value === undefined) return undefined;
    const cell: StoredCell = { value, numberFormat: this.formatAt(row, column) };
    const formula = this.formulas.get(row * COLUMNS + column);
    if (formula !== undefined) cell.formula = formula;
    return cell;
  }

  value(row: number, column: number): StoredValue | undefined {
    return this.valueRows[row]?.[column];
  }

  formatAt(row: number, column: number): string {
    return this.formatRows[row]?.[column] ?? GENERAL;
  }

  /** The row's values as stored (holes where never set), for reads; not to be changed. */
  valueRow(row: number): readonly (StoredValue | undefined)[] | undefined {
    return this.valueRows[row];
  }

  formatRow(row: number): readonly (string | undefined)[] | undefined {
    return this.formatRows[row];
  }

  /** Sets what `update` names; a cell not there before starts empty, "General", with no formula. */
  set(row: number, column: number, update: Partial<StoredCell>): void {
    const line = (this.valueRows[row] ??= []);
    const before = line[column];
    const value = "value" in update ? update.value! : (before ?? "");
    line[column] = value;
    this.measured(row, column, value);
    this.track(row, column, before, value);
    if (update.numberFormat !== undefined)
      (this.formatRows[row] ??= [])[column] = update.numberFormat;
    if ("formula" in update) {
      const key = row * COLUMNS + column;
      if (update.formula === undefined) this.formulas.delete(key);
      else this.formulas.set(key, update.formula);
    }
  }

  /** Values from (row, column) rightwards, as a test fills a sheet; null leaves a cell unset. */
  fillRow(row: number, column: number, values: readonly (StoredValue | null)[]): void {
    const line = (this.valueRows[row] ??= []);
    for (let index = 0; index < values.length; index += 1) {
      const value = values[index];
      if (value === null || value === undefined) continue;
      const before = line[column + index];
      line[column + index] = value;
      this.measured(row, column + index, value);
      this.track(row, column + index, before, value);
    }
  }

  /** The row's JSON sizes, where made, brought up to date with a value set. */
  private measured(row: number, column: number, value: StoredValue): void {
    const chars = this.charRows[row];
    if (chars === undefined) return;
    while (chars.length < column) chars.push(2);
    chars[column] = jsonChars(value);
  }

  /** Keeps the box of non-empty values: grown as values are set, walked again once one is emptied. */
  private track(row: number, column: number, before: StoredValue | undefined, value: StoredValue) {
    if (value === "") {
      if (before !== undefined && before !== "") this.boxStale = true;
      return;
    }
    if (this.boxStale) return;
    const box = this.box;
    if (box === null) {
      this.box = { top: row, left: column, bottom: row, right: column };
      return;
    }
    if (row < box.top) box.top = row;
    if (row > box.bottom) box.bottom = row;
    if (column < box.left) box.left = column;
    if (column > box.right) box.right = column;
  }

  /** The smallest rectangle holding every non-empty value, or null. */
  usedRect(): CellRect | null {
    if (this.boxStale) {
      this.box = this.walkBox();
      this.boxStale = false;
    }
    const box = this.box;
    return box === null
      ? null
      : {
          row: box.top,
          column: box.left,
          rows: box.bottom - box.top + 1,
          columns: box.right - box.left + 1,
        };
  }

  private walkBox(): CellStore["box"] {
    let box: CellStore["box"] = null;
    for (let row = 0; row < this.valueRows.length; row += 1) {
      const line = this.valueRows[row];
      if (line === undefined) continue;
      for (let column = 0; column < line.length; column += 1) {
        const value = line[column];
        if (value === undefined || value === "") continue;
        if (box === null) box = { top: row, left: column, bottom: row, right: column };
        box.bottom = row;
        if (column < box.left) box.left = column;
        if (column > box.right) box.right = column;
      }
    }
    return box;
  }

  /** JSON characters of each stored value of the row (a hole counts as `""`), or undefined. */
  charRow(row: number): readonly number[] | undefined {
    const line = this.valueRows[row];
    if (line === undefined) return undefined;
    let chars = this.charRows[row];
    if (chars === undefined) {
      chars = new Array<number>(line.length);
      for (let column = 0; column < line.length; column += 1) {
        const value = line[column];
        chars[column] = value === undefined ? 2 : jsonChars(value);
      }
      this.charRows[row] = chars;
    }
    return chars;
  }

  /** Every stored cell with its place, row by row (for a test that looks for formulas left). */
  *cells(): Generator<{ row: number; column: number; cell: StoredCell }> {
    for (let row = 0; row < this.valueRows.length; row += 1) {
      const line = this.valueRows[row];
      if (line === undefined) continue;
      for (let column = 0; column < line.length; column += 1) {
        const cell = this.get(row, column);
        if (cell !== undefined) yield { row, column, cell };
      }
    }
  }
}
