import type { CellValue, MergedRange, SheetGrid, UncalculatedFormulas } from "../../engine";
import { listOnDemand } from "../../engine/listOnDemand";
import { PackedCells, type PackedCellsData } from "./packedCells";
import type { PlainCellSink } from "./plainCell";
import { isDateFormat } from "./workbookParts";
import type { XmlAttributes, XmlHandler } from "./xmlHandler";

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** What a `SheetCells` read, as data a worker thread hands back (`SheetCells.adopt`). */
export interface SheetCellsData {
  cells: PackedCellsData;
  mergedRanges: MergedRange[];
  uncalculated: UncalculatedFormulas | undefined;
  /** A `<row>` without its number: its place depends on every row before it. */
  rowWithoutNumber: boolean;
}

export interface SheetContext {
  sharedStrings: string[];
  /** Number format of each cell style index. */
  cellFormats: (string | null)[];
  date1904: boolean;
}

/**
 * Reads one worksheet's XML into the engine's grid, cell for cell as the ExcelJS adapter gives it
 * (src/xlsx/readWorkbookGrids.ts): a cell's cached value (formulas by their result, errors as their
 * text, shared and inline strings as text, numbers under a date format as ISO dates), its number
 * format, rows from A1 down to the last row with a value, a merged range's first value repeated into
 * its other cells. Only `<row>`, `<c>`, `<v>`, `<f>`, `<is>` and `<mergeCell>` are looked at.
 */
export class SheetCells implements XmlHandler, PlainCellSink {
  private readonly cells = new PackedCells();
  /** Per cell style: whether its number format shows a date (decided once, not per cell). */
  private readonly dateStyles: boolean[];
  readonly mergedRanges: MergedRange[] = [];

  private row = 0;
  private nextColumn = 0;
  private inCell = false;
  private cellRow = 0;
  private cellColumn = 0;
  private cellType: string | undefined;
  private cellStyle = 0;
  private hasFormula = false;
  /** Whether the cell has a `<v>` at all: a formula's result may be empty text, which is a result. */
  private hasValue = false;
  private uncalculated: UncalculatedFormulas | undefined;
  /** Whether a `<row>` came without `r` (numbered after the row before it). */
  rowWithoutNumber = false;
  private valueText: string | undefined;
  private inValue = false;
  private inInline = false;
  private inInlineText = false;
  private phonetic = 0;

  constructor(
    private readonly sheetName: string,
    private readonly context: SheetContext
  ) {
    this.dateStyles = context.cellFormats.map((format) => isDateFormat(format));
  }

  open(name: string, attributes: XmlAttributes): void {
    switch (name) {
      case "row": {
        const r = Number(attributes.get("r"));
        const numbered = Number.isInteger(r) && r >= 1;
        if (!numbered) this.rowWithoutNumber = true;
        this.row = numbered ? r - 1 : this.row + 1;
        this.nextColumn = 0;
        return;
      }
      case "c":
        this.openCell(attributes);
        return;
      case "v":
        if (this.inCell) this.inValue = this.hasValue = true;
        return;
      case "f":
        if (this.inCell) this.hasFormula = true;
        return;
      case "is":
        if (this.inCell) this.inInline = true;
        return;
      case "t":
        if (this.inInline) this.inInlineText = true;
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "mergeCell": {
        const range = parseRange(attributes.get("ref") ?? "");
        if (range !== null) this.mergedRanges.push(range);
        return;
      }
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.inValue || (this.inInlineText && this.phonetic === 0))
      this.valueText = this.valueText === undefined ? text : this.valueText + text;
  }

  close(name: string): void {
    switch (name) {
      case "c":
        if (this.inCell) this.closeCell();
        return;
      case "v":
        this.inValue = false;
        return;
      case "is":
        this.inInline = false;
        return;
      case "t":
        this.inInlineText = false;
        return;
      case "rPh":
        this.phonetic--;
        return;
      default:
        return;
    }
  }

  private openCell(attributes: XmlAttributes): void {
    const reference = attributes.get("r");
    const position = reference === undefined ? null : parseReference(reference);
    this.cellRow = position?.row ?? this.row;
    this.cellColumn = position?.column ?? this.nextColumn;
    this.nextColumn = this.cellColumn + 1;
    this.cellType = attributes.get("t");
    const style = attributes.get("s");
    this.cellStyle = style === undefined ? 0 : Number(style);
    this.hasFormula = false;
    this.hasValue = false;
    this.valueText = undefined;
    this.inCell = true;
  }

