import type { EngineError, Warning } from "../types";
import type { ColumnGroup, ExportTable, Procedure, SchoolYear } from "../table/exportTable";
import {
  DEFAULT_IDENTIFICATION_OPTIONS,
  type IdentificationOptions,
  type RuleEdition,
} from "./identificationOptions";
import {
  CRITERIA_BY_CODE,
  criteriaCode,
  isLowResult,
  judgeValue,
  type ResultState,
} from "./lowResult";
import {
  schoolEvidence,
  schoolReason,
  type IdentificationRun,
  type SchoolEvidence,
} from "./schoolEvidence";
import { engineError } from "../engineError";
import { parseSchoolYear } from "../table/schoolYear";
import { quotedSheetName } from "../table/cellAddress";
import { describeMethod } from "./identificationReason";
import { plural } from "../russianText";

export { DEFAULT_IDENTIFICATION_OPTIONS, type IdentificationOptions, type RuleEdition };
export type { SchoolEvidence };

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
}

export interface IdentificationMethod {
  edition: RuleEdition;
  threshold: number;
  minParticipants: number;
  referenceYear: string;
  previousYear: string | null;
  /** False when the table has no participant counts, so small classes could not be set aside. */
  participantCountsUsed: boolean;
  /**
   * Russian: where the years came from and why the reference year is the one it is («годы — из
   * заголовков столбцов; 2020 не взят отчётным: в нём результаты 3 из 9 процедур»).
   */
  years: string;
  /** Russian description printed next to every list (docs/method.md §7). */
  description: string;
}

export interface IdentificationResult {
  method: IdentificationMethod;
  /** Every school's status, in the table's order: `schools[i].status` without making `schools`. */
  statuses: SchoolStatus[];
  /** How many schools have each status: what the summary, the ШНОР sheet and the command line count. */
  counts: Record<SchoolStatus, number>;
  /** Made when first read, then kept (see `identifyLowResultSchools`): plain data, one per school. */
  schools: SchoolIdentification[];
  /**
   * The low results behind the status of the school at this place of `schools`, and the results
   * judged; made anew at each call (schoolEvidence.ts).
   */
  evidenceOf(school: number): SchoolEvidence;
  /** The Russian text naming the years, procedures and percentages behind that school's status. */
  reasonOf(school: number): string;
  warnings: Warning[];
}

/** The two years the rule compares, and the counted procedures' groups of each. */
export interface RuleYears {
  reference: SchoolYear;
  previous: SchoolYear | null;
  /** How many counted procedures have results in each year, and in the table at all. */
  coverage: YearCoverage;
  /** The latest year with results, when it was passed over as too partial to be the reference. */
  passedOver: SchoolYear | null;
  /** True when the user chose the reference year. */
  chosen: boolean;
  referenceGroups: IndexedGroup[];
  previousGroups: IndexedGroup[];
}

export interface IndexedGroup {
  group: ColumnGroup;
  index: number;
  /** Zero-based sheet column of the group's "% «2»" cell (its first column when it has none). */
  column: number;
  /** For a reference-year group: the group of the same procedure in the previous year, if any. */
  previousIndex?: number;
  /** The groups of the same procedure in every year of the table. */
  sameProcedure: number[];
}

/**
 * Identifies schools with low results by the FIOKO criteria (docs/method.md §2): criterion 1, low results in
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
    years: yearsNote(table, years),
    description: "",
  };
  method.description = describeMethod(method);
  const counts = countResults(table, years, settings);
  // With a minimum, the results it sets aside are judged too, to tell «не ШНОР» from «depends on them».
  const unfiltered =
    settings.minParticipants > 0 && table.hasParticipantCounts
      ? countResults(table, years, { ...settings, minParticipants: 0 })
      : null;
  const run: IdentificationRun = { table, years, settings };
  const { statuses, criteria, statusCounts } = judgeEverySchool(
    table.schools.length,
    counts,
    unfiltered,
    settings
  );
  // The rule is decided above for every school; a school's result object is plain data made from
  // it. At 50,000 schools those objects, kept alive together, are what the garbage collector copies,
  // so they are made when a caller first reads `schools` (a sheet, the report), not by the analysis.
  let schools: SchoolIdentification[] | undefined;
  return {
    method,
    statuses,
    counts: statusCounts,
    get schools() {
      return (schools ??= statuses.map((status, school) =>
        identifiedSchool(table, school, status, CRITERIA_BY_CODE[criteria[school]])
      ));
    },
    evidenceOf: (school) => schoolEvidence(run, school, CRITERIA_BY_CODE[criteria[school]]),
    reasonOf: (school) =>
      schoolReason(run, school, statuses[school], CRITERIA_BY_CODE[criteria[school]]),
    warnings: ruleWarnings(table, years),
  };
}

/**
 * Every school's criteria and status from the counts. The loop is a function of its own, with only
 * plain variables read after it: V8 compiled `identifyLowResultSchools` while this loop ran in it
 * (on-stack replacement), and the compiled code, on reaching what follows the loop, was thrown away
 * on every call (as it was here after the loop on reading `statuses.length`).
 */
