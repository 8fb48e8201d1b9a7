import {
  EXCEL_CELL_CHARACTERS,
  tableHeaderRow,
  withinCell,
  type CellValue,
  type SheetLayout,
} from "../engine";
import { COMMAND_BYTES, commandBytes, rowBytes, type RequestBudget } from "./requestBudget";

/**
 * Where a layout's rows go on its sheet: preamble lines in column A, a blank line, then the table
 * (header and body) — the same arrangement src/xlsx writes into files.
 */
export function headerRowOf(layout: SheetLayout): number {
  return tableHeaderRow(layout);
}

/** Rows of one sheet written by one range assignment. */
export interface ValueBlock {
  /** Index of the layout (and its sheet) in the write. */
  sheet: number;
  /** Zero-based sheet row of the first row; rows start in column A. */
  row: number;
  rows: CellValue[][];
  columns: number;
  /** Estimated request bytes: the values, the rows' links, the commands (requestBudget.ts). */
  bytes: number;
}

/**
 * A block carries at most this share of a request's bytes, so that blocks fill requests closely
 * (requestBatch.ts packs whole pieces) and a halved budget still holds one.
 */
const BLOCKS_PER_REQUEST = 4;

/**
 * Every value of the layouts, cut into blocks: one for the preamble and one for the table of each
 * sheet, cut further where a block would pass a quarter of the request's byte budget or the whole of
 * its cell budget (see requestBudget.ts). Without a byte limit and below the cell budget: one block
 * per table, whatever the number of schools.
 */
export function valueBlocks(layouts: SheetLayout[], budget: RequestBudget): ValueBlock[] {
  const blocks: ValueBlock[] = [];
  const maxBytes = budget.bytesPerRequest / BLOCKS_PER_REQUEST;
  let block: ValueBlock | null = null;

  const closeBlock = () => {
    if (block !== null && block.rows.length > 0) blocks.push(block);
    block = null;
  };
  const add = (sheet: number, row: number, values: CellValue[], columns: number, extra = 0) => {
    const bytes = rowBytes(values) + extra;
    const open: ValueBlock | null = block;
    if (
      open !== null &&
      (open.bytes + bytes > maxBytes || (open.rows.length + 1) * columns > budget.cellsPerRequest)
    ) {
      closeBlock();
    }
    // The range and its `values`: two commands.
    block ??= { sheet, row, rows: [], columns, bytes: 2 * COMMAND_BYTES };
    block.rows.push(values);
    block.bytes += bytes;
  };

  layouts.forEach((layout, sheet) => {
    layout.preamble.forEach((line, row) => add(sheet, row, [asText(line)], 1));
    closeBlock();
    const columns = Math.max(layout.header.length, 1);
    const headerRow = headerRowOf(layout);
    add(sheet, headerRow, fitted(layout.header.map(asText), columns), columns);
    const links = layout.links?.targets;
    layout.body.forEach((values, index) => {
      // A row's link is written with its values (`writeLinks`): its bytes count in the same block.
      const link = links?.[index];
      const extra = link == null ? 0 : linkBytes(link, values[layout.links!.column] ?? null);
      add(sheet, headerRow + 1 + index, fitted(values.map(cellForExcel), columns), columns, extra);
    });
    closeBlock();
  });
  return blocks;
}

/** Estimated request bytes of one internal hyperlink: its range, and its value as one command. */
export function linkBytes(target: string, text: CellValue): number {
  return (
    COMMAND_BYTES +
    commandBytes({ documentReference: target, textToDisplay: String(text ?? target) })
  );
}

/** Rows as long as the header: Excel wants a rectangle. */
function fitted(values: CellValue[], columns: number): CellValue[] {
  if (values.length === columns) return values;
  return Array.from({ length: columns }, (_, index) => values[index] ?? null);
}

function cellForExcel(value: CellValue): CellValue {
  return typeof value === "string" ? asText(value) : value;
}

/**
 * Excel reads a string assigned to `values` as if typed: `=…` becomes a formula, `2024-25` may become
 * a date, `0012` a number. A leading apostrophe keeps such text as text (it is not part of the value).
 * Excel refuses a value longer than a cell holds (`EXCEL_CELL_CHARACTERS`) and fails the whole
 * request; the engine's layouts hold none, and this cut keeps any other text (a status, a chart's
 * label) from failing a write. Whether the apostrophe counts is not documented, so it is counted.
 */
export function asText(text: string): string {
  return LOOKS_TYPED.test(text)
    ? `'${withinCell(text, EXCEL_CELL_CHARACTERS - 1)}`
    : withinCell(text);
}

const LOOKS_TYPED =
  /^(?:[=+\-@']|[\d\s.,:/%()$€₽-]+$|(?:true|false|истина|ложь)$|#(?:ДЕЛ\/0!|DIV\/0!|Н\/Д|N\/A))/i;

/** Excel widths in characters (as layouts give them) to Office.js points: (7 px × chars + 5 px) × ¾. */
export function characterWidthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
