import type { ExportTable, Procedure, SchoolYear } from "../table/exportTable";
import type { IdentificationResult } from "../lowResults/identifyLowResultSchools";
import type { SocialWellBeingResult } from "../social/assessSocialWellBeing";
import type { RiskAssessment } from "../risk/assessRiskFactors";
import type { Staffing } from "../staffing/staffing";
import { STAFFING_INDICATORS } from "../staffing/staffing";
import { listOnDemand } from "../listOnDemand";

/**
 * The indicators of the seeds' programmes (DOMAIN §6), computed from whatever the workbook holds:
 * shares of ШНОР (target ≤ 15 %), ШНСУ and ШГР; the share of ОГЭ/ЕГЭ participants below the minimum in
 * Russian and mathematics (target ≤ 5 %); year-over-year dynamics of % «2»; staffing shares (category
 * target ≥ 85 %); and risk zones — schools far above the municipal average % «2».
 */
export const TARGETS = { shnorShare: 15, belowMinimumShare: 5 } as const;

/** A school is a risk zone for a procedure when its % «2» exceeds the mean by this many standard deviations. */
export const RISK_ZONE_DEVIATIONS = 1.5;

/** A change of less than one percentage point is «no change» (→). */
export const STEADY_POINTS = 1;

export interface ShareIndicator {
  count: number;
  of: number;
  /** Per cent, null when `of` is 0. */
  share: number | null;
}

export interface ProcedureYearValue {
  year: SchoolYear;
  /** % «2» for the municipality: participant-weighted where counts exist, else the schools' mean. */
  value: number | null;
  weighted: boolean;
  schools: number;
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
  belowMinimum: (ProcedureYearValue & { procedure: Procedure; target: number })[];
  dynamics: ProcedureDynamics[];
  schoolDynamics: SchoolDynamics[];
  riskZones: RiskZone[];
  staffing: StaffingShare[];
}

export interface SummaryInputs {
  table?: ExportTable;
  identification?: IdentificationResult;
  social?: SocialWellBeingResult;
  risk?: RiskAssessment;
  staffing?: Staffing;
}

