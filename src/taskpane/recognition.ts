import { isEngineError, readExportTable, type ExportTable } from "../engine";
import type { HostSheet, WorkbookData } from "./host";

/** What the pane understood a sheet to be: the picker shows it beside the sheet's name. */
export type SheetRecognition =
  | {
      kind: "export";
      schools: number;
      procedures: number;
      years: number;
      /** Year labels as the table names them, oldest first (the reference-year choices). */
      yearLabels: string[];
      warnings: number;
    }
  | { kind: "other"; reason: string }
  | { kind: "empty" };

export interface SourceCandidate {
  name: string;
  recognition: SheetRecognition;
}

/** The user's sheets (never our outputs), each read as an export table. */
export function recogniseSheets(data: WorkbookData): SourceCandidate[] {
  return data.sheets
    .filter((sheet) => sheet.outputMark === null)
    .map((sheet) => ({ name: sheet.name, recognition: recognise(sheet) }));
}

function recognise(sheet: HostSheet): SheetRecognition {
  if (sheet.grid === null) return { kind: "empty" };
  const table = readExportTable(sheet.grid);
  if (isEngineError(table)) return { kind: "other", reason: table.message };
  return exportSummary(table);
}

function exportSummary(table: ExportTable): SheetRecognition {
  if (table.schools.length === 0) return { kind: "other", reason: "нет ни одной школы" };
  return {
    kind: "export",
    schools: table.schools.length,
    procedures: table.procedures.length,
    years: table.years.length,
    yearLabels: table.years.map((year) => year.label),
    warnings: table.warnings.length,
  };
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
