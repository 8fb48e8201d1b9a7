import type { Targets } from "../summary/targets";
import type { EngineError, SheetGrid, Warning } from "../types";
import type { ExportTable, MergedRange, ReadTableOptions } from "../table/exportTable";
import { parseTableYears } from "../table/titleYears";
import type { SheetLayout } from "../sheetLayout";
import { layoutWithinCells } from "../cellLimit";
import type { KeyedSheet } from "../sheets/keyedSheet";
import { engineError, isEngineError } from "../engineError";
import { readExportTable } from "../table/readExportTable";
import {
  identifyLowResultSchools,
  lowResultLogins,
  type IdentificationResult,
} from "../lowResults/identifyLowResultSchools";
import {
  DEFAULT_IDENTIFICATION_OPTIONS,
  type IdentificationOptions,
} from "../lowResults/identificationOptions";
import { identificationSheets } from "../lowResults/identificationLayouts";
import { readSocialPassport, type SocialPassport } from "../social/socialPassport";
import { assessSocialWellBeing, type SocialWellBeingResult } from "../social/assessSocialWellBeing";
import { socialLayout } from "../social/socialLayouts";
import type { Quantile } from "../social/lowerQuantile";
import { readRiskQuestionnaire, type RiskQuestionnaire } from "../risk/riskQuestionnaire";
import {
  readRiskThresholds,
  riskThresholdsLayout,
  type RiskThresholdsSheet,
} from "../risk/riskThresholds";
import { assessRiskFactors, type RiskAssessment } from "../risk/assessRiskFactors";
import { riskListLayout, riskMatrixLayout } from "../risk/riskLayouts";
import { readStaffing, type Staffing } from "../staffing/staffing";
import { summarizeIndicators, type IndicatorSummary } from "../summary/indicatorSummary";
import { checkSchoolsTotal, flaggedListWarnings } from "../summary/schoolsTotal";
import { schoolDynamicsLayout, summaryLayout } from "../summary/summaryLayouts";
import {
  contextAdjustedResults,
  type ContextAdjustedResult,
} from "../context/contextAdjustedResults";
import { resultsIndex } from "../context/resultsIndex";
import { contextLayout } from "../context/contextLayouts";
import { warningsLayout } from "../warningsLayout";
import { readOfficialList, type OfficialList } from "../reconciliation/officialList";
import { reconcileWithOfficialList, type Reconciliation } from "../reconciliation/reconcile";
import { reconciliationLayout } from "../reconciliation/reconciliationLayout";
import { analyticalReport } from "../report/analyticalReport";
import { reportLayout } from "../report/reportLayout";
import { quotedSheetName } from "../table/cellAddress";
import { statusHistory, type StatusHistory } from "../lowResults/statusHistory";
import { historyLayout } from "../lowResults/historyLayout";
import { schoolProfiles, type SchoolProfiles } from "../profile/schoolProfile";
import { profileLayout, type ProfileSources } from "../profile/profileLayout";
import { plural } from "../russianText";

/**
 * One workbook (or several files' sheets) through every part of the engine: recognise what each sheet
 * is, run what the data allows, and lay out the output sheets. The command line and the task pane
 * both call this, so they write the same results.
 */
export type SheetKind =
  | "export-table"
  | "social-passport"
  | "risk-questionnaire"
  | "staffing"
  | "risk-thresholds"
  | "official-list";

export const SHEET_KIND_NAMES: Record<SheetKind, string> = {
  "export-table": "таблица результатов",
  "social-passport": "социальный паспорт",
  "risk-questionnaire": "анкета факторов риска",
  staffing: "кадровый состав",
  "risk-thresholds": "пороги факторов риска",
  "official-list": "список школ для сверки",
};

export interface WorkbookSheetInput {
  grid: SheetGrid;
  mergedRanges?: MergedRange[];
  /** The sheet was written by School Radar (an output): never read as input. */
  own?: boolean;
  /**
   * The user named this sheet (`--official`, the pane's choice) as the official list to reconcile
   * with (docs/method.md §9): read as that only, whatever else its header has.
   */
  official?: boolean;
}

export interface SheetRecognition {
  sheetName: string;
  kind: SheetKind | null;
  schools: number;
  /** Russian: what was found, or why the sheet was not taken. */
  note: string;
}

