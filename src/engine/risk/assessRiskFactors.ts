import type { Warning } from "../types";
import type { KeyedRow } from "../sheets/keyedSheet";
import type { RiskQuestionnaire } from "./riskQuestionnaire";
import {
  RISK_FACTORS,
  isOnRiskySide,
  isParameterAtRisk,
  meetsPresenceRule,
  type FactorPresenceRule,
  type RiskDirection,
  type RiskFactor,
} from "./riskFactors";
import { defaultRiskThresholds, type RiskThresholds } from "./riskThresholds";
import { riskReason, type ParameterAtRisk } from "./riskReason";

export interface FactorJudgement {
  factor: number;
  present: boolean;
  /** The parameters on the risky side: code, value, and the direction and threshold they crossed. */
  atRisk: ParameterAtRisk[];
  withData: number;
}

export interface SchoolRiskProfile {
  login: string;
  name: string;
  row: number;
  /** Numbers (1–10) of the factors present. */
  factors: number[];
  /**
   * Numbers of the factors that could not be judged: none of their parameters has a value. Not the
   * same as absent — the matrix shows «—» for them, and a school without factors but with one of
   * these is not called free of risk.
   */
  withoutData: number[];
  /** ШГР: factors present, and not ШНОР (docs/method.md §4). */
  riskGroup: boolean;
}

export interface RiskAssessment {
  /** Schools of the questionnaire, and those of them in the risk group (ШГР): what the summary counts. */
  counts: { schools: number; riskGroup: number };
  /** Made when first read, then kept (see `assessRiskFactors`): plain data, one per questionnaire row. */
  schools: SchoolRiskProfile[];
  /**
   * The ten factors of the school at this place of `schools` judged parameter by parameter: what
   * crossed its threshold, and how many parameters had data. Made anew from its row at each call.
   */
  judgementsOf(school: number): FactorJudgement[];
  /** The Russian text naming that school's factors and why it is or is not in the risk group. */
  reasonOf(school: number): string;
  /** «фактор → школы»: names in the questionnaire's order. */
  byFactor: SchoolsWithFactor[];
  /** True when ШНОР statuses were known, so the risk group excludes the ШНОР. */
  lowResultsKnown: boolean;
  /** The rule in force: any parameter at risk, or at least half of those with data. */
  rule: FactorPresenceRule;
  warnings: Warning[];
}

