import type { CellRange } from "../engine";
import type { OutputSheet } from "../host/workbookHost";
import { layoutMarkName, sheetOfReference } from "../engine";

/**
 * Which sheets School Radar owns, and how one write replaces them. Pure: planned from what one read
 * saw, then queued by writeOutputSheets. The mark is the one src/xlsx uses — a workbook name
 * `SchoolRadar_<kind>` pointing at A1 of the sheet — so the add-in and the command line recognise
 * each other's sheets.
 */

/** A sheet as the read saw it. */
export interface SheetState {
  name: string;
  visible: boolean;
  /** «Очень скрытый» (`VeryHidden`): Excel deletes such a sheet only once it is made hidden. */
  veryHidden?: boolean;
  /** «Защитить лист»: Excel refuses writes to its cells (`WorksheetProtection.protected`). */
  protected?: boolean;
}

/** A workbook-level name of ours and the sheet it points at (null when the sheet is gone: `#REF!`). */
export interface MarkState {
  name: string;
  sheet: string | null;
}

/** A status column of ours beside a source table: its workbook name and the cells it refers to. */
export interface ColumnMarkState {
  name: string;
  /** Null when the cells are gone (the user deleted the column: `#REF!`). */
  sheet: string | null;
  range: CellRange | null;
}

export interface WorkbookState {
  sheets: SheetState[];
  marks: MarkState[];
  /** Our status columns beside the users' tables (at most one per sheet). */
  columns: ColumnMarkState[];
}

const MARK_PREFIX = "schoolradar_";
/** Sheets that became the user's data (templates, risk thresholds): written once, never replaced. */
const USER_DATA_PREFIX = "schoolradardata_";
/**
 * Marks a sheet still being written (hidden, under a temporary name). A failed write leaves such
 * sheets behind at worst; they are hidden, and the next write (or the clean-up after the failure)
 * deletes them. The prefix differs from `SchoolRadar_` so the command line never takes them for output.
 */
export const PENDING_PREFIX = "SchoolRadarPending_";
const TEMPORARY_SHEET = "SR~запись~";
const MAX_SHEET_NAME = 31;

export function isOutputMark(name: string): boolean {
  return name.toLowerCase().startsWith(MARK_PREFIX);
}

export function isUserDataMark(name: string): boolean {
  return name.toLowerCase().startsWith(USER_DATA_PREFIX);
}

/**
 * Marks a status column written beside the user's table: a workbook name referring to its cells
 * (`='Результаты ОО'!$H$1:$H$47`), so a re-run finds and replaces it. Deliberately not `SchoolRadar_`:
 * that prefix marks whole output sheets, which hosts delete and replace.
 */
export const COLUMN_MARK_PREFIX = "SchoolRadarColumn_status";

export function isColumnMark(name: string): boolean {
  return name.toLowerCase().startsWith(COLUMN_MARK_PREFIX.toLowerCase());
}

/** Our status columns among all workbook names. */
export function columnMarksFromNames(
  names: { name: string; formula: string }[]
): ColumnMarkState[] {
  return names
    .filter((item) => isColumnMark(item.name))
    .map((item) => {
      const reference = item.formula.replace(/^=/, "");
      const range = reference.includes("#REF!") ? null : rangeOfReference(reference);
      return {
        name: item.name,
        sheet: range === null ? null : sheetOfReference(reference),
        range,
      };
    });
}

/** `'Лист'!$H$1:$H$47` (or `Лист!H1`) → zero-based rows and columns; null for anything else. */
export function rangeOfReference(reference: string): CellRange | null {
  const cells = reference.slice(reference.lastIndexOf("!") + 1).replace(/\$/g, "");
  const match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(cells);
  if (!match) return null;
  const column = columnNumber(match[1]!);
  const row = Number(match[2]) - 1;
  const lastColumn = match[3] === undefined ? column : columnNumber(match[3]);
  const lastRow = match[4] === undefined ? row : Number(match[4]) - 1;
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + letter.charCodeAt(0) - 64;
  return number - 1;
}

