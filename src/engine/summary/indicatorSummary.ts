import { DEFAULT_TARGETS, targetsInUse, type Targets, type TargetsInUse } from "./targets";
import type { ExportTable, Procedure, SchoolYear } from "../table/exportTable";
import type { IdentificationResult } from "../lowResults/identifyLowResultSchools";
import type { SocialWellBeingResult } from "../social/assessSocialWellBeing";
import { groupNotFormed } from "../social/lowerQuantile";
import type { RiskAssessment } from "../risk/assessRiskFactors";
import type { Staffing } from "../staffing/staffing";
import { STAFFING_INDICATORS } from "../staffing/staffing";
import { listOnDemand } from "../listOnDemand";
import { SMALL_GROUP } from "../lowResults/identificationOptions";
import { isThresholdExam } from "./lowShareNames";
import {
  NO_PROGRAMME_INDICATORS,
  programmeIndicators,
  type ProgrammeIndicators,
} from "./programmeIndicators";
import { groupSumsOf, type ShareSums } from "./groupSums";

/**
 * The indicators of the seeds' programmes (docs/method.md §6), computed from whatever the workbook holds:
 * shares of ШНОР (target ≤ 15 %), ШНСУ and ШГР; one share of ОГЭ and ЕГЭ participants below the
 * minimum in Russian and mathematics (target ≤ 5 %), with each exam's share beneath it; year-over-year
 * dynamics of % «2»; staffing shares (category target ≥ 85 %); and risk zones — schools far above the
 * municipal average % «2».
 */
/** The documents' targets (the user may set others: `SummaryInputs.targets`, targets.ts). */
export const TARGETS = DEFAULT_TARGETS;

/** A school is a risk zone for a procedure when its % «2» exceeds the mean by this many standard deviations. */
export const RISK_ZONE_DEVIATIONS = 1.5;

/**
 * Below this many participants a share far above the mean is not a risk zone: one pupil is more than
 * 10 points of such a group's share (50 in a group of two). The ШНОР reasons mark the same groups
 * «малая группа».
 */
export const RISK_ZONE_MIN_PARTICIPANTS = SMALL_GROUP;

/** A change of less than one percentage point is «no change» (→). */
export const STEADY_POINTS = 1;

export interface ShareIndicator {
  count: number;
  of: number;
  /** Per cent, null when `of` is 0 or the group could not be formed (`undetermined`). */
  share: number | null;
  /** What `of` counts: every share names its schools, so a reader never takes one for another. */
  denominator: ShareDenominator;
  /** Said instead of a share when too few schools form the group: «не определена (школ меньше 4)». */
  undetermined?: string;
}

/**
 * The schools a share is of. ШНОР: the municipality's schools when the user gave their number
 * (the programmes' target is a share «от общего количества ОО муниципалитета»), else the export
 * table's, which may list only some schools. ШНСУ: the passport's schools with an ИСБШ — the group is
 * a quantile of exactly those, so another base would only restate the quantile. ШГР: the
 * questionnaire's schools — for a school not in it the factors are unknown, not absent.
 */
export type ShareDenominator = "schools_total" | "table" | "social_passport" | "risk_questionnaire";

/** The denominators in words, after «2 из 15 — »: the summary sheet, the command line, the pane. */
export const DENOMINATOR_NAMES: Record<ShareDenominator, string> = {
  schools_total: "от числа школ муниципалитета, указанного пользователем",
  table: "от школ таблицы результатов",
  social_passport: "от школ социального паспорта с рассчитанным ИСБШ",
  risk_questionnaire: "от школ анкеты факторов риска",
};

export interface ProcedureYearValue {
  year: SchoolYear;
  /** % «2» for the municipality: participant-weighted where counts exist, else the schools' mean. */
  value: number | null;
  weighted: boolean;
  schools: number;
}

/**
 * The Nazarovo target (seed 001): «доля обучающихся, получивших по итогам ОГЭ и ЕГЭ по обязательным
 * предметам количество баллов ниже минимума» — one share over all of those exams of the reference year,
 * not one per exam. Weighted by participants when every school's value has its count; a graduate who
 * sat two of the exams counts in each (the table has no pupils, only each exam's counts).
 */
export interface BelowMinimumTotal {
  year: SchoolYear;
  /** Per cent. */
  value: number;
  /** False: the unweighted mean of the schools' shares over those exams (some count is missing). */
  weighted: boolean;
  /** Participants over the exams (weighted only; a graduate counts once per exam), else null. */
  participants: number | null;
  /** School × exam values the figure is made of. */
  results: number;
  procedures: Procedure[];
  target: number;
}

