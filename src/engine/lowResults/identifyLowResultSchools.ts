import type { EngineError, Warning } from "../types";
import type { ColumnGroup, ExportTable, Procedure, SchoolYear } from "../table/exportTable";
import {
  DEFAULT_IDENTIFICATION_OPTIONS,
  type IdentificationOptions,
  type RuleEdition,
} from "./identificationOptions";
import { judgeResult, type ResultState } from "./lowResult";
import { engineError } from "../engineError";
import { parseSchoolYear } from "../table/schoolYear";
import { quotedSheetName } from "../table/cellAddress";
import { describeMethod, explainSchool } from "./identificationReason";

export { DEFAULT_IDENTIFICATION_OPTIONS, type IdentificationOptions, type RuleEdition };

export type SchoolStatus = "shnor" | "not_shnor" | "insufficient_data";

/** One procedure × year of one school as the rule sees it. */
export interface JudgedResult {
  procedure: Procedure;
  year: SchoolYear;
  state: ResultState;
  failing: number | null;
  participants: number | null;
  /** Zero-based sheet row and column of the "% «2»" cell (`cellAddress` turns them into `'Лист'!D7`). */
  row: number;
  column: number;
}

export type LowResultEvidence = JudgedResult & { state: "low"; failing: number };

export interface SchoolIdentification {
  login: string;
  name: string;
  municipality: string;
  /** Zero-based sheet row of the school in the source table. */
  row: number;
  status: SchoolStatus;
  criteria: (1 | 2)[];
  /** The low results of the two years the rule looks at, reference year first. */
  lowResults: LowResultEvidence[];
  /** Russian text naming the years, procedures and percentages behind the status. */
  reason: string;
}

export interface IdentificationMethod {
  edition: RuleEdition;
  threshold: number;
  minParticipants: number;
  referenceYear: string;
  previousYear: string | null;
  /** False when the table has no participant counts, so small classes could not be set aside. */
  participantCountsUsed: boolean;
  /** Russian description printed next to every list (DOMAIN §7). */
  description: string;
}

export interface IdentificationResult {
  method: IdentificationMethod;
  schools: SchoolIdentification[];
  warnings: Warning[];
}

/** The two years the rule compares, and the counted procedures' groups of each. */
export interface RuleYears {
  reference: SchoolYear;
  previous: SchoolYear | null;
  referenceGroups: IndexedGroup[];
  previousGroups: IndexedGroup[];
}

interface IndexedGroup {
  group: ColumnGroup;
  index: number;
  /** For a reference-year group: the group of the same procedure in the previous year, if any. */
  previousIndex?: number;
  /** The groups of the same procedure in every year of the table. */
  sameProcedure: number[];
}

/**
 * Identifies schools with low results by the FIOKO criteria (DOMAIN §2): criterion 1, low results in
 * at least two procedures of the reference year; criterion 2, low results in each of the two years
 * (any procedure in the 2020 edition, the same procedure in the 2025 edition).
 */
export function identifyLowResultSchools(
  table: ExportTable,
  options: Partial<IdentificationOptions> = {}
): IdentificationResult | EngineError {
  const settings: IdentificationOptions = { ...DEFAULT_IDENTIFICATION_OPTIONS, ...options };
  const invalid = checkSettings(settings);
  if (invalid) return invalid;
  const years = chooseRuleYears(table, settings.referenceYear);
  if ("kind" in years) return years;
  const method: IdentificationMethod = {
    edition: settings.edition,
    threshold: settings.threshold,
    minParticipants: settings.minParticipants,
    referenceYear: years.reference.label,
    previousYear: years.previous?.label ?? null,
    participantCountsUsed: table.hasParticipantCounts,
    description: "",
  };
  method.description = describeMethod(method);
  const schools = table.schools.map((_, school) => identifySchool(table, school, years, settings));
  return { method, schools, warnings: ruleWarnings(table, years) };
}

