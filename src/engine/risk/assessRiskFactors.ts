import type { Warning } from "../types";
import type { KeyedRow } from "../sheets/keyedSheet";
import type { RiskQuestionnaire } from "./riskQuestionnaire";
import {
  RISK_FACTORS,
  isFactorPresent,
  isOnRiskySide,
  isParameterAtRisk,
  type RiskDirection,
  type RiskFactor,
} from "./riskFactors";
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
  /** Schools of the questionnaire, and those of them in the risk group (ШГР): what the summary counts. */
  counts: { schools: number; riskGroup: number };
  /** Made when first read, then kept (see `assessRiskFactors`). */
  schools: SchoolRiskProfile[];
  /** «фактор → школы», as seed 001 lists them. */
  byFactor: { factor: RiskFactor; schools: string[] }[];
  /** True when ШНОР statuses were known, so the risk group excludes the ШНОР. */
  lowResultsKnown: boolean;
  warnings: Warning[];
}

/** A factor's parameters with the direction and threshold in force (looked up once, not per school). */
interface FactorRule {
  factor: RiskFactor;
  parameters: { code: string; direction: RiskDirection; threshold: number }[];
}

function factorRules(thresholds: RiskThresholds): FactorRule[] {
  return RISK_FACTORS.map((factor) => ({
    factor,
    parameters: factor.parameters.map((parameter) => {
      // Made field by field, so every parameter has one shape and the hot loop one kind of read.
      const { direction, threshold } = thresholds.get(parameter.code) ?? parameter;
      return { code: parameter.code, direction, threshold };
    }),
  }));
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
  const rules = factorRules(thresholds);
  const isLowResult = (row: KeyedRow): boolean => lowResultSchools?.has(row.key) ?? false;
  const run: RiskRun = { rules, isLowResult };
  const presence = factorPresence(questionnaire.fieldValues, rules, questionnaire.rows.length);
  const lists: FactorLists = new Array<number[] | undefined>(1 << rules.length);
  const riskGroup = riskGroupOf(presence, questionnaire.rowIndexByKey, lowResultSchools);
  let inRiskGroup = 0;
  for (let index = 0; index < riskGroup.length; index++) inRiskGroup += riskGroup[index];
  // Every school's factors and group are decided above; a profile object is a view of them, made
  // when a caller first reads `schools` (at 50,000 schools those objects, alive together, are what
  // the garbage collector copies).
  let schools: SchoolRiskProfile[] | undefined;
  return {
    counts: { schools: presence.length, riskGroup: inRiskGroup },
    get schools() {
      return (schools ??= questionnaire.rows.map(
        (row, index) =>
          new RiskProfile(
            run,
            row,
            factorsOf(lists, rules, presence[index]),
            riskGroup[index] === 1
          )
      ));
    },
    byFactor: schoolsByFactor(questionnaire.rows, rules, presence),
    lowResultsKnown: lowResultSchools !== undefined,
    warnings: [...questionnaire.warnings],
  };
}

/**
 * ШГР (DOMAIN §4): a school with a factor that is not ШНОР. The ШНОР are looked up in the
 * questionnaire (a few thousand lookups) rather than every school with a factor in the ШНОР set.
 */
function riskGroupOf(
  presence: Uint16Array,
  rowIndexByKey: ReadonlyMap<string, number>,
  lowResultSchools: ReadonlySet<string> | undefined
): Uint8Array {
  const riskGroup = new Uint8Array(presence.length);
  for (let index = 0; index < presence.length; index++)
    if (presence[index] !== 0) riskGroup[index] = 1;
  for (const login of lowResultSchools ?? []) {
    const index = rowIndexByKey.get(login);
    if (index !== undefined) riskGroup[index] = 0;
  }
  return riskGroup;
}

/**
 * The factors each school has, as bits (bit i: the i-th rule's factor; ten fit in 16). A parameter's
 * column is read for all schools at a time, in memory order, counting only; the judgements are made
 * when read.
 */
function factorPresence(
  columns: Record<string, Float64Array>,
  rules: FactorRule[],
  schools: number
): Uint16Array {
  const presence = new Uint16Array(schools);
  const atRisk = new Uint8Array(schools);
  const withData = new Uint8Array(schools);
  rules.forEach(({ parameters }, index) => {
    atRisk.fill(0);
    withData.fill(0);
    for (const parameter of parameters)
      countParameter(columns[parameter.code], parameter, atRisk, withData);
    markFactor(presence, 1 << index, atRisk, withData);
  });
  return presence;
}

/** Sets the factor's bit of every school where it is present. A loop of its own, as `countParameter`. */
function markFactor(
  presence: Uint16Array,
  bit: number,
  atRisk: Uint8Array,
  withData: Uint8Array
): void {
  for (let school = 0; school < presence.length; school++)
    if (isFactorPresent(atRisk[school], withData[school])) presence[school] |= bit;
}