export interface ProcedureDynamics {
  procedure: Procedure;
  values: ProcedureYearValue[];
  /** Between consecutive years with values: ↑ the share of «2» grew (worse), ↓ fell (better), → within 1 point. */
  arrows: Trend[];
}

export type Trend = "↑" | "↓" | "→";

export interface SchoolDynamics {
  login: string;
  name: string;
  procedure: Procedure;
  /** Parallel to the table's years; null where the school has no value. */
  values: (number | null)[];
  /** From the first to the last year with a value; null with fewer than two values. */
  trend: Trend | null;
  change: number | null;
}

export interface RiskZone {
  login: string;
  name: string;
  procedure: Procedure;
  value: number;
  mean: number;
  deviation: number;
  /** The school's participants in the procedure; null where the table has no count. */
  participants: number | null;
}

export interface StaffingShare {
  label: string;
  share: number | null;
  target: number | null;
}

export interface IndicatorSummary {
  shnor: (ShareIndicator & { target: number }) | null;
  shnsu: ShareIndicator | null;
  riskGroup: ShareIndicator | null;
  /** The Nazarovo figure; null without an ОГЭ or ЕГЭ value in Russian or mathematics that year. */
  belowMinimumTotal: BelowMinimumTotal | null;
  /** The same share exam by exam, beneath the total: no target of its own. */
  belowMinimum: (ProcedureYearValue & { procedure: Procedure })[];
  dynamics: ProcedureDynamics[];
  schoolDynamics: SchoolDynamics[];
  /** Counted procedures of the reference year, groups of `RISK_ZONE_MIN_PARTICIPANTS` or more (or of unknown size). */
  riskZones: RiskZone[];
  /** As far above the mean as a zone, but from a smaller group: not zones, listed apart. */
  smallGroupOutliers: RiskZone[];
  staffing: StaffingShare[];
  /** The targets compared with: the documents' or the user's, with which is which. */
  targets: TargetsInUse;
  /** Positive ГИА dynamics, the gap between schools, % высоких результатов by year (docs/method.md §8). */
  programme: ProgrammeIndicators;
}

export interface SummaryInputs {
  table?: ExportTable;
  identification?: IdentificationResult;
  social?: SocialWellBeingResult;
  risk?: RiskAssessment;
  staffing?: Staffing;
  /** The municipality's number of schools, checked against the table (`checkSchoolsTotal`). */
  schoolsTotal?: number | null;
  /** The user's targets; the documents' for the rest. */
  targets?: Partial<Targets>;
}

const share = (count: number, of: number, denominator: ShareDenominator): ShareIndicator => ({
  count,
  of,
  share: of === 0 ? null : (100 * count) / of,
  denominator,
});

/**
 * `later − earlier` in percentage points without binary floating-point noise: 1,4 − 0,4 is
 * 0,9999999999999999 in doubles, which read as «→» (less than a point) for a change of exactly one
 * point, and 15,4 − 11,7 put 3,700000000000001 into the sheet's cell. Shares carry a few decimals at
 * most, so nine are kept.
 */
export function pointsBetween(earlier: number, later: number): number {
  return Math.round((later - earlier) * 1e9) / 1e9;
}

export function trendOf(change: number): Trend {
  return Math.abs(change) < STEADY_POINTS ? "→" : change > 0 ? "↑" : "↓";
}

/** The ШНСУ share; none, and why, when too few schools were ranked to form the group (not «0 %»). */
function shnsuShare(social: SocialWellBeingResult): ShareIndicator {
  const indicator = share(social.counts.shnsu, social.counts.ranked, "social_passport");
  return social.threshold === null
    ? { ...indicator, share: null, undetermined: groupNotFormed(social.quantile) }
    : indicator;
}

