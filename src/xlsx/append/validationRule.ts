import { notAboveTotalFormula, type ColumnValidation } from "../../engine";

/** A column's data validation as a worksheet's `<dataValidation>` states it (ECMA-376 §18.3.1.32). */
export interface ValidationRule {
  /** `whole`, `decimal` or `custom` (a formula of the row's own cells). */
  type: ColumnValidation["type"] | "custom";
  operator?: "greaterThanOrEqual" | "between";
  formulae: (number | string)[];
}

/**
 * The rule for a column of a template: a number at least `min` (and at most `max`), or — a count
 * that must not exceed the row's total in another column — a custom formula on the first row that
 * Excel shifts down the range.
 */
export function validationRule(
  validation: ColumnValidation,
  column: number,
  firstRow: number
): ValidationRule {
  if (validation.notAboveColumn === undefined) {
    return validation.max === undefined
      ? { type: validation.type, operator: "greaterThanOrEqual", formulae: [validation.min] }
      : { type: validation.type, operator: "between", formulae: [validation.min, validation.max] };
  }
  return {
    type: "custom",
    formulae: [notAboveTotalFormula(validation, validation.notAboveColumn, column, firstRow)],
  };
}
