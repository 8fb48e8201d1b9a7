import type { CellValue } from "../types";
import type { RowTone, SheetLayout } from "../sheetLayout";
import { joinWithinCell } from "../cellLimit";
import { formatCount, plural } from "../russianText";
import type { RiskAssessment, SchoolsWithFactor } from "./assessRiskFactors";
import { RISK_FACTORS, type FactorPresenceRule } from "./riskFactors";
import { PRESENCE_RULE_MEANING, PRESENCE_RULE_WORDS } from "./riskThresholds";

export const RISK_MATRIX_MARKER = "school-radar:risk-matrix";
export const RISK_LIST_MARKER = "school-radar:risk-list";

/** The method as both risk sheets state it, with the rule the user chose on the thresholds sheet. */
function method(rule: FactorPresenceRule): string {
  return (
    `Фактор присутствует, если за порогом ${PRESENCE_RULE_MEANING[rule]} (правило «${PRESENCE_RULE_WORDS[rule]}»; пороги и правило — лист «Пороги факторов риска»). ` +
    "ШГР — школа с факторами риска, не входящая в ШНОР. Факторы описывают условия и указывают на поддержку, а не оценивают педагогов."
  );
}

/**
 * A factor's cell in the matrix: 1 where the factor is present (a number, so that COUNT and the
 * column's filter work and the heat map colours it), empty where it is absent, «—» where none of its
 * parameters has a value for the school — not judged, which is not the same as absent.
 */
export const FACTOR_NOT_JUDGED = "—";

/** What each row colour of the matrix means, in the order a reader meets them. */
const ROW_TONE_LEGEND: [RowTone, string][] = [
  ["alert", "красный — школа группы риска (ШГР)"],
  [null, "без заливки — ШНОР с факторами риска (их поддержка — программа ШНОР)"],
  ["ok", "зелёный — факторы риска не выявлены"],
  // Grey means what it means on every sheet: not enough data to say.
  ["unknown", "серый — факторы риска не выявлены, но по части факторов нет данных"],
];

/**
 * The matrix's legend, above the table: what the colours of its rows mean (only those used) and what
 * its factor cells hold.
 */
function matrixLegend(tones: RowTone[]): string[] {
  const used = new Set(tones);
  const rows = ROW_TONE_LEGEND.filter(([tone]) => used.has(tone)).map(([, text]) => text);
  return [
    ...(rows.length > 0 ? [`Цвет строки: ${rows.join("; ")}.`] : []),
    `В столбцах факторов: 1 (красная ячейка) — фактор есть; пусто — фактора нет; «${FACTOR_NOT_JUDGED}» — по фактору нет данных (не заполнен ни один его параметр). ` +
      "«Всего факторов» — чем больше, тем краснее.",
  ];
}

/** «Матрица рисков»: school × factor, 1 where the factor is present, with counts per factor in the preamble. */
export function riskMatrixLayout(assessment: RiskAssessment, sourceSheet: string): SheetLayout {
  const counts = assessment.byFactor.map(({ schools }) => schools.length);
  const schools = assessment.schools;
  const rowTone = schools.map((school): RowTone =>
    school.riskGroup
      ? "alert"
      : school.factors.length > 0
        ? null
        : school.withoutData.length > 0
          ? "unknown"
          : "ok"
  );
  return {
    name: "Матрица рисков",
    marker: RISK_MATRIX_MARKER,
    preamble: [
      "Школьный радар — матрица факторов риска (школа × фактор)",
      `Источник: лист «${sourceSheet}»; ${plural(assessment.counts.schools, "школа", "школы", "школ")}, из них в группе риска (ШГР) — ${formatCount(assessment.counts.riskGroup)}`,
      method(assessment.rule) +
        (assessment.lowResultsKnown
          ? ""
          : " ШНОР не определялись: в ШГР отнесены все школы с факторами риска."),
      "Школ с фактором: " + counts.map((count, index) => `Ф${index + 1} — ${count}`).join(", "),
      ...matrixLegend(rowTone),
    ],
    header: [
      "ОО",
      "Логин",
      ...RISK_FACTORS.map((factor) => `Ф${factor.number}. ${factor.name}`),
      "Всего факторов",
      "ШГР",
      "Обоснование",
    ],
    body: schools.map((school, index) => [
      school.name,
      school.login,
      ...RISK_FACTORS.map((factor): CellValue =>
        school.factors.includes(factor.number)
          ? 1
          : school.withoutData.includes(factor.number)
            ? FACTOR_NOT_JUDGED
            : null
      ),
      school.factors.length,
      school.riskGroup ? "ШГР" : "",
      assessment.reasonOf(index),
    ]),
    // The factors' long names wrap in their headers; the cells hold 1, «—» or nothing.
    columns: [
      { width: 32, wrap: true },
      { width: 12 },
      ...RISK_FACTORS.map(() => ({ width: 12, numberFormat: "0", wrap: true, heat: true })),
      { width: 9, numberFormat: "0", heat: true },
      { width: 6 },
      { width: 70, wrap: true },
    ],
    rowTone,
  };
}

/**
 * «Факторы → школы», as seed 001 prints it: one row per factor with the risk-group schools (ШГР) under
 * it, and the ШНОР with the same factor in a column of their own, so the seed's list is never mixed with
 * the schools the ШНОР programme already supports. Ten rows with the names one per line read like the
 * seed's table for a municipality's few dozen schools; at a region's scale the names of a cell stop at
 * Excel's limit with «… и ещё N школ», and the matrix (one row per school, with a filter) is the full list.
 */
export function riskListLayout(assessment: RiskAssessment): SheetLayout {
  const known = assessment.lowResultsKnown;
  return {
    name: "Факторы → школы",
    marker: RISK_LIST_MARKER,
    preamble: [
      "Школьный радар — школы по факторам риска",
      method(assessment.rule),
      known
        ? "Под каждым фактором — школы группы риска (ШГР), как в перечнях «фактор риска — ОО» муниципальных программ; школы ШНОР с тем же фактором — отдельно, в последнем столбце."
        : "ШНОР не определялись (в книге нет таблицы результатов): в ШГР отнесены все школы с факторами риска.",
    ],
    header: [
      "Фактор риска",
      "Школ ШГР",
      "Школы группы риска (ШГР)",
      "Школ ШНОР",
      "ШНОР с этим фактором (не ШГР)",
    ],
    body: assessment.byFactor.map((item) => factorRow(item, known)),
    columns: [
      { width: 40, wrap: true },
      { width: 9, numberFormat: "0" },
      { width: 50, wrap: true },
      { width: 9, numberFormat: "0" },
      { width: 45, wrap: true },
    ],
  };
}

function factorRow(
  { factor, riskGroup, lowResult }: SchoolsWithFactor,
  lowResultsKnown: boolean
): CellValue[] {
  const names = (list: string[]): string => joinWithinCell(list, "\n", moreSchools(factor.number));
  return [
    `${factor.number}. ${factor.name}`,
    riskGroup.length,
    names(riskGroup),
    // Unknown is not none: without the results table the ШНОР were not looked for.
    lowResultsKnown ? lowResult.length : null,
    lowResultsKnown ? names(lowResult) : "ШНОР не определялись",
  ];
}

/** The end of a list cut at the cell's limit: how many are left out, and where all of them are. */
function moreSchools(factor: number): (rest: number) => string {
  return (rest) =>
    `… и ещё ${plural(rest, "школа", "школы", "школ")} — полный список на листе «Матрица рисков» (фильтр по столбцу «Ф${factor}»)`;
}
