import type { SheetLayout } from "./sheetLayout";
import { tableHeaderRow, type CellRange, type ChartAnchor } from "./charts";
import { DEFAULT_COLUMN_WIDTH, preambleColumns } from "./rowHeights";

/**
 * How an output sheet prints, as every host sets it: a specialist prints the list for a meeting or
 * pastes it into the municipal report, and a sheet printed as Excel's defaults leave it runs its last
 * columns onto pages of their own and its header off every page but the first.
 */
export interface PrintSetup {
  /** Landscape when the table is wider than a portrait page holds at a readable size. */
  orientation: "portrait" | "landscape";
  paper: "A4";
  /**
   * What prints, in order, each from a new page: the preamble with the table, then each chart (which
   * stands beside the table's rows and would otherwise squeeze the table or be cut by a page's end).
   * Zero-based.
   */
  areas: CellRange[];
  /** Zero-based rows printed at the top of every page: the table's header. */
  titleRows: { first: number; last: number };
  /** Pages across: every column on one page. */
  fitToWidth: 1;
  /** Pages down: as many as the rows need (0). */
  fitToHeight: 0;
  /** Print the cell grid: the lists have no borders of their own. */
  gridLines: boolean;
  /** Inches, as Excel and LibreOffice state margins. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** The centre of the footer in the codes Excel and LibreOffice share: sheet name, page, pages. */
  footer: string;
}

/**
 * Widest table, in digits, that prints in portrait at a readable size: an A4 page less its margins
 * holds about 100 digits of 11-pt Calibri at 100 %.
 */
const PORTRAIT_WIDTH = 100;
/** Narrow side margins: the wide lists print larger with them. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const FOOTER = "&A — стр. &P из &N";

export function printSetup(layout: SheetLayout): PrintSetup {
  const headerRow = tableHeaderRow(layout);
  const columns = preambleColumns(layout);
  let width = 0;
  for (let index = 0; index < columns; index++)
    width += layout.columns[index]?.width ?? DEFAULT_COLUMN_WIDTH;
  const table: CellRange = {
    row: 0,
    column: 0,
    rows: headerRow + 1 + layout.body.length,
    columns,
  };
  return {
    orientation: width > PORTRAIT_WIDTH ? "landscape" : "portrait",
    paper: "A4",
    areas: [table, ...(layout.charts ?? []).map((chart) => chartArea(chart.anchor, headerRow + 1))],
    titleRows: { first: headerRow, last: headerRow },
    fitToWidth: 1,
    fitToHeight: 0,
    gridLines: true,
    margins: { ...MARGINS },
    footer: FOOTER,
  };
}

/**
 * The cells a chart covers, its last row and column included when the corner lies inside them, from
 * `firstRow` at the highest: the rows above (the header the chart starts under) print on every page.
 */
function chartArea(anchor: ChartAnchor, firstRow: number): CellRange {
  const { from, to } = anchor;
  const row = Math.max(from.row, firstRow);
  return {
    row,
    column: from.column,
    rows: to.row - row + (to.rowOffset > 0 ? 1 : 0),
    columns: to.column - from.column + (to.columnOffset > 0 ? 1 : 0),
  };
}
