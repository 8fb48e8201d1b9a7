import type { Warning } from "../types";
import type { ExportTable, SchoolYear } from "../table/exportTable";
import { isEngineError } from "../engineError";
import { quotedSheetName } from "../table/cellAddress";
import {
  chooseRuleYears,
  identifyLowResultSchools,
  type IdentificationOptions,
  type IdentificationResult,
  type SchoolStatus,
} from "./identifyLowResultSchools";

/**
 * ШНОР by year (docs/method.md §8): for every year of the table that has results of the counted
 * procedures and a year before it that has them too, every school's status under the same method
 * and options, with that year as the reference year — exactly what `analyze --year <year>` gives.
 * Then how each school's status changed between the last two such years.
 */

/**
 * Between the two compared years: `entered` not ШНОР → ШНОР, `left` ШНОР → not ШНОР, `stayed` ШНОР
 * in both, `never` in neither; `unknown` when either year is «недостаточно данных» (whether the
 * school was or became ШНОР is not known).
 */
export type StatusChange = "entered" | "left" | "stayed" | "never" | "unknown";

export const STATUS_CHANGES: StatusChange[] = ["entered", "left", "stayed", "never", "unknown"];

export interface StatusHistory {
  /** The years with statuses, oldest first. */
  years: SchoolYear[];
  /** Parallel to `years`: every school's status in the table's order (`IdentificationResult.statuses`). */
  statuses: SchoolStatus[][];
  /** Parallel to `years`: how many schools have each status. */
  counts: Record<SchoolStatus, number>[];
  /**
   * Indices into `years` of the two years the change is between: the last two up to the reference
   * year (a later year with only a few procedures' results, passed over as the reference, is shown
   * but not compared). Null with fewer than two.
   */
  pair: { from: number; to: number } | null;
  /** Parallel to the table's schools; null without a pair. */
  changes: StatusChange[] | null;
  changeCounts: Record<StatusChange, number> | null;
  /** Years with statuses after the pair's later year: shown, not compared. */
  notCompared: SchoolYear[];
  /** The options every year was judged with (the reference year left out). */
  options: IdentificationOptions;
}

export interface StatusHistoryResult {
  /** Null when no year of the table has a year before it. */
  history: StatusHistory | null;
  /** Then: why there is no history (the warning every host shows); null otherwise. */
  warning: Warning | null;
}

/**
 * `main` is the analysis's own run: its year is not judged again. Options are those of `main`
 * (checked there); a year whose run fails (it cannot once `main` succeeded) is left out.
 */
export function statusHistory(
  table: ExportTable,
  options: IdentificationOptions,
  main: IdentificationResult
): StatusHistoryResult {
  const withResults = yearsWithCountedResults(table);
  const ends = new Set(withResults.map((year) => year.end));
  const candidates = withResults.filter((year) => ends.has(year.end - 1));
  if (candidates.length === 0) {
    return { history: null, warning: noHistoryWarning(table, withResults) };
  }
  // Every year with the same options; only the reference year differs.
  const settings: IdentificationOptions = { ...options };
  delete settings.referenceYear;
  const years: SchoolYear[] = [];
  const statuses: SchoolStatus[][] = [];
  const counts: Record<SchoolStatus, number>[] = [];
  for (const year of candidates) {
    const run =
      year.label === main.method.referenceYear
        ? main
        : identifyLowResultSchools(table, { ...settings, referenceYear: year.label });
    if (isEngineError(run)) continue;
    years.push(year);
    statuses.push(run.statuses);
    counts.push(run.counts);
  }
  const last = lastComparedYear(table, main, years);
  const compared = years.filter((year) => year.end <= last);
  const pair = compared.length >= 2 ? { from: compared.length - 2, to: compared.length - 1 } : null;
  const changes = pair === null ? null : changesBetween(statuses[pair.from], statuses[pair.to]);
  return {
    history: {
      years,
      statuses,
      counts,
      pair,
      changes,
      changeCounts: changes === null ? null : countChanges(changes),
      notCompared: years.filter((year) => year.end > last),
      options: settings,
    },
    warning: null,
  };
}

/** The years in which some counted procedure has a value, oldest first (the table's years order). */
function yearsWithCountedResults(table: ExportTable): SchoolYear[] {
  const ends = new Set<number>();
  table.groups.forEach((group, index) => {
    if (!group.procedure.countedForLowResults || ends.has(group.year.end)) return;
    const failing = table.values[index].failing;
    for (let school = 0; school < failing.length; school++) {
      if (!Number.isNaN(failing[school])) {
        ends.add(group.year.end);
        return;
      }
    }
  });
  return table.years.filter((year) => ends.has(year.end));
}

/**
 * The latest year the change may end at: the reference year the rule takes by default (the latest
 * with results of at least half the counted procedures, docs/method.md §2), or the user's, if later.
 */
function lastComparedYear(
  table: ExportTable,
  main: IdentificationResult,
  years: SchoolYear[]
): number {
  const chosen = years.find((year) => year.label === main.method.referenceYear)?.end ?? -Infinity;
  const byDefault = chooseRuleYears(table, undefined);
  const fallback = years.at(-1)?.end ?? -Infinity;
  return Math.max(chosen, isEngineError(byDefault) ? fallback : byDefault.reference.end);
}

/** One loop over two status arrays: no object per school. */
function changesBetween(before: SchoolStatus[], after: SchoolStatus[]): StatusChange[] {
  const changes: StatusChange[] = [];
  for (let school = 0; school < after.length; school++)
    changes.push(statusChange(before[school], after[school]));
  return changes;
}

export function statusChange(before: SchoolStatus, after: SchoolStatus): StatusChange {
  if (before === "insufficient_data" || after === "insufficient_data") return "unknown";
  if (before === "shnor") return after === "shnor" ? "stayed" : "left";
  return after === "shnor" ? "entered" : "never";
}

function countChanges(changes: StatusChange[]): Record<StatusChange, number> {
  const counts: Record<StatusChange, number> = {
    entered: 0,
    left: 0,
    stayed: 0,
    never: 0,
    unknown: 0,
  };
  for (const change of changes) counts[change]++;
  return counts;
}

/** «2019», «2019 и 2021», «2017, 2019 и 2021». */
export function listYears(years: SchoolYear[]): string {
  const labels = years.map((year) => year.label);
  return labels.length <= 1
    ? (labels[0] ?? "")
    : `${labels.slice(0, -1).join(", ")} и ${labels.at(-1)}`;
}

/** No year has a year before it: what the table holds, and that two years in a row are needed. */
function noHistoryWarning(table: ExportTable, withResults: SchoolYear[]): Warning {
  const held =
    withResults.length <= 1
      ? `в таблице — только ${listYears(withResults.length === 1 ? withResults : table.years)}`
      : `в таблице — ${listYears(withResults)}, двух лет подряд среди них нет`;
  return {
    cell: quotedSheetName(table.sheetName),
    message: `ШНОР по годам: нужны результаты хотя бы двух лет подряд; ${held}`,
  };
}
