import {
  analyzeWorkbook,
  isEngineError,
  isUncertain,
  matchNote,
  ourFinding,
  readOfficialList,
  recognizeSheets,
  RECONCILIATION_MARKER,
  type CellValue,
  type ReconciledEntry,
  type SheetGrid,
  type WorkbookAnalysis,
} from "../../../src/engine";
import { flatExportGrid } from "../../fixtures/grids";

const YEARS = ["ВПР МА 5 2025", "ВПР РУ 5 2025", "ВПР МА 5 2024", "ВПР РУ 5 2024"];
const low2025 = {
  "ВПР МА 5 2025": 40,
  "ВПР РУ 5 2025": 35,
  "ВПР МА 5 2024": 10,
  "ВПР РУ 5 2024": 10,
};
const fine = { "ВПР МА 5 2025": 10, "ВПР РУ 5 2025": 12, "ВПР МА 5 2024": 10, "ВПР РУ 5 2024": 10 };

/** Our table: ШНОР by criterion 1 (two low results of 2025), not ШНОР, and one without 2025 results. */
const TABLE = flatExportGrid(YEARS, [
  { login: "sch500001", name: "МБОУ «СОШ № 5»", failing: low2025 },
  { login: "sch500002", name: "МБОУ «ООШ № 9»", failing: low2025 },
  { login: "sch500003", name: "МАОУ «Гимназия № 2»", failing: fine },
  { login: "sch500004", name: "МБОУ «Сосновская СОШ»", failing: low2025 },
  // Two schools whose names differ only by the legal form: «Средняя школа № 7» fits both.
  { login: "sch500005", name: "МБОУ «СОШ № 7»", failing: low2025 },
  { login: "sch500006", name: "МАОУ «СОШ № 7»", failing: fine },
  {
    login: "sch500007",
    name: "МБОУ «Берёзовская СОШ»",
    failing: { "ВПР МА 5 2024": 45, "ВПР РУ 5 2024": 10 },
  },
  { login: "sch500008", name: "МБОУ «Луговая ООШ»", failing: low2025 },
]);

/** The region's list, in the forms a real one takes: names written otherwise, logins or not. */
const LIST: CellValue[][] = [
  ["Перечень ОО с низкими образовательными результатами (ЦОКО)"],
  [],
  ["№ п/п", "Наименование ОО", "Логин ОО", "Примечание"],
  [1, 'МБОУ "СОШ №5"', null, null],
  [2, "Основная общеобразовательная школа № 9", null, null],
  [3, "МАОУ «Гимназия № 2»", "sch500003", null],
  [4, "Средняя школа № 7", null, null],
  [5, "МБОУ «Березовская СОШ»", null, null],
  [6, "МБОУ «СОШ № 40»", "sch599999", "другой муниципалитет"],
  [7, "Луговая основная школа", "sch500008", null],
  [8, "МБОУ «СОШ № 5»", null, "повтор"],
];
const LIST_GRID: SheetGrid = { sheetName: "Список ЦОКО", values: LIST };

function analyse(list: SheetGrid = LIST_GRID): WorkbookAnalysis {
  const analysis = analyzeWorkbook([{ grid: TABLE }, { grid: list }]);
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis;
}

const logins = (analysis: WorkbookAnalysis, entries: ReconciledEntry[]) =>
  entries.map((entry) =>
    entry.school === null ? null : analysis.table!.schools[entry.school]!.login
  );

