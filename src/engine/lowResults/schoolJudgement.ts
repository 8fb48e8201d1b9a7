/**
 * One school judged on its own, result by result: what its reason text names (the low results, the
 * results with too few participants, the gaps in a series). `identifyLowResultSchools` decides every
 * school's status column by column; this judges one school again when its evidence or reason is
 * asked for (schoolEvidence.ts).
 */
import type { ExportTable, Procedure } from "../table/exportTable";
import type { IdentificationOptions } from "./identificationOptions";
import { resultCell } from "../table/procedureResult";
import type {
  IndexedGroup,
  JudgedResult,
  LowResultEvidence,
  RuleYears,
} from "./identifyLowResultSchools";
import { judgeValue, type ResultState } from "./lowResult";

/** What the rule sees of one school in one year; objects only for what a reason has to name. */
export interface YearJudgement {
  low: LowResultEvidence[];
  small: JudgedResult[];
  /** Counted procedures with no value for the year that the school has in other years. */
  missing: Procedure[];
  /** Results that could be judged (low or not). */
  usable: number;
}

/** One pass over the year's counted groups; objects only for the results a reason names. */
function judgeYear(
  table: ExportTable,
  school: number,
  groups: IndexedGroup[],
  settings: IdentificationOptions
): YearJudgement {
  const judgement: YearJudgement = { low: [], small: [], missing: [], usable: 0 };
  for (const entry of groups) {
    const values = table.values[entry.index];
    const failing = values.failing[school];
    const participants = values.participants[school];
    const state = judgeValue(failing, participants, settings.threshold, settings.minParticipants);
    if (state === "ok") judgement.usable++;
    else if (state === "missing") {
      // A procedure the school never has (no ЕГЭ in an ООШ) is not news; a gap in a series is.
      if (hasResultInAnyYear(table, school, entry.sameProcedure))
        judgement.missing.push(entry.group.procedure);
    } else if (state === "low") {
      judgement.usable++;
      judgement.low.push(
        judgedResult(table, school, entry, state, failing, participants) as LowResultEvidence
      );
    } else judgement.small.push(judgedResult(table, school, entry, state, failing, participants));
  }
  return judgement;
}

function hasResultInAnyYear(table: ExportTable, school: number, groups: number[]): boolean {
  return groups.some((group) => !Number.isNaN(table.values[group].failing[school]));
}

export function judgedResult(
  table: ExportTable,
  school: number,
  entry: IndexedGroup,
  state: ResultState,
  failing: number,
  participants: number
): JudgedResult {
  const cell =
    table.values[entry.index].cells === undefined
      ? { row: table.schools[school].row, column: entry.column }
      : resultCell(table, school, entry.index);
  return {
    procedure: entry.group.procedure,
    year: entry.group.year,
    state,
    failing,
    participants: Number.isNaN(participants) ? null : participants,
    row: cell.row,
    column: cell.column,
  };
}

/** What a school's reason text reports: the criteria met and the results behind them. */
export interface SchoolJudgement {
  reference: YearJudgement;
  previous: YearJudgement;
  criteria: (1 | 2)[];
}

/** The school's two years judged again, for its reason; `criteria` are those its result holds. */
export function judgeSchool(
  table: ExportTable,
  school: number,
  years: RuleYears,
  settings: IdentificationOptions,
  criteria: (1 | 2)[]
): SchoolJudgement {
  return {
    reference: judgeYear(table, school, years.referenceGroups, settings),
    previous: judgeYear(table, school, years.previousGroups, settings),
    criteria,
  };
}
