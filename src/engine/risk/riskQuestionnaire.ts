import type { EngineError, SheetGrid } from "../types";
import {
  readKeyedSheet,
  type FieldSpec,
  type KeyedSheet,
  type KeyedSheetSchema,
} from "../sheets/keyedSheet";
import { ALL_RISK_PARAMETERS, labelWithoutScale, type RiskParameter } from "./riskFactors";
import { normalizeText } from "../russianText";

/** The questionnaire's column header for a parameter: its code first, so a renamed column is still found. */
export const parameterHeader = (parameter: RiskParameter): string =>
  `${parameter.code} ${parameter.label}`;

function parameterField(parameter: RiskParameter): FieldSpec {
  const code = parameter.code.toLowerCase().replace(".", "\\.");
  // As a header is compared: normalised (a no-break space of the label is a space there).
  const label = normalizeText(labelWithoutScale(parameter.label));
  return {
    key: parameter.code,
    label: parameterHeader(parameter),
    patterns: [
      new RegExp(`^${code}(?![\\d])`),
      new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    ],
    kind: parameter.scale,
    ...(parameter.scale === "score" ? { min: 1, max: 5 } : {}),
  };
}

export const RISK_QUESTIONNAIRE: KeyedSheetSchema = {
  kind: "risk-questionnaire",
  title: "анкета факторов риска",
  fields: ALL_RISK_PARAMETERS.map(parameterField),
  minimumFields: 3,
};

/** A risk questionnaire as read: a keyed sheet whose fields are the parameters' codes. */
export type RiskQuestionnaire = KeyedSheet;

export function readRiskQuestionnaire(grid: SheetGrid): RiskQuestionnaire | EngineError {
  return readKeyedSheet(grid, RISK_QUESTIONNAIRE);
}
