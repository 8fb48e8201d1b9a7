import type { CellValue } from "./types";
import type { SheetLayout } from "./sheetLayout";
import { tableHeaderRow } from "./charts";

/**
 * Row heights, as every host sets them. Excel and LibreOffice fit a row to its wrapped text when the
 * text is typed, not when a file is opened: a written row keeps the default height and a reason of
 * five lines runs under the next rows. So the engine estimates how many lines each wrapped cell takes
 * at its column's width and gives the row that many lines — the same numbers for the file writers
 * and the add-in, which set them as they are.
 *
 * Widths are counted in the unit column widths are in: the width of a digit of the default font
 * (11-pt Calibri). Letters are measured by kind (from Calibri's metrics: Cyrillic lower case 1.05
 * digits on average, capitals 1.25, a space half a digit), rounded up a little, since a line that is
 * too long is cut off where a line too many only leaves white space.
 */

/** One line of 11-pt Calibri, in points: Excel's default row height. */
export const LINE_HEIGHT = 15;
/** One line of the title (13-pt bold), in points. */
export const TITLE_LINE_HEIGHT = 18;
/**
 * A row stops growing at this many lines: longer text stays whole in the cell (the formula bar, a
 * taller row) without one school's list of reasons filling a printed page.
 */
export const MAX_ROW_LINES = 15;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;
/**
 * A column without a width of its own, as a file stores it: Excel's default of 8.43 digits with the
 * cell's margins (64 pixels). Layout widths are stored widths too.
 */
export const DEFAULT_COLUMN_WIDTH = 9.140625;

/** Bold text (the header) is about this much wider. */
const BOLD = 1.05;
/** The title's 13 pt against the 11 pt the widths are measured in, and bold. */
const TITLE = (13 / 11) * BOLD;

/**
 * Width of a character in twentieths of a digit, for the codes below 0x500 (Latin, Cyrillic); anything
 * else counts as one digit. From Calibri's advance widths as Excel draws them at 100 %: in whole
 * pixels, a digit 7 (7.4 rounded down) and a Cyrillic letter 7.8 on average (rounded to the nearest),
 * so a letter is 1.1 digits there — LibreOffice, drawing the same font unrounded, fits about 5 % more
 * on a line and shows some rows a line taller than needed.
 */
const SPACE = 9;
const WIDTHS = buildWidths();

function buildWidths(): Uint8Array {
  const widths = new Uint8Array(0x500).fill(20);
  const set = (from: number, to: number, width: number) => widths.fill(width, from, to + 1);
  set(0x61, 0x7a, 19); // a–z
  set(0x41, 0x5a, 23); // A–Z
  set(0x430, 0x44f, 22); // а–я
  set(0x410, 0x42f, 26); // А–Я
  widths[0x451] = 22; // ё
  widths[0x401] = 26; // Ё
  // A no-break space joins its neighbours into one word (`15\u00a0%`) but is as narrow as a space.
  widths[0x20] = SPACE;
  widths[0xa0] = SPACE;
  for (const char of ".,:;!'|ijl") widths[char.charCodeAt(0)] = 10;
  for (const char of "()[]-/f") widths[char.charCodeAt(0)] = 13;
  for (const char of "mwшщжюмы") widths[char.charCodeAt(0)] = 30;
  for (const char of "MWШЩЖЮМЫ") widths[char.charCodeAt(0)] = 36;
  widths[0x25] = 29; // %
  widths[0x0d] = 0;
  return widths;
}

/** Width of a character from 0x500 on (WIDTHS has those below). */
function wideCharWidth(code: number): number {
  if (code === 0x2014) return 36; // —
  if (code === 0x2116) return 41; // №
  return 20;
}

/**
 * How many lines `text` takes in a line `capacity` digits wide, wrapped at spaces as a spreadsheet
 * wraps it (a word longer than a line is broken inside); a line break starts a new line. One pass over
 * the characters, no strings made: it runs for every wrapped cell of a national table.
 */
export function textLines(text: string, capacity: number, scale = 1): number {
  // Widths are summed as they are and the line scaled down instead (bold, the title's size).
  const limit = (Math.max(capacity, 1) * 20) / scale;
  let lines = 1;
  let line = 0;
  let word = 0;
  // One step past the end, read as a line break that starts no line: it places the last word.
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0x0a;
    if (code !== 0x20 && code !== 0x0a) {
      word += code < 0x500 ? WIDTHS[code]! : wideCharWidth(code);
      continue;
    }
    if (word > 0) {
      if (line > 0 && line + SPACE + word <= limit) line += SPACE + word;
      else {
        if (line > 0) lines++;
        line = word;
        for (; line > limit; line -= limit) lines++;
      }
      word = 0;
    }
    if (code === 0x0a && index < text.length) {
      lines++;
      line = 0;
    }
  }
  return lines;
}

