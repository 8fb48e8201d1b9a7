import type { ExportTable, Procedure, SchoolYear } from "../table/exportTable";
import type { IdentificationResult } from "../lowResults/identifyLowResultSchools";
import type { SocialWellBeingResult } from "../social/assessSocialWellBeing";
import type { RiskAssessment } from "../risk/assessRiskFactors";
import type { Staffing } from "../staffing/staffing";
import { STAFFING_INDICATORS } from "../staffing/staffing";

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

export function trendOf(change: number): Trend {
  return Math.abs(change) < STEADY_POINTS ? "→" : change > 0 ? "↑" : "↓";
}

export function summarizeIndicators(inputs: SummaryInputs): IndicatorSummary {
  const { table, identification, social, risk, staffing } = inputs;
  const schools = identification?.schools;
  const dynamics = table ? procedureDynamics(table) : [];
  const referenceEnd = identification
    ? table?.years.find((year) => year.label === identification.method.referenceYear)?.end
    : table?.years.at(-1)?.end;
  return {
    shnor: schools
      ? {
          ...share(schools.filter((school) => school.status === "shnor").length, schools.length),
          target: TARGETS.shnorShare,
        }
      : null,
    shnsu: social
      ? share(
          social.schools.filter((school) => school.shnsu).length,
          social.schools.filter((school) => school.isbsh !== null).length
        )
      : null,
    riskGroup: risk
      ? share(risk.schools.filter((school) => school.riskGroup).length, risk.schools.length)
      : null,
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
    schoolDynamics: table ? schoolDynamics(table) : [],
    riskZones: table && referenceEnd !== undefined ? riskZones(table, referenceEnd) : [],
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

function municipalValue(table: ExportTable, groupIndex: number): ProcedureYearValue {
  const { failing, participants } = table.values[groupIndex];
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
  const weighted = schools > 0 && allCounted && weight > 0;
  const value = schools === 0 ? null : weighted ? weightedSum / weight : plainSum / schools;
  return { year: table.groups[groupIndex].year, value, weighted, schools };
}

function procedureDynamics(table: ExportTable): ProcedureDynamics[] {
  return [...groupsByProcedure(table).values()].map((indices) => {
    const values = indices.map((index) => municipalValue(table, index));
    const known = values.filter((value) => value.value !== null);
    const arrows = known.slice(1).map((value, i) => trendOf(value.value! - known[i].value!));
    return { procedure: table.groups[indices[0]].procedure, values, arrows };
  });
}

function schoolDynamics(table: ExportTable): SchoolDynamics[] {
  const rows: SchoolDynamics[] = [];
  const byProcedure = [...groupsByProcedure(table).values()].filter(
    (indices) => table.groups[indices[0]].procedure.countedForLowResults
  );
  table.schools.forEach((school, s) => {
    for (const indices of byProcedure) {
      const values = table.years.map((year) => {
        const index = indices.find((i) => table.groups[i].year.end === year.end);
        const value = index === undefined ? NaN : table.values[index].failing[s];
        return Number.isNaN(value) ? null : value;
      });
      const known = values.filter((value): value is number => value !== null);
      if (known.length === 0) continue;
      const change = known.length >= 2 ? known[known.length - 1] - known[0] : null;
      rows.push({
        login: school.login,
        name: school.name,
        procedure: table.groups[indices[0]].procedure,
        values,
        change,
        trend: change === null ? null : trendOf(change),
      });
    }
  });
  return rows;
}

function riskZones(table: ExportTable, yearEnd: number): RiskZone[] {
  const zones: RiskZone[] = [];
  table.groups.forEach((group, index) => {
    if (!group.procedure.countedForLowResults || group.year.end !== yearEnd) return;
    const values = [...table.values[index].failing].filter((value) => !Number.isNaN(value));
    if (values.length < 3) return;
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const deviation = Math.sqrt(
      values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)
    );
    if (deviation === 0) return;
    table.values[index].failing.forEach((value, school) => {
      if (!Number.isNaN(value) && value > mean + RISK_ZONE_DEVIATIONS * deviation) {
        zones.push({
          login: table.schools[school].login,
          name: table.schools[school].name,
          procedure: group.procedure,
          value,
          mean,
          deviation,
        });
      }
    });
  });
  return zones;
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
