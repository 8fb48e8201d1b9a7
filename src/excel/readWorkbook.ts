import type { CellValue, SheetGrid } from "../engine";
import type { HostSheet, ProgressListener, WorkbookData } from "../taskpane/host";
import {
  columnMarksFromNames,
  marksFromNames,
  outputMarksBySheet,
  type WorkbookState,
} from "./outputPlan";
import { MIN_CELL_RESPONSE_BYTES, type RequestBudget } from "./requestBudget";

/** A read of the open workbook: what the task pane sees, and what the next write needs to know. */
export interface ExcelRead {
  data: WorkbookData;
  state: WorkbookState;
}

/** Response bytes assumed per cell (value + number format as JSON) when sizing blocks on the web. */
const CELL_RESPONSE_ESTIMATE = 4 * MIN_CELL_RESPONSE_BYTES;

interface Listing {
  worksheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
  active: Excel.Worksheet;
}

/** Queues the loads every read starts with: the sheets, our workbook names, the active sheet. */
function queueListing(context: Excel.RequestContext): Listing {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/visibility");
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  return { worksheets, names, active };
}

function stateOf(listing: Listing): WorkbookState {
  const names = listing.names.items.map((item) => ({ name: item.name, formula: item.formula }));
  return {
    sheets: listing.worksheets.items.map((sheet) => ({
      name: sheet.name,
      visible: sheet.visibility === "Visible",
    })),
    marks: marksFromNames(names),
    columns: columnMarksFromNames(names),
  };
}

/**
 * The named sheets, fresh, in ONE `context.sync()`: sheet list, our names and the used ranges' values
 * and number formats. This is the read of every action, whatever the number of schools. A sheet that
 * is gone fails the request (`ItemNotFound`); the host reports it and the pane reads the list again.
 */
export async function readNamedSheets(
  context: Excel.RequestContext,
  sheetNames: string[]
): Promise<ExcelRead> {
  const listing = queueListing(context);
  const ranges = sheetNames.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("values, numberFormat, rowIndex, columnIndex");
    return { name, range };
  });
  await context.sync();
  const state = stateOf(listing);
  const grids = new Map(ranges.map(({ name, range }) => [name, gridOf(name, range)]));
  return { state, data: workbookData(state, listing.active.name, grids) };
}

/**
 * Every sheet but our visible outputs (the source picker shows what each holds): the list in one
 * sync, then the used ranges. Without a request limit (Excel on Windows and Mac) the used ranges come
 * in one more sync; on the web, their sizes first, then blocks of rows that fit in a response.
 */
export async function scanWorkbook(
  context: Excel.RequestContext,
  budget: RequestBudget,
  onProgress?: ProgressListener
): Promise<ExcelRead> {
  const listing = queueListing(context);
  await context.sync();
  const state = stateOf(listing);
  const ours = outputMarksBySheet(state);
  const toRead = listing.worksheets.items.filter(
    (sheet) => !ours.has(sheet.name) || sheet.visibility !== "Visible"
  );
  onProgress?.({ phase: "read", done: 1, total: 0 });
  const grids =
    budget.valuesPerRequest === Infinity
      ? await readWholeSheets(context, toRead)
      : await readSheetsInBlocks(context, toRead, budget, onProgress);
  return { state, data: workbookData(state, listing.active.name, grids) };
}

/**
 * The named sheets on Excel on the web when one response cannot hold them: the listing and the used
 * ranges' sizes in one sync, then blocks of rows.
 */
export async function readNamedSheetsInBlocks(
  context: Excel.RequestContext,
  sheetNames: string[],
  budget: RequestBudget,
  onProgress?: ProgressListener
): Promise<ExcelRead> {
  const listing = queueListing(context);
  const sheets = sheetNames.map((name) => context.workbook.worksheets.getItem(name));
  sheets.forEach((sheet) => sheet.load("name"));
  await context.sync();
  const state = stateOf(listing);
  const grids = await readSheetsInBlocks(context, sheets, budget, onProgress);
  return { state, data: workbookData(state, listing.active.name, grids) };
}

async function readWholeSheets(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[]
): Promise<Map<string, SheetGrid | null>> {
  const ranges = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("values, numberFormat, rowIndex, columnIndex");
    return { name: sheet.name, range };
  });
  await context.sync();
  return new Map(ranges.map(({ name, range }) => [name, gridOf(name, range)]));
}

