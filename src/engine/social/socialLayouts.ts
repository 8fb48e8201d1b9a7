import type { SheetLayout } from "../sheetLayout";
import type { SocialWellBeingResult } from "./assessSocialWellBeing";

export const SOCIAL_MARKER = "school-radar:isbsh";

/** «ИСБШ»: index, place and group of every school, least advantaged first, with the method above. */
export function socialLayout(result: SocialWellBeingResult, sourceSheet: string): SheetLayout {
  const order = [...result.schools].sort((a, b) => (a.isbsh ?? Infinity) - (b.isbsh ?? Infinity));
  const groupSize = result.counts.shnsu;
  const percent = (value: number | undefined): number | null =>
    value === undefined ? null : value * 100;
  return {
    name: "ИСБШ",
    marker: SOCIAL_MARKER,
    preamble: [
      "Школьный радар — индекс социального благополучия школ (ИСБШ) и школы в неблагоприятных социальных условиях (ШНСУ)",
      `Источник: лист «${sourceSheet}», школ: ${result.schools.length}, ШНСУ: ${groupSize}`,
      result.description,
    ],
    header: [
      "Место",
      "ОО",
      "Логин",
      "ИСБШ",
      "ШНСУ",
      "Оба родителя с высшим, %",
      "Неполные семьи, %",
      "На учёте, %",
      "Обоснование",
    ],
    body: order.map((school) => [
      school.rank,
      school.name,
      school.login,
      school.isbsh,
      school.shnsu ? "ШНСУ" : "",
      percent(school.shares?.bothParentsHigherEducation),
      percent(school.shares?.singleParentFamilies),
      percent(school.shares?.onRegisters),
      school.reason,
    ]),
    columns: [
      { width: 8, numberFormat: "0" },
      { width: 32, wrap: true },
      { width: 12 },
      { width: 9, numberFormat: "0.0" },
      { width: 8 },
      { width: 12, numberFormat: "0.0" },
      { width: 12, numberFormat: "0.0" },
      { width: 12, numberFormat: "0.0" },
      { width: 60, wrap: true },
    ],
    rowTone: order.map((school) =>
      school.isbsh === null ? "unknown" : school.shnsu ? "alert" : "ok"
    ),
  };
}
