/**
 * One profile per school (docs/method.md §8): a hand-made workbook of nine schools whose ШНОР
 * status, ИСБШ and risk factors are chosen to land each in a known category.
 */
import {
  analyzeWorkbook,
  categoryOf,
  isEngineError,
  templateLayout,
  type CellValue,
  type ProfileCategory,
  type SchoolProfile,
  type SheetGrid,
  type WorkbookAnalysis,
} from "../../../src/engine";
import { jsonReport } from "../../../src/cli/jsonReport";
import { flatExportGrid, PASSPORT_HEADER, type SchoolSpec } from "../../fixtures/grids";

const LOGINS = "ABCDEFGHI".split("").map((letter, index) => ({
  letter,
  login: `sch70000${index + 1}`,
}));
const login = (letter: string) => LOGINS.find((item) => item.letter === letter)!.login;

/** ВПР МА 5 and РУ 5 in 2017, 2018 and 2019; null: no result that year. */
function results(letter: string, ...years: ([number, number] | null)[]): SchoolSpec {
  const failing: SchoolSpec["failing"] = {};
  years.forEach((pair, index) => {
    if (pair === null) return;
    failing[`ВПР МА 5 ${2017 + index}`] = pair[0];
    failing[`ВПР РУ 5 ${2017 + index}`] = pair[1];
  });
  return { login: login(letter), name: `Школа ${letter}`, failing };
}

/*
 * ШНОР (threshold 30 %): A 2019 40/35 → К1, entered; B 2018 40/35 and 2019 45/40 → К1, К2,
 * stayed; C 2019 40/30 → К1, entered; D, E, F, H never low; G no 2019 results → «недостаточно
 * данных». I is not in the results table.
 */
const TABLE = flatExportGrid(
  ["2017", "2018", "2019"].flatMap((year) => [`ВПР МА 5 ${year}`, `ВПР РУ 5 ${year}`]),
  [
    results("A", [10, 10], [10, 10], [40, 35]),
    results("B", [10, 10], [40, 35], [45, 40]),
    results("C", [10, 10], [10, 10], [40, 30]),
    results("D", [10, 10], [10, 10], [10, 10]),
    results("E", [12, 12], [12, 12], [12, 12]),
    results("F", [8, 8], [8, 8], [8, 8]),
    results("G", [10, 10], [10, 10], null),
    results("H", [5, 5], [5, 5], [5, 5]),
  ]
);

/*
 * ИСБШ = 85 + 15 × d_higher (no single-parent families, nobody on a register; 100 pupils each):
 * A 85, D 86,5, E 88, the others 91 and more. Nine schools: the lower quartile's threshold is
 * PERCENTILE.INC at (9 − 1) × 0,25 = 2, the third lowest, 88 → ШНСУ: A, D, E.
 */
const HIGHER: Record<string, number> = {
  A: 0,
  D: 10,
  E: 20,
  B: 40,
  C: 50,
  F: 60,
  G: 70,
  H: 80,
  I: 90,
};
const PASSPORT: SheetGrid = {
  sheetName: "Социальный паспорт",
  values: [
    PASSPORT_HEADER,
    ...LOGINS.map(({ letter, login }) => [login, `Школа ${letter}`, 100, HIGHER[letter]!, 0, 0]),
  ],
};

/*
 * Risk factors (the default thresholds): Ф1.1 state of the classrooms below 3 → factor 1; Ф2.1
 * teacher vacancies above 0 → factor 2. A: Ф1 (but ШНОР, so not ШГР); B: Ф2 (ШНОР); D: Ф1, Ф2
 * (ШГР); F: Ф2 (ШГР). Everyone else 4 and 0: no factor. I is not in the questionnaire.
 */
const FACTORS: Record<string, [number, number]> = { A: [2, 0], B: [4, 1], D: [2, 1], F: [4, 2] };
function questionnaire(): SheetGrid {
  const schools = LOGINS.filter(({ letter }) => letter !== "I").map(({ letter, login }) => ({
    login,
    name: `Школа ${letter}`,
  }));
  const layout = templateLayout("risk-questionnaire", schools);
  const classrooms = layout.header.findIndex((header) => header.startsWith("Ф1.1"));
  const vacancies = layout.header.findIndex((header) => header.startsWith("Ф2.1"));
  const body = layout.body.map((row, index) => {
    const cells: CellValue[] = row.map((cell, column) => (column < 2 ? cell : null));
    const [state, open] = FACTORS[LOGINS[index]!.letter] ?? [4, 0];
    cells[classrooms] = state;
    cells[vacancies] = open;
    return cells;
  });
  return {
    sheetName: layout.name,
    values: [...layout.preamble.map((line) => [line]), [], layout.header, ...body],
  };
}

function analyse(grids: SheetGrid[]): WorkbookAnalysis {
  const analysis = analyzeWorkbook(grids.map((grid) => ({ grid })));
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis;
}