describe("reconciliation with an official list (docs/method.md §9)", () => {
  const analysis = analyse();
  const reconciliation = analysis.reconciliation!;

  it("recognises the list sheet by its header and reads every school once", () => {
    expect(analysis.sheets[1]).toEqual({
      sheetName: "Список ЦОКО",
      kind: "official-list",
      schools: 7,
      note: "7 школ",
    });
    expect(reconciliation.listSchools).toBe(7);
    expect(analysis.warnings).toContainEqual({
      cell: "'Список ЦОКО'!B11",
      message: "список школ: «МБОУ «СОШ № 5»» уже есть в строке 4; повторная строка не учтена",
    });
  });

  it("matches by login, by the name as written, and by a variant of the name (to check)", () => {
    expect(logins(analysis, reconciliation.matched)).toEqual([
      "sch500001",
      "sch500002",
      "sch500008",
    ]);
    expect(reconciliation.matched.map((entry) => entry.match)).toEqual([
      "name",
      "variant",
      "login",
    ]);
    expect(reconciliation.matched.map(isUncertain)).toEqual([false, true, false]);
    expect(reconciliation.matched.map((entry) => matchNote(entry, analysis.table!))).toEqual([
      "по наименованию",
      "по наименованию, записанному иначе — проверьте",
      "по логину",
    ]);
  });

  it("lists our ШНОР the list does not have, with our reason", () => {
    expect(logins(analysis, reconciliation.onlyOurs)).toEqual(["sch500004", "sch500005"]);
    expect(ourFinding(reconciliation.onlyOurs[0]!, analysis.table!, analysis.identification!)).toBe(
      "К1: 2025 — ВПР МА 5 (40\u00a0%), ВПР РУ 5 (35\u00a0%)"
    );
  });

  it("says for each school only in the list what our data shows, and never matches an ambiguous name", () => {
    const only = reconciliation.onlyOfficial;
    expect(only.map((entry) => entry.official!.name)).toEqual([
      "МАОУ «Гимназия № 2»",
      "Средняя школа № 7",
      "МБОУ «Березовская СОШ»",
      "МБОУ «СОШ № 40»",
    ]);
    expect(only.map((entry) => entry.status)).toEqual([
      "not_shnor",
      null,
      "insufficient_data",
      null,
    ]);
    expect(logins(analysis, only)).toEqual(["sch500003", null, "sch500007", null]);
    expect(only[1]!.ambiguous.map((school) => analysis.table!.schools[school]!.login)).toEqual([
      "sch500005",
      "sch500006",
    ]);
    const findings = only.map((entry) =>
      ourFinding(entry, analysis.table!, analysis.identification!)
    );
    expect(findings[0]).toMatch(
      /^по нашим данным критерии не выполнены: 2025 — низких результатов нет/
    );
    expect(findings[1]).toBe(
      "наименование подходит к нескольким школам таблицы: МБОУ «СОШ № 7» (sch500005), МАОУ «СОШ № 7» (sch500006); сверьте по логину"
    );
    expect(findings[2]).toMatch(
      /^недостаточно данных: нет результатов 2025 по учитываемым процедурам/
    );
    expect(findings[3]).toBe("школы нет в таблице");
    expect(matchNote(only[1]!, analysis.table!)).toBe(
      "неоднозначно: наименование подходит к 2 школам"
    );
    expect(analysis.warnings).toContainEqual({
      cell: "'Список ЦОКО'!B7",
      message:
        "список школ: наименование «Средняя школа № 7» подходит к нескольким школам таблицы — " +
        "МБОУ «СОШ № 7» (sch500005), МАОУ «СОШ № 7» (sch500006); школа не сопоставлена, укажите в списке её логин",
    });
  });

  it("lays out «Сверка со списком»: matched, only ours, only in the list, each with our reason", () => {
    const layout = analysis.layouts.find(
      (candidate) => candidate.marker === RECONCILIATION_MARKER
    )!;
    expect(layout.name).toBe("Сверка со списком");
    expect(layout.header).toEqual([
      "Результат сверки",
      "ОО в официальном списке",
      "ОО в нашей таблице",
      "Логин",
      "Сопоставление",
      "Статус по нашим данным",
      "Обоснование по нашим данным",
    ]);
    expect(layout.body.map((row) => row.slice(0, 6))).toEqual([
      ["совпадает", 'МБОУ "СОШ №5"', "МБОУ «СОШ № 5»", "sch500001", "по наименованию", "ШНОР"],
      [
        "совпадает",
        "Основная общеобразовательная школа № 9",
        "МБОУ «ООШ № 9»",
        "sch500002",
        "по наименованию, записанному иначе — проверьте",
        "ШНОР",
      ],
      [
        "совпадает",
        "Луговая основная школа",
        "МБОУ «Луговая ООШ»",
        "sch500008",
        "по логину",
        "ШНОР",
      ],
      [
        "только в нашем списке",
        "",
        "МБОУ «Сосновская СОШ»",
        "sch500004",
        "нет в официальном списке",
        "ШНОР",
      ],
      [
        "только в нашем списке",
        "",
        "МБОУ «СОШ № 7»",
        "sch500005",
        "нет в официальном списке",
        "ШНОР",
      ],
      [
        "только в официальном списке",
        "МАОУ «Гимназия № 2»",
        "МАОУ «Гимназия № 2»",
        "sch500003",
        "по логину",
        "не ШНОР",
      ],
      [
        "неоднозначно",
        "Средняя школа № 7",
        "",
        "",
        "неоднозначно: наименование подходит к 2 школам",
        "нет в таблице",
      ],
      [
        "только в официальном списке",
        "МБОУ «Березовская СОШ»",
        "МБОУ «Берёзовская СОШ»",
        "sch500007",
        "по наименованию",
        "недостаточно данных",
      ],
      [
        "только в официальном списке",
        "МБОУ «СОШ № 40»",
        "",
        "sch599999",
        "не найдена в таблице",
        "нет в таблице",
      ],
    ]);
    expect(layout.rowTone).toEqual([
      "ok",
      "unknown",
      "ok",
      "alert",
      "alert",
      "alert",
      "unknown",
      "alert",
      "alert",
    ]);
    expect(layout.preamble[2]).toBe(
      "Совпадают: 3 (из них 1 — по наименованию, записанному иначе, или с разными логинами: проверьте); " +
        "только в нашем списке: 2; только в официальном списке: 4 (из них с неоднозначным наименованием: 1)."
    );
  });

  it("says when a list login is not the table's and the school was found by its name", () => {
    const list: SheetGrid = {
      sheetName: "Список",
      values: [
        ["Наименование ОО", "Логин ОО"],
        ["МБОУ «Сосновская СОШ»", "sch500444"],
      ],
    };
    const entry = analyse(list).reconciliation!.matched[0]!;
    expect(isUncertain(entry)).toBe(true);
    expect(matchNote(entry, analyse(list).table!)).toBe(
      "по наименованию; логин в списке sch500444, в таблице sch500004 — проверьте"
    );
  });
});

