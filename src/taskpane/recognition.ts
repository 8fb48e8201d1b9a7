import {
  isEngineError,
  readExportTable,
  recognizeSheets,
  SHEET_KIND_NAMES,
  type ExportTable,
  type SheetKind,
} from "../engine";
import type { WorkbookData } from "./host";

/** What the pane understood a sheet to be: the picker shows it beside the sheet's name. */
export type SheetSummary =
  | {
      kind: "export";
      schools: number;
      procedures: number;
      years: number;
      /** Year labels as the table names them, oldest first (the reference-year choices). */
      yearLabels: string[];
      warnings: number;
    }
  | { kind: "keyed"; sheetKind: SheetKind; label: string; note: string }
  | { kind: "other"; reason: string }
  | { kind: "empty" };

export interface SourceCandidate {
  name: string;
  recognition: SheetSummary;
}

/**
 * The user's sheets (never our outputs), each recognised by the engine's readers: a results table
 * (with its schools, procedures × years and warnings), a social passport, a risk questionnaire, a
 * staffing sheet, risk thresholds — or why it is none of them.
 */
export function recogniseSheets(data: WorkbookData): SourceCandidate[] {
  const userSheets = data.sheets.filter((sheet) => sheet.outputMark === null);
  const found = recognizeSheets(
    userSheets.flatMap((sheet) => (sheet.grid === null ? [] : [{ grid: sheet.grid }]))
  );
  const kinds = new Map(found.sheets.map((sheet) => [sheet.sheetName, sheet]));
  return userSheets.map((sheet) => {
    const recognition = kinds.get(sheet.name);
    if (sheet.grid === null || recognition === undefined) {
      return { name: sheet.name, recognition: { kind: "empty" } };
    }
    if (recognition.kind === "export-table") {
      const table = readExportTable(sheet.grid);
      if (!isEngineError(table)) return { name: sheet.name, recognition: exportSummary(table) };
    }
    if (recognition.kind !== null && recognition.kind !== "export-table") {
      return {
        name: sheet.name,
        recognition: {
          kind: "keyed",
          sheetKind: recognition.kind,
          label: SHEET_KIND_NAMES[recognition.kind],
          note: recognition.note,
        },
      };
    }
    return { name: sheet.name, recognition: { kind: "other", reason: recognition.note } };
  });
}

function exportSummary(table: ExportTable): SheetSummary {
  return {
    kind: "export",
    schools: table.schools.length,
    procedures: table.procedures.length,
    years: table.years.length,
    yearLabels: table.years.map((year) => year.label),
    warnings: table.warnings.length,
  };
}

/** The kinds of sheet the workbook has, for the actions that need one. */
export function sheetKinds(candidates: SourceCandidate[]): Set<SheetKind> {
  const kinds = new Set<SheetKind>();
  for (const { recognition } of candidates) {
    if (recognition.kind === "export") kinds.add("export-table");
    if (recognition.kind === "keyed") kinds.add(recognition.sheetKind);
  }
  return kinds;
}

/** The stored choice if it is still there, else the sheet with the most schools, else the active one. */
export function defaultSource(
  candidates: SourceCandidate[],
  stored: string | null,
  active: string | null
): string | null {
  if (stored !== null && candidates.some((candidate) => candidate.name === stored)) return stored;
  let best: SourceCandidate | null = null;
  for (const candidate of candidates) {
    if (candidate.recognition.kind !== "export") continue;
    if (best === null || candidate.recognition.schools > schoolsOf(best)) best = candidate;
  }
  if (best !== null) return best.name;
  if (active !== null && candidates.some((candidate) => candidate.name === active)) return active;
  return candidates[0]?.name ?? null;
}

function schoolsOf(candidate: SourceCandidate): number {
  return candidate.recognition.kind === "export" ? candidate.recognition.schools : 0;
}
