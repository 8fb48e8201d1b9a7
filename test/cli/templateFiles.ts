import ExcelJS from "exceljs";
import {
  RISK_QUESTIONNAIRE,
  SOCIAL_PASSPORT_FIELDS,
  STAFFING_FIELDS,
  TEMPLATE_NAMES,
  templateLayout,
  type TemplateKind,
} from "../../src/engine";

/** Field key (`studentsTotal`, `Ф2.1`, `teachersTotal`) → value typed into the template's cell. */
export type TemplateRow = Record<string, ExcelJS.CellValue>;

/**
 * Fills a template sheet as a coordinator would: finds the school's row by login (or adds one below
 * the last), and types each value under the column the template wrote for that field.
 */
export function fillTemplateSheet(
  sheet: ExcelJS.Worksheet,
  kind: TemplateKind,
  rows: Record<string, TemplateRow>
): void {
  const layout = templateLayout(kind);
  const headerRow = layout.preamble.length + 2;
  const columnOf = (key: string): number => {
    const column = FIELD_KEYS[kind].indexOf(key);
    if (column < 0) throw new Error(`no field ${key} in the ${kind} template`);
    return column + 3;
  };
  for (const [login, values] of Object.entries(rows)) {
    let rowNumber = headerRow + 1;
    while (
      sheet.getCell(rowNumber, 1).value !== null &&
      sheet.getCell(rowNumber, 1).value !== login
    )
      rowNumber += 1;
    if (sheet.getCell(rowNumber, 1).value === null) {
      sheet.getCell(rowNumber, 1).value = login;
      sheet.getCell(rowNumber, 2).value = `Школа ${login}`;
    }
    for (const [key, value] of Object.entries(values))
      sheet.getCell(rowNumber, columnOf(key)).value = value;
  }
}

/** Opens `file`, fills the template sheet of `kind`, writes the workbook to `target`. */
export async function fillTemplateFile(
  file: string,
  target: string,
  kind: TemplateKind,
  rows: Record<string, TemplateRow>
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(TEMPLATE_NAMES[kind]);
  if (sheet === undefined) throw new Error(`no sheet ${TEMPLATE_NAMES[kind]} in ${file}`);
  fillTemplateSheet(sheet, kind, rows);
  await workbook.xlsx.writeFile(target);
}

/**
 * The template's field keys in column order (from column C): templateLayout writes «Логин ОО»,
 * «Наименование ОО», then one column per field of the reader's schema, in the schema's order.
 */
const FIELD_KEYS: Record<TemplateKind, string[]> = {
  "social-passport": SOCIAL_PASSPORT_FIELDS.map((field) => field.key),
  "risk-questionnaire": RISK_QUESTIONNAIRE.fields.map((field) => field.key),
  staffing: STAFFING_FIELDS.map((field) => field.key),
};

/**
 * Values for the five fixture schools (test/xlsx/workbookFiles.ts). ИСБШ by hand:
 *  sch900001 400 pupils, 60 / 80 / 12 → 85 + 15·0.15 − 20·0.2 − 65·0.03 = 81.3
 *  sch900002 300, 30 / 90 / 30 → 85 + 1.5 − 6 − 6.5 = 74.0
 *  sch900003 800, 320 / 80 / 8 → 85 + 6 − 2 − 0.65 = 88.35
 *  sch900004 50, 2 / 20 / 8 → 85 + 0.6 − 8 − 10.4 = 67.2
 *  sch900005 120 pupils but 130 from single-parent families: inconsistent, not ranked.
 * Lower quartile of the four (PERCENTILE.INC): 67.2 + 0.75 × (74.0 − 67.2) = 72.3 → ШНСУ: sch900004.
 */
export const SOCIAL_ROWS: Record<string, TemplateRow> = {
  sch900001: {
    studentsTotal: 400,
    bothParentsHigherEducation: 60,
    singleParentFamilies: 80,
    onRegisters: 12,
  },
  sch900002: {
    studentsTotal: 300,
    bothParentsHigherEducation: 30,
    singleParentFamilies: 90,
    onRegisters: 30,
  },
  sch900003: {
    studentsTotal: 800,
    bothParentsHigherEducation: 320,
    singleParentFamilies: 80,
    onRegisters: 8,
  },
  sch900004: {
    studentsTotal: 50,
    bothParentsHigherEducation: 2,
    singleParentFamilies: 20,
    onRegisters: 8,
  },
  sch900005: {
    studentsTotal: 120,
    bothParentsHigherEducation: 10,
    singleParentFamilies: 130,
    onRegisters: 5,
  },
};

/**
 * Teacher vacancies (Ф2.1, risk above 0) at sch900001 (ШНОР) and sch900003 (not ШНОР → ШГР); low
 * equipment with learning materials (Ф1.2, risk below 80 %) at sch900003; none at the others.
 */
export const RISK_ROWS: Record<string, TemplateRow> = {
  sch900001: { "Ф2.1": 2, "Ф2.2": 1 },
  sch900002: { "Ф2.1": 0, "Ф1.2": 95 },
  sch900003: { "Ф2.1": 1, "Ф1.2": 60, "Ф1.3": 50 },
  sch900004: { "Ф2.1": 0 },
};

/** 30 of 40 and 15 of 20 teachers with a category (45 of 60 = 75 %); sch900003's 25 of 20 is left out. */
export const STAFF_ROWS: Record<string, TemplateRow> = {
  sch900001: { teachersTotal: 40, pensionAge: 8, under30: 4, qualificationCategory: 30 },
  sch900002: { teachersTotal: 20, pensionAge: 2, under30: 3, qualificationCategory: 15 },
  sch900003: { teachersTotal: 20, qualificationCategory: 25 },
};
