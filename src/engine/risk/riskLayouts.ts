import type { SheetLayout } from "../sheetLayout";
import type { RiskAssessment } from "./assessRiskFactors";
import { RISK_FACTORS } from "./riskFactors";

export const RISK_MATRIX_MARKER = "school-radar:risk-matrix";
export const RISK_LIST_MARKER = "school-radar:risk-list";

const METHOD =
  "Фактор присутствует, если не менее половины его заполненных параметров за порогом (пороги — лист «Пороги факторов риска»). " +
  "ШГР — школа с факторами риска, не входящая в ШНОР. Факторы описывают условия и указывают на поддержку, а не оценивают педагогов.";

/** «Матрица рисков»: school × factor, 1 where the factor is present, with counts per factor in the preamble. */
export function riskMatrixLayout(assessment: RiskAssessment, sourceSheet: string): SheetLayout {
  const counts = assessment.byFactor.map(({ schools }) => schools.length);
  return {
    name: "Матрица рисков",
    marker: RISK_MATRIX_MARKER,
    preamble: [
      "Школьный радар — матрица факторов риска (школа × фактор)",
      `Источник: лист «${sourceSheet}», школ: ${assessment.schools.length}, в группе риска (ШГР): ${assessment.counts.riskGroup}`,
      METHOD +
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

/** «Факторы → школы»: the list as seed 001 prints it, one row per factor. */
export function riskListLayout(assessment: RiskAssessment): SheetLayout {
  return {
    name: "Факторы → школы",
    marker: RISK_LIST_MARKER,
    preamble: ["Школьный радар — школы по факторам риска", METHOD],
    header: ["Фактор риска", "Школ", "ОО"],
    body: assessment.byFactor.map(({ factor, schools }) => [
      `${factor.number}. ${factor.name}`,
      schools.length,
      schools.join("\n"),
    ]),
    columns: [
      { width: 50, wrap: true },
      { width: 8, numberFormat: "0" },
      { width: 60, wrap: true },
    ],
  };
}