export interface AnalysisOptions {
  identification: IdentificationOptions;
  quantile: Quantile;
  /** Take the export table from this sheet only. */
  exportSheet: string | null;
  /** «Below expected» when the residual is below −this × its standard deviation. */
  belowDeviations: number;
  /**
   * Lay out the output sheets. A caller that only reports (the command line's `--json`) skips them:
   * at national scale the layouts are millions of cells it would build only to drop.
   */
  layouts: boolean;
  /**
   * The municipality's number of schools, when the table lists only some (seed 002's appendix lists
   * the 15 flagged ones): the share of ШНОР is of it. Null: of the table's schools. Fewer than the
   * table's schools is refused (`checkSchoolsTotal`).
   */
  schoolsTotal: number | null;
  /**
   * The years of a table whose columns do not name them, as the user typed them («2018, 2019»,
   * «2019»; the latest is the reference year), checked with `parseTableYears`. Null: the years come
   * from the headers or the heading above the table.
   */
  tableYears: string | null;
  /** The user's targets (`--targets`, the pane's field); the documents' for the rest (docs/method.md §6). */
  targets: Partial<Targets>;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  identification: DEFAULT_IDENTIFICATION_OPTIONS,
  quantile: 0.25,
  exportSheet: null,
  belowDeviations: 1,
  layouts: true,
  schoolsTotal: null,
  tableYears: null,
  targets: {},
};

export interface WorkbookAnalysis {
  sheets: SheetRecognition[];
  table: ExportTable | null;
  identification: IdentificationResult | null;
  social: SocialWellBeingResult | null;
  risk: RiskAssessment | null;
  staffing: Staffing | null;
  summary: IndicatorSummary;
  context: ContextAdjustedResult | null;
  warnings: Warning[];
  layouts: SheetLayout[];
  /** Our ШНОР against the official list (docs/method.md §9); null without a list or a table. */
  reconciliation: Reconciliation | null;
  /** ШНОР by year (docs/method.md §8); null without a year that has a year before it (a warning says so). */
  history: StatusHistory | null;
  /** One row per school across the analyses; null with fewer than two of table, passport, questionnaire. */
  profile: SchoolProfiles | null;
}

export interface Recognised {
  sheets: SheetRecognition[];
  table: ExportTable | null;
  passport: SocialPassport | null;
  questionnaire: RiskQuestionnaire | null;
  staffing: Staffing | null;
  thresholds: RiskThresholdsSheet | null;
  /** The official list of schools: the one the user named, else the first sheet that is one. */
  official: OfficialList | null;
}

/** Tries every reader on every sheet; the first sheet of each kind with the most schools wins. */
export function recognizeSheets(
  inputs: WorkbookSheetInput[],
  exportSheet: string | null = null,
  tableYears: string | null = null
): Recognised {
  const years = tableYears === null ? null : parseTableYears(tableYears);
  const yearsOption: ReadTableOptions =
    years === null || isEngineError(years) ? {} : { years, yearsText: tableYears!.trim() };
  const found: Recognised = {
    sheets: [],
    table: null,
    passport: null,
    questionnaire: null,
    staffing: null,
    thresholds: null,
    official: null,
  };
  for (const input of inputs) {
    const name = input.grid.sheetName;
    if (input.own) {
      found.sheets.push({
        sheetName: name,
        kind: null,
        schools: 0,
        note: "лист записан Школьным радаром",
      });
      continue;
    }
    found.sheets.push(recognizeOne(input, exportSheet, found, yearsOption));
  }
  return found;
}

function recognizeOne(
  input: WorkbookSheetInput,
  exportSheet: string | null,
  found: Recognised,
  yearsOption: ReadTableOptions
): SheetRecognition {
  const name = input.grid.sheetName;
  const notes: string[] = [];
  if (input.official) return recognizeOfficialList(input.grid, true, found);
  if (exportSheet === null || exportSheet === name) {
    const table = readExportTable(input.grid, {
      mergedRanges: input.mergedRanges ?? [],
      ...yearsOption,
    });
    if (!isEngineError(table) && table.schools.length > 0) {
      if (!found.table || table.schools.length > found.table.schools.length) found.table = table;
      return {
        sheetName: name,
        kind: "export-table",
        schools: table.schools.length,
        note: `${plural(table.procedures.length, "процедура", "процедуры", "процедур")} × ${plural(table.years.length, "год", "года", "лет")}`,
      };
    }
    notes.push(isEngineError(table) ? table.message : "нет ни одной школы");
  }
  // The three templates share a shape; a sheet is the kind whose headers it names the most of.
  const candidates: {
    kind: "social-passport" | "risk-questionnaire" | "staffing";
    sheet: KeyedSheet | EngineError;
  }[] = [
    { kind: "social-passport", sheet: readSocialPassport(input.grid) },
    { kind: "risk-questionnaire", sheet: readRiskQuestionnaire(input.grid) },
    { kind: "staffing", sheet: readStaffing(input.grid) },
  ];
  const best = candidates
    .flatMap(({ kind, sheet }) => (isEngineError(sheet) ? [] : [{ kind, sheet }]))
    .sort((a, b) => Object.keys(b.sheet.columns).length - Object.keys(a.sheet.columns).length)[0];
  if (best) {
    if (best.kind === "social-passport") found.passport ??= best.sheet;
    else if (best.kind === "risk-questionnaire") found.questionnaire ??= best.sheet;
    else found.staffing ??= best.sheet;
    return {
      sheetName: name,
      kind: best.kind,
      schools: best.sheet.rows.length,
      note: plural(best.sheet.rows.length, "школа", "школы", "школ"),
    };
  }
  const thresholds = readRiskThresholds(input.grid);
  if (!isEngineError(thresholds)) {
    found.thresholds ??= thresholds;
    return {
      sheetName: name,
      kind: "risk-thresholds",
      schools: 0,
      note: "пороги параметров факторов риска",
    };
  }
  // Last: a list of schools is a sheet no other reader claims (docs/method.md §9).
  const list = recognizeOfficialList(input.grid, false, found);
  if (list.kind !== null) return list;
  return { sheetName: name, kind: null, schools: 0, note: notes[0] ?? "не распознан" };
}

