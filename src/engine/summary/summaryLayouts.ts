import { targetText, type TargetsInUse } from "./targets";
import type { CellValue } from "../types";
import type { RowTone, SheetLayout } from "../sheetLayout";
import { blockBesideTable, blockRange, chartAnchor, type SheetBlock } from "../charts";
import type { Procedure, SchoolYear } from "../table/exportTable";
import {
  DENOMINATOR_NAMES,
  RISK_ZONE_DEVIATIONS,
  RISK_ZONE_MIN_PARTICIPANTS,
  STEADY_POINTS,
  type BelowMinimumTotal,
  type IndicatorSummary,
  type ProcedureDynamics,
  type RiskZone,
  type ShareIndicator,
} from "./indicatorSummary";
import { listOnDemand } from "../listOnDemand";
import { formatPercent, plural } from "../russianText";
import { isThresholdExam, lowShareName, lowShareNameOf } from "./lowShareNames";
import { programmeNotes, programmeRows } from "./programmeLayouts";

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
      // Which schools the share is of: a table of the flagged schools only gives 100 % of itself.
      indicator.undetermined === undefined
        ? `${label} (${indicator.count} из ${indicator.of} — ${DENOMINATOR_NAMES[indicator.denominator]})`
        : `${label} (${DENOMINATOR_NAMES[indicator.denominator]}; таких школ ${indicator.of})`,
      "",
      indicator.undetermined ?? indicator.share,
      target,
      target === null ? "" : met(indicator.share, target, true),
    ],
  ];
}

/** `12 345 участников`: the digits grouped and the noun agreeing (`plural`). */
function participantsCount(count: number): string {
  return plural(count, "участник", "участника", "участников");
}

/**
 * The Nazarovo figure: one share over ОГЭ and ЕГЭ in Russian and mathematics, against its target;
 * how it was averaged is said in the row, as a weighted and an unweighted figure differ.
 */
function belowMinimumTotalRow(total: BelowMinimumTotal): CellValue[] {
  const how = total.weighted
    ? `все экзамены вместе, с учётом числа участников: ${participantsCount(total.participants!)}; ` +
      "выпускник, сдававший два из этих экзаменов, учтён в каждом"
    : `невзвешенное среднее долей школ по этим экзаменам (${plural(total.results, "значение", "значения", "значений")}): ` +
      "числа участников в таблице нет или оно есть не у всех школ, поэтому каждая школа весит одинаково, сколько бы у неё ни было выпускников";
  return [
    "ГИА",
    `ОГЭ и ЕГЭ, русский язык и математика: доля участников, не преодолевших минимальный порог,\u00a0% (${how})`,
    total.year.label,
    total.value,
    total.target,
    met(total.value, total.target, true),
  ];
}

/** The rows of the ГИА section: the one share against the target, then each exam's share beneath it. */
function belowMinimumRows(summary: IndicatorSummary): CellValue[][] {
  const total = summary.belowMinimumTotal;
  return [
    ...(total ? [belowMinimumTotalRow(total)] : []),
    ...summary.belowMinimum.map((item) => [
      "ГИА",
      `В том числе ${item.procedure.label}: доля участников, не преодолевших минимальный порог,\u00a0%${item.weighted ? "" : " (среднее по школам: нет числа участников)"}`,
      item.year.label,
      item.value,
      null,
      "",
    ]),
  ];
}

/** A risk zone's row, or a small group's, set apart: the same figures, a different reading. */
function riskZoneRow(zone: RiskZone, small: boolean): CellValue[] {
  const participants =
    zone.participants === null
      ? ""
      : small
        ? `; ${participantsCount(zone.participants)} — меньше ${RISK_ZONE_MIN_PARTICIPANTS}, не зона риска`
        : `; ${participantsCount(zone.participants)}`;
  return [
    small ? "Малые группы" : "Зоны риска",
    `${zone.name} (${zone.login}): ${zone.procedure.label}, ${lowShareName(zone.procedure)} при среднем ${formatPercent(zone.mean)}${participants}`,
    "",
    zone.value,
    null,
    "",
  ];
}

