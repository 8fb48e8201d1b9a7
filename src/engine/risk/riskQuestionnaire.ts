import type { EngineError, SheetGrid } from "../types";
import {
  readKeyedSheet,
  type FieldSpec,
  type KeyedRow,
  type KeyedSheet,
  type KeyedSheetSchema,
} from "../sheets/keyedSheet";
import { isEngineError } from "../engineError";
import { ALL_RISK_PARAMETERS, type RiskParameter } from "./riskFactors";

/** The questionnaire's column header for a parameter: its code first, so a renamed column is still found. */
export const parameterHeader = (parameter: RiskParameter): string =>
  `${parameter.code} ${parameter.label}`;

function parameterField(parameter: RiskParameter): FieldSpec {
  const code = parameter.code.toLowerCase().replace(".", "\\.");
  const labelWithoutScale = parameter.label
    .replace(/,\s*(%|балл 1–5|чел\.)$/, "")
    .toLowerCase()
    .replace(/ё/g, "е");
  return {
    key: parameter.code,
    label: parameterHeader(parameter),
    patterns: [
      new RegExp(`^${code}(?![\\d])`),
      new RegExp(`^${labelWithoutScale.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
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

/** A risk questionnaire as read: a keyed sheet, and each parameter's values as a column. */
export interface RiskQuestionnaire extends KeyedSheet {
  /**
   * Each parameter's values for every row, parallel to `rows` (NaN is "no data"). The risk matrix
   * reads these columns, as the ШНОР rule reads the export table's: a row's values are a record of 35
   * numbers, and reading 50,000 such records cost most of the matrix. A questionnaire made by hand may
   * lack them; the matrix then makes them from the rows.
   */
  parameterValues?: Record<string, Float64Array>;
}

export function readRiskQuestionnaire(grid: SheetGrid): RiskQuestionnaire | EngineError {
  const sheet = readKeyedSheet(grid, RISK_QUESTIONNAIRE);
  if (isEngineError(sheet)) return sheet;
  return { ...sheet, parameterValues: parameterColumns(sheet.rows) };
}

/** The rows' values of each parameter as a column (the engine never changes a sheet it has read). */
export function parameterColumns(rows: KeyedRow[]): Record<string, Float64Array> {
  const columns: Record<string, Float64Array> = {};
  for (const { code } of ALL_RISK_PARAMETERS) {
    const column = new Float64Array(rows.length);
    rows.forEach((row, index) => {
      column[index] = row.values[code] ?? NaN;
    });
    columns[code] = column;
  }
  return columns;
}
