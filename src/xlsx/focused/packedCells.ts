import type { CellValue } from "../../engine";

/**
 * A worksheet's cells kept packed while it streams in, and handed to the engine as rows of values on
 * demand. A national export table has 4.6 million cells: as JavaScript arrays of values and formats
 * they took 240 MB of heap (every fractional number boxed, two arrays of references per cell) and a
 * second and a half of garbage collection; here a number takes 8 bytes in a shared slab, the style of
 * a row that repeats the row above it (the usual case: every school row is formatted alike) nothing.
 *
 * Rows are stored as dense segments of the slabs, from column A to the row's last cell. Text, booleans
 * and other non-numbers sit in a small sparse array per row. A cell written to a row already stored
 * (cells out of order, a merge repeated into its range) takes the slow path: the row is copied to a
 * new segment, and stays open for the cells that follow in it.
 */

/** Slabs start small (most sheets are small) and double up to a million cells (8 MB of numbers). */
const FIRST_SLAB_CELLS = 1 << 12;
const SLAB_CELLS = 1 << 20;
/** Marks "no number here" in the number slab; a cell whose value is NaN itself lives in `others`. */
const NO_NUMBER = NaN;

interface Segment {
  slab: number;
  start: number;
  width: number;
}

/**
 * A `PackedCells` as plain data, to hand rows read on another thread to the main one: the slabs are
 * transferred, not copied, and the rows' segments and other values are structured-cloned.
 */
export interface PackedCellsData {
  numberSlabs: Float64Array[];
  /** Empty (length 0) for a slab that holds no row's styles (see `flush`): most slabs hold none. */
  styleSlabs: Uint32Array[];
  numbers: (Segment | undefined)[];
  styles: (Segment | undefined)[];
  others: (CellValue[] | undefined)[];
}

export class PackedCells {
  private readonly numberSlabs: Float64Array[] = [];
  private readonly styleSlabs: Uint32Array[] = [];
  private slabUsed = 0;
  private slabSize = 0;
  private readonly numbers: (Segment | undefined)[] = [];
  private readonly styles: (Segment | undefined)[] = [];
  private readonly others: (CellValue[] | undefined)[] = [];

  /** The row being streamed: its cells collect here until the next row starts. */
  private currentRow = -1;
  private currentWidth = 0;
  private scratchNumbers = new Float64Array(256).fill(NO_NUMBER);
  private scratchStyles = new Uint32Array(256);
  private scratchOthers: CellValue[] | undefined;

  /** Rows from A1 down to the last row with a stored cell. */
  get rowCount(): number {
    this.flush();
    return Math.max(this.numbers.length, this.others.length);
  }

  /** Stores a cell (a null value is an empty cell that still widens its row, as ExcelJS reads it). */
  set(row: number, column: number, value: CellValue, style: number): void {
    if (row !== this.currentRow) {
      this.flush();
      if (this.numbers[row] !== undefined || this.others[row] !== undefined) {
        this.setStored(row, column, value, style);
        return;
      }
      this.currentRow = row;
    }
    this.ensureScratch(column + 1);
    if (value === null) {
      // A formula never calculated, a merge of an empty cell: the row reaches this column, empty.
      this.scratchNumbers[column] = NO_NUMBER;
      this.forgetOther(column);
    } else if (typeof value === "number" && !Number.isNaN(value)) {
      this.scratchNumbers[column] = value;
      this.forgetOther(column);
    } else {
      this.scratchNumbers[column] = NO_NUMBER;
      (this.scratchOthers ??= [])[column] = value;
    }
    this.scratchStyles[column] = style;
    if (column + 1 > this.currentWidth) this.currentWidth = column + 1;
  }

