import type { SheetGrid } from "../engine";
import type { WorkbookData } from "../host/workbookHost";
import { rowBytes, type RequestBudget } from "./requestBudget";

/** Rows of a sheet measured for the estimate: enough for a mean, few enough to cost nothing. */
const SAMPLED_ROWS = 200;

/** A sheet's used range as the last scan or read found it: cells, and response bytes estimated. */
export interface KnownSize {
  cells: number;
  bytes: number;
}

/**
 * The sizes of the sheets a scan or read gave (only sizes are kept: holding the grids themselves
 * between actions would keep a region's table in memory for nothing).
 */
export function knownSizes(data: WorkbookData): Map<string, KnownSize> {
  const sizes = new Map<string, KnownSize>();
  for (const { name, grid } of data.sheets) {
    if (!grid || grid.values.length === 0) continue;
    const rows = grid.values.length;
    const columns = grid.values.reduce((widest, row) => Math.max(widest, row.length), 0);
    sizes.set(name, { cells: rows * columns, bytes: rows * meanRowBytes(grid) });
  }
  return sizes;
}

/**
 * Whether the named sheets are known to be too large for one request: more cells than the cell
 * budget, or (on the web) a response over the byte budget at the mean width of their first rows.
 * Then `read` goes straight to blocks instead of first trying one request that Excel would refuse —
 * on the web, from about 2,000 schools on, a refused sync of several megabytes each time. A sheet
 * not seen before counts nothing: one request is tried, and a refusal still falls back to blocks.
 */
export function knownTooLargeForOneRead(
  sizes: ReadonlyMap<string, KnownSize>,
  sheetNames: readonly string[],
  budget: RequestBudget
): boolean {
  let cells = 0;
  let bytes = 0;
  for (const name of sheetNames) {
    cells += sizes.get(name)?.cells ?? 0;
    bytes += sizes.get(name)?.bytes ?? 0;
  }
  return cells > budget.cellsPerRequest || bytes > budget.bytesPerRequest;
}

/** Mean response bytes of the sheet's first rows: values and number formats (as readBlocks measures). */
function meanRowBytes(grid: SheetGrid): number {
  const sampled = Math.min(grid.values.length, SAMPLED_ROWS);
  let bytes = 0;
  for (let row = 0; row < sampled; row++)
    bytes += rowBytes(grid.values[row]!) + rowBytes(grid.numberFormats?.[row] ?? []);
  return bytes / sampled;
}
