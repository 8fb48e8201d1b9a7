import type {
  CellRange,
  CellValue,
  ChartKind,
  ChartSpec,
  SheetBlock,
  SheetLayout,
} from "../engine";
import { asText, characterWidthInPoints } from "./valueBlocks";

/**
 * The layout's data blocks and charts, queued into the write's last request with the formats (no
 * sync of their own). Where they go is the engine's (charts.ts): every host puts them in the same
 * cells. Needs ExcelApi 1.7 for trendlines and axis titles, below what the shared runtime requires.
 */
export function writeBlocksAndCharts(worksheet: Excel.Worksheet, layout: SheetLayout): void {
  layout.blocks?.forEach((block) => writeBlock(worksheet, block));
  layout.charts?.forEach((spec) => addChart(worksheet, spec));
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

function addChart(worksheet: Excel.Worksheet, spec: ChartSpec): void {
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
    chart.series.getItemAt(0).trendlines.add("Linear");
  }
  // The anchor's `to` is the cell past the corner; setPosition's end cell is the last one covered.
  const { from, to } = spec.anchor;
  chart.setPosition(
    worksheet.getRangeByIndexes(from.row, from.column, 1, 1),
    worksheet.getRangeByIndexes(to.row - 1, to.column - 1, 1, 1)
  );
}