export function summarizeIndicators(inputs: SummaryInputs): IndicatorSummary {
  const { table, identification, social, risk, staffing } = inputs;
  const schoolsTotal = inputs.schoolsTotal ?? null;
  const targets = targetsInUse(inputs.targets);
  // One pass over each group's columns gives the sums of every figure below (groupSums.ts).
  const groupSums = table ? groupSumsOf(table) : [];
  const sums = groupSums.map((group) => group.failing);
  const dynamics = table ? procedureDynamics(table, sums) : [];
  const referenceEnd = identification
    ? table?.years.find((year) => year.label === identification.method.referenceYear)?.end
    : table?.years.at(-1)?.end;
  let perSchool: SchoolDynamics[] | undefined;
  const belowMinimum = belowMinimumByExam(dynamics, referenceEnd);
  const zones =
    table && referenceEnd !== undefined
      ? riskZones(table, referenceEnd, sums)
      : { riskZones: [], smallGroupOutliers: [] };
  return {
    shnor: identification
      ? {
          ...(schoolsTotal === null
            ? share(identification.counts.shnor, identification.statuses.length, "table")
            : share(identification.counts.shnor, schoolsTotal, "schools_total")),
          target: targets.values.shnorShare,
        }
      : null,
    shnsu: social ? shnsuShare(social) : null,
    riskGroup: risk
      ? share(risk.counts.riskGroup, risk.counts.schools, "risk_questionnaire")
      : null,
    belowMinimumTotal: table
      ? belowMinimumTotal(table, referenceEnd, sums, targets.values.belowMinimumShare)
      : null,
    belowMinimum,
    dynamics,
    // A row per school and procedure (450,000 at national scale) is a table of its own, wanted only
    // for the «Динамика по школам» sheet: made when first read, then kept.
    get schoolDynamics(): SchoolDynamics[] {
      perSchool ??= table ? schoolDynamics(table) : [];
      return perSchool;
    },
    ...zones,
    staffing: staffing ? staffingShares(staffing, targets.values.categoryShare) : [],
    targets,
    programme: table ? programmeIndicators(table, groupSums) : NO_PROGRAMME_INDICATORS,
  };
}

/**
 * The exams of the Nazarovo figure: ОГЭ and ЕГЭ in Russian and mathematics — the mandatory subjects,
 * which are the ОГЭ and ЕГЭ procedures the ШНОР method counts.
 */
function isMandatoryExam(procedure: Procedure): boolean {
  return isThresholdExam(procedure) && procedure.countedForLowResults;
}

function belowMinimumByExam(
  dynamics: ProcedureDynamics[],
  yearEnd: number | undefined
): IndicatorSummary["belowMinimum"] {
  return dynamics
    .filter(({ procedure }) => isMandatoryExam(procedure))
    .flatMap(({ procedure, values }) =>
      values.filter((value) => value.year.end === yearEnd).map((value) => ({ ...value, procedure }))
    );
}

/**
 * One share over every mandatory exam of the year, from the groups' sums: Σ(share × participants) /
 * Σ participants when every value has its count, else the plain mean of all the schools' values — a
 * weighted figure from only the counted part would hide the schools without counts.
 */
function belowMinimumTotal(
  table: ExportTable,
  yearEnd: number | undefined,
  sums: (FailingSums | undefined)[],
  target: number
): BelowMinimumTotal | null {
  const year = table.years.find((candidate) => candidate.end === yearEnd);
  // The exams' groups; each group's sums are added below. Plain variables, not an object shaped
  // like FailingSums: V8 would give both the same hidden class, and these fields, starting as small
  // integers, would turn the sums' number fields into boxed ones for the summary's hot loop.
  const groups = table.groups.flatMap((group, index) => {
    const groupSums = sums[index];
    return group.year.end === yearEnd &&
      isMandatoryExam(group.procedure) &&
      groupSums !== undefined &&
      groupSums.schools > 0
      ? [{ procedure: group.procedure, groupSums }]
      : [];
  });
  let results = 0;
  let plainSum = 0;
  let weightedSum = 0;
  let weight = 0;
  let allCounted = true;
  for (const { groupSums } of groups) {
    results += groupSums.schools;
    plainSum += groupSums.plainSum;
    weightedSum += groupSums.weightedSum;
    weight += groupSums.weight;
    allCounted &&= groupSums.allCounted;
  }
  if (year === undefined || results === 0) return null;
  const weighted = allCounted && weight > 0;
  return {
    year,
    value: weighted ? weightedSum / weight : plainSum / results,
    weighted,
    participants: weighted ? weight : null,
    results,
    procedures: groups.map((item) => item.procedure),
    target,
  };
}

/** Groups of the table by procedure, in year order. */
function groupsByProcedure(table: ExportTable): Map<string, number[]> {
  const byProcedure = new Map<string, number[]>();
  table.groups.forEach((group, index) => {
    if (group.columns.failing === undefined) return;
    byProcedure.set(group.procedure.id, [...(byProcedure.get(group.procedure.id) ?? []), index]);
  });
  for (const indices of byProcedure.values())
    indices.sort((a, b) => table.groups[a].year.end - table.groups[b].year.end);
  return byProcedure;
}

