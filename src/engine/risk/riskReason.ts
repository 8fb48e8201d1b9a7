import { plural } from "../russianText";
import {
  ALL_RISK_PARAMETERS,
  RISK_FACTORS,
  labelWithoutScale,
  type RiskDirection,
  type RiskParameter,
} from "./riskFactors";

/** A parameter on the risky side of its threshold, as the note shows it. */
export interface ParameterAtRisk {
  code: string;
  value: number;
  direction: RiskDirection;
  threshold: number;
}

/** A factor found present, with what made it so; `withData` counts for the stricter rule. */
export interface PresentFactor {
  factor: number;
  atRisk: ParameterAtRisk[];
  withData: number;
}

const PARAMETERS_BY_CODE = new Map<string, RiskParameter>(
  ALL_RISK_PARAMETERS.map((parameter) => [parameter.code, parameter])
);

/**
 * The matrix's «Обоснование» for a school: each factor present with the parameters that crossed their
 * thresholds, value against threshold (`Ф2.1 вакансии педагогов: 3 > 0`). A code and a value alone
 * (`Ф8.2 = 9`) would send the reader to the thresholds sheet to learn what was measured and against what.
 * Under the stricter rule the note also says how many of the filled parameters crossed, since that is
 * what made the factor present.
 */
export function riskReason(
  present: PresentFactor[],
  riskGroup: boolean,
  isLowResult: boolean,
  halfNeeded: boolean
): string {
  if (present.length === 0) return "Факторы риска не выявлены";
  const list = present
    .map(({ factor, atRisk, withData }) => {
      const name = RISK_FACTORS[factor - 1].name;
      const parameters = atRisk.map(parameterNote);
      if (halfNeeded) parameters.push(shareNote(atRisk.length, withData));
      return `фактор риска ${factor} «${name}» (${parameters.join("; ")})`;
    })
    .join("; ");
  const prefix = riskGroup ? "ШГР — " : isLowResult ? "ШНОР; " : "";
  return `${prefix}${list}`;
}

/** `Ф1.2 обеспеченность учебными материалами: 70 % < 80 %` (strict signs: a value on the threshold is no risk). */
export function parameterNote({ code, value, direction, threshold }: ParameterAtRisk): string {
  const parameter = PARAMETERS_BY_CODE.get(code);
  const label = parameter === undefined ? "" : ` ${lowerFirst(labelWithoutScale(parameter.label))}`;
  const unit = parameter?.scale === "percent" ? "\u00a0%" : "";
  const [shown, limit] = distinctNumbers(value, threshold);
  const sign = direction === "above" ? ">" : "<";
  return `${code}${label.replace(/ %/g, "\u00a0%")}: ${shown}${unit} ${sign} ${limit}${unit}`;
}

/** `за порогом 2 из 4 заполненных параметров`, `1 из 1 заполненного параметра`: «из» wants the genitive. */
function shareNote(atRisk: number, withData: number): string {
  return `за порогом ${atRisk} из ${plural(withData, "заполненного параметра", "заполненных параметров", "заполненных параметров")}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("ru") + text.slice(1);
}

/**
 * Value and threshold the Russian way (decimal comma), with one decimal place unless more are needed to
 * tell them apart: 2,96 against 3 must not read «3 < 3».
 */
function distinctNumbers(value: number, threshold: number): [string, string] {
  for (let digits = 1; digits <= 6; digits++) {
    const pair: [string, string] = [decimal(value, digits), decimal(threshold, digits)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [String(value).replace(".", ","), String(threshold).replace(".", ",")];
}

function decimal(value: number, digits: number): string {
  return String(Number(value.toFixed(digits))).replace(".", ",");
}