/** A list the user named wins over one recognised by its header; otherwise the first one does. */
function recognizeOfficialList(
  grid: SheetGrid,
  chosen: boolean,
  found: Recognised
): SheetRecognition {
  const list = readOfficialList(grid, chosen);
  if (isEngineError(list))
    return { sheetName: grid.sheetName, kind: null, schools: 0, note: list.message };
  if (found.official === null || (chosen && !found.official.chosen)) found.official = list;
  return {
    sheetName: grid.sheetName,
    kind: "official-list",
    schools: list.entries.length,
    note: plural(list.entries.length, "школа", "школы", "школ"),
  };
}

export function analyzeWorkbook(
  inputs: WorkbookSheetInput[],
  options: Partial<AnalysisOptions> = {}
): WorkbookAnalysis | EngineError {
  return analyzeRecognised(
    recognizeSheets(inputs, options.exportSheet ?? null, options.tableYears ?? null),
    options
  );
}

/**
 * The analyses on sheets already recognised (with the same `exportSheet`). A host that lets go of the
 * sheets' cells in between keeps them out of the analyses' peak memory: on a national table the
 * cells are 60 MB that nothing reads once the table is.
 */
export function analyzeRecognised(
  found: Recognised,
  options: Partial<AnalysisOptions> = {}
): WorkbookAnalysis | EngineError {
  const settings = { ...DEFAULT_ANALYSIS_OPTIONS, ...options };
  if (settings.exportSheet !== null && !found.table) {
    const sheet = found.sheets.find((candidate) => candidate.sheetName === settings.exportSheet);
    return engineError(
      "no_table",
      sheet
        ? `На листе «${settings.exportSheet}» не найдена таблица результатов: ${sheet.note}`
        : `Лист «${settings.exportSheet}» не найден`
    );
  }
  if (!found.table && !found.passport && !found.questionnaire && !found.staffing) {
    return engineError(
      "no_table",
      "В книге не найдено ни таблицы результатов, ни социального паспорта, ни анкеты факторов риска, ни кадрового состава.\n" +
        found.sheets.map((sheet) => `  «${sheet.sheetName}»: ${sheet.note}`).join("\n")
    );
  }
  const totalProblem =
    settings.schoolsTotal !== null && found.table
      ? checkSchoolsTotal(settings.schoolsTotal, {
          sheetName: found.table.sheetName,
          schools: found.table.schools.length,
        })
      : null;
  if (totalProblem !== null) return totalProblem;
  const identification = found.table
    ? identifyLowResultSchools(found.table, settings.identification)
    : null;
  if (isEngineError(identification)) return identification;
  const history =
    identification && found.table
      ? statusHistory(
          found.table,
          { ...DEFAULT_IDENTIFICATION_OPTIONS, ...settings.identification },
          identification
        )
      : null;
  const social = found.passport
    ? assessSocialWellBeing(found.passport, { quantile: settings.quantile })
    : null;
  const lowResults =
    identification && found.table ? lowResultLogins(found.table, identification) : undefined;
  const risk = found.questionnaire
    ? assessRiskFactors(
        found.questionnaire,
        found.thresholds?.thresholds,
        lowResults,
        found.thresholds?.rule
      )
    : null;
  const summary = summarizeIndicators({
    table: found.table ?? undefined,
    identification: identification ?? undefined,
    social: social ?? undefined,
    risk: risk ?? undefined,
    staffing: found.staffing ?? undefined,
    schoolsTotal: settings.schoolsTotal,
    targets: settings.targets,
  });
  const context =
    found.table && identification && social
      ? contextFor(found.table, identification, social, settings.belowDeviations)
      : null;
  const profile = schoolProfiles({
    table: found.table,
    identification,
    history: history?.history ?? null,
    social,
    risk,
    context,
  });
  const reconciliation =
    found.official && found.table && identification
      ? reconcileWithOfficialList(found.official, found.table, identification)
      : null;
  const warnings = [
    ...(found.table?.warnings ?? []),
    ...(identification?.warnings ?? []),
    ...(history?.warning ? [history.warning] : []),
    ...(identification && found.table
      ? flaggedListWarnings(identification, found.table.sheetName, settings.schoolsTotal)
      : []),
    ...(social?.warnings ?? []),
    ...(risk?.warnings ?? []),
    ...(found.thresholds?.warnings ?? []),
    ...(found.staffing?.warnings ?? []),
    ...(context?.warnings ?? []),
    ...(found.official?.warnings ?? []),
    ...(reconciliation?.warnings ?? []),
    ...(found.official && !reconciliation ? [notReconciled(found.official)] : []),
  ];
  const layouts: SheetLayout[] = !settings.layouts
    ? []
    : [
        ...(identification && found.table ? identificationSheets(identification, found.table) : []),
        ...(history?.history && found.table ? [historyLayout(history.history, found.table)] : []),
        ...(social && found.passport ? [socialLayout(social, found.passport.sheetName)] : []),
        ...(risk && found.questionnaire
          ? [riskMatrixLayout(risk, found.questionnaire.sheetName), riskListLayout(risk)]
          : []),
        ...(risk && !found.thresholds ? [riskThresholdsLayout()] : []),
        summaryLayout(summary, found.table?.years ?? []),
        ...(found.table ? [schoolDynamicsLayout(summary, found.table.years)] : []),
        ...(context ? [contextLayout(context)] : []),
        ...(profile
          ? [profileLayout(profile, profileSources(found), history?.history ?? null)]
          : []),
        ...(reconciliation && found.table && identification
          ? [reconciliationLayout(reconciliation, found.table, identification)]
          : []),
        reportLayout(
          analyticalReport({
            table: found.table,
            identification,
            social,
            risk,
            summary,
            reconciliation,
            history: history?.history ?? null,
          })
        ),
        warningsLayout(warnings),
        // No cell longer than Excel holds, whatever the user's table held (a name of megabytes).
      ].map(layoutWithinCells);
  // The workbook opens on the main result: the ШНОР list, or without a table the first output.
  if (layouts.length > 0 && !layouts.some((layout) => layout.opensHere))
    layouts[0]!.opensHere = true;
  return {
    sheets: found.sheets,
    table: found.table,
    identification,
    social,
    risk,
    staffing: found.staffing,
    summary,
    context,
    warnings,
    layouts,
    reconciliation,
    history: history?.history ?? null,
    profile,
  };
}

