import type { EngineError, Warning } from "./types";
import type { ColumnGroup, ExportTable, Procedure, SchoolRecord, SchoolYear } from "./exportTable";
import { DEFAULT_IDENTIFICATION_OPTIONS, type IdentificationOptions, type RuleEdition } from "./identificationOptions";
import { judgeResult, type ResultState } from "./lowResult";
import { engineError } from "./engineError";
import { parseSchoolYear } from "./schoolYear";
import { quotedSheetName } from "./cellAddress";
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
  cell: string | null;
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
}

/**
 * Identifies schools with low results by the FIOKO criteria (DOMAIN §2): criterion 1, low results in
 * at least two procedures of the reference year; criterion 2, low results in each of the two years
 * (any procedure in the 2020 edition, the same procedure in the 2025 edition).
 */
export function identifyLowResultSchools(
  table: ExportTable,
  options: Partial<IdentificationOptions> = {},
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
  const schools = table.schools.map((school) => identifySchool(school, years, settings));
  return { method, schools, warnings: ruleWarnings(table, years) };
}

function checkSettings(settings: IdentificationOptions): EngineError | null {
  if (settings.edition !== "2020" && settings.edition !== "2025") {
    return engineError("bad_option", `редакция правил: ожидалось 2020 или 2025; найдено «${String(settings.edition)}»`);
  }
  if (!Number.isFinite(settings.threshold) || settings.threshold <= 0 || settings.threshold > 100) {
    return engineError("bad_option", `порог низкого результата: ожидалось число больше 0 и не больше 100; найдено «${settings.threshold}»`);
  }
  if (!Number.isInteger(settings.minParticipants) || settings.minParticipants < 0) {
    return engineError("bad_option", `минимум участников: ожидалось целое неотрицательное число; найдено «${settings.minParticipants}»`);
  }
  return null;
}

/** The reference year is the one chosen, or the latest year with any counted result. */
export function chooseRuleYears(table: ExportTable, chosen: string | undefined): RuleYears | EngineError {
  const counted = table.groups
    .map((group, index) => ({ group, index }))
    .filter(({ group }) => group.procedure.countedForLowResults);
  if (counted.length === 0) {
    return engineError(
      "no_data",
      `В таблице листа «${table.sheetName}» нет процедур, которые учитывает методика (ВПР МА/РУ 5 и 6 классов, ОГЭ и ЕГЭ по математике и русскому языку)`,
    );
  }
  const withData = counted.filter(({ index }) => table.schools.some((school) => school.results[index]?.failing != null));
  let reference: SchoolYear | undefined;
  if (chosen !== undefined) {
    const wanted = parseSchoolYear(chosen)?.end;
    reference = table.years.find((year) => year.end === wanted);
    if (reference === undefined) {
      const present = table.years.map((year) => year.label).join(", ");
      return engineError("bad_option", `отчётный год «${chosen}» не найден в таблице; есть: ${present}`);
    }
  } else {
    reference = withData.map(({ group }) => group.year).sort((a, b) => b.end - a.end)[0];
    if (reference === undefined) {
      return engineError("no_data", `В таблице листа «${table.sheetName}» нет ни одного значения «% «2»» по учитываемым процедурам`);
    }
  }
  const previous = table.years.find((year) => year.end === reference!.end - 1) ?? null;
  return {
    reference,
    previous,
    referenceGroups: counted.filter(({ group }) => group.year.end === reference!.end),
    previousGroups: previous ? counted.filter(({ group }) => group.year.end === previous.end) : [],
  };
}

function judge(school: SchoolRecord, groups: IndexedGroup[], settings: IdentificationOptions): JudgedResult[] {
  return groups.map(({ group, index }) => {
    const result = school.results[index];
    return {
      procedure: group.procedure,
      year: group.year,
      state: judgeResult(result?.failing ?? null, result?.participants ?? null, settings.threshold, settings.minParticipants),
      failing: result?.failing ?? null,
      participants: result?.participants ?? null,
      cell: result?.cell ?? null,
    };
  });
}

const isLow = (result: JudgedResult): result is LowResultEvidence => result.state === "low";
const isUsable = (result: JudgedResult): boolean => result.state === "low" || result.state === "ok";

/** The facts about one school that decide its status and that its reason text reports. */
export interface SchoolJudgement {
  reference: JudgedResult[];
  previous: JudgedResult[];
  lowReference: LowResultEvidence[];
  lowPrevious: LowResultEvidence[];
  criteria: (1 | 2)[];
  /** Criterion 2 could decide the status but the data needed for it is missing. */
  criterionTwoUndecidable: boolean;
}

function identifySchool(school: SchoolRecord, years: RuleYears, settings: IdentificationOptions): SchoolIdentification {
  const reference = judge(school, years.referenceGroups, settings);
  const previous = judge(school, years.previousGroups, settings);
  const lowReference = reference.filter(isLow);
  const lowPrevious = previous.filter(isLow);
  const sameProcedure = (low: JudgedResult): boolean =>
    lowPrevious.some((earlier) => earlier.procedure.id === low.procedure.id);
  const criterionTwo =
    settings.edition === "2020" ? lowReference.length > 0 && lowPrevious.length > 0 : lowReference.some(sameProcedure);
  const criteria: (1 | 2)[] = [];
  if (lowReference.length >= 2) criteria.push(1);
  if (criterionTwo) criteria.push(2);
  const previousUnknown = (low: JudgedResult): boolean =>
    settings.edition === "2020"
      ? !previous.some(isUsable)
      : !previous.some((earlier) => earlier.procedure.id === low.procedure.id && isUsable(earlier));
  const judgement: SchoolJudgement = {
    reference,
    previous,
    lowReference,
    lowPrevious,
    criteria,
    criterionTwoUndecidable: criteria.length === 0 && lowReference.some(previousUnknown),
  };
  const status: SchoolStatus =
    criteria.length > 0
      ? "shnor"
      : !reference.some(isUsable) || judgement.criterionTwoUndecidable
        ? "insufficient_data"
        : "not_shnor";
  return {
    login: school.login,
    name: school.name,
    municipality: school.municipality,
    row: school.row,
    status,
    criteria,
    lowResults: [...lowReference, ...lowPrevious],
    reason: explainSchool(status, judgement, years, settings),
  };
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