function judgeEverySchool(
  schoolCount: number,
  counts: ResultCounts,
  unfiltered: ResultCounts | null,
  settings: IdentificationOptions
): {
  statuses: SchoolStatus[];
  /** Each school's `criteriaCode`: a byte, where a list per school was an array of 50,000 to fill. */
  criteria: Uint8Array;
  statusCounts: Record<SchoolStatus, number>;
} {
  // Filled by push, so V8 keeps the array packed (`new Array(n)` makes it holey, slower to read).
  const statuses: SchoolStatus[] = [];
  const criteria = new Uint8Array(schoolCount);
  // Counted in plain variables: `counts[status]++` with the status as the key was a keyed store per
  // school, a tenth of the identification's time at 50,000 schools.
  let shnor = 0;
  let insufficient = 0;
  for (let school = 0; school < schoolCount; school++) {
    const met = criteriaCode(
      counts.lowReference[school],
      counts.lowPrevious[school],
      counts.sameProcedureLow[school] === 1,
      settings.edition
    );
    let status = statusOf(counts, school, met, settings);
    if (
      status === "not_shnor" &&
      unfiltered !== null &&
      dependsOnSetAside(unfiltered, school, settings)
    )
      status = "insufficient_data";
    criteria[school] = met;
    statuses.push(status);
    if (status === "shnor") shnor++;
    else if (status === "insufficient_data") insufficient++;
  }
  const statusCounts = {
    shnor,
    not_shnor: schoolCount - shnor - insufficient,
    insufficient_data: insufficient,
  };
  return { statuses, criteria, statusCounts };
}

/** A school's result as plain data, its fields in the order the interface lists them. */
function identifiedSchool(
  table: ExportTable,
  school: number,
  status: SchoolStatus,
  criteria: (1 | 2)[]
): SchoolIdentification {
  const { login, name, municipality, row } = table.schools[school];
  return { login, name, municipality, row, status, criteria };
}

/**
 * Lower-case logins of the schools identified as ШНОР, in the table's order (what the risk group
 * leaves out). A list, not a set: the table reads each login once, and the risk matrix only walks
 * them (`assessRiskFactors`); a set of 8,000 scattered strings cost about a fifth of the matrix's
 * time at national scale.
 */
export function lowResultLogins(table: ExportTable, result: IdentificationResult): string[] {
  const logins: string[] = [];
  const { statuses } = result;
  for (let school = 0; school < statuses.length; school++)
    if (statuses[school] === "shnor") logins.push(table.schools[school].key);
  return logins;
}

/** What decides every school's status, counted column by column (`countResults`). */
interface ResultCounts {
  lowReference: Uint8Array;
  lowPrevious: Uint8Array;
  /** Results judged, low or not (missing ones and too few participants are not). */
  usableReference: Uint8Array;
  usablePrevious: Uint8Array;
  /** 2025 edition: a procedure low in both years. */
  sameProcedureLow: Uint8Array;
  /** 2025 edition: a procedure low in the reference year whose previous result is missing or too small. */
  previousUnknown: Uint8Array;
}

/**
 * Judges every result of the two years a column at a time, counting only. The table is columnar: one
 * group's column for all schools is read in memory order, where judging school by school jumps between
 * 18 columns for each (at 50,000 schools that was most of the time).
 */
function countResults(
  table: ExportTable,
  years: RuleYears,
  settings: IdentificationOptions
): ResultCounts {
  const schools = table.schools.length;
  const counts: ResultCounts = {
    lowReference: new Uint8Array(schools),
    lowPrevious: new Uint8Array(schools),
    usableReference: new Uint8Array(schools),
    usablePrevious: new Uint8Array(schools),
    sameProcedureLow: new Uint8Array(schools),
    previousUnknown: new Uint8Array(schools),
  };
  for (const entry of years.referenceGroups)
    countGroup(table, entry, settings, counts.lowReference, counts.usableReference);
  for (const entry of years.previousGroups)
    countGroup(table, entry, settings, counts.lowPrevious, counts.usablePrevious);
  if (settings.edition === "2025")
    for (const entry of years.referenceGroups)
      compareWithPreviousYear(table, entry, settings, counts);
  return counts;
}

