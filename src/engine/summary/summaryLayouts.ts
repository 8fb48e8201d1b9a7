import type { CellValue } from "../types";
import type { RowTone, SheetLayout } from "../sheetLayout";
import { blockBesideTable, blockRange, chartAnchor, type SheetBlock } from "../charts";
import type { SchoolYear } from "../table/exportTable";
import {
  RISK_ZONE_DEVIATIONS,
  STEADY_POINTS,
  type IndicatorSummary,
  type ShareIndicator,
} from "./indicatorSummary";
import { listOnDemand } from "../listOnDemand";

export const SUMMARY_MARKER = "school-radar:summary";
export const DYNAMICS_MARKER = "school-radar:dynamics";

const met = (value: number | null, target: number, atMost: boolean): string =>
  value === null ? "нет данных" : (atMost ? value <= target : value >= target) ? "да" : "нет";

function shareRow(
  section: string,
  label: string,
  indicator: ShareIndicator | null,
  target: number | null
): CellValue[][] {
  if (!indicator) return [];
  return [
    [
      section,
      `${label} (${indicator.count} из ${indicator.of})`,
      "",
      indicator.share,
      target,
      target === null ? "" : met(indicator.share, target, true),
    ],
  ];
}

/** «Сводка показателей»: one row per indicator with its value, target and whether it is met. */
export function summaryLayout(summary: IndicatorSummary, years: SchoolYear[]): SheetLayout {
  const indicators: CellValue[][] = [
    ...shareRow("Школы", "Доля ШНОР, %", summary.shnor, summary.shnor?.target ?? null),
    ...shareRow("Школы", "Доля ШНСУ, %", summary.shnsu, null),
    ...shareRow("Школы", "Доля ШГР, %", summary.riskGroup, null),
    ...summary.belowMinimum.map((item) => [
      "ГИА",
      `${item.procedure.label}: доля участников, не преодолевших минимальный порог, %${item.weighted ? "" : " (среднее по школам: нет числа участников)"}`,
      item.year.label,
      item.value,
      item.target,
      met(item.value, item.target, true),
    ]),
    ...summary.dynamics.flatMap((item) =>
      item.values.map((value, index) => [
        "Динамика",
        `${item.procedure.label}: % «2» по муниципалитету${value.weighted ? "" : " (среднее по школам)"}`,
        value.year.label,
        value.value,
        null,
        index === 0 ? "" : (item.arrows[index - 1] ?? ""),
      ])
    ),
    ...summary.staffing.map((item) => [
      "Кадры",
      `${item.label}, %`,
      "",
      item.share,
      item.target,
      item.target === null ? "" : met(item.share, item.target, false),
    ]),
  ];
  // The indicators, then a row per risk zone: 33,000 at national scale, made when read, as the zones.
  const { riskZones } = summary;
  const body = listOnDemand(indicators.length + riskZones.length, (index): CellValue[] => {
    if (index < indicators.length) return indicators[index];
    const zone = riskZones[index - indicators.length];
    return [
      "Зоны риска",
      `${zone.name} (${zone.login}): ${zone.procedure.label}, % «2» при среднем ${zone.mean.toFixed(1).replace(".", ",")}`,
      "",
      zone.value,
      null,
      "",
    ];
  });
  const layout: SheetLayout = {
    name: "Сводка показателей",
    marker: SUMMARY_MARKER,
    preamble: [
      "Школьный радар — сводка показателей",
      `Годы в данных: ${years.map((year) => year.label).join(", ") || "—"}`,
      "Цели: доля ШНОР — не более 15 %; доля участников ОГЭ/ЕГЭ ниже минимального порога — не более 5 %; доля педагогов с первой или высшей категорией — не менее 85 %. " +
        `Стрелки: ↑ доля «2» выросла, ↓ снизилась, → изменение меньше ${STEADY_POINTS} п. п. ` +
        `Зона риска — % «2» выше среднего по муниципалитету более чем на ${String(RISK_ZONE_DEVIATIONS).replace(".", ",")} стандартного отклонения.`,
    ],
    header: ["Раздел", "Показатель", "Год", "Значение", "Цель", "Выполнено / тренд"],
    body,
    columns: [
      { width: 12 },
      { width: 70, wrap: true },
      { width: 11 },
      { width: 10, numberFormat: "0.0" },
      { width: 8, numberFormat: "0" },
      { width: 14 },
    ],
    // A zone row has no «выполнено» mark, so no tone.
    rowTone: [
      ...indicators.map((row) => (row[5] === "нет" ? "alert" : row[5] === "да" ? "ok" : null)),
      ...new Array<RowTone>(riskZones.length).fill(null),
    ],
  };
  const block = dynamicsBlock(layout, summary);
  if (block !== null) {
    layout.blocks = [block];
    layout.charts = [
      {
        kind: "line",
        title: "Динамика доли «2» по муниципалитету",
        xAxisTitle: "Учебный год",
        yAxisTitle: "% «2» (не преодолели минимальный порог — ОГЭ, ЕГЭ)",
        data: blockRange(block),
        legend: true,
        anchor: chartAnchor(layout, [block]),
      },
    ];
  }
  return layout;
}