/** An official list with nothing to reconcile it with: said, not silently dropped. */
function notReconciled(list: OfficialList): Warning {
  return {
    cell: quotedSheetName(list.sheetName),
    message: `список школ «${list.sheetName}» не сверен: в книге нет таблицы результатов, ШНОР не определялись`,
  };
}

function profileSources(found: Recognised): ProfileSources {
  return {
    table: found.table?.sheetName ?? null,
    passport: found.passport?.sheetName ?? null,
    questionnaire: found.questionnaire?.sheetName ?? null,
  };
}

function contextFor(
  table: ExportTable,
  identification: IdentificationResult,
  social: SocialWellBeingResult,
  belowDeviations: number
): ContextAdjustedResult {
  const referenceEnd = table.years.find(
    (year) => year.label === identification.method.referenceYear
  )!.end;
  const index = resultsIndex(
    table,
    referenceEnd,
    identification.method.participantCountsUsed ? identification.method.minParticipants : 0
  );
  const byLogin = new Map(social.schools.map((school) => [school.login.toLowerCase(), school]));
  const points = table.schools.flatMap((school, s) => {
    const socialSchool = byLogin.get(school.login.toLowerCase());
    const value = index.values[s];
    if (!socialSchool || socialSchool.isbsh === null || Number.isNaN(value)) return [];
    return [
      { login: school.login, name: school.name, isbsh: socialSchool.isbsh, resultsIndex: value },
    ];
  });
  return contextAdjustedResults(points, table.sheetName, belowDeviations, index);
}
