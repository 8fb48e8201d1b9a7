/**
 * Inputs found by the bad-input table (test/robustness): a login in two municipalities, merged cells
 * among the results, and a header cell of megabytes.
 */
import {
  isEngineError,
  procedureResult,
  readExportTable,
  type CellValue,
  type ExportTable,
  type MergedRange,
  type SheetGrid,
} from "../../src/engine";

function read(grid: SheetGrid, mergedRanges?: MergedRange[]): ExportTable {
  const table = readExportTable(grid, { mergedRanges });
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

const HEADER: CellValue[] = [
  "Муниципалитет",
  "ОО",
  "Логин",
  "ВПР МА 5 2019 % «2»",
  "ВПР МА 5 2019 % высоких",
  "ВПР МА 5 2019 число участников",
];

describe("a login repeated in another row", () => {
  it("in the same municipality: the copy is reported and left out", () => {
    const table = read({
      sheetName: "Лист1",
      values: [
        HEADER,
        ["Заречный МО", "СОШ № 1", "sch100001", 40, 2, 25],
        ["Заречный МО", "СОШ № 1", "sch100001", 40, 2, 25],
      ],
    });
    expect(table.schools).toHaveLength(1);
    expect(table.warnings).toEqual([
      {
        cell: "'Лист1'!C3",
        message: "школа «sch100001» уже есть в строке 2; повторная строка не прочитана",
      },
    ]);
  });

  it("in two municipalities: the message names both, since one of the logins is wrong", () => {
    const table = read({
      sheetName: "Лист1",
      values: [
        HEADER,
        ["Заречный МО", "СОШ № 1", "sch100001", 40, 2, 25],
        ["Приречный МО", "СОШ № 7", "SCH100001", 10, 20, 25],
      ],
    });
    expect(table.schools.map((school) => school.municipality)).toEqual(["Заречный МО"]);
    expect(table.warnings).toEqual([
      {
        cell: "'Лист1'!C3",
        message:
          "логин «SCH100001» уже есть в строке 2 в муниципалитете «Заречный МО», а здесь указан " +
          "муниципалитет «Приречный МО»: один логин в двух муниципалитетах; повторная строка не прочитана",
      },
    ]);
  });
});

describe("merged cells", () => {
  // As ExcelJS reads a merge: the first cell's value repeated into every cell of the range.
  const grid: SheetGrid = {
    sheetName: "Выгрузка",
    values: [
      Array(6).fill("Результаты оценочных процедур"),
      HEADER,
      ["Заречный МО", "СОШ № 1", "sch100001", 40, 40, 40],
      ["Заречный МО", "СОШ № 2", "sch100002", 12, 30, 25],
      ["Заречный МО", "СОШ № 3", "sch100003", 12, 31, 25],
      ["Заречный МО", "СОШ № 4", "sch100004", "-", 31, 25],
    ],
  };
  const title: MergedRange = { top: 0, left: 0, bottom: 0, right: 5 };
  const municipality: MergedRange = { top: 2, left: 0, bottom: 5, right: 0 };
  const acrossMetrics: MergedRange = { top: 2, left: 3, bottom: 2, right: 5 };
  const acrossSchools: MergedRange = { top: 3, left: 3, bottom: 4, right: 3 };

  it("over a title or over the identity cells of several schools are fine", () => {
    const table = read(grid, [title, municipality]);
    expect(table.warnings).toEqual([]);
    expect(table.schools.map((school) => school.municipality)).toEqual(
      Array(4).fill("Заречный МО")
    );
  });

  it("among the results: only the first cell counts, and the range is reported", () => {
    const table = read(grid, [title, municipality, acrossMetrics, acrossSchools]);
    expect(table.warnings).toEqual([
      {
        cell: "'Выгрузка'!D3:F3",
        message:
          "ожидалось: отдельное значение в каждой ячейке результатов; найдены объединённые ячейки — " +
          "учтено только значение первой ячейки (D3), остальные ячейки диапазона не учтены",
      },
      {
        cell: "'Выгрузка'!D4:D5",
        message:
          "ожидалось: отдельное значение в каждой ячейке результатов; найдены объединённые ячейки — " +
          "учтено только значение первой ячейки (D4), остальные ячейки диапазона не учтены",
      },
    ]);
    expect(procedureResult(table, 0, 0)).toMatchObject({
      failing: 40,
      high: null,
      participants: null,
    });
    expect(procedureResult(table, 1, 0)).toMatchObject({ failing: 12, high: 30 });
    expect(procedureResult(table, 2, 0)).toMatchObject({ failing: null, high: 31 });
  });

  it("without the ranges, as before: every cell as the host gave it", () => {
    const table = read(grid);
    expect(procedureResult(table, 0, 0)).toMatchObject({ failing: 40, high: 40, participants: 40 });
  });
});

describe("a header cell of megabytes", () => {
  it("is not a header, and reading it takes no time", () => {
    const huge = "% «2» ВПР МА 5 2019 " + "ы ".repeat(5_000_000);
    const started = Date.now();
    const table = read({
      sheetName: "Лист1",
      values: [
        [...HEADER, huge],
        ["Заречный МО", "СОШ № 1", "sch100001", 40, 2, 25, 33],
      ],
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(table.groups).toHaveLength(1);
    expect(table.warnings).toEqual([
      {
        cell: "'Лист1'!G1",
        message: `ожидался заголовок столбца (не длиннее 1000 знаков); найден текст из ${huge.length} знаков «% «2» ВПР МА 5 2019 ы ы ы ы ы ы ы ы ы ы ы ы ы ы ы ы ы ы ы ы …»; столбец не прочитан`,
      },
    ]);
  });
});