const share = (count: number, of: number): ShareIndicator => ({
  count,
  of,
  share: of === 0 ? null : (100 * count) / of,
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

export function summarizeIndicators(inputs: SummaryInputs): IndicatorSummary {
  const { table, identification, social, risk, staffing } = inputs;
  const sums = table ? failingSumsByGroup(table) : [];
  const dynamics = table ? procedureDynamics(table, sums) : [];
  const referenceEnd = identification
    ? table?.years.find((year) => year.label === identification.method.referenceYear)?.end
    : table?.years.at(-1)?.end;
  let perSchool: SchoolDynamics[] | undefined;
  return {
    shnor: identification
      ? {
          ...share(identification.counts.shnor, identification.statuses.length),
          target: TARGETS.shnorShare,
        }
      : null,
    shnsu: social ? share(social.counts.shnsu, social.counts.ranked) : null,
    riskGroup: risk ? share(risk.counts.riskGroup, risk.counts.schools) : null,
    belowMinimum: dynamics
      .filter(
        ({ procedure }) =>
          (procedure.family === "ОГЭ" || procedure.family === "ЕГЭ") &&
          procedure.countedForLowResults
      )
      .flatMap(({ procedure, values }) =>
        values
          .filter((value) => value.year.end === referenceEnd)
          .map((value) => ({ ...value, procedure, target: TARGETS.belowMinimumShare }))
      ),
    dynamics,
    // A row per school and procedure (450,000 at national scale) is a table of its own, wanted only
    // for the «Динамика по школам» sheet: made when first read, then kept.
    get schoolDynamics(): SchoolDynamics[] {
      perSchool ??= table ? schoolDynamics(table) : [];
      return perSchool;
    },
    riskZones: table && referenceEnd !== undefined ? riskZones(table, referenceEnd, sums) : [],
    staffing: staffing ? staffingShares(staffing) : [],
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
interface FailingSums {
  /** Schools with a value. */
  schools: number;
  plainSum: number;
  weightedSum: number;
  weight: number;
  /** Every school with a value has a participant count. */
  allCounted: boolean;
}

/**
 * Each group's sums, or undefined for a group without a «% «2»» column. Made once: the dynamics and
 * the risk zones' means both start from them.
 */
function failingSumsByGroup(table: ExportTable): (FailingSums | undefined)[] {
  return table.groups.map((group, index) =>
    group.columns.failing === undefined
      ? undefined
      : failingSums(table.values[index].failing, table.values[index].participants)
  );
}

/**
 * The loop alone, with nothing to decide after it: V8 compiled the loop of a function that went on
 * to compare the sums before it had seen those comparisons run, and then left that compiled loop
 * again on every call (boxing each sum in the interpreter: 40 MB of garbage per summary at 50,000
 * schools).
 */
function failingSums(failing: Float64Array, participants: Float64Array): FailingSums {
  let weightedSum = 0;
  let weight = 0;
  let plainSum = 0;
  let schools = 0;
  let allCounted = true;
  for (let school = 0; school < failing.length; school++) {
    if (Number.isNaN(failing[school])) continue;
    schools++;
    plainSum += failing[school];
    if (Number.isNaN(participants[school])) allCounted = false;
    else {
      weightedSum += failing[school] * participants[school];
      weight += participants[school];
    }
  }
  return { schools, plainSum, weightedSum, weight, allCounted };
}

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
 * The schools of each counted group of the year whose % «2» is more than `RISK_ZONE_DEVIATIONS` above
 * the group's mean. At national scale that is 33,000 zones, each with three numbers V8 would box: only
 * which school and which group each zone is, is kept, and the zone is made when read (`listOnDemand`),
 * as the one sheet and the report that list them read each once, in order.
 */
function riskZones(
  table: ExportTable,
  yearEnd: number,
  sums: (FailingSums | undefined)[]
): RiskZone[] {
  const spreads: { groupIndex: number; mean: number; deviation: number }[] = [];
  const zoneSchool: number[] = [];
  const zoneSpread: number[] = [];
  table.groups.forEach((group, index) => {
    if (!group.procedure.countedForLowResults || group.year.end !== yearEnd) return;
    // A group without a «% «2»» column has no values, so no spread.
    const groupSums = sums[index];
    if (groupSums === undefined) return;
    const failing = table.values[index].failing;
    const spread = meanAndDeviation(failing, groupSums);
    if (spread === null) return;
    const bound = spread.mean + RISK_ZONE_DEVIATIONS * spread.deviation;
    addSchoolsAbove(failing, bound, spreads.length, zoneSchool, zoneSpread);
    spreads.push({ groupIndex: index, ...spread });
  });
  return listOnDemand(zoneSchool.length, (zone) => {
    const { login, name } = table.schools[zoneSchool[zone]];
    const { groupIndex, mean, deviation } = spreads[zoneSpread[zone]];
    const value = table.values[groupIndex].failing[zoneSchool[zone]];
    return { login, name, procedure: table.groups[groupIndex].procedure, value, mean, deviation };
  });
}

/** Adds the schools whose value is above the bound (computed once per group), with their spread. */
function addSchoolsAbove(
  values: Float64Array,
  bound: number,
  spread: number,
  zoneSchool: number[],
  zoneSpread: number[]
): void {
  for (let school = 0; school < values.length; school++) {
    // NaN, no value, is above no bound.
    if (values[school] > bound) {
      zoneSchool.push(school);
      zoneSpread.push(spread);
    }
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

/** Squared distances of the values present from the mean, summed: the loop alone (see `failingSums`). */
function sumOfSquares(values: Float64Array, mean: number): number {
  let squares = 0;
  for (let school = 0; school < values.length; school++)
    if (!Number.isNaN(values[school])) squares += (values[school] - mean) ** 2;
  return squares;
}

function staffingShares(staffing: Staffing): StaffingShare[] {
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
      target: indicator.target,
    };
  });
}
