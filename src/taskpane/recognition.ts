import {
  isEngineError,
  readExportTable,
  recognizeSheets,
  SHEET_KIND_NAMES,
  type ExportTable,
} from "../engine";
import type { WorkbookData } from "../host/workbookHost";
import type { SheetSummary, SourceCandidate } from "./sources";

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
          schools: recognition.schools,
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
    yearsNamed: table.layout.years.kind === "columns",
    warnings: table.warnings.length,
  };
}
