import type { ExportTable } from "../table/exportTable";
import type {
  IdentificationMethod,
  IdentificationResult,
  SchoolStatus,
} from "./identifyLowResultSchools";
import type { RowTone, SheetLayout } from "../sheetLayout";
import { warningsLayout } from "../warningsLayout";
import {
  blockBesideTable,
  blockRange,
  chartAnchor,
  type ChartSpec,
  type SheetBlock,
} from "../charts";

export const STATUS_LABELS: Record<SchoolStatus, string> = {
  shnor: "ШНОР",
  not_shnor: "не ШНОР",
  insufficient_data: "недостаточно данных",
};

const STATUS_TONES: Record<SchoolStatus, RowTone> = {
  shnor: "alert",
  not_shnor: "ok",
  insufficient_data: "unknown",
};

/** docs/method.md §7: flags describe results and point to support; they never judge teachers. */
const WORDING_NOTE =
  "Список описывает результаты и указывает, каким школам нужна поддержка; результаты ВПР не предназначены для оценки работы педагогов.";

export const OUTPUT_MARKERS = {
  shnor: "school-radar:shnor",
  method: "school-radar:method",
  warnings: "school-radar:warnings",
} as const;

/** The identification list, the method used and the reader's warnings, as three output sheets. */
export function identificationLayouts(
  result: IdentificationResult,
  table: ExportTable
): SheetLayout[] {
  return [
    shnorListLayout(result, table),
    methodLayout(result, table),
    warningsLayout([...table.warnings, ...result.warnings]),
  ];
}

function shnorListLayout(result: IdentificationResult, table: ExportTable): SheetLayout {
  const { method, schools, statuses, counts } = result;
  const flagged = counts.shnor;
  const countIn = (year: string | null) => (school: IdentificationResult["schools"][number]) =>
    year === null ? null : school.lowResults.filter((low) => low.year.label === year).length;
  const layout: SheetLayout = {
    name: "ШНОР",
    marker: OUTPUT_MARKERS.shnor,
    preamble: [
      "Школьный радар — школы с низкими образовательными результатами (ШНОР)",
      `Источник: лист «${table.sheetName}», школ: ${schools.length}, ШНОР: ${flagged}`,
      method.description,
      WORDING_NOTE,
    ],
    header: [
      "Муниципалитет",
      "ОО",
      "Логин",
      "Статус",
      "Критерии",
      `Низких результатов ${method.referenceYear}`,
      `Низких результатов ${method.previousYear ?? "(пред. год)"}`,
      "Обоснование",
    ],
    body: schools.map((school) => [
      school.municipality,
      school.name,
      school.login,
      STATUS_LABELS[school.status],
      school.criteria.map((criterion) => `К${criterion}`).join(", "),
      countIn(method.referenceYear)(school),
      countIn(method.previousYear)(school),
      school.reason,
    ]),
    columns: [
      { width: 18 },
      { width: 32, wrap: true },
      { width: 12 },
      { width: 20 },
      { width: 10 },
      { width: 14, numberFormat: "0" },
      { width: 14, numberFormat: "0" },
      { width: 90, wrap: true },
    ],
    rowTone: statuses.map((status) => STATUS_TONES[status]),
  };
  if (schools.length > 0) {
    const block = criteriaBlock(layout, result);
    layout.blocks = [block];
    layout.charts = [criteriaChart(layout, block, result.method)];
  }
  return layout;
}

/**
 * ШНОР by criterion, each school counted once: only К1, only К2, both. The three add up to the
 * number of ШНОР, which the preamble states.
 */
function criteriaBlock(layout: SheetLayout, result: IdentificationResult): SheetBlock {
  const flagged = result.schools.filter((school) => school.status === "shnor");
  const count = (first: boolean, second: boolean) =>
    flagged.filter(
      (school) => school.criteria.includes(1) === first && school.criteria.includes(2) === second
    ).length;
  return blockBesideTable(
    layout,
    [
      ["Критерий ШНОР", "Школ"],
      ["только К1", count(true, false)],
      ["только К2", count(false, true)],
      ["К1 и К2", count(true, true)],
    ],
    [{ width: 16 }, { width: 8, numberFormat: "0" }]
  );
}

function criteriaChart(
  layout: SheetLayout,
  block: SheetBlock,
  method: IdentificationMethod
): ChartSpec {
  const years =
    method.previousYear === null
      ? method.referenceYear
      : `${method.previousYear} и ${method.referenceYear}`;
  return {
    kind: "column",
    title: "ШНОР по критериям",
    xAxisTitle: `Критерий: К1 — низкие результаты по двум и более процедурам в ${method.referenceYear}; К2 — низкие результаты в ${years}`,
    yAxisTitle: "Число школ",
    data: blockRange(block),
    legend: false,
    anchor: chartAnchor(layout, [block]),
  };
}

function methodLayout(result: IdentificationResult, table: ExportTable): SheetLayout {
  const { method } = result;
  const counted = table.procedures
    .filter((procedure) => procedure.countedForLowResults)
    .map((procedure) => procedure.label);
  const other = table.procedures
    .filter((procedure) => !procedure.countedForLowResults)
    .map((procedure) => procedure.label);
  return {
    name: "ШНОР — метод",
    marker: OUTPUT_MARKERS.method,
    preamble: ["Школьный радар — метод выявления ШНОР", WORDING_NOTE],
    header: ["Параметр", "Значение"],
    body: [
      ["Редакция правил", method.edition],
      ["Порог низкого результата, %", method.threshold],
      [
        "Минимум участников",
        method.participantCountsUsed
          ? method.minParticipants
          : "не применялся: в таблице нет числа участников",
      ],
      ["Отчётный год", method.referenceYear],
      ["Предыдущий год", method.previousYear ?? "нет в таблице"],
      ["Учитываемые процедуры", counted.join(", ")],
      ["Процедуры в таблице без учёта методикой", other.length > 0 ? other.join(", ") : "нет"],
      ["Годы в таблице", table.years.map((year) => year.label).join(", ")],
      ["Исходный лист", table.sheetName],
      ["Описание", method.description],
    ],
    columns: [{ width: 40 }, { width: 100, wrap: true }],
  };
}

/** The identification's own outputs without the warnings sheet, for a caller that gathers all warnings. */
export function identificationSheets(
  result: IdentificationResult,
  table: ExportTable
): SheetLayout[] {
  return [shnorListLayout(result, table), methodLayout(result, table)];
}
