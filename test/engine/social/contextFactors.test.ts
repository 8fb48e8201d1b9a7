/*
 * Issue 14, item 11: the passport's other social factors (seed 001, Appendix 1) are shown on the
 * ИСБШ sheet beside the index, as shares with their direction of influence, and stay out of it.
 */
import {
  assessSocialWellBeing,
  isEngineError,
  readSocialPassport,
  socialLayout,
  type CellValue,
  type SocialWellBeingResult,
} from "../../../src/engine";
import { PASSPORT_HEADER } from "../../fixtures/grids";

function assessed(header: CellValue[], rows: CellValue[][]): SocialWellBeingResult {
  const passport = readSocialPassport({ sheetName: "Соцпаспорт", values: [header, ...rows] });
  if (isEngineError(passport)) throw new Error(passport.message);
  return assessSocialWellBeing(passport);
}

/**
 * Total, both parents with higher education, single-parent, on registers; then large families
 * (a count), non-native Russian (a share, %) and an empty «безработные» column, as a template leaves it.
 *  sch100001: 120; 24 / 30 / 6 → 85 + 15·0,2 − 20·0,25 − 65·0,05 = 79,75; large families 30/120 = 25 %
 *  sch100002:  80;  8 / 20 / 4 → 85 + 1,5 − 5 − 3,25 = 78,25; large families not given; non-native 0 %
 *  sch100003:  50; 10 /  5 / 0 → 85 + 3 − 2 = 86; 60 large families of 50 pupils: no share, a warning
 */
const INDEX_COLUMNS: CellValue[][] = [
  ["sch100001", "СОШ № 1", 120, 24, 30, 6],
  ["sch100002", "СОШ № 2", 80, 8, 20, 4],
  ["sch100003", "СОШ № 3", 50, 10, 5, 0],
];
const FACTOR_COLUMNS: CellValue[][] = [
  [30, 12.5, ""],
  ["", 0, ""],
  [60, 4, ""],
];
const result = assessed(
  [
    ...PASSPORT_HEADER,
    "Из многодетных семей",
    "Доля: русский язык не родной, %",
    "Оба родителя безработные",
  ],
  INDEX_COLUMNS.map((row, i) => [...row, ...FACTOR_COLUMNS[i]])
);
const layout = socialLayout(result, "Соцпаспорт");

describe("the passport's other factors on the ИСБШ sheet", () => {
  it("a column per factor given, headed with its direction; none for the empty one", () => {
    expect(layout.header.slice(7)).toEqual([
      "На учёте,\u00a0%",
      "Многодетные семьи,\u00a0% (влияет отрицательно)",
      "Русский язык не родной,\u00a0% (влияет отрицательно)",
      "Обоснование",
    ]);
    expect(layout.columns.slice(8, 10).map((column) => column.numberFormat)).toEqual([
      "0.0",
      "0.0",
    ]);
  });

  it("shares in per cent, a missing value blank (never 0), a real 0 kept", () => {
    // Rows least advantaged first: 78,25 (СОШ № 2), 79,75 (СОШ № 1), 86 (СОШ № 3).
    expect(layout.body.map((row) => [row[1], row[8], row[9]])).toEqual([
      ["СОШ № 2", null, 0],
      ["СОШ № 1", 25, 12.5],
      ["СОШ № 3", null, 4],
    ]);
  });

  it("a count above the pupils is said at its cell", () => {
    // (Besides: 3 schools form no quartile, said as before.)
    expect(result.warnings.filter((warning) => warning.cell.includes("!"))).toEqual([
      {
        cell: "'Соцпаспорт'!G4",
        message:
          "социальный паспорт, «Из многодетных семей»: ожидалось не больше, чем «Всего обучающихся» (50); найдено 60. " +
          "Доля на листе «ИСБШ» не показана — проверьте значения",
      },
    ]);
  });

  it("says above the table that these columns are not the index, and where the directions come from", () => {
    expect(layout.preamble).toContain(
      "Справочно: столбцы между «На учёте,\u00a0%» и «Обоснование» — доли обучающихся по другим показателям социального паспорта, в ИСБШ они не входят; " +
        "в скобках — направление их влияния на результаты обучения по программе Назаровского района (приложение 1)."
    );
  });

  it("leaves the index as it is without them", () => {
    const alone = assessed(PASSPORT_HEADER, INDEX_COLUMNS);
    expect(result.schools.map((school) => school.isbsh)).toEqual([79.75, 78.25, 86]);
    expect(result.schools.map((school) => school.isbsh)).toEqual(
      alone.schools.map((school) => school.isbsh)
    );
    expect(socialLayout(alone, "Соцпаспорт").header).not.toContain(
      "Многодетные семьи,\u00a0% (влияет отрицательно)"
    );
    expect(socialLayout(alone, "Соцпаспорт").preamble).toHaveLength(3);
  });
});