/** A line's width in digits for a column `width` digits wide: less the cell's margins. */
export function lineCapacity(width: number): number {
  return Math.max(width - 1, 1);
}

/** The height of `lines` lines, or null for one line (the host's default height fits it). */
function heightOf(lines: number, lineHeight = LINE_HEIGHT): number | null {
  if (lines <= 1) return null;
  return Math.min(Math.min(lines, MAX_ROW_LINES) * lineHeight, MAX_ROW_HEIGHT);
}

/** What a body row's height depends on: its wrapped columns and how wide a line is in each. */
export interface WrappedColumns {
  /** Indices into the row, ascending. */
  columns: number[];
  /** Per wrapped column, a line's width in digits (`lineCapacity`). */
  capacities: number[];
}

export function wrappedColumns(layout: Pick<SheetLayout, "columns">): WrappedColumns {
  const columns: number[] = [];
  const capacities: number[] = [];
  layout.columns.forEach((spec, index) => {
    if (spec.wrap !== true) return;
    columns.push(index);
    capacities.push(lineCapacity(spec.width));
  });
  return { columns, capacities };
}

/**
 * A body row's height in points, or null when every cell fits one line. Only text wraps: a number in
 * a wrapped column is one line.
 */
export function bodyRowHeight(values: CellValue[], wrapped: WrappedColumns): number | null {
  let lines = 1;
  for (let at = 0; at < wrapped.columns.length; at++) {
    const value = values[wrapped.columns[at]!];
    if (typeof value !== "string" || value.length === 0) continue;
    const cellLines = textLines(value, wrapped.capacities[at]!);
    if (cellLines > lines) lines = cellLines;
  }
  return heightOf(lines);
}

/** The header row's height: every header cell wraps, in bold. */
export function headerRowHeight(layout: Pick<SheetLayout, "header" | "columns">): number | null {
  let lines = 1;
  layout.header.forEach((text, index) => {
    const width = layout.columns[index]?.width ?? DEFAULT_COLUMN_WIDTH;
    lines = Math.max(lines, textLines(text, lineCapacity(width), BOLD));
  });
  return heightOf(lines);
}

/**
 * How many columns each preamble line spans: the table's, so that a long line (the method's
 * description) wraps within the width the table prints in instead of running off to the right.
 * Hosts merge the line's cell across them and wrap it.
 */
export function preambleColumns(layout: Pick<SheetLayout, "header">): number {
  return Math.max(layout.header.length, 1);
}

/** The width of the preamble's merged cells, in digits: the table's columns. */
function preambleWidth(layout: Pick<SheetLayout, "header" | "columns">): number {
  let width = 0;
  for (let index = 0; index < preambleColumns(layout); index++)
    width += layout.columns[index]?.width ?? DEFAULT_COLUMN_WIDTH;
  return width;
}

/** Per preamble line, its row's height (null: one line); the first line is the title. */
export function preambleRowHeights(
  layout: Pick<SheetLayout, "preamble" | "header" | "columns">
): (number | null)[] {
  const capacity = lineCapacity(preambleWidth(layout));
  return layout.preamble.map((line, index) =>
    index === 0
      ? heightOf(textLines(line, capacity, TITLE), TITLE_LINE_HEIGHT)
      : heightOf(textLines(line, capacity))
  );
}

/**
 * Every row of the layout's sheet that needs a height of its own: zero-based sheet row → points. The
 * file writers compute the body's as they write each row (`bodyRowHeight`), which gives the same.
 */
export function rowHeights(layout: SheetLayout): Map<number, number> {
  const heights = new Map<number, number>();
  preambleRowHeights(layout).forEach((height, row) => {
    if (height !== null) heights.set(row, height);
  });
  const headerRow = tableHeaderRow(layout);
  const header = headerRowHeight(layout);
  if (header !== null) heights.set(headerRow, header);
  const wrapped = wrappedColumns(layout);
  if (wrapped.columns.length === 0) return heights;
  for (let index = 0; index < layout.body.length; index++) {
    const height = bodyRowHeight(layout.body[index]!, wrapped);
    if (height !== null) heights.set(headerRow + 1 + index, height);
  }
  return heights;
}
