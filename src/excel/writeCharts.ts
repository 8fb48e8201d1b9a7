import type {
  AxisScale,
  CellRange,
  CellValue,
  ChartKind,
  ChartSpec,
  MarkedSeries,
  SheetBlock,
  SheetLayout,
} from "../engine";
import { asText, characterWidthInPoints } from "./valueBlocks";
import { chartCorner, supports } from "./writeGeometry";

/**
 * The layout's data blocks and charts, queued into the write's last request with the formats (no
 * sync of their own). Where they go is the engine's (charts.ts): every host puts them in the same
 * cells. Needs ExcelApi 1.7 for trendlines, axis titles and added series, below what the shared
 * runtime requires; what is newer (an axis's number format, a point's label text: ExcelApi 1.8) is
 * checked first (`supports`), and an older Excel draws the chart without it.
 */
export function writeBlocksAndCharts(worksheet: Excel.Worksheet, layout: SheetLayout): void {
  layout.blocks?.forEach((block) => writeBlock(worksheet, block));
  layout.charts?.forEach((spec) => addChart(worksheet, layout, spec));
}

/** Office.js chart types; lines with markers, as a few years make few points. */
export const CHART_TYPES = {
  scatter: "XYScatter",
  column: "ColumnClustered",
  line: "LineMarkers",
} as const satisfies Record<ChartKind, `${Excel.ChartType}`>;

function rangeOf(worksheet: Excel.Worksheet, range: CellRange): Excel.Range {
  return worksheet.getRangeByIndexes(range.row, range.column, range.rows, range.columns);
}

function writeBlock(worksheet: Excel.Worksheet, block: SheetBlock): void {
  const columns = Math.max(...block.values.map((row) => row.length), 1);
  const rows = block.values.map((row) =>
    Array.from({ length: columns }, (_, index): CellValue => {
      const value = row[index] ?? null;
      return typeof value === "string" ? asText(value) : value;
    })
  );
  rangeOf(worksheet, { row: block.row, column: block.column, rows: rows.length, columns }).values =
    rows;
  worksheet.getRangeByIndexes(block.row, block.column, 1, columns).format.font.bold = true;
  block.columns.forEach((spec, index) => {
    const column = block.column + index;
    worksheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = characterWidthInPoints(
      spec.width
    );
    if (spec.numberFormat !== undefined && rows.length > 1) {
      worksheet.getRangeByIndexes(block.row + 1, column, rows.length - 1, 1).numberFormat =
        spec.numberFormat as unknown as string[][];
    }
  });
}

function addChart(worksheet: Excel.Worksheet, layout: SheetLayout, spec: ChartSpec): void {
  const chart = worksheet.charts.add(
    CHART_TYPES[spec.kind],
    rangeOf(worksheet, spec.data),
    "Columns"
  );
  chart.title.text = spec.title;
  chart.axes.categoryAxis.title.text = spec.xAxisTitle;
  chart.axes.valueAxis.title.text = spec.yAxisTitle;
  chart.legend.visible = spec.legend;
  if (spec.legend) chart.legend.position = "Bottom";
  if (spec.trendline === "linear") {
    const trendline = chart.series.getItemAt(0).trendlines.add("Linear");
    if (spec.trendlineName !== undefined) trendline.name = spec.trendlineName;
  }
  // A scatter's X axis is Office.js's category axis.
  if (spec.xAxisScale) scaleAxis(chart.axes.categoryAxis, spec.xAxisScale);
  if (spec.yAxisScale) scaleAxis(chart.axes.valueAxis, spec.yAxisScale);
  if (spec.marked) addMarkedSeries(worksheet, chart, spec.marked);
  // Hidden rows' data too unless the spec says otherwise (`plotVisibleOnly`: ExcelApi 1.8).
  chart.plotVisibleOnly = spec.plotVisibleOnly ?? false;
  // At the anchor's `from` corner, at its size in points (`top`, `left`, `width`, `height`: ExcelApi
  // 1.1); `to` only follows from them at the heights the rows are given.
  const corner = chartCorner(layout, spec);
  chart.top = corner.top;
  chart.left = corner.left;
  chart.width = spec.anchor.width;
  chart.height = spec.anchor.height;
}

/**
 * Fixed bounds, labels beside the plot's edge (not on an axis line crossing at 0 mid-plot) and the
 * labels' number format. `minimum`/`maximum`: ExcelApi 1.1; `tickLabelPosition`: 1.7; `numberFormat`:
 * 1.8 (https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartaxis). The bounds hold the
 * data, so setting the minimum first never passes the automatic maximum.
 */
function scaleAxis(axis: Excel.ChartAxis, scale: AxisScale): void {
  axis.minimum = scale.min;
  axis.maximum = scale.max;
  axis.tickLabelPosition = "Low";
  if (scale.numberFormat !== undefined && supports("1.8")) axis.numberFormat = scale.numberFormat;
}

/**
 * The points set apart (scatter): a series of their own from the block's columns, markers in their
 * colour, and a label per point. `series.add`, `setXAxisValues`, `setValues`, the marker properties
 * and `ChartPoint.hasDataLabel`: ExcelApi 1.7; a label's `text`: 1.8
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartdatalabel#excel-excel-chartdatalabel-text-member),
 * so an older Excel shows the red points without names.
 */
function addMarkedSeries(
  worksheet: Excel.Worksheet,
  chart: Excel.Chart,
  marked: MarkedSeries
): void {
  const series = chart.series.add(marked.name);
  series.setXAxisValues(rangeOf(worksheet, marked.x));
  series.setValues(rangeOf(worksheet, marked.y));
  series.markerStyle = "Circle";
  series.markerSize = 7;
  series.markerBackgroundColor = `#${marked.colour}`;
  series.markerForegroundColor = `#${marked.colour}`;
  if (marked.labels === undefined || !supports("1.8")) return;
  marked.labels.forEach((label, index) => {
    const point = series.points.getItemAt(index);
    point.hasDataLabel = true;
    point.dataLabel.text = label;
    point.dataLabel.position = "Right";
  });
}
