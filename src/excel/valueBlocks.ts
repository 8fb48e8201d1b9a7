import { tableHeaderRow, type CellValue, type SheetLayout } from "../engine";
import { rowBytes, valueBytes, type RequestBudget } from "./requestBudget";

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
}

/**
 * Every value of the layouts, cut into blocks and grouped into requests so that no request carries
 * more than the budget (see requestBudget.ts). Without a limit: one request, one block for the
 * preamble and one for the table of each sheet. `finalBytes` must fit in the last request too.
 */
export function packValueRequests(
  layouts: SheetLayout[],
  budget: RequestBudget,
  finalBytes = 0
): ValueBlock[][] {
  const requests: ValueBlock[][] = [[]];
  let requestBytes = 0;
  let block: ValueBlock | null = null;

  const closeBlock = () => {
    if (block !== null && block.rows.length > 0) requests[requests.length - 1]!.push(block);
    block = null;
  };
  const add = (sheet: number, row: number, values: CellValue[], columns: number, extra = 0) => {
    const bytes = rowBytes(values) + extra;
    if (requestBytes > 0 && requestBytes + bytes > budget.valuesPerRequest) {
      closeBlock();
      requests.push([]);
      requestBytes = 0;
    }
    if (block === null) block = { sheet, row, rows: [], columns };
    block.rows.push(values);
    requestBytes += bytes;
  };

  layouts.forEach((layout, sheet) => {
    layout.preamble.forEach((line, row) => add(sheet, row, [asText(line)], 1));
    closeBlock();
    const columns = Math.max(layout.header.length, 1);
    const headerRow = headerRowOf(layout);
    add(sheet, headerRow, fitted(layout.header.map(asText), columns), columns);
    const links = layout.links?.targets;
    layout.body.forEach((values, index) => {
      // A row's link is written with its values (`writeLinks`): its bytes count in the same request.
      const link = links?.[index];
      const extra = link == null ? 0 : linkBytes(link, values[layout.links!.column] ?? null);
      add(sheet, headerRow + 1 + index, fitted(values.map(cellForExcel), columns), columns, extra);
    });
    closeBlock();
  });
  // What the last request must carry besides (the status column): a request of its own if need be.
  if (finalBytes > 0 && requestBytes > 0 && requestBytes + finalBytes > budget.valuesPerRequest) {
    requests.push([]);
  }
  return requests;
}

/** Estimated request bytes of one internal hyperlink: its value and its commands. */
export function linkBytes(target: string, text: CellValue): number {
  return 256 + valueBytes({ documentReference: target, textToDisplay: String(text ?? target) });
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
 */
export function asText(text: string): string {
  return LOOKS_TYPED.test(text) ? `'${text}` : text;
}

const LOOKS_TYPED =
  /^(?:[=+\-@']|[\d\s.,:/%()$€₽-]+$|(?:true|false|истина|ложь)$|#(?:ДЕЛ\/0!|DIV\/0!|Н\/Д|N\/A))/i;

/** Excel widths in characters (as layouts give them) to Office.js points: (7 px × chars + 5 px) × ¾. */
export function characterWidthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