  /**
   * A number cell (not NaN) of the row being streamed, as `set` stores it: a sheet's plain cells
   * come here, 4.6 million of them in a national table, without `set`'s questions about the value.
   */
  setNumber(row: number, column: number, value: number, style: number): void {
    if (row !== this.currentRow || column >= this.scratchNumbers.length || Number.isNaN(value)) {
      this.set(row, column, value, style);
      return;
    }
    this.scratchNumbers[column] = value;
    this.forgetOther(column);
    this.scratchStyles[column] = style;
    if (column >= this.currentWidth) this.currentWidth = column + 1;
  }

  /**
   * The row's text (or other value) at `column` gone, when a number or nothing takes its place.
   * Looked at first: `delete` on an array is slow, and a row with a text in it (a school's name)
   * would pay it for every number after.
   */
  private forgetOther(column: number): void {
    const others = this.scratchOthers;
    if (others !== undefined && others[column] !== undefined) delete others[column];
  }

  /** Everything stored, as data (`adopt` takes it back); this object is not used afterwards. */
  toData(): PackedCellsData {
    this.flush();
    const { numberSlabs, styleSlabs, numbers, styles, others } = this;
    return { numberSlabs, styleSlabs, numbers, styles, others };
  }

  /**
   * Takes in the rows of another `PackedCells` (read on a worker thread): its slabs join ours as they
   * are and each of its rows points into them. False, with nothing changed, when both hold the same
   * row (a file repeating a row number): only one stream in order can say which cell wins then.
   */
  adopt(data: PackedCellsData): boolean {
    this.flush();
    const rows = Math.max(data.numbers.length, data.others.length);
    const holds = (row: number) =>
      this.numbers[row] !== undefined || this.others[row] !== undefined;
    for (let row = 0; row < rows; row++)
      if ((data.numbers[row] !== undefined || data.others[row] !== undefined) && holds(row))
        return false;
    const offset = this.numberSlabs.length;
    this.numberSlabs.push(...data.numberSlabs);
    this.styleSlabs.push(...data.styleSlabs);
    // Our last slab is no longer the last one: the next row reserves a new slab.
    this.slabUsed = this.slabSize = 0;
    const moved = (segment: Segment | undefined): Segment | undefined =>
      segment && { slab: segment.slab + offset, start: segment.start, width: segment.width };
    for (let row = 0; row < rows; row++) {
      if (data.numbers[row] === undefined && data.others[row] === undefined) continue;
      this.numbers[row] = moved(data.numbers[row]);
      this.styles[row] = moved(data.styles[row]);
      this.others[row] = data.others[row];
    }
    return true;
  }

  /** A stored cell's value, or null. */
  value(row: number, column: number): CellValue {
    this.flush();
    const other = this.others[row]?.[column];
    if (other !== undefined) return other;
    const segment = this.numbers[row];
    if (segment === undefined || column >= segment.width) return null;
    const number = this.numberSlabs[segment.slab][segment.start + column];
    return Number.isNaN(number) ? null : number;
  }

  /**
   * A stored cell's number when its style is not one that `formatted` marks, else NaN (no number
   * there, or a number under a format). A number in the slab is the cell's value: a cell holding
   * anything else has NaN there (see `set`).
   */
  plainNumber(row: number, column: number, formatted: readonly boolean[]): number {
    this.flush();
    const segment = this.numbers[row];
    if (segment === undefined || column >= segment.width) return NaN;
    const number = this.numberSlabs[segment.slab][segment.start + column];
    const styles = this.styles[row];
    if (styles === undefined || column >= styles.width) return number;
    return formatted[this.styleSlabs[styles.slab][styles.start + column]] === true ? NaN : number;
  }

  /** The style index of a stored cell (0 when none). */
  style(row: number, column: number): number {
    this.flush();
    const segment = this.styles[row];
    if (segment === undefined || column >= segment.width) return 0;
    return this.styleSlabs[segment.slab][segment.start + column];
  }

