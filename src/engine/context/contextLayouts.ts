import type { SheetLayout } from "../sheetLayout";
import { chartAnchor, tableHeaderRow, type ChartSpec } from "../charts";
import type { ContextAdjustedResult } from "./contextAdjustedResults";

export const CONTEXT_MARKER = "school-radar:context";

/** «Результаты и контекст»: actual and expected results index by ИСБШ, the residual, and who is clearly below. */
export function contextLayout(result: ContextAdjustedResult): SheetLayout {
  const order = [...result.schools].sort((a, b) => (a.residual || 0) - (b.residual || 0));
  const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
  const layout: SheetLayout = {
    name: "Результаты и контекст",
    marker: CONTEXT_MARKER,
    preamble: [
      "Школьный радар — результаты с учётом социального контекста",
      `Школ: ${result.schools.length}, ниже ожидаемых: ${result.schools.filter((school) => school.below).length}`,
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
    // a tenth is already a visible difference, so two decimals.
    columns: [
      { width: 32, wrap: true },
      { width: 12 },
      { width: 9, numberFormat: "0.0" },
      { width: 12, numberFormat: "0.00" },
      { width: 12, numberFormat: "0.00" },
      { width: 12, numberFormat: "0.00" },
      { width: 10 },
      { width: 70, wrap: true },
    ],
    rowTone: order.map((school) => (school.below ? "alert" : "ok")),
  };
  if (order.length > 0) layout.charts = [contextChart(layout)];
  return layout;
}

/**
 * ИСБШ against the results index, one point per school, with Excel's linear trendline — the same
 * least-squares line «results ~ ИСБШ» the expected values come from. The points are the table's own
 * two columns, so sorting or filtering the table changes the chart with it.
 */
function contextChart(layout: SheetLayout): ChartSpec {
  return {
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
    legend: false,
    anchor: chartAnchor(layout, []),
  };
}
