import type { CellValue } from "../types";
import { joinWithinCell, type SheetLayout } from "../sheetLayout";
import { plural } from "../russianText";
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

/** «Матрица рисков»: school × factor, 1 where the factor is present, with counts per factor in the preamble. */
export function riskMatrixLayout(assessment: RiskAssessment, sourceSheet: string): SheetLayout {
  const counts = assessment.byFactor.map(({ schools }) => schools.length);
  return {
    name: "Матрица рисков",
    marker: RISK_MATRIX_MARKER,
    preamble: [
      "Школьный радар — матрица факторов риска (школа × фактор)",
      `Источник: лист «${sourceSheet}», школ: ${assessment.schools.length}, в группе риска (ШГР): ${assessment.counts.riskGroup}`,
      method(assessment.rule) +
        (assessment.lowResultsKnown
          ? ""
          : " ШНОР не определялись: в ШГР отнесены все школы с факторами риска."),
      "Школ по факторам: " + counts.map((count, index) => `Ф${index + 1} — ${count}`).join(", "),
    ],
    header: [
      "ОО",
      "Логин",
      ...RISK_FACTORS.map((factor) => `Ф${factor.number}. ${factor.name}`),
      "Факторов",
      "ШГР",
      "Обоснование",
    ],
    body: assessment.schools.map((school) => [
      school.name,
      school.login,
      ...RISK_FACTORS.map((factor) => (school.factors.includes(factor.number) ? 1 : 0)),
      school.factors.length,
      school.riskGroup ? "ШГР" : "",
      school.reason,
    ]),
    columns: [
      { width: 32, wrap: true },
      { width: 12 },
      ...RISK_FACTORS.map(() => ({ width: 12, numberFormat: "0", wrap: true, heat: true })),
      { width: 9, numberFormat: "0", heat: true },
      { width: 6 },
      { width: 70, wrap: true },
    ],
    rowTone: assessment.schools.map((school) =>
      school.riskGroup ? "alert" : school.factors.length > 0 ? "unknown" : "ok"
    ),
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