/**
 * Adds one parameter's column to each school's counts of values with data and values at risk. A
 * function of its own, so its loop is compiled once for every column (in the factor's loop it ran
 * twice as slow).
 */
function countParameter(
  values: Float64Array,
  parameter: FactorRule["parameters"][number],
  atRisk: Uint8Array,
  withData: Uint8Array
): void {
  const riskAbove = parameter.direction === "above";
  const { threshold } = parameter;
  for (let school = 0; school < withData.length; school++) {
    const value = values[school];
    if (Number.isNaN(value)) continue;
    withData[school]++;
    if (isOnRiskySide(value, riskAbove, threshold)) atRisk[school]++;
  }
}

/**
 * The factor lists met so far, by their bits. Schools with the same factors share one frozen list:
 * half of a national questionnaire has none, and an array per school was a tenth of what the four
 * analyses left to the garbage collector. Frozen, so no caller can change another school's list.
 */
type FactorLists = (number[] | undefined)[];

/** The numbers (1–10) of the factors whose bits are set. */
function factorsOf(lists: FactorLists, rules: FactorRule[], bits: number): number[] {
  let factors = lists[bits];
  if (factors === undefined) {
    factors = rules
      .filter((_, index) => (bits & (1 << index)) !== 0)
      .map((rule) => rule.factor.number);
    lists[bits] = Object.freeze(factors) as number[];
  }
  return factors;
}

function judgeFactors(row: KeyedRow, rules: FactorRule[]): FactorJudgement[] {
  return rules.map(({ factor, parameters }): FactorJudgement => {
    const atRisk: FactorJudgement["atRisk"] = [];
    let withData = 0;
    for (const parameter of parameters) {
      const value = row.values[parameter.code];
      if (value === undefined || Number.isNaN(value)) continue;
      withData++;
      if (isParameterAtRisk(value, parameter)) atRisk.push({ code: parameter.code, value });
    }
    return {
      factor: factor.number,
      present: isFactorPresent(atRisk.length, withData),
      atRisk,
      withData,
    };
  });
}

/**
 * «фактор → школы»: the schools' names under each factor, in the questionnaire's order. The lists
 * are made when one is first read, all in one pass, then kept: at national scale they are ~50,000
 * names that only the «Факторы → школы» sheet and the report read.
 */
function schoolsByFactor(
  rows: KeyedRow[],
  rules: FactorRule[],
  presence: Uint16Array
): RiskAssessment["byFactor"] {
  let lists: string[][] | undefined;
  const names = (): string[][] => {
    if (lists !== undefined) return lists;
    const made = RISK_FACTORS.map((): string[] => []);
    const namesByBit = rules.map((rule) => made[rule.factor.number - 1]);
    // One pass over the schools, bit by bit of those with a factor (half have none).
    for (let school = 0; school < presence.length; school++) {
      for (let bits = presence[school], bit = 0; bits !== 0; bits >>>= 1, bit++)
        if ((bits & 1) !== 0) namesByBit[bit].push(rows[school].name);
    }
    return (lists = made);
  };
  return RISK_FACTORS.map((factor, index) => ({
    factor,
    get schools() {
      return names()[index];
    },
  }));
}

/** What a school's profile needs to judge its row again: the rules in force, and who is ШНОР. */
interface RiskRun {
  rules: FactorRule[];
  isLowResult: (row: KeyedRow) => boolean;
}

/**
 * A school's risk profile. `judgements` and `reason` are getters that judge the school's row again
 * when read: at 50,000 schools ten judgement objects and a text per school cost several times the
 * factors themselves, and a caller shows them a page at a time. The run and the row are private
 * fields, so keys, spread and equality see only the profile's own fields; `toJSON` gives the JSON of
 * a plain object with `judgements` and `reason` in their places.
 */
class RiskProfile implements SchoolRiskProfile {
  // Only declared: the constructor sets them in the order a plain profile lists them.
  declare readonly login: string;
  declare readonly name: string;
  declare readonly row: number;
  declare readonly factors: number[];
  declare readonly riskGroup: boolean;
  readonly #run: RiskRun;
  readonly #row: KeyedRow;

  constructor(run: RiskRun, row: KeyedRow, factors: number[], riskGroup: boolean) {
    this.login = row.login;
    this.name = row.name;
    this.row = row.row;
    this.factors = factors;
    this.riskGroup = riskGroup;
    this.#run = run;
    this.#row = row;
  }

  get judgements(): FactorJudgement[] {
    return judgeFactors(this.#row, this.#run.rules);
  }

  get reason(): string {
    return riskReason(this.judgements, this.riskGroup, this.#run.isLowResult(this.#row));
  }

  toJSON(): SchoolRiskProfile {
    const { login, name, row, factors, judgements, riskGroup, reason } = this;
    return { login, name, row, factors, judgements, riskGroup, reason };
  }
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