function countGroup(
  table: ExportTable,
  entry: IndexedGroup,
  settings: IdentificationOptions,
  low: Uint8Array,
  usable: Uint8Array
): void {
  const { failing, participants } = table.values[entry.index];
  const { threshold, minParticipants } = settings;
  // With no minimum no count sets a result aside (a table's counts are never negative, readCount):
  // the participants' column is not read at all.
  if (minParticipants === 0) countValues(failing, threshold, low, usable);
  else countCountedValues(failing, participants, threshold, minParticipants, low, usable);
}

/** `countGroup` with no minimum of participants: every value is judged. */
function countValues(
  failing: Float64Array,
  threshold: number,
  low: Uint8Array,
  usable: Uint8Array
): void {
  for (let school = 0; school < failing.length; school++) {
    const value = failing[school];
    if (value !== value) continue;
    usable[school]++;
    if (isLowResult(value, threshold)) low[school]++;
  }
}

/** `countGroup` with a minimum: the values of groups known to be smaller are set aside. */
function countCountedValues(
  failing: Float64Array,
  participants: Float64Array,
  threshold: number,
  minParticipants: number,
  low: Uint8Array,
  usable: Uint8Array
): void {
  for (let school = 0; school < failing.length; school++) {
    // `judgeValue` spelled out: «ok» or «low» is a value (not NaN) of a group not too small (NaN, no
    // count, is never too few). Two numeric tests where the state's strings were compared twice.
    const value = failing[school];
    if (value !== value || participants[school] < minParticipants) continue;
    usable[school]++;
    if (isLowResult(value, threshold)) low[school]++;
  }
}

/** 2025 edition: criterion 2 wants the same procedure low in the previous year too. */
function compareWithPreviousYear(
  table: ExportTable,
  entry: IndexedGroup,
  settings: IdentificationOptions,
  counts: ResultCounts
): void {
  const { threshold, minParticipants } = settings;
  const reference = table.values[entry.index];
  const previous = entry.previousIndex === undefined ? null : table.values[entry.previousIndex];
  for (let school = 0; school < reference.failing.length; school++) {
    const now = judgeValue(
      reference.failing[school],
      reference.participants[school],
      threshold,
      minParticipants
    );
    if (now !== "low") continue;
    const before = previous
      ? judgeValue(
          previous.failing[school],
          previous.participants[school],
          threshold,
          minParticipants
        )
      : "missing";
    if (before === "low") counts.sameProcedureLow[school] = 1;
    else if (before === "missing" || before === "small") counts.previousUnknown[school] = 1;
  }
}

/**
 * Without a criterion met, a school is «not enough data» when it has no judged result in the reference
 * year, or when criterion 2 hangs on a previous year that has nothing to judge: any result there in
 * the 2020 edition, the same procedure's in the 2025 edition.
 */
function statusOf(
  counts: ResultCounts,
  school: number,
  criteria: number,
  settings: IdentificationOptions
): SchoolStatus {
  // A criterion met (`criteriaCode` is not 0).
  if (criteria !== 0) return "shnor";
  const criterionTwoUndecidable =
    counts.lowReference[school] > 0 &&
    (settings.edition === "2020"
      ? counts.usablePrevious[school] === 0
      : counts.previousUnknown[school] === 1);
  return counts.usableReference[school] === 0 || criterionTwoUndecidable
    ? "insufficient_data"
    : "not_shnor";
}