/** «Сводка показателей»: one row per indicator with its value, target and whether it is met. */
export function summaryLayout(summary: IndicatorSummary, years: SchoolYear[]): SheetLayout {
  const indicators: CellValue[][] = [
    ...shareRow("Школы", "Доля ШНОР,\u00a0%", summary.shnor, summary.shnor?.target ?? null),
    ...shareRow("Школы", "Доля ШНСУ,\u00a0%", summary.shnsu, null),
    ...shareRow("Школы", "Доля ШГР,\u00a0%", summary.riskGroup, null),
    ...belowMinimumRows(summary),
    ...summary.dynamics.flatMap((item) =>
      item.values.map((value, index) => [
        "Динамика",
        `${item.procedure.label}: ${lowShareName(item.procedure)} по муниципалитету${value.weighted ? "" : " (среднее по школам)"}`,
        value.year.label,
        value.value,
        null,
        index === 0 ? "" : (item.arrows[index - 1] ?? ""),
      ])
    ),
    ...programmeRows(summary.programme),
    ...summary.staffing.map((item) => [
      "Кадры",
      `${item.label},\u00a0%`,
      "",
      item.share,
      item.target,
      item.target === null ? "" : met(item.share, item.target, false),
    ]),
  ];
  // The indicators, then a row per risk zone and per small group: 33,000 at national scale, made
  // when read, as the zones.
  const { riskZones, smallGroupOutliers } = summary;
  const zonesEnd = indicators.length + riskZones.length;
  const body = listOnDemand(zonesEnd + smallGroupOutliers.length, (index): CellValue[] => {
    if (index < indicators.length) return indicators[index];
    return index < zonesEnd
      ? riskZoneRow(riskZones[index - indicators.length], false)
      : riskZoneRow(smallGroupOutliers[index - zonesEnd], true);
  });
  const layout: SheetLayout = {
    name: "Сводка показателей",
    marker: SUMMARY_MARKER,
    preamble: [
      "Школьный радар — сводка показателей",
      `Годы в данных: ${years.map((year) => year.label).join(", ") || "—"}`,
      targetsNote(summary.targets),
      ...SUMMARY_NOTES,
      ...programmeNotes(summary.programme, years),
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
      ...new Array<RowTone>(riskZones.length + smallGroupOutliers.length).fill(null),
    ],
  };
  const plotted = plottedDynamics(summary);
  const block = dynamicsBlock(layout, plotted);
  if (block !== null) {
    const procedures = plotted.map((item) => item.procedure);
    layout.blocks = [block];
    layout.charts = [
      {
        kind: "line",
        title: dynamicsTitle(procedures),
        xAxisTitle: "Учебный год",
        yAxisTitle: lowShareNameOf(procedures),
        data: blockRange(block),
        legend: true,
        anchor: chartAnchor(layout, [block]),
      },
    ];
  }
  return layout;
}

/**
 * What the summary sheet says above its table: the targets and what they are shares of, the arrows,
 * what a risk zone is and what is set apart from the zones.
 */
function targetsNote(targets: TargetsInUse): string {
  return (
    `Цели (их можно изменить: --targets «шнор=15; гиа=5; категория=85» или поле «Цели» в области задач): ` +
    `доля ШНОР — ${targetText(targets, "shnorShare")}; доля участников ОГЭ и ЕГЭ по русскому языку и математике, ` +
    `не преодолевших минимальный порог, — ${targetText(targets, "belowMinimumShare")} (одна доля по всем этим экзаменам ` +
    "отчётного года; под ней — та же доля по каждому экзамену, без своей цели); доля педагогов с первой или " +
    `высшей категорией — ${targetText(targets, "categoryShare")}. Процедуры, которые методика ШНОР не учитывает, приведены только в динамике, цели у них нет.`
  );
}

const SUMMARY_NOTES = [
  "Низкий результат — отметка «2» (ВПР) или баллы ниже минимального порога (ОГЭ, ЕГЭ; у ЕГЭ отметок нет). " +
    `Стрелки: ↑ доля низких результатов выросла, ↓ снизилась, → изменение меньше ${STEADY_POINTS} п.\u00a0п.`,
  `Зона риска — школа, у которой доля низких результатов по учитываемой процедуре отчётного года выше среднего по школам таблицы ` +
    `более чем на ${String(RISK_ZONE_DEVIATIONS).replace(".", ",")} стандартного отклонения. ` +
    `Если в группе меньше ${RISK_ZONE_MIN_PARTICIPANTS} участников, такое значение зоной риска не считается и приведено отдельно, в разделе «Малые группы»: ` +
    `в такой группе один ученик — больше ${formatPercent(100 / RISK_ZONE_MIN_PARTICIPANTS)} п.\u00a0п. доли.`,
];

/** The chart's title: ««2»» only when every plotted procedure is one with marks. */
function dynamicsTitle(procedures: Procedure[]): string {
  const exams = procedures.filter(isThresholdExam).length;
  if (exams === 0) return "Динамика доли «2» по муниципалитету";
  if (exams === procedures.length)
    return "Динамика доли не преодолевших минимальный порог по муниципалитету";
  return "Динамика доли низких результатов по муниципалитету";
}

/**
 * The procedures the dynamics chart plots: those the ШНОР method counts (all procedures when the
 * table has none of those), with a value in some year.
 */
function plottedDynamics(summary: IndicatorSummary): ProcedureDynamics[] {
  const withValues = summary.dynamics.filter((item) =>
    item.values.some((value) => value.value !== null)
  );
  const counted = withValues.filter((item) => item.procedure.countedForLowResults);
  return counted.length > 0 ? counted : withValues;
}

/**
 * The municipality's share of low results per procedure (columns) and year (rows), the matrix a line
 * chart needs: the years any plotted procedure has a value. Null without data (a gap in the line).
 * None with fewer than two years.
 */
function dynamicsBlock(layout: SheetLayout, plotted: ProcedureDynamics[]): SheetBlock | null {
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

/** «Динамика по школам»: the low share of every school and counted procedure across the years, with the trend. */
export function schoolDynamicsLayout(summary: IndicatorSummary, years: SchoolYear[]): SheetLayout {
  const dynamics = summary.schoolDynamics;
  return {
    name: "Динамика по школам",
    marker: DYNAMICS_MARKER,
    preamble: [
      "Школьный радар — динамика доли низких результатов по школам",
      "Значения:\u00a0% «2» — для ВПР,\u00a0% не преодолевших минимальный порог — для ОГЭ и ЕГЭ (у ЕГЭ отметок нет). " +
        `Тренд от первого к последнему году с данными: ↑ доля выросла, ↓ снизилась, → меньше ${STEADY_POINTS} п.\u00a0п.`,
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