  /** A row as the engine reads it: dense from column A to its last cell, empty cells as null. */
  rowValues(row: number): CellValue[] {
    this.flush();
    const width = this.width(row);
    const values = new Array<CellValue>(width);
    const segment = this.numbers[row];
    const others = this.others[row];
    const slab = segment === undefined ? undefined : this.numberSlabs[segment.slab];
    for (let column = 0; column < width; column++) {
      const other = others?.[column];
      if (other !== undefined) values[column] = other;
      else if (slab === undefined || column >= segment!.width) values[column] = null;
      else {
        const number = slab[segment!.start + column];
        values[column] = Number.isNaN(number) ? null : number;
      }
    }
    return values;
  }

  /** The row's style indices, parallel to `rowValues` (0 where a cell has no style or no value). */
  rowStyles(row: number, into: (style: number, column: number) => void): void {
    this.flush();
    const width = this.width(row);
    const segment = this.styles[row];
    const slab = segment === undefined ? undefined : this.styleSlabs[segment.slab];
    for (let column = 0; column < width; column++)
      into(
        slab === undefined || column >= segment!.width ? 0 : slab[segment!.start + column],
        column
      );
  }

  width(row: number): number {
    this.flush();
    return Math.max(this.numbers[row]?.width ?? 0, this.others[row]?.length ?? 0);
  }

  /** Whether the row holds a value that is not empty text. */
  hasValue(row: number): boolean {
    const values = this.rowValues(row);
    return values.some((value) => value !== null && value !== "");
  }

  /** Ends the row being streamed: its cells move from the scratch arrays into the slabs. */
  private flush(): void {
    if (this.currentRow < 0) return;
    const row = this.currentRow;
    const width = this.currentWidth;
    this.currentRow = -1;
    this.currentWidth = 0;
    if (width > 0) {
      const segment = this.store(width);
      this.numbers[row] = segment;
      // A row without styles (a file written without them, or cells in the default style) keeps
      // none: the national table's 4.6 million style indices were 18 MB of zeros.
      this.styles[row] = this.unstyled(width)
        ? undefined
        : (this.sameStylesAsAbove(row, width) ?? this.storeStyles(segment));
    }
    this.others[row] = this.scratchOthers;
    this.scratchOthers = undefined;
    this.scratchNumbers.fill(NO_NUMBER, 0, width);
    this.scratchStyles.fill(0, 0, width);
  }

  private ensureScratch(width: number): void {
    if (width <= this.scratchNumbers.length) return;
    const size = Math.max(width, this.scratchNumbers.length * 2);
    const numbers = new Float64Array(size).fill(NO_NUMBER);
    numbers.set(this.scratchNumbers);
    const styles = new Uint32Array(size);
    styles.set(this.scratchStyles);
    this.scratchNumbers = numbers;
    this.scratchStyles = styles;
  }

  /** Room for `width` cells in the current slab (a new slab when it is full: never a copy). */
  private reserve(width: number): { slab: number; start: number } {
    if (this.slabUsed + width > this.slabSize) {
      this.slabSize = Math.max(
        Math.min(Math.max(this.slabSize * 2, FIRST_SLAB_CELLS), SLAB_CELLS),
        width
      );
      this.numberSlabs.push(new Float64Array(this.slabSize));
      // Its own empty array, not a shared one: a worker transfers every slab's buffer.
      this.styleSlabs.push(new Uint32Array(0));
      this.slabUsed = 0;
    }
    const start = this.slabUsed;
    this.slabUsed += width;
    return { slab: this.numberSlabs.length - 1, start };
  }

  private store(width: number): Segment {
    const place = this.reserve(width);
    copyInto(this.numberSlabs[place.slab], place.start, this.scratchNumbers, width);
    return { slab: place.slab, start: place.start, width };
  }

  /** The styles go to the same place in the style slab as the row's numbers in the number slab. */
  private storeStyles(segment: Segment): Segment {
    if (this.styleSlabs[segment.slab].length === 0)
      this.styleSlabs[segment.slab] = new Uint32Array(this.numberSlabs[segment.slab].length);
    copyInto(this.styleSlabs[segment.slab], segment.start, this.scratchStyles, segment.width);
    return segment;
  }