describe("the school profile", () => {
  const analysis = analyse([TABLE, PASSPORT, questionnaire()]);
  const profile = analysis.profile!;
  const byLetter = (letter: string) =>
    profile.schools.find((school) => school.login === login(letter))!;

  it("names each school's category, in order of need", () => {
    // B before C in «ШНОР»: one risk factor against none. H before I: both without factors, H has
    // a residual, I (passport only) none.
    expect(
      profile.schools.map((school) => [
        LOGINS.find((item) => item.login === school.login)!.letter,
        school.priority,
        school.category,
      ])
    ).toEqual([
      ["A", 1, "shnor_and_shnsu"],
      ["B", 2, "shnor"],
      ["C", 2, "shnor"],
      ["D", 3, "shnsu_and_risk_group"],
      ["E", 4, "shnsu"],
      ["F", 5, "risk_group"],
      ["G", 7, "insufficient_data"],
      ["H", 8, "none"],
      ["I", 8, "none"],
    ]);
    expect(profile.counts).toEqual({
      shnor_and_shnsu: 1,
      shnor: 2,
      shnsu_and_risk_group: 1,
      shnsu: 1,
      risk_group: 1,
      below_expected: 0,
      insufficient_data: 1,
      none: 2,
    });
  });

  it("crosses ШНОР and its criteria and change, ИСБШ and ШНСУ, ШГР and its factors, the context", () => {
    expect(byLetter("A")).toMatchObject({
      shnor: "shnor",
      criteria: [1],
      change: "entered",
      isbsh: 85,
      shnsu: true,
      riskGroup: false,
      factors: [1],
    });
    expect(byLetter("B")).toMatchObject({ criteria: [1, 2], change: "stayed", factors: [2] });
    expect(byLetter("D")).toMatchObject({
      shnor: "not_shnor",
      change: "never",
      isbsh: 86.5,
      shnsu: true,
      riskGroup: true,
      factors: [1, 2],
    });
    expect(byLetter("G")).toMatchObject({
      shnor: "insufficient_data",
      change: "unknown",
      below: null,
    });
    // I: only in the passport.
    expect(byLetter("I")).toMatchObject({
      shnor: null,
      change: null,
      isbsh: 98.5,
      shnsu: false,
      riskGroup: null,
      factors: null,
      below: null,
      residual: null,
    });
    expect(typeof byLetter("H").residual).toBe("number");
  });

  it("lays out one concept per column, with the order stated above the table", () => {
    const layout = analysis.layouts.find((item) => item.name === "Профиль школ")!;
    expect(layout.header).toEqual([
      "Приоритет",
      "Категория",
      "ОО",
      "Логин",
      "ШНОР",
      "Критерии ШНОР",
      "ШНОР: изменение 2018 → 2019",
      "ИСБШ",
      "ШНСУ",
      "ШГР",
      "Факторов риска",
      "Факторы риска",
      "Результаты и контекст",
      "Отклонение от ожидаемого",
    ]);
    expect(layout.body[0]!.slice(0, 13)).toEqual([
      1,
      "ШНОР и ШНСУ одновременно",
      "Школа A",
      login("A"),
      "ШНОР",
      "К1",
      "вошла в ШНОР",
      85,
      "да",
      "нет",
      1,
      "Ф1",
      expect.stringMatching(/^(ниже ожидаемых|в пределах ожидаемого)$/),
    ]);
    expect(layout.body.at(-1)!.slice(0, 13)).toEqual([
      8,
      "Не входит в группы",
      "Школа I",
      login("I"),
      "нет в таблице результатов",
      "",
      "нет в таблице результатов",
      98.5,
      "нет",
      "нет в анкете",
      null,
      "нет в анкете",
      "нет данных",
    ]);
    expect(layout.preamble.join("\n")).toContain(
      "1 — ШНОР и ШНСУ одновременно; 2 — ШНОР; 3 — ШНСУ и ШГР одновременно; 4 — ШНСУ; 5 — ШГР; " +
        "6 — Результаты ниже ожидаемых при социальном контексте; 7 — Недостаточно данных для решения о ШНОР; 8 — Не входит в группы"
    );
  });

  it("is in --json in the sheet's order", () => {
    const report = jsonReport(analysis);
    expect(report.profile.map((school) => school.login)).toEqual(
      profile.schools.map((school) => school.login)
    );
    expect(Object.keys(report.profile[0]!)).toEqual([
      "login",
      "name",
      "category",
      "priority",
      "shnor",
      "criteria",
      "change",
      "isbsh",
      "shnsu",
      "riskGroup",
      "factors",
      "below",
      "residual",
    ]);
  });

  it("needs two of the three sources: none with the results table alone", () => {
    const alone = analyse([TABLE]);
    expect(alone.profile).toBeNull();
    expect(alone.layouts.map((layout) => layout.name)).not.toContain("Профиль школ");
    expect(jsonReport(alone).profile).toEqual([]);
    const withPassport = analyse([TABLE, PASSPORT]);
    expect(withPassport.profile!.schools).toHaveLength(9);
    // Without the questionnaire: no ШГР columns.
    const layout = withPassport.layouts.find((item) => item.name === "Профиль школ")!;
    expect(layout.header).not.toContain("ШГР");
  });
});

describe("a school's category", () => {
  const none = { shnor: null, shnsu: null, riskGroup: null, below: null };
  it.each<[Partial<SchoolProfile>, ProfileCategory]>([
    [{ shnor: "shnor", shnsu: true }, "shnor_and_shnsu"],
    [{ shnor: "shnor", shnsu: false, riskGroup: false }, "shnor"],
    [{ shnor: "shnor", below: true }, "shnor"],
    [{ shnor: "not_shnor", shnsu: true, riskGroup: true }, "shnsu_and_risk_group"],
    [{ shnor: "insufficient_data", shnsu: true }, "shnsu"],
    [{ shnor: "not_shnor", riskGroup: true, below: true }, "risk_group"],
    [{ shnor: "not_shnor", shnsu: false, riskGroup: false, below: true }, "below_expected"],
    [{ shnor: "insufficient_data", below: true }, "below_expected"],
    [{ shnor: "insufficient_data" }, "insufficient_data"],
    [{ shnor: "not_shnor", shnsu: false, riskGroup: false, below: false }, "none"],
    [{}, "none"],
  ])("%o → %s", (fields, category) => {
    expect(categoryOf({ ...none, ...fields })).toBe(category);
  });
});
