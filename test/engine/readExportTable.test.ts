import {
  isEngineError,
  procedureResult,
  readExportTable,
  type CellValue,
  type ExportTable,
  type SheetGrid,
} from "../../src/engine";

function read(grid: SheetGrid): ExportTable {
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

/** The failing percentage of one school for one "procedure year". */
function failing(
  table: ExportTable,
  login: string,
  procedure: string,
  yearEnd: number
): number | null | undefined {
  const index = table.groups.findIndex(
    (group) => group.procedure.id === procedure && group.year.end === yearEnd
  );
  const school = table.schools.findIndex((candidate) => candidate.login === login);
  return index < 0 || school < 0
    ? undefined
    : (procedureResult(table, school, index)?.failing ?? null);
}

const SCHOOL_A: CellValue[] = ["Заречный МО", "МБОУ «СОШ № 1»", "sch100001"];
const SCHOOL_B: CellValue[] = ["Заречный МО", "МБОУ «ООШ № 2»", "sch100002"];

describe("header shapes of docs/method.md §1", () => {
  it("two header rows, merged cells given blank by Office.js", () => {
    const table = read({
      sheetName: "Выгрузка",
      values: [
        ["Муниципалитет", "ОО", "Логин", "ВПр МА 5 2019", "", "ВПр МА 5 2018", ""],
        ["", "", "", "% «2»", "% ВЫСОКИХ РЕЗУЛЬТАТОВ", "% «2»", "% ВЫСОКИХ РЕЗУЛЬТАТОВ"],
        [...SCHOOL_A, 40, 2, 23, 0],
      ],
    });
    expect(
      table.groups.map((group) => [group.procedure.id, group.year.label, group.columns])
    ).toEqual([
      ["ВПР МА 5", "2019", { failing: 3, high: 4 }],
      ["ВПР МА 5", "2018", { failing: 5, high: 6 }],
    ]);
    expect(procedureResult(table, 0, 0)).toMatchObject({
      failing: 40,
      high: 2,
      cell: "'Выгрузка'!D3",
    });
  });

  it("two header rows with the merged title repeated in every cell (as ExcelJS reads them)", () => {
    const table = read({
      sheetName: "Лист1",
      values: [
        ["Муниципалитет", "ОО", "Логин", "ВПр РУ 6 2019", "ВПр РУ 6 2019"],
        ["Муниципалитет", "ОО", "Логин", "% «2»", "% ВЫСОКИХ РЕЗУЛЬТАТОВ"],
        [...SCHOOL_A, 37, 1],
      ],
    });
    expect(table.groups).toHaveLength(1);
    expect(failing(table, "sch100001", "ВПР РУ 6", 2019)).toBe(37);
    expect(table.layout.identity).toEqual({ municipality: 0, name: 1, login: 2 });
  });

  it("one flattened header row, columns in any order, identity columns last", () => {
    const table = read({
      sheetName: "Лист1",
      values: [
        [
          "ОГЭ мат. 2018/2019 % «2»",
          "ВПР русский язык 5 класс 2018-19 % «2»",
          "Логин ОО",
          "Наименование ОО",
          "АТЕ",
        ],
        [12, 33, "sch100001", "МБОУ «СОШ № 1»", "Заречный МО"],
      ],
    });
    expect(table.schools[0]).toMatchObject({
      login: "sch100001",
      name: "МБОУ «СОШ № 1»",
      municipality: "Заречный МО",
    });
    expect(failing(table, "sch100001", "ОГЭ МА", 2019)).toBe(12);
    expect(failing(table, "sch100001", "ВПР РУ 5", 2019)).toBe(33);
    expect(table.years.map((year) => year.label)).toEqual(["2018/2019"]);
  });

  it("any number of years, oldest first, whatever the column order", () => {
    const table = read({
      sheetName: "Лист1",
      values: [
        [
          "Логин",
          "ВПР МА 5 2024 % «2»",
          "ВПР МА 5 2022 % «2»",
          "ВПР МА 5 2023 % «2»",
          "ВПР МА 5 2021 % «2»",
        ],
        ["sch100001", 1, 2, 3, 4],
      ],
    });
    expect(table.years.map((year) => year.end)).toEqual([2021, 2022, 2023, 2024]);
    expect(failing(table, "sch100001", "ВПР МА 5", 2022)).toBe(2);
  });

  it("a title row above the header and a used range that starts at B3: addresses are the sheet's", () => {
    const table = read({
      sheetName: "Итоги",
      origin: { row: 2, column: 1 },
      values: [
        ["Итоги ВПР 2019 года", null, null],
        ["Логин", "ВПР МА 5 % «2»", "ВПР МА 6 % «2»"],
        ["sch100001", "abc", 12],
      ],
    });
    expect(table.years.map((year) => year.label)).toEqual(["2019"]);
    expect(table.warnings).toEqual([
      { cell: "'Итоги'!C5", message: expect.stringContaining("найдено «abc»") },
    ]);
  });

  it("login column found by its values when its header says nothing", () => {
    const table = read({
      sheetName: "Лист1",
      values: [
        ["№", "Школа", "Код", "ВПР МА 5 2019 % «2»"],
        [1, "МБОУ «СОШ № 1»", "sch100001", 10],
        [2, "МБОУ «ООШ № 2»", "edu100002", 20],
      ],
    });
    expect(table.schools.map((school) => school.login)).toEqual(["sch100001", "edu100002"]);
  });
});

describe("cell values", () => {
  const header: CellValue[] = [
    "Муниципалитет",
    "ОО",
    "Логин",
    "ВПР МА 5 2019 % «2»",
    "ВПР МА 5 2019 число участников",
  ];

  it.each<[CellValue, string | null, number | null]>([
    [33, null, 33],
    [33.5, null, 33.5],
    ["33,5", null, 33.5],
    ["33%", null, 33],
    [" 33,5 % ", null, 33.5],
    [0.3, "0%", 30],
    [0.29, "0.0%", 29],
    [0, null, 0],
    ["-", null, null],
    ["н/д", null, null],
    ["", null, null],
    [null, null, null],
  ])("%p under format %p is %p percent, without a warning", (value, format, expected) => {
    const table = read({
      sheetName: "Лист1",
      values: [header, [...SCHOOL_A, value, 25]],
      numberFormats: [[], [null, null, null, format, null]],
    });
    expect(procedureResult(table, 0, 0)?.failing ?? null).toBe(expected);
    expect(table.warnings).toEqual([]);
  });

  it.each<[CellValue, string]>([
    ["abc", "ожидалось: процент от 0 до 100; найдено «abc»"],
    [130, "ожидалось: процент от 0 до 100; найдено «130»"],
    [-5, "ожидалось: процент от 0 до 100; найдено «-5»"],
    // Named as Russian Excel shows it in the cell, with the code an English Excel shows.
    ["#DIV/0!", "ожидалось: процент от 0 до 100; найдена ошибка формулы «#ДЕЛ/0!» (#DIV/0!)"],
    ["#ЗНАЧ!", "ожидалось: процент от 0 до 100; найдена ошибка формулы «#ЗНАЧ!»"],
    [true, "ожидалось: процент от 0 до 100; найдено логическое значение «ИСТИНА»"],
  ])(
    "%p in a percent cell is a warning with the cell's address, never a zero",
    (value, message) => {
      const table = read({ sheetName: "Лист 1", values: [header, [...SCHOOL_A, value, 25]] });
      expect(procedureResult(table, 0, 0)).toMatchObject({ failing: null, participants: 25 });
      expect(table.warnings).toEqual([
        { cell: "'Лист 1'!D2", message: `ВПР МА 5 2019, % «2»: ${message}; значение не учтено` },
      ]);
    }
  );

  it.each<[CellValue]>([[-3], [12.5], ["много"]])("%p participants is a warning", (value) => {
    const table = read({ sheetName: "Лист1", values: [header, [...SCHOOL_A, 30, value]] });
    expect(procedureResult(table, 0, 0)).toMatchObject({ failing: 30, participants: null });
    expect(table.warnings).toEqual([
      { cell: "'Лист1'!E2", message: expect.stringContaining("целое неотрицательное число") },
    ]);
  });
});

describe("rows", () => {
  const header: CellValue[] = [
    "Муниципалитет",
    "ОО",
    "Логин",
    "ВПР МА 5 2019 % «2»",
    "КДР ЧГ 8 2019 % «2»",
  ];

  it("keeps procedures the rule does not count", () => {
    const table = read({ sheetName: "Лист1", values: [header, [...SCHOOL_A, 10, 55]] });
    expect(
      table.procedures.map((procedure) => [procedure.id, procedure.countedForLowResults])
    ).toEqual([
      ["ВПР МА 5", true],
      ["КДР ЧГ 8", false],
    ]);
    expect(failing(table, "sch100001", "КДР ЧГ 8", 2019)).toBe(55);
  });

  it("keeps each school's login in lower case as its key, for matching other sheets", () => {
    const table = read({
      sheetName: "Лист1",
      values: [header, [...SCHOOL_A.slice(0, 2), "SCH100001", 10, 1]],
    });
    expect(table.schools.map((school) => [school.login, school.key])).toEqual([
      ["SCH100001", "sch100001"],
    ]);
  });

  it("passes over totals and blank rows, and reports a duplicate login and a row without a login", () => {
    const table = read({
      sheetName: "Лист1",
      values: [
        header,
        [...SCHOOL_A, 10, 1],
        [],
        [...SCHOOL_B, 20, 2],
        ["Заречный МО", "МБОУ «СОШ № 1» (копия)", "sch100001", 99, 9],
        ["Заречный МО", "Лицей без логина", null, 15, 5],
        ["Итого по муниципалитету", null, null, 15, 3],
      ],
    });
    expect(table.schools.map((school) => school.login)).toEqual(["sch100001", "sch100002"]);
    expect(table.warnings).toEqual([
      {
        cell: "'Лист1'!C5",
        message: "школа «sch100001» уже есть в строке 2; повторная строка не прочитана",
      },
      {
        cell: "'Лист1'!C6",
        message: "ожидался логин ОО (sch… или edu…); ячейка пуста; строка не прочитана",
      },
    ]);
  });

  it("keeps a row whose login is malformed, with a warning", () => {
    const table = read({
      sheetName: "Лист1",
      values: [header, [...SCHOOL_A, 10, 1], ["Заречный МО", "Школа", "420220", 10, 1]],
    });
    expect(table.schools.map((school) => school.login)).toEqual(["sch100001", "420220"]);
    expect(table.warnings[0]).toMatchObject({
      cell: "'Лист1'!C3",
      message: expect.stringContaining("найдено «420220»"),
    });
  });
});

describe("sheets that hold no export table", () => {
  it.each<[string, CellValue[][]]>([
    ["an empty sheet", []],
    [
      "a list of names",
      [
        ["ФИО", "Телефон"],
        ["Иванов", "123"],
      ],
    ],
    [
      "numbers without headers or logins",
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
  ])("%s is a no_table error naming the sheet", (_, values) => {
    const result = readExportTable({ sheetName: "Прочее", values });
    expect(result).toMatchObject({ kind: "error", code: "no_table", cell: "'Прочее'" });
    expect(isEngineError(result) && result.message).toContain("«Прочее»");
  });
});
