/**
 * What a school's ШНОР status rests on — its low results, how many results of each year could be
 * judged, the reason text — made when a caller asks for it (`IdentificationResult.evidenceOf` and
 * `reasonOf`), not by the analysis. At 50,000 schools these objects and texts cost several times the
 * rule itself (docs/benchmarks.md), and a caller shows them a page at a time. Nothing is kept: each
 * call judges the school again (a few comparisons), reading the table the engine never changes.
 */
import type { ExportTable } from "../table/exportTable";
import type { IdentificationOptions } from "./identificationOptions";
import type { LowResultEvidence, RuleYears, SchoolStatus } from "./identifyLowResultSchools";
import { judgeSchool } from "./schoolJudgement";
import { explainSchool } from "./identificationReason";

/** The low results of a school and the results judged, behind its status. */
export interface SchoolEvidence {
  /** The low results of the two years the rule looks at, reference year first. */
  lowResults: LowResultEvidence[];
  /**
   * How many results of each of the two years could be judged (low or not): 0 when the year has
   * nothing to judge, where a count of low results would read as «none».
   */
  judged: { reference: number; previous: number };
}

/** What judging one school again needs: the run's table, years and settings. */
export interface IdentificationRun {
  table: ExportTable;
  years: RuleYears;
  settings: IdentificationOptions;
}

/** `school`: its place in the table (and in `IdentificationResult.schools`). */
export function schoolEvidence(
  run: IdentificationRun,
  school: number,
  criteria: (1 | 2)[]
): SchoolEvidence {
  const { reference, previous } = judgeSchool(run.table, school, run.years, run.settings, criteria);
  return {
    lowResults: reference.low.concat(previous.low),
    judged: { reference: reference.usable, previous: previous.usable },
  };
}

/** The Russian text naming the years, procedures and percentages behind the school's status. */
export function schoolReason(
  run: IdentificationRun,
  school: number,
  status: SchoolStatus,
  criteria: (1 | 2)[]
): string {
  const { table, years, settings } = run;
  return explainSchool(
    status,
    judgeSchool(table, school, years, settings, criteria),
    years,
    settings
  );
}