  /** Whether every cell of the row being flushed has style 0. */
  private unstyled(width: number): boolean {
    for (let column = 0; column < width; column++)
      if (this.scratchStyles[column] !== 0) return false;
    return true;
  }

  /** The row above's style segment when this row's styles are the same: shared, not stored again. */
  private sameStylesAsAbove(row: number, width: number): Segment | undefined {
    const above = this.styles[row - 1];
    if (above === undefined || above.width !== width) return undefined;
    const slab = this.styleSlabs[above.slab];
    for (let column = 0; column < width; column++)
      if (slab[above.start + column] !== this.scratchStyles[column]) return undefined;
    return above;
  }

  /** The slow path: a cell for a row already stored. The row is rebuilt through the scratch arrays. */
  private setStored(row: number, column: number, value: CellValue, style: number): void {
    const width = Math.max(this.width(row), column + 1);
    this.ensureScratch(width);
    const numbers = this.numbers[row];
    if (numbers !== undefined)
      this.scratchNumbers.set(
        this.numberSlabs[numbers.slab].subarray(numbers.start, numbers.start + numbers.width)
      );
    this.rowStyles(row, (rowStyle, rowColumn) => (this.scratchStyles[rowColumn] = rowStyle));
    this.scratchOthers = this.others[row] === undefined ? undefined : [...this.others[row]!];
    this.numbers[row] = undefined;
    this.styles[row] = undefined;
    this.others[row] = undefined;
    this.currentRow = row;
    this.currentWidth = width;
    // Holes copied from a sparse array became `undefined` entries: clear them back to holes.
    if (this.scratchOthers !== undefined)
      this.scratchOthers.forEach((other, index) => {
        if (other === undefined) delete this.scratchOthers![index];
      });
    // The row stays open: the next cells of the same row (a merge's range) take the fast path.
    this.set(row, column, value, style);
  }

  /**
   * `plainNumber` for every row × column pair: `into[c][i]` = `plainNumber(rows[i], columns[c], formatted)`,
   * and each of these cells that holds a value but has NaN there (text, a number under a format, a NaN)
   * is told to `other` with its value, in no particular order. The table reader asks this of 4.5
   * million cells on a national table, where a call per cell cost more than the reading it served.
   * Rows are taken in blocks: a block of rows alike (see `alikeRows`) is copied column by column, each
   * column's cells of the block written together, without a question per cell.
   */
  plainNumberColumns(
    rows: ArrayLike<number>,
    columns: ArrayLike<number>,
    formatted: readonly boolean[],
    into: readonly Float64Array[],
    other: (index: number, columnIndex: number, value: CellValue) => void
  ): void {
    this.flush();
    let widest = 0;
    for (let c = 0; c < columns.length; c++) widest = Math.max(widest, columns[c] + 1);
    const starts = new Int32Array(PLAIN_BLOCK_ROWS);
    const widths = new Int32Array(PLAIN_BLOCK_ROWS);
    for (let first = 0; first < rows.length; first += PLAIN_BLOCK_ROWS) {
      const end = Math.min(rows.length, first + PLAIN_BLOCK_ROWS);
      const block = this.alikeRows(rows, first, end, starts, widths);
      if (block === undefined) {
        for (let i = first; i < end; i++)
          this.plainNumberRow(rows[i], i, columns, formatted, into, other);
        continue;
      }
      for (let c = 0; c < columns.length; c++) {
        const column = columns[c];
        const values = into[c];
        const slab = block.slab;
        const plain =
          block.styles === undefined || !this.isFormatted(block.styles, column, formatted);
        if (plain && column < block.narrowest) {
          for (let i = first; i < end; i++) values[i] = slab[starts[i - first] + column];
          continue;
        }
        // A column some row stops short of, or one under a number format: cell by cell.
        for (let i = first; i < end; i++) {
          const number = column < widths[i - first] ? slab[starts[i - first] + column] : NaN;
          values[i] = plain ? number : NaN;
          if (!plain && !Number.isNaN(number)) other(i, c, number);
        }
      }
    }
    this.otherValues(rows, columns, widest, other);
  }

