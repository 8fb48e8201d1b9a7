import type { SheetGrid } from "../engine";
import type { HostSheet, ProgressListener, WorkbookData } from "../host/workbookHost";
import {
  columnMarksFromNames,
  marksFromNames,
  outputMarksBySheet,
  type WorkbookState,
} from "./outputPlan";
import { isRangeLimitError, valuesNotGiven } from "./excelErrors";
import { cellRow, formatRow } from "./gridRows";
import { readSheetsInBlocks } from "./readBlocks";
import type { RequestBudget } from "./requestBudget";

/** A read of the open workbook: what the task pane sees, and what the next write needs to know. */
export interface ExcelRead {
  data: WorkbookData;
  state: WorkbookState;
}

interface Listing {
  worksheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
}

/**
 * Queues the loads every read starts with: the sheets (with their protection, ExcelApi 1.2: a
 * protected sheet gets no status column) and our workbook names. Not the active sheet: that can fail
 * the whole request (activeSheetName).
 */
function queueListing(context: Excel.RequestContext): Listing {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/visibility, items/protection/protected");
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  return { worksheets, names };
}

/**
 * The sheet the user is on, for the source picker's first choice, in a request of its own:
 * `getActiveWorksheet()` fails when the active sheet is a chart sheet (office-js#2444) or the user is
 * in another workbook (office-js#6365), and must not take the listing down with it. Then the first
 * visible sheet stands in, as the workbook opens on it.
 */
async function activeSheetName(
  context: Excel.RequestContext,
  state: WorkbookState
): Promise<string | null> {
  const fallback = state.sheets.find((sheet) => sheet.visible)?.name ?? null;
  try {
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    return active.name;
  } catch {
    return fallback;
  }
}

function stateOf(listing: Listing): WorkbookState {
  const names = listing.names.items.map((item) => ({ name: item.name, formula: item.formula }));
  return {
    sheets: listing.worksheets.items.map((sheet) => ({
      name: sheet.name,
      visible: sheet.visibility === "Visible",
      veryHidden: sheet.visibility === "VeryHidden",
      protected: sheet.protection.protected,
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
  return { state, data: workbookData(state, null, grids) };
}

/**
 * Every sheet but our visible outputs (the source picker shows what each holds): the list in one
 * sync, the active sheet in one of its own, then the used ranges. Without a request limit (Excel on
 * Windows and Mac) the used ranges come in one more sync; on the web, their sizes first, then blocks
 * of rows that fit in a response.
 */
export async function scanWorkbook(
  context: Excel.RequestContext,
  budget: RequestBudget,
  onProgress?: ProgressListener
): Promise<ExcelRead> {
  const listing = queueListing(context);
  await context.sync();
  const state = stateOf(listing);
  const activeSheet = await activeSheetName(context, state);
  const ours = outputMarksBySheet(state);
  const toRead = listing.worksheets.items.filter(
    (sheet) => !ours.has(sheet.name) || sheet.visibility !== "Visible"
  );
  onProgress?.({ phase: "read", done: 1, total: 0 });
  const grids =
    budget.bytesPerRequest === Infinity
      ? await readWholeSheets(context, toRead).catch((error: unknown) => {
          // A sheet over Excel's five-million-cell read limit (RangeExceedsLimit, or null values on
          // Mac): the same sheets again, in blocks within the cell budget.
          if (!isRangeLimitError(error)) throw error;
          return readSheetsInBlocks(context, toRead, budget, onProgress);
        })
      : await readSheetsInBlocks(context, toRead, budget, onProgress);
  return { state, data: workbookData(state, activeSheet, grids) };
}

/**
 * The named sheets when one request cannot read them — a response over Excel on the web's 5 MB, a
 * range over Excel's five-million-cell read limit on any platform: the listing in one sync, then the
 * used ranges' sizes and blocks of rows within the budget (readBlocks.ts).
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
  return { state, data: workbookData(state, null, grids) };
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

function gridOf(name: string, range: Excel.Range): SheetGrid | null {
  if (range.isNullObject) return null;
  // Excel on Mac gives null over its read limit instead of an error (OfficeDev/office-js#4783): the
  // host reads the sheet again in blocks, as for RangeExceedsLimit.
  if (range.values == null || range.numberFormat == null) throw valuesNotGiven(name);
  return {
    sheetName: name,
    values: range.values.map(cellRow),
    numberFormats: range.numberFormat.map(formatRow),
    origin: { row: range.rowIndex, column: range.columnIndex },
  };
}

function workbookData(
  state: WorkbookState,
  /** Known to the scan only (the source picker's first choice); an action's read needs none. */
  activeSheet: string | null,
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
