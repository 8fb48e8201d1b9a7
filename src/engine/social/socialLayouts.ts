import type { SheetLayout } from "../sheetLayout";
import type { SocialWellBeingResult } from "./assessSocialWellBeing";
import { groupNotFormed } from "./lowerQuantile";
import { formatCount, plural } from "../russianText";
import type { ContextFactor } from "./contextFactors";

export const SOCIAL_MARKER = "school-radar:isbsh";

/**
 * «ИСБШ»: index, place and group of every school, least advantaged first, with the method above; then
 * the passport's other factors the source names, for context (`contextFactors.ts`).
 */
export function socialLayout(result: SocialWellBeingResult, sourceSheet: string): SheetLayout {
  const { schools, context } = result;
  // Positions, not schools: the context shares are parallel to the schools.
  const order = schools
    .map((_, position) => position)
    .sort((a, b) => (schools[a].isbsh ?? Infinity) - (schools[b].isbsh ?? Infinity));
  const group =
    result.threshold === null
      ? `группа ШНСУ ${groupNotFormed(result.quantile)}`
      : `из них ШНСУ — ${formatCount(result.counts.shnsu)}`;
  const percent = (value: number | undefined): number | null =>
    value === undefined ? null : value * 100;
  const known = (value: number): number | null => (Number.isNaN(value) ? null : value);
  return {
    name: "ИСБШ",
    marker: SOCIAL_MARKER,
    preamble: [
      "Школьный радар — индекс социального благополучия школ (ИСБШ) и школы в неблагоприятных социальных условиях (ШНСУ)",
      `Источник: лист «${sourceSheet}»; ${plural(schools.length, "школа", "школы", "школ")}, ${group}`,
      result.description,
      ...(result.groupSizeWarning === null ? [] : [capitalised(result.groupSizeWarning) + "."]),
      ...(context.factors.length === 0 ? [] : [contextNote(context.factors)]),
    ],
    header: [
      "Место",
      "ОО",
      "Логин",
      "ИСБШ",
      "ШНСУ",
      "Оба родителя с высшим,\u00a0%",
      "Неполные семьи,\u00a0%",
      "На учёте,\u00a0%",
      ...context.factors.map((factor) => factor.header),
      "Обоснование",
    ],
    body: order.map((position) => {
      const school = schools[position];
      const shares = result.sharesOf(position);
      return [
        school.rank,
        school.name,
        school.login,
        school.isbsh,
        school.shnsu ? "ШНСУ" : "",
        percent(shares?.bothParentsHigherEducation),
        percent(shares?.singleParentFamilies),
        percent(shares?.onRegisters),
        ...context.percents.map((percents) => known(percents[position])),
        result.reasonOf(position),
      ];
    }),
    columns: [
      { width: 8, numberFormat: "0" },
      { width: 32, wrap: true },
      { width: 12 },
      // As many decimals as the reasons show, so that a cell and its threshold compare as computed.
      {
        width: 9 + result.indexDecimals - 2,
        numberFormat: `0.${"0".repeat(result.indexDecimals)}`,
      },
      { width: 8 },
      { width: 12, numberFormat: "0.0" },
      { width: 12, numberFormat: "0.0" },
      { width: 12, numberFormat: "0.0" },
      ...context.factors.map(() => ({ width: 14, numberFormat: "0.0" })),
      { width: 60, wrap: true },
    ],
    rowTone: order.map((position) => {
      const school = schools[position];
      return school.isbsh === null ? "unknown" : school.shnsu ? "alert" : "ok";
    }),
  };
}

/** Above the context columns: they are not the index, and where their directions come from. */
function contextNote(factors: readonly ContextFactor[]): string {
  const housing = factors.some((factor) => factor.key === "poorHousing")
    ? "; для неблагоустроенного жилья значимого влияния там не выявлено (приложение 2)"
    : "";
  return (
    "Справочно: столбцы между «На учёте,\u00a0%» и «Обоснование» — доли обучающихся по другим показателям социального паспорта, в ИСБШ они не входят; " +
    `в скобках — направление их влияния на результаты обучения по программе Назаровского района (приложение 1)${housing}.`
  );
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