  /**
   * Rows `first` to `end` when they are alike — numbers in one slab, styles none or one shared
   * segment (rows styled as the row above share it): a national table's school rows. Their starts in
   * the slab and widths go into `starts` and `widths`; `narrowest` is the least width.
   */
  private alikeRows(
    rows: ArrayLike<number>,
    first: number,
    end: number,
    starts: Int32Array,
    widths: Int32Array
  ): { slab: Float64Array; styles: Segment | undefined; narrowest: number } | undefined {
    const numbers = this.numbers[rows[first]];
    if (numbers === undefined) return undefined;
    const slab = numbers.slab;
    const styles = this.styles[rows[first]];
    let narrowest = numbers.width;
    for (let i = first; i < end; i++) {
      const row = this.numbers[rows[i]];
      if (row === undefined || row.slab !== slab || this.styles[rows[i]] !== styles)
        return undefined;
      starts[i - first] = row.start;
      widths[i - first] = row.width;
      narrowest = Math.min(narrowest, row.width);
    }
    return { slab: this.numberSlabs[slab], styles, narrowest };
  }

  /** Whether a style segment gives `column` a style that `formatted` marks. */
  private isFormatted(styles: Segment, column: number, formatted: readonly boolean[]): boolean {
    return (
      column < styles.width &&
      formatted[this.styleSlabs[styles.slab][styles.start + column]] === true
    );
  }

  /** One row of `plainNumberColumns` the general way, cell by cell; its text is told by `otherValues`. */
  private plainNumberRow(
    row: number,
    index: number,
    columns: ArrayLike<number>,
    formatted: readonly boolean[],
    into: readonly Float64Array[],
    other: (index: number, columnIndex: number, value: CellValue) => void
  ): void {
    for (let c = 0; c < columns.length; c++) {
      const plain = this.plainNumber(row, columns[c], formatted);
      into[c][index] = plain;
      if (!Number.isNaN(plain)) continue;
      // A number with no plain number is one under a format (a NaN value is among the others).
      const value = this.value(row, columns[c]);
      if (typeof value === "number" && !Number.isNaN(value)) other(index, c, value);
    }
  }

  /** The rows' text (and other non-number) cells in the columns, each row's read in one pass. */
  private otherValues(
    rows: ArrayLike<number>,
    columns: ArrayLike<number>,
    widest: number,
    other: (index: number, columnIndex: number, value: CellValue) => void
  ): void {
    // For each sheet column, the first of `columns` that asks for it, and the next ones after it.
    const firstAsking = new Int32Array(widest).fill(-1);
    const nextAsking = new Int32Array(columns.length).fill(-1);
    for (let c = columns.length - 1; c >= 0; c--) {
      nextAsking[c] = firstAsking[columns[c]];
      firstAsking[columns[c]] = c;
    }
    for (let i = 0; i < rows.length; i++) {
      const others = this.others[rows[i]];
      if (others === undefined) continue;
      const end = Math.min(others.length, widest);
      for (let column = 0; column < end; column++) {
        const value = others[column];
        if (value === undefined) continue;
        for (let c = firstAsking[column]; c >= 0; c = nextAsking[c]) other(i, c, value);
      }
    }
  }
}

/**
 * `to[at…]` = `from[0…count)`. A loop, not `to.set(from.subarray(0, count), at)`: for a row's hundred
 * cells, making the subarray and the call cost more than the copy (a second of it per 50,000 rows
 * became a tenth).
 */
function copyInto<T extends Float64Array | Uint32Array>(to: T, at: number, from: T, count: number) {
  for (let i = 0; i < count; i++) to[at + i] = from[i];
}

/** Rows read together by `plainNumberColumns`: two cache lines of every column written. */
const PLAIN_BLOCK_ROWS = 16;
