import type { SheetLayout } from "../sheetLayout";
import {
  axisBounds,
  blockBesideTable,
  chartAnchor,
  tableHeaderRow,
  type ChartSpec,
  type SheetBlock,
} from "../charts";
import { formatCount, minusSignFormat, plural } from "../russianText";
import type { ContextAdjustedResult, SchoolContextResult } from "./contextAdjustedResults";

export const CONTEXT_MARKER = "school-radar:context";

/** «Результаты и контекст»: actual and expected results index by ИСБШ, the residual, and who is clearly below. */
export function contextLayout(result: ContextAdjustedResult): SheetLayout {
  const order = [...result.schools].sort((a, b) => (a.residual || 0) - (b.residual || 0));
  const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
  const below = order.filter((school) => school.below);
  const layout: SheetLayout = {
    name: "Результаты и контекст",
    marker: CONTEXT_MARKER,
    preamble: [
      "Школьный радар — результаты с учётом социального контекста",
      `Всего ${plural(result.schools.length, "школа", "школы", "школ")}, из них ниже ожидаемых — ${formatCount(below.length)}`,
      result.description,
    ],
    header: [
      "ОО",
      "Логин",
      "ИСБШ",
      "Индекс результатов",
      "Ожидаемый",
      "Отклонение",
      "Ниже ожидаемых",
      "Обоснование",
    ],
    body: order.map((school) => [
      school.name,
      school.login,
      school.isbsh,
      school.resultsIndex,
      orNull(school.expected),
      orNull(school.residual),
      school.below ? "да" : "",
      school.reason,
    ]),
    // The index is a mean of standard scores (0 — the schools' average, 1 — one deviation better):
    // a tenth is already a visible difference, so two decimals, and a minus sign, not a hyphen.
    columns: [
      { width: 32, wrap: true },
      { width: 12 },
      { width: 9, numberFormat: "0.0" },
      { width: 12, numberFormat: SCORE_FORMAT },
      { width: 12, numberFormat: SCORE_FORMAT },
      { width: 12, numberFormat: SCORE_FORMAT },
      { width: 10 },
      { width: 70, wrap: true },
    ],
    rowTone: order.map((school) => (school.below ? "alert" : "ok")),
  };
  const block = below.length > 0 ? belowBlock(layout, below) : null;
  if (block !== null) layout.blocks = [block];
  if (order.length > 0) layout.charts = [contextChart(layout, result, block)];
  return layout;
}

const SCORE_FORMAT = minusSignFormat(2);

/** The colour of the points below the line: Excel's dark red, the colour of its «bad» cell style text. */
const BELOW_COLOUR = "C00000";

/** More labels than this cover the points they name: the series is then marked by colour alone. */
export const MAX_LABELLED_POINTS = 25;

/**
 * The schools below expected, beside the table: what the chart marks. A block of its own, not the
 * table's first rows (where the sort by deviation puts them), so sorting the table leaves it right.
 */
function belowBlock(layout: SheetLayout, below: SchoolContextResult[]): SheetBlock {
  return blockBesideTable(
    layout,
    [
      ["Ниже ожидаемых", "ИСБШ", "Индекс результатов"],
      ...below.map((school) => [school.name, school.isbsh, school.resultsIndex]),
    ],
    [{ width: 32 }, { width: 9, numberFormat: "0.0" }, { width: 12, numberFormat: SCORE_FORMAT }]
  );
}

/**
 * ИСБШ against the results index, one point per school, with Excel's linear trendline — the same
 * least-squares line «results ~ ИСБШ» the expected values come from. The points are the table's own
 * two columns, so sorting or filtering the table changes the chart with it; the schools below the
 * line are a series of their own over them, red and, when few, named. The axes span the values
 * (Excel's own would start the index at −4 or ИСБШ at 0, squeezing the points into a corner).
 */
function contextChart(
  layout: SheetLayout,
  result: ContextAdjustedResult,
  block: SheetBlock | null
): ChartSpec {
  const schools = result.schools;
  const x = axisBounds(schools.map((school) => school.isbsh));
  const y = axisBounds(schools.flatMap((school) => [school.resultsIndex, school.expected]));
  const spec: ChartSpec = {
    kind: "scatter",
    title: "Результаты и социальный контекст школ",
    xAxisTitle: "ИСБШ (индекс социального благополучия)",
    yAxisTitle: "Индекс результатов",
    data: {
      row: tableHeaderRow(layout),
      // «ИСБШ» and «Индекс результатов» stand side by side: X and Y.
      column: layout.header.indexOf("ИСБШ"),
      rows: 1 + layout.body.length,
      columns: 2,
    },
    trendline: "linear",
    trendlineName: "Ожидаемый индекс",
    legend: block !== null,
    anchor: chartAnchor(layout, block === null ? [] : [block]),
  };
  if (x !== null) spec.xAxisScale = x;
  if (y !== null) spec.yAxisScale = { ...y, numberFormat: minusSignFormat(1) };
  if (block !== null) {
    const points = block.values.length - 1;
    const column = (index: number) => ({
      row: block.row + 1,
      column: block.column + index,
      rows: points,
      columns: 1,
    });
    spec.marked = {
      name: "Ниже ожидаемых",
      x: column(1),
      y: column(2),
      colour: BELOW_COLOUR,
      ...(points <= MAX_LABELLED_POINTS
        ? { labels: block.values.slice(1).map((row) => String(row[0])) }
        : {}),
    };
  }
  return spec;
}
