import { type SheetKind } from "../engine";
import { englishCount } from "./englishCount";
import { languageOf, RU, shortText, type Messages } from "./messages";

/*
 * The pane's words in English, in a chunk of their own: most users work in Russian, and the first
 * load of the task pane has a budget (docs/benchmarks.md), so English arrives when it is asked for
 * (language.ts `loadMessages`).
 */

export const EN: Messages = {
  language: "en",
  title: "School Radar",
  tagline:
    "Finds schools with low educational results (ШНОР) in regional assessment exports and explains, school by school, why each is on the list.",
  outsideOfficeTitle: "Open the add-in in Excel.",
  outsideOffice:
    "This page runs inside Excel (desktop or Excel on the web); in a plain browser tab it cannot read the workbook. Without installing the add-in, open a workbook on standalone.html.",
  reading: "Reading the workbook…",
  scanRetrying: (attempt, attempts) =>
    `Excel is slow to answer — Excel on the web can be while a workbook with many formulas recalculates. Reading the workbook again: attempt ${attempt} of ${attempts}.`,
  scanNotAnsweredTitle: "Excel did not answer the workbook read.",
  scanNotAnswered:
    "Wait until Excel has finished recalculating the formulas and press Refresh. If it still does not answer, close the School Radar task pane and open it again; in Excel on the web, reload the browser page (F5) and open the add-in again.",
  source: "Results sheet",
  sourceHint: "The export table: school login, name, “% «2»” per procedure and year.",
  refresh: "Refresh",
  alsoRecognised: "Also recognised in the workbook",
  noSheets: "The workbook has no sheets with data.",
  recognised: (schools, procedures, years, warnings) =>
    `${englishCount(schools, "school")}, ${englishCount(procedures, "procedure")} × ${englishCount(years, "year")}, ${englishCount(warnings, "warning")}`,
  notRecognised: (reason) => `No results table found: ${reason}`,
  keyed: ({ sheetKind, schools }) =>
    sheetKind === "risk-thresholds"
      ? "risk-factor thresholds"
      : `${SHEET_KINDS_EN[sheetKind]}: ${englishCount(schools, "school")}`,
  sheetKind: ({ sheetKind }) => SHEET_KINDS_EN[sheetKind],
  emptySheet: "The sheet is empty.",
  schools: (count) => englishCount(count, "school"),
  settings: "Method",
  methodHelp: "How it is computed (help, §2, in Russian)",
  settingsStored:
    "The parameters are stored in the workbook (hidden sheet «Школьный радар — настройки») on every run, so the next user sees the same method.",
  threshold: "Low-result threshold, % «2»",
  thresholdHint: "A result is low when the share of «2» is at least the threshold (≥).",
  edition: "Rule edition",
  edition2020: "2020: criterion 2 — any procedures in each of the two years",
  edition2025: "2025: criterion 2 — the same procedure in both years",
  referenceYear: "Reference year",
  latestYear: "latest year with results for at least half of the procedures",
  minParticipants: "Minimum participants",
  minParticipantsHint:
    "0: every result counts, as in the documents (groups under 10 are marked). Above 0: smaller groups are set aside, and a school whose status depends on them is “not enough data”.",
  quantile: "ШНСУ group by ИСБШ",
  quartile: "lower quartile (25 % of schools)",
  quintile: "lower quintile (20 % of schools)",
  targets: "Summary targets",
  targetsHint:
    "E.g. шнор=12; гиа=4; категория=80. Empty: the documents' targets: ШНОР at most 15 % (Novokuznetsk), ГИА below the minimum at most 5 % (Nazarovo), category at least 85 % (Kuzbass).",
  schoolsTotal: "Schools in the municipality",
  schoolsTotalHint:
    "When the table lists only some schools (e.g. only ШНОР), the ШНОР share is of this number. Empty: of the table's schools.",
  tableYears: "Table years (if the headers do not name them)",
  tableYearsHint:
    "E.g. 2018, 2019; the latest is the reference year. Empty: the years in the column headers or the title above the table.",
  riskThresholds:
    "Risk-factor thresholds are on the «Пороги факторов риска» sheet: created with the first risk matrix, yours to edit from then on.",
  actions: "Actions",
  choose: "Which template:",
  running: (action) => `Running: ${action}`,
  phase: { read: "reading sheets", compute: "computing", write: "writing sheets" },
  step: (done, total) => (total > 0 ? `${done} of ${total}` : ""),
  results: "Result",
  headline: (headline) =>
    headline.kind === "schools"
      ? `${headline.group}: ${headline.count} of ${headline.of} ${headline.of === 1 ? "school" : "schools"}`
      : headline.kind === "indicators"
        ? `Off target: ${headline.offTarget} of ${headline.of} ${headline.of === 1 ? "indicator" : "indicators"}`
        : `Template «${headline.name}»`,
  written: (sheets) =>
    sheets.length === 1 ? `Sheet written: ${sheets[0]}.` : `Sheets written: ${sheets.join(", ")}.`,
  renamed: (requested, used) =>
    `A sheet «${requested}» not made by the add-in already exists — the result went to «${used}».`,
  filter: "Show",
  filterAll: "All",
  shown: (shown, total) => `Showing ${shown} of ${total}; the full list is on the sheet.`,
  noRows: "No schools with this status.",
  warnings: (count) => `Warnings: ${count}`,
  noWarnings: "No warnings: every value was read.",
  showCell: "Show",
  moreWarnings: (count) => `…and ${count} more; all are on the «Предупреждения» sheet.`,
  error: "The action failed",
  hostErrors: {
    cell_edit_mode: "Excel is editing a cell: press Enter or Esc and try again.",
    workbook_changed: "The workbook changed meanwhile; press Refresh and try again.",
    payload_too_large: "More data than Excel on the web accepts in one request.",
    range_too_large: "The sheet is too large: Excel did not give its values even in small parts.",
    sheet_missing: "The chosen sheet is no longer in the workbook; press Refresh.",
    sheet_protected:
      "A sheet or the workbook is protected and Excel refused the change: nothing in the workbook was changed.",
    not_xlsx: "The file is not an Excel workbook (.xlsx) or is damaged.",
    host_failed: "Excel reported an error.",
    sheet_hidden: "The cell is on a hidden sheet: Excel shows cells of visible sheets only.",
    sheet_very_hidden: "The cell is on a hidden sheet: Excel shows cells of visible sheets only.",
  },
  sheetProtected:
    "Remove the protection (Review → Unprotect Sheet; if the workbook's structure is protected, Review → Protect Workbook) and run the action again.",
  sheetHidden: (sheet, veryHidden) =>
    veryHidden
      ? `The sheet «${sheet}» is very hidden: it is not in Excel's Unhide… list. Only the Visual Basic editor (Alt+F11, the sheet's Visible property) in Excel for Windows or Mac can show it; then press Show by the warning again.`
      : `The sheet «${sheet}» is hidden. To show it, right-click any sheet tab, choose Unhide… and the sheet «${sheet}», then press Show by the warning again.`,
  invalidSettings:
    "Correct the marked parameters of the method: until then, the actions that use them are unavailable.",
  templateKept: (template, sheet) =>
    template === sheet
      ? `The sheet «${sheet}» with this template is already in the workbook and was left as it is: it is yours to fill in.`
      : `The template «${template}» is already in the workbook, on the sheet «${sheet}», and was left as it is: that sheet is yours to fill in.`,
  outOfDateTitle: "Out of date",
  outOfDate: (action) =>
    `The settings changed after this run and the result below is from the previous ones; press “${action}” again to recompute.`,
  domainNote:
    "Statuses, reasons and the method are in Russian: they are the official terms of the Russian regulations, and the sheets written to the workbook use them too.",
  otherLanguage: {
    language: "ru",
    name: "Русский",
    hint: "Переключить интерфейс на русский язык",
  },
  dismiss: "Dismiss",
  kept: (name) =>
    `The sheet «${name}» is already in the workbook and filled in by the user — left as it is.`,
  statusColumn: ({ sheet, column, occupied, notWritten }) =>
    notWritten === "sheet_protected"
      ? `The sheet «${sheet}» is protected and Excel allows no changes to its cells — the ШНОР statuses were not written beside the table (they are on the «ШНОР» sheet). To have them there, unprotect it (Review → Unprotect Sheet) and run the action again.`
      : notWritten === "excel_refused"
        ? `The lists were written, but Excel refused the ШНОР statuses beside the table on «${sheet}» (they are on the «ШНОР» sheet). To have them there, press Refresh and run the action again.`
        : occupied === null
          ? `The ШНОР statuses were written to column ${column} of «${sheet}», beside the table.`
          : column === null
            ? `Column ${occupied} beside the table on «${sheet}» holds your data and there is no free column further right — the statuses were not written there (they are on the «ШНОР» sheet).`
            : `Column ${occupied} beside the table on «${sheet}» holds your data — the ШНОР statuses went to the free column ${column} of the same sheet.`,
  printSetupNotWritten:
    "This version of Excel does not let add-ins set print settings, so the lists will print with Excel's defaults; to fit a sheet to one page wide, choose Page Layout → Scale to Fit → Width: 1 page.",
  standalone: {
    title: "School Radar — no installation",
    open: "Open an .xlsx workbook…",
    opening: "Opening the workbook…",
    opened: (name) => `Workbook: ${name}`,
    download: "Download the result",
    noFileTitle: "Open an Excel workbook (.xlsx) with the results export.",
    problemTitle: "This file cannot be analysed (the reason below is in Russian)",
    noFile:
      "The workbook is processed here, in the browser: no data is sent anywhere. The result — a copy of the workbook with the add-in's sheets — is downloaded with “Download the result”; the original file is not changed.",
    sample: "Try the example",
    sampleFileName: "Example — Zarechny municipal district.xlsx",
    blankFileName: "New workbook.xlsx",
    blankSheet: "Sheet1",
    blank:
      "You can also drop the file on the page. The coordinators' templates need no workbook: “Create a template…” writes one into a new workbook you can download.",
    drop: "Drop the file to open the workbook",
    shownCell: {
      place: (sheet, cell, row) =>
        cell !== null
          ? `Sheet «${sheet}», cell ${cell}`
          : row !== null
            ? `Sheet «${sheet}», row ${row}`
            : `Sheet «${sheet}»`,
      value: (value) =>
        value === null || value === ""
          ? "Value: the cell is empty"
          : typeof value === "number"
            ? `Value: ${value}`
            : typeof value === "boolean"
              ? `Value: ${value ? "TRUE" : "FALSE"}`
              : `Value: «${shortText(value)}»`,
      school: (school) =>
        school === null ? "School: the row is none of the table's schools." : `School: ${school}`,
      notFound: "This sheet was not among those read for the run: press Refresh and try again.",
    },
  },
};

/** The engine's kinds of sheet, named in English (the Russian names are the engine's own). */
const SHEET_KINDS_EN: Record<SheetKind, string> = {
  "export-table": "results table",
  "social-passport": "social passport",
  "risk-questionnaire": "risk-factor questionnaire",
  staffing: "staffing",
  "risk-thresholds": "risk-factor thresholds",
  "official-list": "list of schools to check against",
};

/** Both languages at hand (tests, and code that has loaded this chunk): the messages for a tag. */
export function messagesFor(displayLanguage: string | null | undefined): Messages {
  return languageOf(displayLanguage) === "en" ? EN : RU;
}
