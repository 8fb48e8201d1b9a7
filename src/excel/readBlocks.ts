import { formatCount, plural, type SheetGrid } from "../engine";
import { HostError, type ProgressListener } from "../host/workbookHost";
import { isPayloadLimitError, isRangeLimitError, valuesNotGiven } from "./excelErrors";
import { appendRows, cellRow, formatRow } from "./gridRows";
import { MIN_CELL_RESPONSE_BYTES, rowBytes, type RequestBudget } from "./requestBudget";

/**
 * Response bytes assumed per cell (value + number format as JSON) of a sheet none of whose rows has
 * been read yet; from the first block on, the widest row read stands in (`RowWidths`).
 */
export const CELL_RESPONSE_ESTIMATE = 4 * MIN_CELL_RESPONSE_BYTES;
/**
 * Requests refused for their size (RangeExceedsLimit, a 5 MB response, values given as null) before
 * the read gives up: each refusal halves the refused blocks, so this reaches blocks of a few rows.
 */
const MAX_REFUSALS = 24;

/** Rows of one sheet's used range read by one range load. */
export interface ReadBlock {
  sheet: string;
  /** Zero-based sheet row and column of the block's first cell. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A sheet's used range as loaded (`getUsedRangeOrNullObject(true)`: its place and size). */
export interface UsedRange {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Response bytes of one row of a sheet, as far as the read knows: the estimate for a block. */
export type RowBytes = (range: { sheet: string; columns: number }) => number;

/** Before any row of a sheet is read: CELL_RESPONSE_ESTIMATE a cell. */
export const ESTIMATED_ROW_BYTES: RowBytes = (range) =>
  Math.max(range.columns, 1) * CELL_RESPONSE_ESTIMATE;

/**
 * The used ranges cut into row blocks and grouped into requests: a request reads at most the cell
 * budget (Excel's five-million-cell read limit, with room: requestBudget.ts) and, on the web, a
 * response within the byte budget at `rowBytes` a row. Microsoft: «Read in row or column blocks»
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-large).
 */
export function planReadBlocks(
  used: UsedRange[],
  budget: RequestBudget,
  rowBytes: RowBytes = ESTIMATED_ROW_BYTES
): ReadBlock[][] {
  const requests: ReadBlock[][] = [[]];
  let requestCells = 0;
  let requestBytes = 0;
  for (const range of used) {
    const columns = Math.max(range.columns, 1);
    const bytesPerRow = rowBytes(range);
    const rowsPerBlock = Math.max(
      1,
      Math.min(
        Math.floor(budget.cellsPerRequest / columns),
        Math.floor(budget.bytesPerRequest / bytesPerRow)
      )
    );
    for (let start = 0; start < range.rows; start += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, range.rows - start);
      const full =
        requestCells + rows * columns > budget.cellsPerRequest ||
        requestBytes + rows * bytesPerRow > budget.bytesPerRequest;
      if (requestCells > 0 && full) {
        requests.push([]);
        requestCells = 0;
        requestBytes = 0;
      }
      requests[requests.length - 1]!.push({ ...range, row: range.row + start, rows });
      requestCells += rows * columns;
      requestBytes += rows * bytesPerRow;
    }
  }
  return requests.filter((blocks) => blocks.length > 0);
}

/**
 * Response bytes a row of each sheet takes, as far as the blocks read so far tell: the largest mean
 * row of any block of the sheet (its values and number formats as JSON, requestBudget.ts `rowBytes`).
 * The blocks after the first are sized from it rather than from CELL_RESPONSE_ESTIMATE, which is
 * several times what a row of numbers under "General" takes — at 50,000 schools that estimate cut
 * the read into twice the requests it needs. A block's mean, not its widest row: the budget is per
 * request, and a header row three times as wide as the data would halve every block after it. Rows
 * further down may be wider than any read yet: the byte budget keeps 1 MB of the 5 MB back
 * (requestBudget.ts), so a block is refused only if its rows are a quarter wider than any block's
 * before; then it is read again in halves, and the sheet's rows counted twice as wide from there on.
 */
export class RowWidths {
  private readonly widest = new Map<string, number>();

  readonly bytes: RowBytes = (range) => this.widest.get(range.sheet) ?? ESTIMATED_ROW_BYTES(range);

  /** The rows of a block as Excel gave them. */
  measure(sheet: string, values: unknown[][], formats: unknown[][]): void {
    if (values.length === 0) return;
    let bytes = 0;
    for (let row = 0; row < values.length; row += 1)
      bytes += rowBytes(values[row]!) + rowBytes(formats[row] ?? []);
    const mean = Math.ceil(bytes / values.length);
    this.widest.set(sheet, Math.max(this.widest.get(sheet) ?? 0, mean));
  }