function checkSettings(settings: IdentificationOptions): EngineError | null {
  if (settings.edition !== "2020" && settings.edition !== "2025") {
    return engineError(
      "bad_option",
      `редакция правил: ожидалось 2020 или 2025; найдено «${String(settings.edition)}»`
    );
  }
  if (!Number.isFinite(settings.threshold) || settings.threshold <= 0 || settings.threshold > 100) {
    return engineError(
      "bad_option",
      `порог низкого результата: ожидалось число больше 0 и не больше 100; найдено «${settings.threshold}»`
    );
  }
  if (!Number.isInteger(settings.minParticipants) || settings.minParticipants < 0) {
    return engineError(
      "bad_option",
      `минимум участников: ожидалось целое неотрицательное число; найдено «${settings.minParticipants}»`
    );
  }
  return null;
}

/** The reference year is the one chosen, or the latest year with any counted result. */
export function chooseRuleYears(
  table: ExportTable,
  chosen: string | undefined
): RuleYears | EngineError {
  const counted = table.groups
    .map((group, index) => ({ group, index }))
    .filter(({ group }) => group.procedure.countedForLowResults);
  if (counted.length === 0) {
    return engineError(
      "no_data",
      `В таблице листа «${table.sheetName}» нет процедур, которые учитывает методика (ВПР МА/РУ 5 и 6 классов, ОГЭ и ЕГЭ по математике и русскому языку)`
    );
  }
  const withData = counted.filter(({ index }) =>
    table.values[index].failing.some((value) => !Number.isNaN(value))
  );
  let reference: SchoolYear | undefined;
  if (chosen !== undefined) {
    // A year in any spelling, or a label exactly as the table names it (the headerless convention's
    // «последний год»).
    const wanted = parseSchoolYear(chosen)?.end;
    reference = table.years.find((year) => year.end === wanted || year.label === chosen.trim());
    if (reference === undefined) {
      const present = table.years.map((year) => year.label).join(", ");
      return engineError(
        "bad_option",
        `отчётный год «${chosen}» не найден в таблице; есть: ${present}`
      );
    }
  } else {
    reference = withData.map(({ group }) => group.year).sort((a, b) => b.end - a.end)[0];
    if (reference === undefined) {
      return engineError(
        "no_data",
        `В таблице листа «${table.sheetName}» нет ни одного значения «% «2»» по учитываемым процедурам`
      );
    }
  }
  const previous = table.years.find((year) => year.end === reference!.end - 1) ?? null;
  const sameProcedure = (id: string): number[] =>
    counted.filter(({ group }) => group.procedure.id === id).map(({ index }) => index);
  const withSiblings = (entry: { group: ColumnGroup; index: number }): IndexedGroup => ({
    ...entry,
    sameProcedure: sameProcedure(entry.group.procedure.id),
  });
  const previousGroups = previous
    ? counted.filter(({ group }) => group.year.end === previous.end).map(withSiblings)
    : [];
  const referenceGroups = counted
    .filter(({ group }) => group.year.end === reference!.end)
    .map((entry) => ({
      ...withSiblings(entry),
      previousIndex: previousGroups.find(
        ({ group }) => group.procedure.id === entry.group.procedure.id
      )?.index,
    }));
  return { reference, previous, referenceGroups, previousGroups };
}

/** What the rule sees of one school in one year; objects only for what a reason has to name. */
export interface YearJudgement {
  low: LowResultEvidence[];
  small: JudgedResult[];
  /** Counted procedures with no value for the year that the school has in other years. */
  missing: Procedure[];
  /** Results that could be judged (low or not). */
  usable: number;
}

