import type { Warning } from "../types";
import type { SocialPassport } from "./socialPassport";
import { cellAddress } from "../table/cellAddress";
import { SOCIAL_PASSPORT_FIELDS } from "./socialPassport";

/**
 * The passport's other social factors (docs/method.md §3), shown beside ИСБШ for context. The index
 * formula is the source's and stays as it is; these columns only let a reader see what else sets a
 * school apart. The direction is the source's: Nazarovo's programme (seed 001) lists these factors
 * in its Appendix 1 with the direction of their influence on results, and poor housing in Appendix 2
 * among the factors it found not significant.
 */
export interface ContextFactor {
  /** The passport's field. */
  key: string;
  /** The ИСБШ sheet's column: the share and the direction of influence. */
  header: string;
}

const NEGATIVE = "влияет отрицательно";

export const CONTEXT_FACTORS: readonly ContextFactor[] = [
  {
    key: "oneParentHigherEducation",
    header: "Один родитель с высшим,\u00a0% (влияет положительно)",
  },
  { key: "largeFamilies", header: `Многодетные семьи,\u00a0% (${NEGATIVE})` },
  { key: "nonNativeRussian", header: `Русский язык не родной,\u00a0% (${NEGATIVE})` },
  { key: "bothParentsUnemployed", header: `Оба родителя безработные,\u00a0% (${NEGATIVE})` },
  { key: "parentWithDisability", header: `Родитель-инвалид,\u00a0% (${NEGATIVE})` },
  { key: "fosterFamilies", header: `Приёмные семьи, опека,\u00a0% (${NEGATIVE})` },
  { key: "sociallyDangerous", header: `Социально опасное положение,\u00a0% (${NEGATIVE})` },
  { key: "registeredKdn", header: `На учёте в КДН,\u00a0% (${NEGATIVE})` },
  { key: "poorHousing", header: "Неблагоустроенное жильё,\u00a0% (значимого влияния не выявлено)" },
];

/** The factors a passport gives, and each one's share in per cent for every row (NaN: not known). */
export interface ContextShares {
  factors: ContextFactor[];
  /** Parallel to `factors`; each parallel to the passport's rows. */
  percents: Float64Array[];
}

/**
 * The factors with a column holding some value — a template's empty column is no data, and a share of
 * 0 would say the opposite — and their shares: a «доля, %» column as it is, a count over the row's
 * students. A count above them is said at its cell and left blank.
 */
export function contextShares(passport: SocialPassport, warnings: Warning[]): ContextShares {
  const factors = CONTEXT_FACTORS.filter(
    ({ key }) =>
      passport.columns[key] !== undefined &&
      passport.fieldValues[key].some((value) => !Number.isNaN(value))
  );
  for (const { key } of factors)
    if (!passport.shares.includes(key)) warnAboveTotal(passport, key, warnings);
  // The shares themselves only show beside ИСБШ (the ИСБШ sheet): made when first read, then kept —
  // nine columns of 50,000 shares were a third of the ИСБШ time at national scale.
  let percents: Float64Array[] | undefined;
  return {
    factors,
    get percents() {
      return (percents ??= factors.map(({ key }) => percentsOf(passport, key)));
    },
  };
}

/** A count above the row's students, said at its cell (`percentsOf` leaves its share blank). */
function warnAboveTotal(passport: SocialPassport, key: string, warnings: Warning[]): void {
  const values = passport.fieldValues[key];
  const students = passport.fieldValues.studentsTotal;
  for (let row = 0; row < values.length; row++) {
    const total = students[row];
    // Not above: no value (NaN compares false), or no sound total, which has no share at all.
    if (values[row] > total && Number.isInteger(total) && total > 0)
      warnings.push(aboveTotal(passport, key, row));
  }
}

function percentsOf(passport: SocialPassport, key: string): Float64Array {
  const values = passport.fieldValues[key];
  if (passport.shares.includes(key)) return values;
  const students = passport.fieldValues.studentsTotal;
  const percents = new Float64Array(values.length).fill(NaN);
  for (let row = 0; row < values.length; row++) {
    const total = students[row];
    // Without a sound total there is no share; the ИСБШ warnings already name that cell.
    if (Number.isNaN(values[row]) || !(Number.isInteger(total) && total > 0)) continue;
    if (values[row] <= total) percents[row] = (values[row] / total) * 100;
  }
  return percents;
}

function aboveTotal(passport: SocialPassport, key: string, row: number): Warning {
  const label = (field: string) => SOCIAL_PASSPORT_FIELDS.find((spec) => spec.key === field)?.label;
  return {
    cell: cellAddress(passport.sheetName, passport.rows[row].row, passport.columns[key]),
    message:
      `социальный паспорт, «${label(key)}»: ожидалось не больше, чем «${label("studentsTotal")}» ` +
      `(${passport.fieldValues.studentsTotal[row]}); найдено ${passport.fieldValues[key][row]}. ` +
      "Доля на листе «ИСБШ» не показана — проверьте значения",
  };
}
