import type { EngineError, SheetGrid } from "../types";
import { isEngineError } from "../engineError";
import { cellAddress } from "../table/cellAddress";
import {
  countField as count,
  readKeyedSheet,
  type FieldSpec,
  type KeyedSheet,
  type KeyedSheetSchema,
} from "../sheets/keyedSheet";

/** Staffing of schools (seed 003, docs/method.md §6): counts of teachers, with the shares the programmes track. */
export const STAFFING_FIELDS: FieldSpec[] = [
  count(
    "teachersTotal",
    "Педагогов всего",
    /педагог[а-я]*\s*всего|всего\s*педагог|численность\s*педагог|учител[а-я]*\s*всего/
  ),
  count("pensionAge", "Пенсионного возраста", /пенси/),
  count("under30", "Моложе 30 лет", /(моложе|до)\s*30|младше\s*30/),
  count(
    "experience0to3",
    "Стаж 0–3 года",
    /стаж[а-я]*\s*(от\s*)?0\s*[-–—до]+\s*3|стаж[а-я]*\s*до\s*3|молод[а-я]*\s*специалист/
  ),
  count("qualificationCategory", "С первой или высшей категорией", /категори/),
  count(
    "currentTraining",
    "Прошли повышение квалификации за 3 года",
    /повышени[а-я]*\s*квалификац|кпк|курсов/
  ),
];

export const STAFFING: KeyedSheetSchema = {
  kind: "staffing",
  title: "кадровый состав",
  fields: STAFFING_FIELDS,
  minimumFields: 3,
};

export type Staffing = KeyedSheet;

/** Reads the sheet; a count above «Педагогов всего» is a warning and is left out, never used. */
export function readStaffing(grid: SheetGrid): Staffing | EngineError {
  const staffing = readKeyedSheet(grid, STAFFING);
  if (isEngineError(staffing)) return staffing;
  for (const row of staffing.rows) {
    const total = row.values.teachersTotal;
    for (const field of STAFFING_FIELDS.slice(1)) {
      const count = row.values[field.key];
      if (Number.isNaN(total) || Number.isNaN(count) || count <= total) continue;
      staffing.warnings.push({
        cell: cellAddress(staffing.sheetName, row.row, staffing.columns[field.key]),
        message: `кадровый состав, «${field.label}»: ${count} больше, чем педагогов всего (${total}); значение не учтено`,
      });
      row.values[field.key] = NaN;
    }
  }
  return staffing;
}

/**
 * The shares the programmes watch, with the targets the seeds give: Kaltan (seed 003) reports 15 % of
 * teachers of pension age, 7 % under 30, 10 % with 0–3 years, 84 % with a category against the regional
 * target of 85 %, 78 % with current professional development. Only the category share has a target.
 */
export interface StaffingIndicator {
  key: string;
  label: string;
  /** A share must reach at least this (per cent), when the seeds give a target. */
  target: number | null;
}

export const STAFFING_INDICATORS: StaffingIndicator[] = [
  { key: "pensionAge", label: "Доля педагогов пенсионного возраста", target: null },
  { key: "under30", label: "Доля педагогов моложе 30 лет", target: null },
  { key: "experience0to3", label: "Доля педагогов со стажем 0–3 года", target: null },
  {
    key: "qualificationCategory",
    label: "Доля педагогов с первой или высшей категорией",
    target: 85,
  },
  {
    key: "currentTraining",
    label: "Доля педагогов, прошедших повышение квалификации за 3 года",
    target: null,
  },
];