  /** Excel refused a response with rows of this sheet as too large. */
  refused(range: { sheet: string; columns: number }): void {
    this.widest.set(range.sheet, 2 * this.bytes(range));
  }
}

/** What is left of the used ranges once these blocks are taken from their tops. */
function after(left: UsedRange[], blocks: ReadBlock[]): UsedRange[] {
  const taken = new Map<string, number>();
  for (const block of blocks) taken.set(block.sheet, (taken.get(block.sheet) ?? 0) + block.rows);
  return left
    .map((range) => {
      const rows = taken.get(range.sheet) ?? 0;
      return { ...range, row: range.row + rows, rows: range.rows - rows };
    })
    .filter((range) => range.rows > 0);
}

/**
 * Sheets' used ranges read in blocks: their sizes in one sync, then one sync per group of blocks.
 * A request Excel refuses as too large (`RangeExceedsLimit`, a response over 5 MB) or answers with
 * null values (Mac) is read again in halves, as Microsoft advises («If you encounter a limit error,
 * retry with a smaller block size»); past MAX_REFUSALS the read fails with a HostError that names
 * the sheet and the rows.
 */
export async function readSheetsInBlocks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  budget: RequestBudget,
  onProgress?: ProgressListener
): Promise<Map<string, SheetGrid | null>> {
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    return { sheet, range };
  });
  await context.sync();
  const grids = new Map<string, SheetGrid | null>();
  const sizes: UsedRange[] = [];
  for (const { sheet, range } of used) {
    if (range.isNullObject) {
      grids.set(sheet.name, null);
      continue;
    }
    const size = {
      sheet: sheet.name,
      row: range.rowIndex,
      column: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    };
    sizes.push(size);
    grids.set(sheet.name, {
      sheetName: sheet.name,
      values: [],
      numberFormats: [],
      origin: { row: size.row, column: size.column },
    });
  }
  const worksheets = new Map(sheets.map((sheet) => [sheet.name, sheet]));
  // Only the web's response limit needs the rows measured: elsewhere blocks go by cells alone.
  const widths = budget.bytesPerRequest === Infinity ? null : new RowWidths();
  const rowBytesNow = widths?.bytes ?? ESTIMATED_ROW_BYTES;
  let left = sizes;
  const retries: ReadBlock[][] = [];
  let done = 0;
  let refusals = 0;
  while (retries.length > 0 || left.length > 0) {
    // Halves of a refused request first, then the next request planned from the rows read so far.
    let blocks = retries.shift();
    if (blocks === undefined) {
      blocks = planReadBlocks(left, budget, rowBytesNow)[0]!;
      left = after(left, blocks);
    }
    try {
      const read = await readBlocks(context, worksheets, blocks);
      read.forEach(({ block, values, formats }) => {
        widths?.measure(block.sheet, values, formats);
        const grid = grids.get(block.sheet)!;
        appendRows(grid.values, values.map(cellRow));
        appendRows(grid.numberFormats!, formats.map(formatRow));
      });
    } catch (error) {
      if (!isRangeLimitError(error) && !isPayloadLimitError(error)) throw error;
      refusals += 1;
      const smaller = halves(blocks);
      if (smaller === null || refusals > MAX_REFUSALS) throw tooLarge(blocks[0]!);
      blocks.forEach((block) => widths?.refused(block));
      // In place of the refused request, in the same order: the grids fill row by row.
      retries.unshift(...smaller);
      continue;
    }
    done += 1;
    const toGo = retries.length + planReadBlocks(left, budget, rowBytesNow).length;
    onProgress?.({ phase: "read", done: done + 1, total: done + toGo + 1 });
  }
  return grids;
}

/** One request: the blocks' values and number formats, null ones refused as Excel on Mac means them. */
async function readBlocks(
  context: Excel.RequestContext,
  worksheets: Map<string, Excel.Worksheet>,
  blocks: ReadBlock[]
): Promise<{ block: ReadBlock; values: unknown[][]; formats: unknown[][] }[]> {
  const loaded = blocks.map((block) => {
    const range = worksheets
      .get(block.sheet)!
      .getRangeByIndexes(block.row, block.column, block.rows, block.columns);
    range.load("values, numberFormat");
    return { block, range };
  });
  await context.sync();
  return loaded.map(({ block, range }) => {
    // Excel on Mac gives null over its limit instead of an error (OfficeDev/office-js#4783).
    if (range.values == null || range.numberFormat == null) throw valuesNotGiven(block.sheet);
    return { block, values: range.values, formats: range.numberFormat };
  });
}

/** The refused request as smaller ones: its blocks one per request, or its one block in two halves. */
function halves(blocks: ReadBlock[]): ReadBlock[][] | null {
  if (blocks.length > 1) return blocks.map((block) => [block]);
  const block = blocks[0]!;
  if (block.rows < 2) return null;
  const first = Math.ceil(block.rows / 2);
  return [
    [{ ...block, rows: first }],
    [{ ...block, row: block.row + first, rows: block.rows - first }],
  ];
}

/** The read given up: which sheet and rows Excel would not give, and what the user can do. */
function tooLarge(block: ReadBlock): HostError {
  return new HostError(
    "range_too_large",
    `Лист «${block.sheet}»: Excel не отдал значения строк ${formatCount(block.row + 1)}–` +
      `${formatCount(block.row + block.rows)} (${plural(block.columns, "столбец", "столбца", "столбцов")}) ` +
      `даже по ${plural(block.rows, "строке", "строки", "строк")} за запрос. Сократите используемый ` +
      "диапазон листа (удалите пустые строки и столбцы за таблицей) или перенесите таблицу на новый " +
      "лист и повторите."
  );
}
