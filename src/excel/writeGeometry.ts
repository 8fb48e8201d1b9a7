import {
  columnLetters,
  LINE_HEIGHT,
  preambleColumns,
  printSetup,
  rowHeights,
  type CellRange,
  type ChartSpec,
  type SheetLayout,
} from "../engine";
import { characterWidthInPoints, headerRowOf } from "./valueBlocks";

/**
 * The geometry the engine gives every output sheet (row heights, the preamble's merged lines, links,
 * page setup, where charts stand), queued with the formats: no sync of its own. Links go with their
 * rows' values and height runs are pieces of their own, so that a sheet of many rows fits the
 * request budget however many it has (requestBatch.ts counts every command).
 */

/** A default-width column, in points (64 pixels), as the engine sizes charts. */
const DEFAULT_COLUMN_POINTS = 48;
/**
 * Whether this Excel runs an ExcelApi requirement set, checked at run time as Microsoft describes it:
 * «Check for API availability at runtime»,
 * https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-api-requirements-runtime
 * (`Office.context.requirements.isSetSupported("ExcelApi", "1.9")`). Outside Office (tests): no.
 */
export function supports(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
  );
}

export interface HeightRun {
  row: number;
  rows: number;
  height: number;
}

/** Heights as runs of consecutive rows of one height: one command per run, not per row. */
export function heightRuns(layout: SheetLayout): HeightRun[] {
  const runs: HeightRun[] = [];
  [...rowHeights(layout)]
    .sort(([a], [b]) => a - b)
    .forEach(([row, height]) => {
      const last = runs[runs.length - 1];
      if (last !== undefined && last.row + last.rows === row && last.height === height)
        last.rows += 1;
      else runs.push({ row, rows: 1, height });
    });
  return runs;
}

/**
 * Each preamble line merged across the table's columns and wrapped (`Range.merge`, ExcelApi 1.2).
 * The row heights are queued run by run (`writeRowHeights`).
 */
export function writeGeometry(worksheet: Excel.Worksheet, layout: SheetLayout): void {
  const columns = preambleColumns(layout);
  layout.preamble.forEach((_, row) => {
    const line = worksheet.getRangeByIndexes(row, 0, 1, columns);
    if (columns > 1) line.merge(false);
    line.format.wrapText = true;
    line.format.verticalAlignment = "Top";
  });
}

/** One run of row heights (`RangeFormat.rowHeight`, ExcelApi 1.1). */
export function writeRowHeights(worksheet: Excel.Worksheet, run: HeightRun): void {
  worksheet.getRangeByIndexes(run.row, 0, run.rows, 1).format.rowHeight = run.height;
}

/**
 * The link column's internal hyperlinks (`Range.hyperlink`, ExcelApi 1.7) on the sheet rows
 * [`from`, `from + rows`): queued with the values of those rows, so that each request stays within
 * Excel on the web's limit however many rows have a link.
 */
export function writeLinks(
  worksheet: Excel.Worksheet,
  layout: SheetLayout,
  from: number,
  rows: number
): void {
  const links = layout.links;
  if (links === undefined || links.column < 0) return;
  const firstRow = headerRowOf(layout) + 1;
  for (let row = Math.max(from, firstRow); row < from + rows; row++) {
    const index = row - firstRow;
    const target = links.targets[index];
    if (target === null || target === undefined) continue;
    const value = layout.body[index]?.[links.column];
    worksheet.getRangeByIndexes(row, links.column, 1, 1).hyperlink = {
      documentReference: target,
      textToDisplay: value === null || value === undefined ? target : String(value),
    };
  }
}

/**
 * The engine's page setup (`printSetup`) through `Worksheet.pageLayout`, which is ExcelApi 1.9 —
 * above the manifests' minimum (1.8), so checked first and skipped by an older Excel, which prints
 * with its defaults («Excel JavaScript API requirement sets»,
 * https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 * Margins: inches in the engine, points in Office.js.
 */
export function writePageSetup(worksheet: Excel.Worksheet, layout: SheetLayout): void {
  if (!supports("1.9")) return;
  const setup = printSetup(layout);
  const page = worksheet.pageLayout;
  page.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = setup.paper;
  page.printGridlines = setup.gridLines;
  // fitToHeight is 0, "as many pages tall as needed": the value the file format gives that meaning
  // (ECMA-376 Part 1, `pageSetup/@fitToHeight`, 0 = automatic) and the one Excel itself stores for
  // «Разместить не более чем на 1 стр. в ширину». Office.js's `PageLayoutZoomOptions` documents only
  // numbers of pages and `null` with a percentage scale, so the zoom sets no `scale` at all.
  page.zoom = { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight };
  page.leftMargin = setup.margins.left * 72;
  page.rightMargin = setup.margins.right * 72;
  page.topMargin = setup.margins.top * 72;
  page.bottomMargin = setup.margins.bottom * 72;
  page.headerMargin = setup.margins.header * 72;
  page.footerMargin = setup.margins.footer * 72;
  page.headersFooters.defaultForAllPages.centerFooter = setup.footer;
  page.setPrintArea(setup.areas.map(address).join(","));
  page.setPrintTitleRows(`$${setup.titleRows.first + 1}:$${setup.titleRows.last + 1}`);
}

function address(range: CellRange): string {
  const first = `${columnLetters(range.column)}${range.row + 1}`;
  const last = `${columnLetters(range.column + range.columns - 1)}${range.row + range.rows}`;
  return `${first}:${last}`;
}

/**
 * Where a chart's `from` corner is, in points from the sheet's top left: the rows above at the
 * heights this write gives them (others at the default line), the columns left of it at the widths it
 * gives them (a block's winning, as written), plus the corner's offsets — the from-cell's top and left
 * as Excel lays them out once the request has run, without a round trip to read them.
 */
export function chartCorner(layout: SheetLayout, spec: ChartSpec): { top: number; left: number } {
  const heights = rowHeights(layout);
  const { from } = spec.anchor;
  let top = from.rowOffset;
  for (let row = 0; row < from.row; row++) top += heights.get(row) ?? LINE_HEIGHT;
  const widths = new Map<number, number>();
  layout.columns.forEach((column, index) =>
    widths.set(index, characterWidthInPoints(column.width))
  );
  layout.blocks?.forEach((block) =>
    block.columns.forEach((column, index) =>
      widths.set(block.column + index, characterWidthInPoints(column.width))
    )
  );
  let left = from.columnOffset;
  for (let column = 0; column < from.column; column++)
    left += widths.get(column) ?? DEFAULT_COLUMN_POINTS;
  return { top, left };
}