interface Block {
  sheet: string;
  /** Zero-based sheet row and column of the block's first cell. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

async function readSheetsInBlocks(
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
  const requests: Block[][] = [[]];
  let requestBytes = 0;
  for (const { sheet, range } of used) {
    if (range.isNullObject) {
      grids.set(sheet.name, null);
      continue;
    }
    grids.set(sheet.name, {
      sheetName: sheet.name,
      values: [],
      numberFormats: [],
      origin: { row: range.rowIndex, column: range.columnIndex },
    });
    const rowBytes = Math.max(range.columnCount, 1) * CELL_RESPONSE_ESTIMATE;
    const rowsPerBlock = Math.max(1, Math.floor(budget.valuesPerRequest / rowBytes));
    for (let start = 0; start < range.rowCount; start += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, range.rowCount - start);
      if (requestBytes + rows * rowBytes > budget.valuesPerRequest && requestBytes > 0) {
        requests.push([]);
        requestBytes = 0;
      }
      requests[requests.length - 1]!.push({
        sheet: sheet.name,
        row: range.rowIndex + start,
        column: range.columnIndex,
        rows,
        columns: range.columnCount,
      });
      requestBytes += rows * rowBytes;
    }
  }
  const worksheets = new Map(sheets.map((sheet) => [sheet.name, sheet]));
  for (const [index, blocks] of requests.entries()) {
    if (blocks.length === 0) continue;
    const loaded = blocks.map((block) => {
      const range = worksheets
        .get(block.sheet)!
        .getRangeByIndexes(block.row, block.column, block.rows, block.columns);
      range.load("values, numberFormat");
      return { block, range };
    });
    // One request per block group: this is the web's 5 MB response limit, not a per-row round trip.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { block, range } of loaded) {
      const grid = grids.get(block.sheet)!;
      grid.values.push(...range.values.map(cellRow));
      grid.numberFormats!.push(...range.numberFormat.map(formatRow));
    }
    onProgress?.({ phase: "read", done: index + 2, total: requests.length + 1 });
  }
  return grids;
}

function gridOf(name: string, range: Excel.Range): SheetGrid | null {
  if (range.isNullObject) return null;
  return {
    sheetName: name,
    values: range.values.map(cellRow),
    numberFormats: range.numberFormat.map(formatRow),
    origin: { row: range.rowIndex, column: range.columnIndex },
  };
}

/** Excel gives an empty cell as "": the engine's "no value" is null, as the .xlsx reader gives it. */
function cellRow(row: unknown[]): CellValue[] {
  return row.map((value) =>
    value === "" || value === undefined ? null : (value as Exclude<CellValue, null>)
  );
}

function formatRow(row: unknown[]): (string | null)[] {
  return row.map((format) => (typeof format === "string" ? format : null));
}

function workbookData(
  state: WorkbookState,
  activeSheet: string,
  grids: Map<string, SheetGrid | null>
): WorkbookData {
  const marks = outputMarksBySheet(state);
  const sheets: HostSheet[] = state.sheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visible,
    outputMark: marks.get(sheet.name) ?? null,
    grid: withoutOwnColumns(grids.get(sheet.name) ?? null, state),
  }));
  return { sheets, activeSheet };
}

/**
 * The grid without the cells of our status column: they are not the user's data, and a text column
 * after the headerless regional export would keep the engine from recognising the table on a re-run.
 * The column's place stays known through the state (the write replaces it there).
 */
function withoutOwnColumns(grid: SheetGrid | null, state: WorkbookState): SheetGrid | null {
  if (grid === null) return null;
  const origin = grid.origin ?? { row: 0, column: 0 };
  const sheet = grid.sheetName.toLocaleLowerCase("ru");
  for (const mark of state.columns) {
    if (mark.range === null || mark.sheet?.toLocaleLowerCase("ru") !== sheet) continue;
    const { row, column, rows, columns } = mark.range;
    for (let r = Math.max(row, origin.row); r < row + rows; r += 1) {
      const line = grid.values[r - origin.row];
      if (line === undefined) break;
      for (let c = column; c < column + columns; c += 1) {
        if (c - origin.column >= 0 && c - origin.column < line.length)
          line[c - origin.column] = null;
      }
    }
  }
  return grid;
}