/** The next free name for a status column on a sheet that has none yet. */
export function newColumnMarkName(state: WorkbookState): string {
  const taken = new Set(state.columns.map((mark) => mark.name.toLowerCase()));
  if (!taken.has(COLUMN_MARK_PREFIX.toLowerCase())) return COLUMN_MARK_PREFIX;
  for (let copy = 2; ; copy += 1) {
    const name = `${COLUMN_MARK_PREFIX}_${copy}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function isPendingMark(name: string): boolean {
  return name.toLowerCase().startsWith(PENDING_PREFIX.toLowerCase());
}

/** Our names among all workbook names, from their formulas (`='ШНОР'!$A$1`, `=#REF!$A$1`). */
export function marksFromNames(names: { name: string; formula: string }[]): MarkState[] {
  return names
    .filter(
      (item) => isOutputMark(item.name) || isUserDataMark(item.name) || isPendingMark(item.name)
    )
    .map((item) => ({ name: item.name, sheet: sheetOfFormula(item.formula) }));
}

function sheetOfFormula(formula: string): string | null {
  const reference = formula.replace(/^=/, "");
  if (reference.includes("#REF!")) return null;
  return sheetOfReference(reference);
}

/** Sheet name → our mark, for the sheets School Radar wrote (pending ones excluded). */
export function outputMarksBySheet(state: WorkbookState): Map<string, string> {
  const marks = new Map<string, string>();
  for (const mark of state.marks) {
    if (mark.sheet !== null && isOutputMark(mark.name)) marks.set(mark.sheet, mark.name);
  }
  return marks;
}

export interface PlannedSheet {
  output: OutputSheet;
  /** The hidden name it is written under, renamed at the end of the batch. */
  temporaryName: string;
  finalName: string;
  mark: string;
  pendingMark: string;
}

export interface OutputPlan {
  /** User-data layouts not written because the workbook already has their sheet (the user's now). */
  kept: { output: OutputSheet; sheet: string }[];
  /** Our names to delete first: leftovers of a failed write, and the marks being replaced. */
  deleteNames: string[];
  /** Our sheets to delete at the end of the batch (pending leftovers and replaced outputs). */
  deleteSheets: string[];
  /** Of those, the replaced outputs (reported to the user). */
  replacedSheets: string[];
  sheets: PlannedSheet[];
}

export function planOutputWrite(outputs: OutputSheet[], state: WorkbookState): OutputPlan {
  const existing = new Map(state.sheets.map((sheet) => [folded(sheet.name), sheet.name]));
  const sheetOfMark = new Map(
    state.marks.flatMap((mark) => {
      const sheet = mark.sheet === null ? undefined : existing.get(folded(mark.sheet));
      return sheet === undefined ? [] : [[folded(mark.name), sheet] as const];
    })
  );
  const kept: OutputPlan["kept"] = [];
  const toWrite = outputs.filter((output) => {
    if (output.layout.userData !== true) return true;
    const sheet = sheetOfMark.get(folded(layoutMarkName(output.layout)));
    if (sheet !== undefined) kept.push({ output, sheet });
    return sheet === undefined;
  });
  const wanted = new Set(toWrite.map((output) => folded(layoutMarkName(output.layout))));
  const deleteNames: string[] = [];
  const deleteSheets: string[] = [];
  const replacedSheets: string[] = [];
  for (const mark of state.marks) {
    const pending = isPendingMark(mark.name);
    if (!pending && !wanted.has(folded(mark.name))) continue;
    deleteNames.push(mark.name);
    const sheet = sheetOfMark.get(folded(mark.name));
    // A user-data mark is only here when its sheet is gone (#REF!): only the name goes.
    if (sheet === undefined || isUserDataMark(mark.name) || deleteSheets.includes(sheet)) continue;
    deleteSheets.push(sheet);
    if (!pending) replacedSheets.push(sheet);
  }
  // Temporary sheets exist beside every current sheet; final names beside the sheets that stay and
  // the other temporary sheets (renamed one after another).
  const present = new Set(existing.keys());
  const temporaryNames = toWrite.map((_, index) => {
    const name = freeName(`${TEMPORARY_SHEET}${index + 1}`, present);
    present.add(folded(name));
    return name;
  });
  const deleted = new Set(deleteSheets.map(folded));
  const taken = new Set([...present].filter((name) => !deleted.has(name)));
  const sheets = toWrite.map((output, index) => {
    const finalName = freeName(output.layout.name, taken);
    taken.add(folded(finalName));
    const mark = layoutMarkName(output.layout);
    return {
      output,
      temporaryName: temporaryNames[index]!,
      finalName,
      mark,
      pendingMark: PENDING_PREFIX + mark.replace(/^SchoolRadar_?/, ""),
    };
  });
  return { kept, deleteNames, deleteSheets, replacedSheets, sheets };
}

/**
 * The wanted name, or `Имя (2)`, `Имя (3)`… when a sheet that stays already has it. Excel compares
 * sheet names without regard to case and limits them to 31 characters.
 */
export function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(folded(wanted))) return wanted;
  for (let copy = 2; ; copy += 1) {
    const suffix = ` (${copy})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(folded(candidate))) return candidate;
  }
}

function folded(name: string): string {
  return name.toLocaleLowerCase("ru");
}