/**
 * The municipality's % «2» per procedure (columns) and year (rows), the matrix a line chart needs:
 * the procedures the ШНОР method counts (all procedures when the table has none of those), the years
 * any of them has a value. Null without data (a gap in the line). None with fewer than two years.
 */
function dynamicsBlock(layout: SheetLayout, summary: IndicatorSummary): SheetBlock | null {
  const withValues = summary.dynamics.filter((item) =>
    item.values.some((value) => value.value !== null)
  );
  const counted = withValues.filter((item) => item.procedure.countedForLowResults);
  const plotted = counted.length > 0 ? counted : withValues;
  const years = new Map<number, string>();
  for (const item of plotted)
    for (const value of item.values)
      if (value.value !== null) years.set(value.year.end, value.year.label);
  if (plotted.length === 0 || years.size < 2) return null;
  const ordered = [...years.entries()].sort((a, b) => a[0] - b[0]);
  return blockBesideTable(
    layout,
    [
      ["Год", ...plotted.map((item) => item.procedure.label)],
      ...ordered.map(([end, label]) => [
        label,
        ...plotted.map(
          (item) => item.values.find((value) => value.year.end === end)?.value ?? null
        ),
      ]),
    ],
    [{ width: 11 }, ...plotted.map(() => ({ width: 10, numberFormat: "0.0" }))]
  );
}

/** «Динамика по школам»: % «2» of every school and counted procedure across the years, with the trend. */
export function schoolDynamicsLayout(summary: IndicatorSummary, years: SchoolYear[]): SheetLayout {
  const dynamics = summary.schoolDynamics;
  return {
    name: "Динамика по школам",
    marker: DYNAMICS_MARKER,
    preamble: [
      "Школьный радар — динамика % «2» по школам",
      `Тренд от первого к последнему году с данными: ↑ доля «2» выросла, ↓ снизилась, → меньше ${STEADY_POINTS} п. п.`,
    ],
    header: [
      "ОО",
      "Логин",
      "Процедура",
      ...years.map((year) => year.label),
      "Изменение, п. п.",
      "Тренд",
    ],
    // Rows made as a host writes them (412,000 at national scale): `map` would make them all at once.
    body: listOnDemand(dynamics.length, (index) => {
      const item = dynamics[index];
      return [
        item.name,
        item.login,
        item.procedure.label,
        ...item.values,
        item.change,
        item.trend ?? "",
      ];
    }),
    columns: [
      { width: 32, wrap: true },
      { width: 12 },
      { width: 16 },
      ...years.map(() => ({ width: 10, numberFormat: "0.0" })),
      { width: 12, numberFormat: "0.0" },
      { width: 7 },
    ],
    tones: ["alert", "ok", null],
    rowTone: listOnDemand(dynamics.length, (index) => {
      const trend = dynamics[index].trend;
      return trend === "↑" ? "alert" : trend === "↓" ? "ok" : null;
    }),
  };
}
