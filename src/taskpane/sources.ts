import type { SheetKind } from "../engine";

/*
 * The sheets the pane can work from, as the engine recognised them (recognition.ts, loaded with the
 * engine after the first read). Only types and small helpers here: the pane's first load needs them.
 */

/** What the pane understood a sheet to be: the picker shows it beside the sheet's name. */
export type SheetSummary =
  | {
      kind: "export";
      schools: number;
      procedures: number;
      years: number;
      /** Year labels as the table names them, oldest first (the reference-year choices). */
      yearLabels: string[];
      /** False when the columns do not name their years (the headerless export): the user may. */
      yearsNamed: boolean;
      warnings: number;
    }
  | {
      kind: "keyed";
      sheetKind: SheetKind;
      /** The engine's Russian name of the kind and its note (`5 школ`). */
      label: string;
      note: string;
      /** Rows of schools on the sheet (0 for the risk thresholds), for the English description. */
      schools: number;
    }
  | { kind: "other"; reason: string }
  | { kind: "empty" };

export interface SourceCandidate {
  name: string;
  recognition: SheetSummary;
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
