import type { Warning } from "../types";
import type { RiskQuestionnaire } from "./riskQuestionnaire";
import { RISK_FACTORS, isFactorPresent, isParameterAtRisk, type RiskFactor } from "./riskFactors";
import { defaultRiskThresholds, type RiskThresholds } from "./riskThresholds";
import { formatPercent } from "../russianText";

export interface FactorJudgement {
  factor: number;
  present: boolean;
  /** Codes of the parameters on the risky side, with their values. */
  atRisk: { code: string; value: number }[];
  withData: number;
}

export interface SchoolRiskProfile {
  login: string;
  name: string;
  row: number;
  /** Numbers (1–10) of the factors present. */
  factors: number[];
  judgements: FactorJudgement[];
  /** ШГР: factors present, and not ШНОР (DOMAIN §4). */
  riskGroup: boolean;
  reason: string;
}

export interface RiskAssessment {
  schools: SchoolRiskProfile[];
  /** «фактор → школы», as seed 001 lists them. */
  byFactor: { factor: RiskFactor; schools: string[] }[];
  /** True when ШНОР statuses were known, so the risk group excludes the ШНОР. */
  lowResultsKnown: boolean;
  warnings: Warning[];
}

/**
 * Judges the ten factors for every school of the questionnaire. `lowResultSchools` are the logins
 * identified as ШНОР (lower case); when not given, every school with a factor is in the risk group
 * and the method says so.
 */
export function assessRiskFactors(
  questionnaire: RiskQuestionnaire,
  thresholds: RiskThresholds = defaultRiskThresholds(),
  lowResultSchools?: ReadonlySet<string>
): RiskAssessment {
  const schools = questionnaire.rows.map((row): SchoolRiskProfile => {
    const judgements = RISK_FACTORS.map((factor): FactorJudgement => {
      const atRisk: FactorJudgement["atRisk"] = [];
      let withData = 0;
      for (const parameter of factor.parameters) {
        const value = row.values[parameter.code];
        if (value === undefined || Number.isNaN(value)) continue;
        withData++;
        if (isParameterAtRisk(value, thresholds.get(parameter.code) ?? parameter))
          atRisk.push({ code: parameter.code, value });
      }
      return {
        factor: factor.number,
        present: isFactorPresent(atRisk.length, withData),
        atRisk,
        withData,
      };
    });
    const factors = judgements
      .filter((judgement) => judgement.present)
      .map((judgement) => judgement.factor);
    const isLowResult = lowResultSchools?.has(row.login.toLowerCase()) ?? false;
    return {
      login: row.login,
      name: row.name,
      row: row.row,
      factors,
      judgements,
      riskGroup: factors.length > 0 && !isLowResult,
      reason: riskReason(judgements, factors.length > 0 && !isLowResult, isLowResult),
    };
  });
  const byFactor = RISK_FACTORS.map((factor) => ({
    factor,
    schools: schools
      .filter((school) => school.factors.includes(factor.number))
      .map((school) => school.name),
  }));
  return {
    schools,
    byFactor,
    lowResultsKnown: lowResultSchools !== undefined,
    warnings: [...questionnaire.warnings],
  };
}

function riskReason(
  judgements: FactorJudgement[],
  riskGroup: boolean,
  isLowResult: boolean
): string {
  const present = judgements.filter((judgement) => judgement.present);
  if (present.length === 0) return "Факторы риска не выявлены";
  const list = present
    .map((judgement) => {
      const name = RISK_FACTORS[judgement.factor - 1].name;
      const values = judgement.atRisk
        .map(({ code, value }) => `${code} = ${formatPercent(value)}`)
        .join(", ");
      return `фактор риска ${judgement.factor} «${name}» (${values})`;
    })
    .join("; ");
  const prefix = riskGroup ? "ШГР — " : isLowResult ? "ШНОР; " : "";
  return `${prefix}${list}`;
}
