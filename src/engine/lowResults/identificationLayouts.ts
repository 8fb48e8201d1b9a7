import type { ExportTable } from "../table/exportTable";
import type {
  IdentificationMethod,
  IdentificationResult,
  SchoolStatus,
} from "./identifyLowResultSchools";
import type { CellValue } from "../types";
import { cellAddress, columnLetters } from "../table/cellAddress";
import type { RowTone, SheetLayout } from "../sheetLayout";
import { warningsLayout } from "../warningsLayout";
import { formatCount, plural } from "../russianText";
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
export const WORDING_NOTE =
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
  const { method, schools, counts } = result;
  const flagged = counts.shnor;
  const order = listOrder(schools.map((school) => school.status));
  const rows = order.map((index) => listRow(result, index, table));
  const layout: SheetLayout = {
    name: "ШНОР",
    marker: OUTPUT_MARKERS.shnor,
    preamble: [
      "Школьный радар — школы с низкими образовательными результатами (ШНОР)",
      `Источник: лист «${table.sheetName}»; ${plural(schools.length, "школа", "школы", "школ")}, из них ШНОР — ${formatCount(flagged)}`,
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
      EVIDENCE_HEADER,
      "Обоснование",
    ],
    body: rows.map((row) => row.values),
    columns: [
      { width: 18 },
      { width: 32, wrap: true },
      { width: 12 },
      { width: 20 },
      { width: 10 },
      { width: 14, numberFormat: "0" },
      { width: 14, numberFormat: "0" },
      { width: 10 },
      // The reason of a school without low results («Критерии не выполнены: 2024/2025 — низких
      // результатов нет; …», most rows of any list) fits one line.
      { width: 100, wrap: true },
    ],
    rowTone: order.map((index) => STATUS_TONES[schools[index]!.status]),
    opensHere: true,
  };
  layout.links = {
    column: layout.header.indexOf(EVIDENCE_HEADER),
    targets: rows.map((row) => row.link),
  };
  if (schools.length > 0) {
    const block = criteriaBlock(layout, result);
    layout.blocks = [block];
    layout.charts = [criteriaChart(layout, block, result.method)];
  }
  return layout;
}

/** The list's order: ШНОР first, then «недостаточно данных», then the rest, each in the table's order. */
const LIST_ORDER: SchoolStatus[] = ["shnor", "insufficient_data", "not_shnor"];

/** Positions of the schools in the list's order: one pass per status, no sort. */
export function listOrder(statuses: readonly SchoolStatus[]): number[] {
  const order: number[] = [];
  for (const wanted of LIST_ORDER)
    for (let index = 0; index < statuses.length; index++)
      if (statuses[index] === wanted) order.push(index);
  return order;
}

/** A count where the year had nothing to judge: not 0, which would read as «no low results». */
const NO_DATA = "—";
/** The list's column of the cell a school's reason starts from in the source table, a link to it. */
const EVIDENCE_HEADER = "Ячейка";

/**
 * A school's row of the list, and the cell its reason starts from: its first low result, or its row
 * of the table (the login's cell) when it has none.
 */
function listRow(
  result: IdentificationResult,
  index: number,
  table: ExportTable
): { values: CellValue[]; link: string } {
  const { method } = result;
  const school = result.schools[index]!;
  const { lowResults: lows, judged } = result.evidenceOf(index);
  const count = (year: string | null, results: number): CellValue =>
    year === null || results === 0 ? NO_DATA : lows.filter((low) => low.year.label === year).length;
  const first = lows[0];
  const identity = table.layout.identity;
  const column = first?.column ?? identity.login ?? identity.name ?? 0;
  const row = first?.row ?? school.row;
  return {
    values: [
      school.municipality,
      school.name,
      school.login,
      STATUS_LABELS[school.status],
      school.criteria.map((criterion) => `К${criterion}`).join(", "),
      count(method.referenceYear, judged.reference),
      count(method.previousYear, judged.previous),
      `${columnLetters(column)}${row + 1}`,
      result.reasonOf(index),
    ],
    link: cellAddress(table.sheetName, row, column),
  };
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
      ["Порог низкого результата,\u00a0%", method.threshold],
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