export interface SchoolsWithFactor {
  factor: RiskFactor;
  /** Every school with the factor (the matrix's count per factor). */
  schools: string[];
  /** Those in the risk group (ШГР): seed 001's lists are these. */
  riskGroup: string[];
  /** Those identified as ШНОР: the same factor, but their support is the ШНОР programme's. */
  lowResult: string[];
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

/** Lower-case logins, as a set or a list (`lowResultLogins`). */
export type LowResultLogins = ReadonlySet<string> | readonly string[];

/**
 * Judges the ten factors for every school of the questionnaire. `lowResultSchools` are the logins
 * identified as ШНОР (lower case); when not given, every school with a factor is in the risk group
 * and the method says so. `rule` is the one read from the thresholds sheet (default: any parameter).
 */
export function assessRiskFactors(
  questionnaire: RiskQuestionnaire,
  thresholds: RiskThresholds = defaultRiskThresholds(),
  lowResultSchools?: LowResultLogins,
  rule: FactorPresenceRule = "any"
): RiskAssessment {
  const rules = factorRules(thresholds);
  // Only a school's reason asks whether it is ШНОР: the set is made for the first that asks.
  let lowResultSet: ReadonlySet<string> | undefined;
  const isLowResult = (row: KeyedRow): boolean => {
    if (lowResultSchools === undefined) return false;
    lowResultSet ??= lowResultSchools instanceof Set ? lowResultSchools : new Set(lowResultSchools);
    return lowResultSet.has(row.key);
  };
  const halfNeeded = rule === "half";
  const { presence, unjudged } = factorPresence(
    questionnaire.fieldValues,
    rules,
    questionnaire.rows.length,
    halfNeeded
  );
  const lists: FactorLists = new Array<number[] | undefined>(1 << rules.length);
  const riskGroup = riskGroupOf(presence, questionnaire.rowIndexByKey, lowResultSchools);
  const inRiskGroup = marked(riskGroup);
  // Every school's factors and group are decided above; its profile, plain data made from them, is
  // made when a caller first reads `schools` (at 50,000 schools those objects, alive together, are
  // what the garbage collector copies). Ten judgement objects and a text per school cost several
  // times the factors themselves: they are made only when asked for, a page at a time.
  let schools: SchoolRiskProfile[] | undefined;
  const judgementsOf = (school: number): FactorJudgement[] =>
    judgeFactors(questionnaire.rows[school], rules, halfNeeded);
  return {
    counts: { schools: presence.length, riskGroup: inRiskGroup },
    get schools() {
      return (schools ??= questionnaire.rows.map((row, index): SchoolRiskProfile => ({
        login: row.login,
        name: row.name,
        row: row.row,
        factors: factorsOf(lists, rules, presence[index]),
        withoutData: factorsOf(lists, rules, unjudged[index]),
        riskGroup: riskGroup[index] === 1,
      })));
    },
    judgementsOf,
    reasonOf: (school) =>
      riskReason(
        judgementsOf(school).filter((judgement) => judgement.present),
        riskGroup[school] === 1,
        isLowResult(questionnaire.rows[school]),
        halfNeeded
      ),
    byFactor: schoolsByFactor(questionnaire.rows, rules, presence, riskGroup),
    lowResultsKnown: lowResultSchools !== undefined,
    rule,
    warnings: [...questionnaire.warnings],
  };
}

/**
 * ШГР (docs/method.md §4): a school with a factor that is not ШНОР. The ШНОР are looked up in the
 * questionnaire (a few thousand lookups) rather than every school with a factor in the ШНОР set.
 */
function riskGroupOf(
  presence: Uint16Array,
  rowIndexByKey: ReadonlyMap<string, number>,
  lowResultSchools: LowResultLogins | undefined
): Uint8Array {
  const riskGroup = withSomeFactor(presence);
  if (lowResultSchools !== undefined) leaveOut(riskGroup, rowIndexByKey, lowResultSchools);
  return riskGroup;
}

/*
 * The loops below are functions of their own, each alone in it: V8 compiles a function called once
 * per analysis while its loop runs (on-stack replacement), and when that compiled code reached code
 * after the loop it had not seen run, it was thrown away — on every call, the same cached code again:
 * the 8,000 ШНОР lookups then ran in the interpreter (a third of the matrix's time at 50,000 schools).
 */

/** 1 for each school with a factor. */
function withSomeFactor(presence: Uint16Array): Uint8Array {
  const marks = new Uint8Array(presence.length);
  for (let index = 0; index < presence.length; index++) if (presence[index] !== 0) marks[index] = 1;
  return marks;
}

/** How many schools are marked 1. */
function marked(marks: Uint8Array): number {
  let count = 0;
  for (let index = 0; index < marks.length; index++) count += marks[index];
  return count;
}

/** Takes the ШНОР out of the group. */
function leaveOut(
  riskGroup: Uint8Array,
  rowIndexByKey: ReadonlyMap<string, number>,
  lowResultSchools: LowResultLogins
): void {
  for (const login of lowResultSchools) {
    const index = rowIndexByKey.get(login);
    if (index !== undefined) riskGroup[index] = 0;
  }
}

/**
 * The factors each school has, as bits (bit i: the i-th rule's factor; ten fit in 16), and those it
 * has no data for (`unjudged`). A parameter's column is read for all schools at a time, in memory
 * order, counting only; the judgements are made when asked for (`judgementsOf`).
 */
function factorPresence(
  columns: Record<string, Float64Array>,
  rules: FactorRule[],
  schools: number,
  halfNeeded: boolean
): { presence: Uint16Array; unjudged: Uint16Array } {
  const presence = new Uint16Array(schools);
  const unjudged = new Uint16Array(schools);
  const atRisk = new Uint8Array(schools);
  const withData = new Uint8Array(schools);
  rules.forEach(({ parameters }, index) => {
    atRisk.fill(0);
    withData.fill(0);
    for (const parameter of parameters)
      countParameter(columns[parameter.code], parameter, atRisk, withData);
    markFactor(presence, unjudged, 1 << index, atRisk, withData, halfNeeded);
  });
  return { presence, unjudged };
}

/**
 * Sets the factor's bit of every school where it is present, or in `unjudged` where none of its
 * parameters has a value. A loop of its own, as `countParameter`.
 */
function markFactor(
  presence: Uint16Array,
  unjudged: Uint16Array,
  bit: number,
  atRisk: Uint8Array,
  withData: Uint8Array,
  halfNeeded: boolean
): void {
  for (let school = 0; school < presence.length; school++) {
    if (withData[school] === 0) unjudged[school] |= bit;
    else if (meetsPresenceRule(atRisk[school], withData[school], halfNeeded))
      presence[school] |= bit;
  }
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

function judgeFactors(row: KeyedRow, rules: FactorRule[], halfNeeded: boolean): FactorJudgement[] {
  return rules.map(({ factor, parameters }): FactorJudgement => {
    const atRisk: FactorJudgement["atRisk"] = [];
    let withData = 0;
    for (const { code, direction, threshold } of parameters) {
      const value = row.values[code];
      if (value === undefined || Number.isNaN(value)) continue;
      withData++;
      if (isParameterAtRisk(value, { direction, threshold }))
        atRisk.push({ code, value, direction, threshold });
    }
    return {
      factor: factor.number,
      present: meetsPresenceRule(atRisk.length, withData, halfNeeded),
      atRisk,
      withData,
    };
  });
}

/** One factor's names: every school with it, and the same split into ШГР and ШНОР. */
type FactorNames = Omit<SchoolsWithFactor, "factor">;

/**
 * «фактор → школы»: the schools' names under each factor, in the questionnaire's order. The lists
 * are made when one is first read, all in one pass, then kept: at national scale they are ~50,000
 * names that only the «Факторы → школы» sheet and the report read. A school with a factor is either
 * in the risk group or ШНОР (`riskGroupOf`), so the two lists split `schools` between them.
 */
function schoolsByFactor(
  rows: KeyedRow[],
  rules: FactorRule[],
  presence: Uint16Array,
  riskGroup: Uint8Array
): SchoolsWithFactor[] {
  let lists: FactorNames[] | undefined;
  const names = (): FactorNames[] => {
    if (lists !== undefined) return lists;
    const made = RISK_FACTORS.map((): FactorNames => ({
      schools: [],
      riskGroup: [],
      lowResult: [],
    }));
    const namesByBit = rules.map((rule) => made[rule.factor.number - 1]);
    // One pass over the schools, bit by bit of those with a factor (half have none).
    for (let school = 0; school < presence.length; school++) {
      const name = rows[school].name;
      const inRiskGroup = riskGroup[school] === 1;
      for (let bits = presence[school], bit = 0; bits !== 0; bits >>>= 1, bit++) {
        if ((bits & 1) === 0) continue;
        const factor = namesByBit[bit];
        factor.schools.push(name);
        (inRiskGroup ? factor.riskGroup : factor.lowResult).push(name);
      }
    }
    return (lists = made);
  };
  return RISK_FACTORS.map((factor, index) => ({
    factor,
    get schools() {
      return names()[index].schools;
    },
    get riskGroup() {
      return names()[index].riskGroup;
    },
    get lowResult() {
      return names()[index].lowResult;
    },
  }));
}
