import type { CellValue } from "../types";
import type { ColumnSpec, ColumnValidation, SheetLayout } from "../sheetLayout";
import { layoutWithinCells } from "../cellLimit";
import type { FieldSpec } from "../sheets/keyedSheet";
import { SOCIAL_PASSPORT_FIELDS } from "../social/socialPassport";
import { STAFFING_FIELDS } from "../staffing/staffing";
import { RISK_QUESTIONNAIRE } from "../risk/riskQuestionnaire";

/**
 * The coordinators' templates (issue: social passport, risk questionnaire, staffing): Russian headers
 * the readers recognise, instruction lines above the table, data validation on every input column and
 * a frozen header. Given the schools of an export table, the rows come pre-filled with logins and names.
 */
export type TemplateKind = "social-passport" | "risk-questionnaire" | "staffing";

export const TEMPLATE_KINDS: TemplateKind[] = ["social-passport", "risk-questionnaire", "staffing"];

export interface TemplateSchool {
  login: string;
  name: string;
}

/** Rows the validations cover beyond the pre-filled schools, so a coordinator can add schools. */
const SPARE_ROWS = 200;

interface TemplateSpec {
  name: string;
  title: string;
  fields: FieldSpec[];
  /** The field every count must not exceed. */
  totalKey?: string;
  instructions: string[];
}

const TEMPLATES: Record<TemplateKind, TemplateSpec> = {
  "social-passport": {
    name: "Социальный паспорт",
    title: "Социальный паспорт школ",
    fields: SOCIAL_PASSPORT_FIELDS,
    totalKey: "studentsTotal",
    instructions: [
      "Одна строка — одна школа. Укажите логин ОО (sch… или edu…) и численность обучающихся в каждой категории (целые числа).",
      "Число в категории не может быть больше «Всего обучающихся». Для ИСБШ нужны «Всего обучающихся», «Оба родителя с высшим образованием», «Из неполных семей», «Состоят на учёте».",
      "Данные социального паспорта чувствительны: они остаются в этой книге и никуда не передаются.",
    ],
  },
  "risk-questionnaire": {
    name: "Анкета факторов риска",
    title: "Анкета факторов риска (10 факторов, параметры по программе)",
    fields: RISK_QUESTIONNAIRE.fields,
    instructions: [
      "Одна строка — одна школа. Проценты — числа от 0 до 100; баллы — от 1 до 5; вакансии — целое число человек.",
      "Коды столбцов (Ф1.1 …) нужны программе: заголовок можно сократить, но код в начале оставьте. Пустая ячейка — нет данных (не риск).",
    ],
  },
  staffing: {
    name: "Кадровый состав",
    title: "Кадровый состав школ",
    fields: STAFFING_FIELDS,
    totalKey: "teachersTotal",
    instructions: [
      "Одна строка — одна школа. Укажите число педагогов всего и число педагогов в каждой группе (целые числа, не больше общего числа).",
    ],
  },
};

function validationOf(
  field: FieldSpec,
  totalColumn: number | undefined,
  isTotal: boolean
): ColumnValidation {
  if (field.kind === "percent")
    return { type: "decimal", min: 0, max: 100, message: "Введите процент от 0 до 100" };
  if (field.kind === "score") {
    // The same bounds the reader enforces, so a value the sheet accepts is never refused later.
    const [min, max] = [field.min ?? 1, field.max ?? 5];
    return { type: "decimal", min, max, message: `Введите балл от ${min} до ${max}` };
  }
  if (totalColumn === undefined || isTotal)
    return { type: "whole", min: 0, message: "Введите целое неотрицательное число" };
  return {
    type: "whole",
    min: 0,
    notAboveColumn: totalColumn,
    message: "Введите целое число, не больше общего числа в этой строке",
  };
}

export function templateLayout(kind: TemplateKind, schools: TemplateSchool[] = []): SheetLayout {
  const spec = TEMPLATES[kind];
  const totalIndex =
    spec.totalKey === undefined
      ? undefined
      : 2 + spec.fields.findIndex((field) => field.key === spec.totalKey);
  const columns: ColumnSpec[] = [
    { width: 12 },
    { width: 32, wrap: true },
    ...spec.fields.map((field, index) => ({
      width: field.kind === "count" ? 14 : 16,
      wrap: true,
      numberFormat: field.kind === "count" ? "0" : "0.0",
      validation: validationOf(field, totalIndex, 2 + index === totalIndex),
    })),
  ];
  // The schools' names come from the user's table: no longer than a cell holds.
  return layoutWithinCells({
    name: spec.name,
    marker: `school-radar:template:${kind}`,
    userData: true,
    preamble: [`Школьный радар — шаблон: ${spec.title}`, ...spec.instructions],
    header: ["Логин ОО", "Наименование ОО", ...spec.fields.map((field) => field.label)],
    body: schools.map((school): CellValue[] => [
      school.login,
      school.name,
      ...spec.fields.map(() => null),
    ]),
    columns,
    inputRows: schools.length + SPARE_ROWS,
  });
}

export const TEMPLATE_NAMES: Record<TemplateKind, string> = Object.fromEntries(
  TEMPLATE_KINDS.map((kind) => [kind, TEMPLATES[kind].name])
) as Record<TemplateKind, string>;
