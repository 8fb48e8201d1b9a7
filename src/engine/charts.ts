import type { CellValue } from "./types";
import type { SheetLayout } from "./sheetLayout";
import { bodyRowHeight, headerRowHeight, LINE_HEIGHT, wrappedColumns } from "./rowHeights";

/**
 * Charts as plain data, so every host draws the same chart in the same cells: the Excel adapter
 * (src/excel, `worksheet.charts.add`), and the file writer (src/xlsx/append: a two-cell anchor from
 * `anchor`, series references from `chartSeries`). Ranges are zero-based rows and columns of the
 * chart's own sheet, as laid out by the host (preamble in column A, a blank line, then the table:
 * `tableHeaderRow`).
 *
 * A filter on the table hides whole rows of the sheet. So a chart stands right of the table and is
 * placed absolutely (it neither moves nor shrinks when rows are hidden or change height), and the data
 * blocks it plots stand below the table, in rows no filter of it reaches; a chart plots hidden cells
 * too unless `plotVisibleOnly` says otherwise.
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
  /** The trendline's text in the legend (the host's default, «Линейная (…)», when absent). */
  trendlineName?: string;
  /** Fixed bounds of the horizontal value axis (scatter); the host's automatic ones when absent. */
  xAxisScale?: AxisScale;
  /** Fixed bounds of the vertical value axis; the host's automatic ones when absent. */
  yAxisScale?: AxisScale;
  /** A series of its own drawn over the data's: points set apart in a colour, with labels. */
  marked?: MarkedSeries;
  /** More than one series: show the legend (its position is the host's). */
  legend: boolean;
  /** Where the chart stands and how large it is (`chartAnchor`). */
  anchor: ChartAnchor;
  /**
   * True: cells hidden by a filter drop out of the chart. Absent: the chart plots them too — its data
   * are not what a filter of the list selects (counts, the regression line over every school).
   */
  plotVisibleOnly?: boolean;
}

/**
 * A chart's place: the cells its top-left and bottom-right corners lie in, each that many points from
 * the cell's top and left edges (`to` with both 0: the cell just past the corner), at the rows' heights
 * (rowHeights.ts) and the columns' widths. Hosts anchor it there and keep its size: it does not move
 * or size with cells (a filter that hides the rows beside it leaves it whole).
 */
export interface ChartAnchor {
  from: ChartCorner;
  to: ChartCorner;
  /** Size in points. */
  width: number;
  height: number;
}

/** A cell and a point in it: `rowOffset` points below its top edge, `columnOffset` right of its left. */
export type ChartCorner = CellPosition & { rowOffset: number; columnOffset: number };

/**
 * A value axis's bounds, when the host's own would not fit the data (Excel starts an axis of values
 * in −3…+2 or 60…90 at round numbers far outside them), and the format of its numbers.
 */
export interface AxisScale {
  min: number;
  max: number;
  /** Number format of the axis's labels (`0.0;"−"0.0`); the cells' format when absent. */
  numberFormat?: string;
}

/**
 * Points set apart from the data's (scatter: the schools below the line): their own X and Y columns,
 * a marker colour, a name for the legend and, when there are few enough to read, a label per point.
 */
export interface MarkedSeries {
  /** The legend's text. */
  name: string;
  /** X values and Y values: one column each, the same rows. */
  x: CellRange;
  y: CellRange;
  /** Marker colour, RGB hex without `#` (`C00000`). */
  colour: string;
  /** One label per point, in the rows' order (the schools' names); no labels when absent. */
  labels?: string[];
}

/**
 * Bounds that fit the values: their range widened by a twentieth on each side, out to a round step
 * (1, 2 or 5 times a power of ten, about a tenth of the range). Null without a finite value.
 */
export function axisBounds(values: Iterable<number>): { min: number; max: number } | null {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (low > high) return null;
  const span = high - low || Math.max(Math.abs(high), 1);
  const step = roundStep(span / 10);
  const margin = span / 20;
  // Through toFixed: 7 × 0.2 is 1.4000000000000001 in binary.
  const at = (steps: number) => Number((steps * step).toFixed(12));
  return {
    min: at(Math.floor((low - margin) / step)),
    max: at(Math.ceil((high + margin) / step)),
  };
}

/** The round number (1, 2, 5 × 10ⁿ) at or above `rough`. */
function roundStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
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

