import type { CellValue } from "./types";
import type { SheetLayout } from "./sheetLayout";
import type { SheetBlock } from "./charts";
import { isListOnDemand, listOnDemand } from "./listOnDemand";

/**
 * The most characters an Excel cell holds: «Total number of characters that a cell can contain —
 * 32,767 characters» («Excel specifications and limits»,
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * The add-in's longer value is refused by Excel and the whole write fails; a file with one is reported
 * as damaged. Every output cell stays within it (`layoutWithinCells`).
 */
export const EXCEL_CELL_CHARACTERS = 32_767;

/**
 * «Maximum number of line feeds per cell — 253» (the same page). A list written one item a line stops
 * there too: past it Excel does not promise to show the lines, and no reader scrolls 253 lines of a cell.
 */
export const EXCEL_CELL_LINE_FEEDS = 253;

/**
 * Text cut to what a cell holds, ending in «…» so that the cut shows: a school name of megabytes in
 * the user's table, say. Lists are cut earlier and better, on a whole item with the count of the rest
 * (`joinWithinCell`); this is the last guard for text nobody counted.
 */
export function withinCell(text: string, limit: number = EXCEL_CELL_CHARACTERS): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  // Never half of a character outside the BMP: a lone surrogate is not text a file may hold.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

function tooLong(value: CellValue): boolean {
  return typeof value === "string" && value.length > EXCEL_CELL_CHARACTERS;
}

/** A row whose every text fits a cell: the row itself when it already does (nothing copied). */
function rowWithinCells<T extends CellValue>(row: T[]): T[] {
  if (!row.some(tooLong)) return row;
  return row.map((value) => (typeof value === "string" ? withinCell(value) : value) as T);
}

/**
 * The body with every text within a cell. A plain array is checked once and copied only where a row
 * has a longer text; a body made on demand (412,000 rows of «Динамика по школам» at national scale)
 * is not made twice to be checked but wrapped, each row fitted as a host reads it.
 */
function bodyWithinCells(body: CellValue[][]): CellValue[][] {
  if (isListOnDemand(body))
    return listOnDemand(body.length, (index) => rowWithinCells(body[index]!));
  return body.some((row) => row.some(tooLong)) ? body.map(rowWithinCells) : body;
}

function blocksWithinCells(blocks: SheetBlock[] | undefined): SheetBlock[] | undefined {
  if (
    blocks === undefined ||
    !blocks.some((block) => block.values.some((row) => row.some(tooLong)))
  )
    return blocks;
  return blocks.map((block) => ({ ...block, values: block.values.map(rowWithinCells) }));
}

/**
 * The layout as every host may write it: no cell of its preamble, header, body or blocks holds more
 * than `EXCEL_CELL_CHARACTERS`. The engine passes each output through this once (analyzeWorkbook,
 * templateLayout), so the add-in, the .xlsx writers and the browser page write the same cut text,
 * not each its own; the layout itself when nothing is too long.
 */
export function layoutWithinCells(layout: SheetLayout): SheetLayout {
  const preamble = rowWithinCells(layout.preamble);
  const header = rowWithinCells(layout.header);
  const body = bodyWithinCells(layout.body);
  const blocks = blocksWithinCells(layout.blocks);
  if (
    preamble === layout.preamble &&
    header === layout.header &&
    body === layout.body &&
    blocks === layout.blocks
  )
    return layout;
  return { ...layout, preamble, header, body, ...(blocks === undefined ? {} : { blocks }) };
}

/**
 * Items joined into one cell, as many as fit within `limit` characters and, when they are joined by
 * line breaks, within `EXCEL_CELL_LINE_FEEDS` lines; the rest counted by `more(n)` (`… и ещё 12
 * школ`), which should say where the whole list is. A list cut by the host would end mid-name and
 * not say how many are missing.
 */
export function joinWithinCell(
  items: string[],
  separator: string,
  more: (rest: number) => string,
  limit: number = EXCEL_CELL_CHARACTERS
): string {
  // Each separator that is a line break is a line feed of the cell; the tail takes one of them.
  const feedsPerSeparator = separator.split("\n").length - 1;
  const maxItems =
    feedsPerSeparator === 0 ? Infinity : Math.floor(EXCEL_CELL_LINE_FEEDS / feedsPerSeparator) + 1;
  const total = items.reduce((sum, item) => sum + item.length, 0);
  if (items.length <= maxItems && total + separator.length * Math.max(items.length - 1, 0) <= limit)
    return items.join(separator);
  let length = 0;
  let kept = 0;
  // With the tail, `kept` items take `kept` separators: at most maxItems − 1 items then.
  for (; kept < Math.min(items.length, maxItems - 1); kept++) {
    const withNext = length + (kept > 0 ? separator.length : 0) + items[kept]!.length;
    const rest = items.length - kept - 1;
    if (withNext + separator.length + more(rest).length > limit) break;
    length = withNext;
  }
  return [...items.slice(0, kept), more(items.length - kept)].join(separator);
}