  private closeCell(): void {
    this.inCell = false;
    this.inValue = false;
    this.inInline = false;
    if (!this.hasFormula && this.valueText === undefined) return;
    if (this.cellRow >= MAX_ROWS || this.cellColumn >= MAX_COLUMNS) return;
    // openpyxl writes `<v></v>` after every formula, since it calculates none: an empty `<v>` is a
    // result only for a text formula (`t="str"`), as ExcelJS reads it.
    const calculated = this.hasValue && (this.valueText !== undefined || this.cellType === "str");
    if (this.hasFormula && !calculated) this.countUncalculated();
    // Style 0 is the workbook's default, read as no format (as ExcelJS does; LibreOffice gives it a
    // custom "General").
    const format = this.cellStyle > 0 ? (this.context.cellFormats[this.cellStyle] ?? null) : null;
    const value = this.hasFormula ? this.formulaResult(format) : this.plainValue(format);
    this.cells.set(this.cellRow, this.cellColumn, value, format === null ? 0 : this.cellStyle);
  }

  /**
   * `<c r s t><v>…</v></c>` read from the bytes in one go (worksheetBytes.ts): what opening the cell,
   * its value and closing them does, without the events. Afterwards the state is as after `</c>`.
   */
  plainCell(
    row: number,
    column: number,
    style: number,
    sharedString: boolean,
    value: number
  ): void {
    this.nextColumn = column + 1;
    this.inCell = false;
    this.inValue = false;
    this.inInline = false;
    if (row >= MAX_ROWS || column >= MAX_COLUMNS) return;
    const format = style > 0 ? (this.context.cellFormats[style] ?? null) : null;
    const stored = format === null ? 0 : style;
    if (sharedString) {
      this.cells.set(row, column, this.context.sharedStrings[value] ?? null, stored);
    } else if (format !== null && this.dateStyles[style]) {
      this.cells.set(row, column, isoDate(value, this.context.date1904), stored);
    } else this.cells.setNumber(row, column, value, stored);
  }

  private countUncalculated(): void {
    if (this.uncalculated === undefined)
      this.uncalculated = { count: 0, row: this.cellRow, column: this.cellColumn };
    this.uncalculated.count++;
  }

  /** A formula's cached result; a formula never calculated has none (no value, not zero). */
  private formulaResult(format: string | null): CellValue {
    const text = this.valueText;
    if (!text) return null;
    switch (this.cellType) {
      case "str":
        return text;
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return text;
      default:
        return this.numberValue(text, format);
    }
  }

  private plainValue(format: string | null): CellValue {
    const text = this.valueText!;
    switch (this.cellType) {
      case "s":
        return this.context.sharedStrings[parseInt(text, 10)] ?? null;
      case "str":
      case "inlineStr":
        return text;
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return text;
      default:
        return this.numberValue(text, format);
    }
  }

  private numberValue(text: string, format: string | null): CellValue {
    // A cell the general path reads (a formula's result, a number with an entity) already has its
    // text; plain cells, nearly all of a sheet, come as numbers read from the bytes (plainCell.ts).
    const number = parseFloat(text);
    return format !== null && this.dateStyles[this.cellStyle]
      ? isoDate(number, this.context.date1904)
      : number;
  }

  /** Everything read, as data; this object is not used afterwards. */
  toData(): SheetCellsData {
    return {
      cells: this.cells.toData(),
      mergedRanges: this.mergedRanges,
      uncalculated: this.uncalculated,
      rowWithoutNumber: this.rowWithoutNumber,
    };
  }

  /**
   * Takes in rows of the same sheet read by another `SheetCells` (on a worker thread, from other parts
   * of the XML). False, with nothing changed, when both read the same row (see `PackedCells.adopt`).
   */
  adopt(data: SheetCellsData): boolean {
    if (!this.cells.adopt(data.cells)) return false;
    this.mergedRanges.push(...data.mergedRanges);
    this.rowWithoutNumber ||= data.rowWithoutNumber;
    const theirs = data.uncalculated;
    if (theirs !== undefined) {
      const ours = this.uncalculated;
      const theirsFirst =
        ours === undefined ||
        theirs.row < ours.row ||
        (theirs.row === ours.row && theirs.column < ours.column);
      this.uncalculated = {
        count: theirs.count + (ours?.count ?? 0),
        row: theirsFirst ? theirs.row : ours.row,
        column: theirsFirst ? theirs.column : ours.column,
      };
    }
    return true;
  }

