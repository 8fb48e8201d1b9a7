/**
 * How a workbook remembers which sheets School Radar wrote: a workbook-level defined name
 * `SchoolRadar_<kind>` (from the layout marker `school-radar:<kind>`) pointing at A1 of the sheet.
 * A defined name travels with the sheet when the user renames or moves it, survives Excel saving the
 * file, and a sheet the user made never carries one — so a re-run replaces only our own output.
 * The Excel add-in sets the same name through `workbook.names`, which keeps both hosts compatible.
 * The rules are the engine's: every host names, finds and replaces our sheets the same way.
 */
const NAME_PREFIX = "SchoolRadar_";
/**
 * Sheets that become the user's data once written (templates, the risk thresholds): marked with their
 * own prefix, so that no host takes them for output to replace, and the readers read them as input.
 * A run writes such a sheet only when no sheet carries its mark yet.
 */
const USER_DATA_PREFIX = "SchoolRadarData_";

/** The defined name for a layout marker; Excel names allow only letters, digits, `_` and `.`. */
export function outputMarkName(marker: string): string {
  return NAME_PREFIX + markKind(marker);
}

/** The defined name of a user-data sheet: `SchoolRadarData_template_social_passport`. */
export function userDataMarkName(marker: string): string {
  return USER_DATA_PREFIX + markKind(marker);
}

function markKind(marker: string): string {
  return marker.replace(/^school-radar:/, "").replace(/[^A-Za-z0-9_.]/g, "_");
}

/** The mark of a layout: a user-data mark for `userData` layouts, an output mark otherwise. */
export function layoutMarkName(layout: { marker: string; userData?: boolean }): string {
  return layout.userData === true ? userDataMarkName(layout.marker) : outputMarkName(layout.marker);
}

/**
 * What the mark rules read of a workbook: its workbook-level defined names (the shape ExcelJS gives
 * them; the copying writer builds one from workbook.xml, the Excel adapter from `workbook.names`).
 */
export interface MarkedWorkbook {
  definedNames: { model: { name: string; ranges: string[] }[] };
}

/** Sheet name → defined name of every user-data sheet School Radar created in the workbook. */
export function markedUserDataSheets(workbook: MarkedWorkbook): Map<string, string> {
  const marked = new Map<string, string>();
  for (const definedName of workbook.definedNames.model) {
    if (!definedName.name.toLowerCase().startsWith(USER_DATA_PREFIX.toLowerCase())) continue;
    for (const range of definedName.ranges) {
      const sheetName = sheetOfReference(range);
      if (sheetName !== null) marked.set(sheetName, definedName.name);
    }
  }
  return marked;
}

/** Sheet name → defined name of every School Radar sheet in the workbook. */
export function markedOutputSheets(workbook: MarkedWorkbook): Map<string, string> {
  const marked = new Map<string, string>();
  for (const definedName of workbook.definedNames.model) {
    if (!isOutputMarkName(definedName.name)) continue;
    for (const range of definedName.ranges) {
      const sheetName = sheetOfReference(range);
      if (sheetName !== null) marked.set(sheetName, definedName.name);
    }
  }
  return marked;
}

export function isOutputMarkName(name: string): boolean {
  // Excel treats names case-insensitively and may re-case them when the user edits them.
  return name.toLowerCase().startsWith(NAME_PREFIX.toLowerCase());
}

export function pointsInto(range: string, sheets: Set<string>): boolean {
  const sheetName = sheetOfReference(range);
  return sheetName !== null && sheets.has(sheetName);
}

/** `'ШНОР (2)'!$A$1` → `ШНОР (2)`; `Лист1!$A$1` → `Лист1`; quotes inside a name are doubled. */
export function sheetOfReference(reference: string): string | null {
  const bang = reference.lastIndexOf("!");
  if (bang <= 0) return null;
  const sheetPart = reference.slice(0, bang);
  if (sheetPart.startsWith("'") && sheetPart.endsWith("'") && sheetPart.length >= 2) {
    return sheetPart.slice(1, -1).replace(/''/g, "'");
  }
  return sheetPart;
}

export function quoteSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}