/** Not ШНОР without the small groups' results, but ШНОР with them: the status is theirs to decide. */
function dependsOnSetAside(
  unfiltered: ResultCounts,
  school: number,
  settings: IdentificationOptions
): boolean {
  return (
    criteriaCode(
      unfiltered.lowReference[school],
      unfiltered.lowPrevious[school],
      unfiltered.sameProcedureLow[school] === 1,
      settings.edition
    ) !== 0
  );
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
  }
  const coverage = yearCoverage(withData.map(({ group }) => group));
  let passedOver: SchoolYear | null = null;
  if (reference === undefined) {
    const choice = defaultReferenceYear(coverage);
    if (choice === null) {
      return engineError(
        "no_data",
        `В таблице листа «${table.sheetName}» нет ни одного значения «% «2»» по учитываемым процедурам`
      );
    }
    ({ reference, passedOver } = choice);
  }
  const previous = table.years.find((year) => year.end === reference!.end - 1) ?? null;
  const sameProcedure = (id: string): number[] =>
    counted.filter(({ group }) => group.procedure.id === id).map(({ index }) => index);
  const withSiblings = (entry: { group: ColumnGroup; index: number }): IndexedGroup => ({
    ...entry,
    column: (entry.group.columns.failing ?? entry.group.columns.high)!,
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
  return {
    reference,
    previous,
    referenceGroups,
    previousGroups,
    coverage,
    passedOver,
    chosen: chosen !== undefined,
  };
}

/** Counted procedures with results: in the table, and year by year. */
export interface YearCoverage {
  procedures: number;
  /** Latest year first. */
  years: { year: SchoolYear; procedures: string[] }[];
}

function yearCoverage(groups: ColumnGroup[]): YearCoverage {
  const byYear = new Map<number, { year: SchoolYear; procedures: string[] }>();
  for (const group of groups) {
    const entry = byYear.get(group.year.end) ?? { year: group.year, procedures: [] };
    if (!entry.procedures.includes(group.procedure.label))
      entry.procedures.push(group.procedure.label);
    byYear.set(group.year.end, entry);
  }
  return {
    procedures: new Set(groups.map((group) => group.procedure.id)).size,
    years: [...byYear.values()].sort((a, b) => b.year.end - a.year.end),
  };
}

/**
 * The reference year by default (docs/method.md §2): the latest year with results for at least half
 * of the counted procedures the table has. A latest year with only a few — 2020, when ОГЭ was
 * cancelled and ВПР moved to the autumn, left ЕГЭ alone — would otherwise make nearly every school
 * «недостаточно данных»; it is passed over, and said so. With no such year, the latest one.
 */
function defaultReferenceYear(
  coverage: YearCoverage
): { reference: SchoolYear; passedOver: SchoolYear | null } | null {
  const latest = coverage.years[0];
  if (latest === undefined) return null;
  const complete = coverage.years.find(
    (entry) => entry.procedures.length * 2 >= coverage.procedures
  );
  if (complete === undefined || complete === latest)
    return { reference: latest.year, passedOver: null };
  return { reference: complete.year, passedOver: latest.year };
}

function ruleWarnings(table: ExportTable, years: RuleYears): Warning[] {
  const warnings: Warning[] = [];
  const sheet = quotedSheetName(table.sheetName);
  if (years.passedOver !== null) {
    warnings.push({
      cell: sheet,
      message:
        `${partialYearText(years, years.passedOver)}: отчётным взят ${years.reference.label} — последний год с результатами большинства процедур (${coverageOf(years, years.reference)}). ` +
        `Чтобы взять ${years.passedOver.label}, укажите --year ${years.passedOver.label} (в области задач — «Отчётный год»)`,
    });
  } else if (
    years.chosen &&
    coverageCount(years, years.reference) * 2 < years.coverage.procedures
  ) {
    warnings.push({
      cell: sheet,
      message: `${partialYearText(years, years.reference)}, а он выбран отчётным: школы без результатов этих процедур получат «недостаточно данных»`,
    });
  }
  if (years.previous === null) {
    warnings.push({
      cell: sheet,
      message: `в таблице нет результатов года, предшествующего ${years.reference.label}: критерий 2 не проверяется, школы с одним низким результатом отнесены к «недостаточно данных»`,
    });
  }
  return warnings;
}

function coverageCount(years: RuleYears, year: SchoolYear): number {
  return years.coverage.years.find((entry) => entry.year.end === year.end)?.procedures.length ?? 0;
}

/** «3 из 9 процедур» */
function coverageOf(years: RuleYears, year: SchoolYear): string {
  return `${coverageCount(years, year)} из ${plural(years.coverage.procedures, "процедуры", "процедур", "процедур")}`;
}

/** «в 2020 — 3 из 9 процедур (ЕГЭ МА база, …)» */
function partialYearText(years: RuleYears, year: SchoolYear): string {
  const listed =
    years.coverage.years.find((entry) => entry.year.end === year.end)?.procedures ?? [];
  return `в ${year.label} — результаты только ${coverageOf(years, year)}${listed.length > 0 ? ` (${listed.join(", ")})` : ""}`;
}

/** Where the years came from and why the reference year is the one it is, for the method line. */
function yearsNote(table: ExportTable, years: RuleYears): string {
  const source = table.layout.years;
  const from =
    source.kind === "columns"
      ? "из заголовков столбцов"
      : source.kind === "title"
        ? `из заголовка над таблицей (${source.cell.split("!")[1] ?? source.cell}: «${source.text}»)`
        : source.kind === "user"
          ? `указаны пользователем (${source.text})`
          : "в таблице не названы";
  const why =
    years.passedOver !== null
      ? `; ${years.passedOver.label} не взят отчётным: в нём результаты только ${coverageOf(years, years.passedOver)}`
      : years.chosen
        ? "; отчётный год выбран пользователем"
        : "";
  return `годы — ${from}${why}`;
}