function judgeYear(
  table: ExportTable,
  school: number,
  groups: IndexedGroup[],
  settings: IdentificationOptions
): YearJudgement {
  const judgement: YearJudgement = { low: [], small: [], missing: [], usable: 0 };
  for (const { group, index, sameProcedure } of groups) {
    const values = table.values[index];
    const failing = values.failing[school];
    const participants = values.participants[school];
    const state = judgeResult(
      Number.isNaN(failing) ? null : failing,
      Number.isNaN(participants) ? null : participants,
      settings.threshold,
      settings.minParticipants
    );
    if (state === "ok") {
      judgement.usable++;
      continue;
    }
    if (state === "missing") {
      // A procedure the school never has (no ЕГЭ in an ООШ) is not news; a gap in a series is.
      const hasItElsewhere = sameProcedure.some(
        (other) => !Number.isNaN(table.values[other].failing[school])
      );
      if (hasItElsewhere) judgement.missing.push(group.procedure);
      continue;
    }
    const result: JudgedResult = {
      procedure: group.procedure,
      year: group.year,
      state,
      failing,
      participants: Number.isNaN(participants) ? null : participants,
      row: table.schools[school].row,
      column: (group.columns.failing ?? group.columns.high)!,
    };
    if (state === "low") {
      judgement.usable++;
      judgement.low.push(result as LowResultEvidence);
    } else judgement.small.push(result);
  }
  return judgement;
}

/** The facts about one school that decide its status and that its reason text reports. */
export interface SchoolJudgement {
  reference: YearJudgement;
  previous: YearJudgement;
  criteria: (1 | 2)[];
  /** Criterion 2 could decide the status but the data needed for it is missing. */
  criterionTwoUndecidable: boolean;
}

function identifySchool(
  table: ExportTable,
  school: number,
  years: RuleYears,
  settings: IdentificationOptions
): SchoolIdentification {
  const reference = judgeYear(table, school, years.referenceGroups, settings);
  const previous = judgeYear(table, school, years.previousGroups, settings);
  const lowBefore = (procedureId: string): boolean =>
    previous.low.some((earlier) => earlier.procedure.id === procedureId);
  const criterionTwo =
    settings.edition === "2020"
      ? reference.low.length > 0 && previous.low.length > 0
      : reference.low.some((low) => lowBefore(low.procedure.id));
  const criteria: (1 | 2)[] = [];
  if (reference.low.length >= 2) criteria.push(1);
  if (criterionTwo) criteria.push(2);
  const judgement: SchoolJudgement = {
    reference,
    previous,
    criteria,
    criterionTwoUndecidable:
      criteria.length === 0 &&
      criterionTwoUnknown(table, school, reference, previous, years, settings),
  };
  const status: SchoolStatus =
    criteria.length > 0
      ? "shnor"
      : reference.usable === 0 || judgement.criterionTwoUndecidable
        ? "insufficient_data"
        : "not_shnor";
  const record = table.schools[school];
  return {
    login: record.login,
    name: record.name,
    municipality: record.municipality,
    row: record.row,
    status,
    criteria,
    lowResults: [...reference.low, ...previous.low],
    reason: explainSchool(status, judgement, years, settings),
  };
}

/**
 * With a low result in the reference year, criterion 2 hangs on the previous year: in the 2020 edition
 * on any judged result there, in the 2025 edition on the same procedure's.
 */
function criterionTwoUnknown(
  table: ExportTable,
  school: number,
  reference: YearJudgement,
  previous: YearJudgement,
  years: RuleYears,
  settings: IdentificationOptions
): boolean {
  if (reference.low.length === 0) return false;
  if (settings.edition === "2020") return previous.usable === 0;
  return reference.low.some((low) => {
    const entry = years.referenceGroups.find(
      ({ group }) => group.procedure.id === low.procedure.id
    );
    if (entry?.previousIndex === undefined) return true;
    const values = table.values[entry.previousIndex];
    const judged = judgeResult(
      Number.isNaN(values.failing[school]) ? null : values.failing[school],
      Number.isNaN(values.participants[school]) ? null : values.participants[school],
      settings.threshold,
      settings.minParticipants
    );
    return judged === "missing" || judged === "small";
  });
}

function ruleWarnings(table: ExportTable, years: RuleYears): Warning[] {
  if (years.previous !== null) return [];
  return [
    {
      cell: quotedSheetName(table.sheetName),
      message: `в таблице нет результатов года, предшествующего ${years.reference.label}: критерий 2 не проверяется, школы с одним низким результатом отнесены к «недостаточно данных»`,
    },
  ];
}