/** What one pass over a group's «% «2»» column (and its participants) gives the summary. */
type FailingSums = ShareSums;

function municipalValue(
  table: ExportTable,
  groupIndex: number,
  sums: FailingSums
): ProcedureYearValue {
  const { schools, plainSum, weightedSum, weight, allCounted } = sums;
  const weighted = schools > 0 && allCounted && weight > 0;
  const value = schools === 0 ? null : weighted ? weightedSum / weight : plainSum / schools;
  return { year: table.groups[groupIndex].year, value, weighted, schools };
}

function procedureDynamics(
  table: ExportTable,
  sums: (FailingSums | undefined)[]
): ProcedureDynamics[] {
  return [...groupsByProcedure(table).values()].map((indices) => {
    // groupsByProcedure keeps only groups with a «% «2»» column, which have sums.
    const values = indices.map((index) => municipalValue(table, index, sums[index]!));
    const known = values.filter((value) => value.value !== null);
    const arrows = known
      .slice(1)
      .map((value, i) => trendOf(pointsBetween(known[i].value!, value.value!)));
    return { procedure: table.groups[indices[0]].procedure, values, arrows };
  });
}

/**
 * A row per school and counted procedure with a value in some year: 412,000 at national scale. Only
 * which school and procedure each row is, is kept (two numbers a row); the row itself is made when
 * read (`listOnDemand`), so the «Динамика по школам» sheet, which reads each row once, never holds
 * them all.
 */
function schoolDynamics(table: ExportTable): SchoolDynamics[] {
  // Each counted procedure with its group in each year of the table (-1 where it has none).
  const byProcedure = [...groupsByProcedure(table).values()]
    .filter((indices) => table.groups[indices[0]].procedure.countedForLowResults)
    .map((indices) => ({
      procedure: table.groups[indices[0]].procedure,
      byYear: table.years.map(
        (year) => indices.find((index) => table.groups[index].year.end === year.end) ?? -1
      ),
    }));
  const valuesOf = (s: number, byYear: number[]): (number | null)[] =>
    byYear.map((index) => {
      const value = index < 0 ? NaN : table.values[index].failing[s];
      return Number.isNaN(value) ? null : value;
    });
  const rowSchool: number[] = [];
  const rowProcedure: number[] = [];
  for (let s = 0; s < table.schools.length; s++) {
    for (let p = 0; p < byProcedure.length; p++) {
      if (
        !byProcedure[p].byYear.some(
          (index) => index >= 0 && !Number.isNaN(table.values[index].failing[s])
        )
      )
        continue;
      rowSchool.push(s);
      rowProcedure.push(p);
    }
  }
  return listOnDemand(rowSchool.length, (row) => {
    const school = table.schools[rowSchool[row]];
    const { procedure, byYear } = byProcedure[rowProcedure[row]];
    const values = valuesOf(rowSchool[row], byYear);
    const change = firstToLast(values)!;
    return {
      login: school.login,
      name: school.name,
      procedure,
      values,
      change,
      trend: change === null ? null : trendOf(change),
    };
  });
}

/** Last known value minus the first; null with one known value, undefined with none. */
function firstToLast(values: (number | null)[]): number | null | undefined {
  let first: number | null = null;
  let last: number | null = null;
  let known = 0;
  for (const value of values) {
    if (value === null) continue;
    first ??= value;
    last = value;
    known++;
  }
  if (known === 0) return undefined;
  return known >= 2 ? pointsBetween(first!, last!) : null;
}

/**
 * Which school and which group's spread each zone is: two numbers, the zone made when read. In typed
 * arrays grown as zones are found (the first `length` slots hold them): a push per zone onto two
 * arrays was half of the zones' time.
 */
interface ZoneIndex {
  school: Int32Array;
  spread: Int32Array;
  length: number;
}

const newZoneIndex = (): ZoneIndex => ({
  school: new Int32Array(1024),
  spread: new Int32Array(1024),
  length: 0,
});

/** Twice the room, the zones found kept. */
function grow(list: ZoneIndex): void {
  const school = new Int32Array(list.school.length * 2);
  const spread = new Int32Array(list.spread.length * 2);
  school.set(list.school);
  spread.set(list.spread);
  list.school = school;
  list.spread = spread;
}