  /** The grid, once the whole sheet XML has been read: rows made from the packed cells when read. */
  grid(): SheetGrid {
    this.repeatMergedValues();
    const cells = this.cells;
    const formats = this.context.cellFormats;
    const formatOf = (style: number): string | null =>
      style > 0 ? (formats[style] ?? null) : null;
    const formatted = formats.map((_, style) => formatOf(style) !== null);
    const rowCount = cells.rowCount;
    let columnCount = 0;
    for (let row = 0; row < rowCount; row++) columnCount = Math.max(columnCount, cells.width(row));
    const values = listOnDemand(rowCount, (row) => cells.rowValues(row));
    const numberFormats = listOnDemand(rowCount, (row) => {
      const rowFormats = new Array<string | null>(cells.width(row));
      cells.rowStyles(row, (style, column) => (rowFormats[column] = formatOf(style)));
      return rowFormats;
    });
    return {
      sheetName: this.sheetName,
      values,
      numberFormats,
      origin: { row: 0, column: 0 },
      ...(this.uncalculated && { uncalculatedFormulas: { ...this.uncalculated } }),
      cells: {
        rowCount,
        columnCount,
        value: (row, column) => cells.value(row, column),
        rowLength: (row) => cells.width(row),
        numberFormat: (row, column) => formatOf(cells.style(row, column)),
        plainNumber: (row, column) => cells.plainNumber(row, column, formatted),
        plainNumberColumns: (rows, columns, into, other) =>
          cells.plainNumberColumns(rows, columns, formatted, into, other),
      },
    };
  }

  /** Whether any cell holds a value that is not empty text (without making every row). */
  hasAnyValue(): boolean {
    for (let row = 0; row < this.cells.rowCount; row++) if (this.cells.hasValue(row)) return true;
    return false;
  }

  /**
   * As ExcelJS reads a merge: every other cell of the range takes the first cell's value. A range
   * larger than the used area (a merge over whole columns) is cut to it: beyond it there is nothing
   * to read, and a million repeated cells would only cost memory.
   */
  private repeatMergedValues(): void {
    const usedRows = this.cells.rowCount;
    let usedColumns = 0;
    for (let row = 0; row < usedRows; row++)
      usedColumns = Math.max(usedColumns, this.cells.width(row));
    for (const range of this.mergedRanges) {
      const master = this.cells.value(range.top, range.left);
      const large = (range.bottom - range.top + 1) * (range.right - range.left + 1) > 100_000;
      const bottom = large ? Math.min(range.bottom, usedRows - 1) : range.bottom;
      const right = large ? Math.min(range.right, usedColumns - 1) : range.right;
      for (let r = range.top; r <= bottom; r++) {
        for (let c = range.left; c <= right; c++) {
          if (r === range.top && c === range.left) continue;
          this.cells.set(r, c, master, this.cells.style(r, c));
        }
      }
    }
  }
}

/** `AB12` → zero-based row 11, column 27; null when it is not a cell reference. */
export function parseReference(reference: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code === 36) continue; // `$`
    const letter = code >= 97 ? code - 32 : code;
    if (letter < 65 || letter > 90) break;
    column = column * 26 + (letter - 64);
  }
  let row = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code === 36) continue;
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  if (column === 0 || row === 0) return null;
  return { row: row - 1, column: column - 1 };
}

/** `D4:F4` → zero-based corners. */
export function parseRange(reference: string): MergedRange | null {
  const [from, to] = reference.split(":");
  const first = parseReference(from ?? "");
  const last = to === undefined ? first : parseReference(to);
  if (first === null || last === null) return null;
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.column, last.column),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.column, last.column),
  };
}

/** A date serial as ExcelJS turns it into a date and the adapter into text: `2025-05-20`, or the full ISO time. */
function isoDate(serial: number, date1904: boolean): string | null {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