describe("which sheets are lists of schools", () => {
  it("takes a sheet of logins alone, or of names alone", () => {
    for (const values of [
      [["Логин"], ["sch500001"], ["sch500002"]],
      [["ОО"], ["МБОУ «СОШ № 5»"]],
    ] as CellValue[][][]) {
      const found = recognizeSheets([{ grid: { sheetName: "Л", values } }]);
      expect(found.sheets[0]!.kind).toBe("official-list");
    }
  });

  it("does not take a sheet with other columns (contacts) unless the user names it", () => {
    const contacts: SheetGrid = {
      sheetName: "Контакты",
      values: [
        ["Наименование ОО", "Директор", "Телефон"],
        ["МБОУ «СОШ № 5»", "Иванова И. И.", "8-800"],
      ],
    };
    expect(recognizeSheets([{ grid: contacts }]).sheets[0]).toEqual({
      sheetName: "Контакты",
      kind: null,
      schools: 0,
      note: expect.stringMatching(/^На листе «Контакты» не найдена таблица результатов/),
    });
    expect(readOfficialList(contacts, false)).toMatchObject({
      message:
        "На листе «Контакты» не список школ: кроме логина и наименования есть столбец «Директор»",
    });
    const chosen = recognizeSheets([{ grid: contacts, official: true }]);
    expect(chosen.sheets[0]).toMatchObject({ kind: "official-list", schools: 1 });
    expect(chosen.official!.chosen).toBe(true);
  });

  it("prefers the list the user named to one recognised by its header", () => {
    const first: SheetGrid = { sheetName: "А", values: [["Логин ОО"], ["sch500001"]] };
    const second: SheetGrid = { sheetName: "Б", values: [["Логин ОО"], ["sch500002"]] };
    const found = recognizeSheets([{ grid: first }, { grid: second, official: true }]);
    expect(found.official!.sheetName).toBe("Б");
  });

  it("names what it looked for when a named sheet has no login or name column", () => {
    const grid: SheetGrid = { sheetName: "Лист1", values: [["Код"], ["123"]] };
    expect(readOfficialList(grid, true)).toEqual({
      kind: "error",
      code: "no_table",
      cell: "'Лист1'",
      message:
        "На листе «Лист1» не найден список школ: в первых 20 строках нет заголовка — ожидался столбец логина ОО " +
        "(«Логин», «Логин ОО», «login») или наименования ОО («Наименование ОО», «Название», «ОО», «Школа»)",
    });
  });

  it("warns of a login of the wrong form and reconciles that school by its name", () => {
    const grid: SheetGrid = {
      sheetName: "Список",
      values: [
        ["Наименование ОО", "Логин ОО"],
        ["МБОУ «СОШ № 5»", "школа 5"],
      ],
    };
    const list = readOfficialList(grid, false);
    expect(list).toMatchObject({
      entries: [{ name: "МБОУ «СОШ № 5»", login: null, row: 1 }],
      warnings: [
        {
          cell: "'Список'!B2",
          message:
            "список школ: ожидался логин ОО вида sch123456 или edu123456; найдено «школа 5»; школа сверяется по наименованию",
        },
      ],
    });
  });

  it("is not reconciled without a results table, and says so", () => {
    const passport: SheetGrid = {
      sheetName: "Паспорт",
      values: [
        [
          "Логин ОО",
          "Наименование ОО",
          "Всего обучающихся",
          "Оба родителя с высшим образованием",
          "Из неполных семей",
          "Состоят на учёте",
        ],
        ["sch500001", "МБОУ «СОШ № 5»", 100, 20, 10, 2],
      ],
    };
    const analysis = analyzeWorkbook([{ grid: passport }, { grid: LIST_GRID }]);
    if (isEngineError(analysis)) throw new Error(analysis.message);
    expect(analysis.reconciliation).toBeNull();
    expect(analysis.warnings).toContainEqual({
      cell: "'Список ЦОКО'",
      message:
        "список школ «Список ЦОКО» не сверен: в книге нет таблицы результатов, ШНОР не определялись",
    });
  });
});