/**
 * The schools of each counted group of the year whose % «2» is more than `RISK_ZONE_DEVIATIONS` above
 * the group's mean; those of a group under `RISK_ZONE_MIN_PARTICIPANTS` apart. At national scale that
 * is 33,000 zones, each with three numbers V8 would box: only which school and which group each zone
 * is, is kept, and the zone is made when read (`listOnDemand`), as the one sheet and the report that
 * list them read each once, in order.
 */
function riskZones(
  table: ExportTable,
  yearEnd: number,
  sums: (FailingSums | undefined)[]
): Pick<IndicatorSummary, "riskZones" | "smallGroupOutliers"> {
  const spreads: { groupIndex: number; mean: number; deviation: number }[] = [];
  const zones = newZoneIndex();
  const small = newZoneIndex();
  table.groups.forEach((group, index) => {
    if (!group.procedure.countedForLowResults || group.year.end !== yearEnd) return;
    // A group without a «% «2»» column has no values, so no spread.
    const groupSums = sums[index];
    if (groupSums === undefined) return;
    const { failing, participants } = table.values[index];
    const spread = meanAndDeviation(failing, groupSums);
    if (spread === null) return;
    const bound = spread.mean + RISK_ZONE_DEVIATIONS * spread.deviation;
    addSchoolsAbove(failing, participants, bound, spreads.length, zones, small);
    spreads.push({ groupIndex: index, ...spread });
  });
  const zoneOf = (list: ZoneIndex) => (zone: number) => {
    const school = list.school[zone];
    const { login, name } = table.schools[school];
    const { groupIndex, mean, deviation } = spreads[list.spread[zone]];
    const { failing, participants } = table.values[groupIndex];
    const count = participants[school];
    const procedure = table.groups[groupIndex].procedure;
    return {
      login,
      name,
      procedure,
      value: failing[school],
      mean,
      deviation,
      participants: Number.isNaN(count) ? null : count,
    };
  };
  return {
    riskZones: listOnDemand(zones.length, zoneOf(zones)),
    smallGroupOutliers: listOnDemand(small.length, zoneOf(small)),
  };
}

/**
 * Adds the schools whose value is above the bound (computed once per group), with their spread: to
 * the zones, or apart when the group is known to be small (no count: the size is unknown, not small).
 */
function addSchoolsAbove(
  values: Float64Array,
  participants: Float64Array,
  bound: number,
  spread: number,
  zones: ZoneIndex,
  small: ZoneIndex
): void {
  for (let school = 0; school < values.length; school++) {
    // NaN, no value, is above no bound.
    if (!(values[school] > bound)) continue;
    const list = participants[school] < RISK_ZONE_MIN_PARTICIPANTS ? small : zones;
    if (list.length === list.school.length) grow(list);
    list.school[list.length] = school;
    list.spread[list.length] = spread;
    list.length++;
  }
}

/**
 * Mean and sample standard deviation of the values present (the mean from the group's sums); null
 * with fewer than 3 or no spread.
 */
function meanAndDeviation(
  values: Float64Array,
  { schools: count, plainSum: sum }: FailingSums
): { mean: number; deviation: number } | null {
  if (count < 3) return null;
  const mean = sum / count;
  const deviation = Math.sqrt(sumOfSquares(values, mean) / (count - 1));
  return deviation === 0 ? null : { mean, deviation };
}

/** Squared distances of the values present from the mean, summed: the loop alone (see groupSums.ts). */
function sumOfSquares(values: Float64Array, mean: number): number {
  let squares = 0;
  for (let school = 0; school < values.length; school++)
    if (!Number.isNaN(values[school])) squares += (values[school] - mean) ** 2;
  return squares;
}

/** The staffing shares; the one with a target (the category share) takes the one in use. */
function staffingShares(staffing: Staffing, categoryTarget: number): StaffingShare[] {
  return STAFFING_INDICATORS.map((indicator) => {
    let part = 0;
    let total = 0;
    for (const row of staffing.rows) {
      const teachers = row.values.teachersTotal;
      const count = row.values[indicator.key];
      if (Number.isNaN(teachers) || Number.isNaN(count) || teachers <= 0 || count > teachers)
        continue;
      part += count;
      total += teachers;
    }
    return {
      label: indicator.label,
      share: total === 0 ? null : (100 * part) / total,
      target: indicator.target === null ? null : categoryTarget,
    };
  });
}