/** Chart size in default-width columns and default-height rows (about 15 cm × 9.5 cm in Excel). */
export const CHART_COLUMNS = 9;
export const CHART_ROWS = 18;
/** A default-width column, in points: 64 pixels of 0.75 pt. */
const DEFAULT_COLUMN_POINTS = 48;
/** The chart's size in points, whatever the heights of the rows it stands beside. */
export const CHART_WIDTH = CHART_COLUMNS * DEFAULT_COLUMN_POINTS;
export const CHART_HEIGHT = CHART_ROWS * LINE_HEIGHT;

/** Columns left empty between the table and what stands beside it, and between a block and its chart. */
const GAP_COLUMNS = 1;

/** A table's column range [0, columns). */
function tableColumns(layout: Pick<SheetLayout, "header">): number {
  return Math.max(layout.header.length, 1);
}

/**
 * Where a data block goes: below the table, one empty row after the rows its filter covers, so that
 * filtering or sorting the list neither hides nor reorders what a chart plots; and right of the
 * chart's columns (`chartAnchor`), so that its widths leave the chart's size alone.
 */
export function blockBesideTable(
  layout: Pick<SheetLayout, "preamble" | "header" | "body" | "inputRows">,
  values: CellValue[][],
  columns: SheetBlock["columns"]
): SheetBlock {
  const tableRows = Math.max(layout.body.length, layout.inputRows ?? 0, 1);
  return {
    row: tableHeaderRow(layout) + tableRows + 2,
    column: tableColumns(layout) + GAP_COLUMNS + CHART_COLUMNS + GAP_COLUMNS,
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
 * Where a chart goes: one empty column right of the table, CHART_WIDTH × CHART_HEIGHT points large,
 * over as many of the table's rows as that takes at their heights. Its top is the header row's bottom
 * edge: below the frozen pane, which would cut it, yet anchored in the header row, which no filter
 * hides (LibreOffice hides a chart with the row it is anchored in). Charts of one sheet stack
 * downwards, a row apart. The layouts' blocks stand below the table (`blockBesideTable`); a block
 * placed beside the chart's rows all the same pushes the chart right of it.
 */
export function chartAnchor(
  layout: Pick<SheetLayout, "preamble" | "header" | "body" | "columns">,
  blocks: SheetBlock[] = [],
  index = 0
): ChartAnchor {
  const headerRow = tableHeaderRow(layout);
  // A block in the chart's place — its columns, and at most CHART_ROWS rows per chart below the
  // header (no row is lower than the default) — moves the chart right of it.
  const place: CellRange = {
    row: headerRow,
    column: tableColumns(layout) + GAP_COLUMNS,
    rows: (index + 1) * (CHART_ROWS + 1),
    columns: CHART_COLUMNS,
  };
  const column = Math.max(
    place.column,
    ...blocks
      .filter((block) => overlap(blockRange(block), place))
      .map((block) => block.column + blockRange(block).columns + GAP_COLUMNS)
  );
  let from: ChartCorner = {
    row: headerRow,
    column,
    rowOffset: headerRowHeight(layout) ?? LINE_HEIGHT,
    columnOffset: 0,
  };
  let bottom = pointsBelow(layout, headerRow + 1, CHART_HEIGHT);
  for (let stacked = 0; stacked < index; stacked++) {
    const top = bottom.row + (bottom.offset > 0 ? 1 : 0) + 1;
    from = { row: top, column, rowOffset: 0, columnOffset: 0 };
    bottom = pointsBelow(layout, top, CHART_HEIGHT);
  }
  return {
    from,
    to: {
      row: bottom.row,
      rowOffset: bottom.offset,
      column: column + CHART_COLUMNS,
      columnOffset: 0,
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}

function overlap(a: CellRange, b: CellRange): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/**
 * The row `height` points below the top edge of row `top`, and how far into it: the body's rows at
 * the heights the hosts give them, any other row at the default height.
 */
function pointsBelow(
  layout: Pick<SheetLayout, "preamble" | "body" | "columns">,
  top: number,
  height: number
): { row: number; offset: number } {
  const wrapped = wrappedColumns(layout);
  const firstBodyRow = tableHeaderRow(layout) + 1;
  let row = top;
  let left = height;
  for (;;) {
    const index = row - firstBodyRow;
    const rowHeight =
      index >= 0 && index < layout.body.length
        ? (bodyRowHeight(layout.body[index]!, wrapped) ?? LINE_HEIGHT)
        : LINE_HEIGHT;
    if (left < rowHeight) return { row, offset: left };
    left -= rowHeight;
    row++;
  }
}
