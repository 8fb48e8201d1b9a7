import { formatCount, plural, type SheetGrid } from "../engine";
import { HostError, type ProgressListener } from "../host/workbookHost";
import { isPayloadLimitError, isRangeLimitError, valuesNotGiven } from "./excelErrors";
import { appendRows, cellRow, formatRow } from "./gridRows";
import { MIN_CELL_RESPONSE_BYTES, type RequestBudget } from "./requestBudget";

/** Response bytes assumed per cell (value + number format as JSON) when sizing blocks on the web. */
const CELL_RESPONSE_ESTIMATE = 4 * MIN_CELL_RESPONSE_BYTES;
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

/**
 * The used ranges cut into row blocks and grouped into requests: a request reads at most the cell
 * budget (Excel's five-million-cell read limit, with room: requestBudget.ts) and, on the web, a
 * response estimated within the byte budget. Microsoft: «Read in row or column blocks»
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-large).
 */
export function planReadBlocks(used: UsedRange[], budget: RequestBudget): ReadBlock[][] {
  const requests: ReadBlock[][] = [[]];
  let requestCells = 0;
  const cellsPerRequest = Math.min(
    budget.cellsPerRequest,
    Math.floor(budget.bytesPerRequest / CELL_RESPONSE_ESTIMATE)
  );
  for (const range of used) {
    const columns = Math.max(range.columns, 1);
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerRequest / columns));
    for (let start = 0; start < range.rows; start += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, range.rows - start);
      if (requestCells > 0 && requestCells + rows * columns > cellsPerRequest) {
        requests.push([]);
        requestCells = 0;
      }
      requests[requests.length - 1]!.push({ ...range, row: range.row + start, rows });
      requestCells += rows * columns;
    }
  }
  return requests.filter((blocks) => blocks.length > 0);
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
  const pending = planReadBlocks(sizes, budget);
  let done = 0;
  let refusals = 0;
  while (pending.length > 0) {
    const blocks = pending.shift()!;
    try {
      const read = await readBlocks(context, worksheets, blocks);
      read.forEach(({ block, values, formats }) => {
        const grid = grids.get(block.sheet)!;
        appendRows(grid.values, values.map(cellRow));
        appendRows(grid.numberFormats!, formats.map(formatRow));
      });
    } catch (error) {
      if (!isRangeLimitError(error) && !isPayloadLimitError(error)) throw error;
      refusals += 1;
      const smaller = halves(blocks);
      if (smaller === null || refusals > MAX_REFUSALS) throw tooLarge(blocks[0]!);
      // In place of the refused request, in the same order: the grids fill row by row.
      pending.unshift(...smaller);
      continue;
    }
    done += 1;
    onProgress?.({ phase: "read", done: done + 1, total: done + pending.length + 1 });
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
