import type { CellValue } from "./types";
import type { SheetLayout } from "./sheetLayout";

/**
 * Charts as plain data, so every host draws the same chart in the same cells: the Excel adapter
 * (src/excel, `worksheet.charts.add`), and the file writer (src/xlsx/append: a two-cell anchor from
 * `anchor`, series references from `chartSeries`). Ranges are zero-based rows and columns of the
 * chart's own sheet, as laid out by the host (preamble in column A, a blank line, then the table:
 * `tableHeaderRow`).
 */

/** A rectangle of the sheet: zero-based top row and left column, and its size. */
export interface CellRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A zero-based cell. */
export interface CellPosition {
  row: number;
  column: number;
}

/**
 * A small table of values beside the layout's main table (the counts or the matrix a chart plots):
 * written as plain cells, not part of the Excel table, so sorting or filtering the list leaves it be.
 */
export interface SheetBlock {
  /** Top-left cell. */
  row: number;
  column: number;
  /** First row: headers (bold); then the data rows, all as long as the first. */
  values: CellValue[][];
  /** Per column of the block: width in characters and number format of the rows below the header. */
  columns: { width: number; numberFormat?: string }[];
}

export type ChartKind = "scatter" | "column" | "line";

/**
 * One chart. `data` is one rectangle, series by columns: its first row holds the series names, its
 * first column the categories (column, line) or the X values (scatter), every further column one
 * series — how Excel reads a range given to a new chart, and what `chartSeries` spells out.
 */
export interface ChartSpec {
  kind: ChartKind;
  /** Russian. */
  title: string;
  /** Horizontal axis: X values (scatter) or categories (column, line). */
  xAxisTitle: string;
  /** Vertical axis: the values. */
  yAxisTitle: string;
  data: CellRange;
  /** A least-squares straight line through each series (scatter: the «results ~ ИСБШ» line). */
  trendline?: "linear";
  /** More than one series: show the legend (its position is the host's). */
  legend: boolean;
  /** The cells the chart covers: top-left cell and the cell just past its bottom-right corner. */
  anchor: { from: CellPosition; to: CellPosition };
}

/** One series of a chart, as cell ranges of its sheet (what a chart part's series refers to). */
export interface ChartSeriesRanges {
  /** The cell holding the series name. */
  name: CellPosition;
  /** Categories or X values: one column. */
  categories: CellRange;
  /** The plotted values: one column. */
  values: CellRange;
}

/** The series of a chart's data range (series by columns, names in the first row). */
export function chartSeries(spec: ChartSpec): ChartSeriesRanges[] {
  const { row, column, rows, columns } = spec.data;
  const categories: CellRange = { row: row + 1, column, rows: rows - 1, columns: 1 };
  return Array.from({ length: columns - 1 }, (_, index) => ({
    name: { row, column: column + 1 + index },
    categories,
    values: { row: row + 1, column: column + 1 + index, rows: rows - 1, columns: 1 },
  }));
}

/** Zero-based sheet row of a layout's table header: the preamble, then a blank line (none without a preamble). */
export function tableHeaderRow(layout: Pick<SheetLayout, "preamble">): number {
  return layout.preamble.length === 0 ? 0 : layout.preamble.length + 1;
}

/** Chart size in default-width columns and default-height rows (about 15 cm × 8 cm in Excel). */
export const CHART_COLUMNS = 9;
export const CHART_ROWS = 18;

/** Columns left empty between the table and what stands beside it, and between a block and its chart. */
const GAP_COLUMNS = 1;

/** A table's column range [0, columns). */
function tableColumns(layout: Pick<SheetLayout, "header">): number {
  return Math.max(layout.header.length, 1);
}

/**
 * Where a data block goes: one empty column right of the table, its top row on the table's header
 * row, so the block reads as a small table beside the list.
 */
export function blockBesideTable(
  layout: Pick<SheetLayout, "preamble" | "header">,
  values: CellValue[][],
  columns: SheetBlock["columns"]
): SheetBlock {
  return {
    row: tableHeaderRow(layout),
    column: tableColumns(layout) + GAP_COLUMNS,
    values,
    columns,
  };
}

/** The whole range of a block (header row included): a chart's `data`. */
export function blockRange(block: SheetBlock): CellRange {
  return {
    row: block.row,
    column: block.column,
    rows: block.values.length,
    columns: Math.max(...block.values.map((row) => row.length), 1),
  };
}

/**
 * Where a chart goes: right of everything else on the sheet (the table and any blocks), one empty
 * column apart, its top on the table's header row. Charts of one sheet stack downwards.
 */
export function chartAnchor(
  layout: Pick<SheetLayout, "preamble" | "header">,
  blocks: SheetBlock[],
  index = 0
): ChartSpec["anchor"] {
  const right = Math.max(
    tableColumns(layout),
    ...blocks.map((block) => block.column + blockRange(block).columns)
  );
  const column = right + GAP_COLUMNS;
  const row = tableHeaderRow(layout) + index * (CHART_ROWS + 1);
  return {
    from: { row, column },
    to: { row: row + CHART_ROWS, column: column + CHART_COLUMNS },
  };
}
