/*
 * =EDU.SHNOR(table; …) — ШНОР, =EDU.SHNOR.REASON(…) — ШНОР.ОБОСНОВАНИЕ, =EDU.SHNOR.METHOD(…) —
 * ШНОР.МЕТОДИКА: a whole export table range in, one cell per row of the range out, the same statuses
 * and reasons as the engine gives for the same table.
 */
import { join } from "node:path";
import {
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  STATUS_LABELS,
  type CellValue,
  type IdentificationOptions,
  type IdentificationResult,
  type SheetGrid,
} from "../../src/engine";
import { shnor, shnorMethod, shnorReason } from "../../src/functions/functions";
import { readWorkbookSheets } from "../../src/xlsx";
import { flatExportGrid } from "../fixtures/grids";
import { seed002Appendix1, seed003School30 } from "../fixtures/seeds";
import { OMITTED, thrownBy } from "./thrown";

function engineResult(
  grid: SheetGrid,
  options: Partial<IdentificationOptions> = {}
): IdentificationResult {
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table, options);
  if (isEngineError(result)) throw new Error(result.message);
  return result;
}

const column = (cells: string[][]): string[] =>
  cells.map((row) => {
    expect(row).toHaveLength(1);
    return row[0];
  });

describe("SHNOR on the seed 002 table (Novokuznetsk, Appendix 1: 15 schools, no header)", () => {
  const grid = seed002Appendix1();
  const range = grid.values;

  it("gives every school the engine's status, in the rows of the range: all 15 are ШНОР", () => {
    const statuses = column(shnor(range));
    const expected = engineResult(grid).schools.map((school) => STATUS_LABELS[school.status]);
    expect(statuses).toHaveLength(15);
    expect(statuses).toEqual(expected);
    expect(new Set(statuses)).toEqual(new Set(["ШНОР"]));
  });

  it("gives the engine's reasons, СОШ № 12 first: К1 — ВПР МА 5 (40\u00a0%), ВПР РУ 6 (37\u00a0%)", () => {
    const reasons = column(shnorReason(range));
    const result = engineResult(grid);
    expect(reasons).toEqual(result.schools.map((_, index) => result.reasonOf(index)));
    expect(reasons[0]).toMatch(/^К1: [^—]+ — ВПР МА 5 \(40\u00a0%\), ВПР РУ 6 \(37\u00a0%\)/);
  });

  it("follows the engine under the 2025 edition: schools 49, 71, 102 and 28 are no longer ШНОР", () => {
    for (const edition of [2025, "2025"]) {
      const statuses = column(shnor(range, edition));
      const expected = engineResult(grid, { edition: "2025" }).schools;
      expect(statuses).toEqual(expected.map((school) => STATUS_LABELS[school.status]));
      const cleared = expected
        .filter((_, index) => statuses[index] !== "ШНОР")
        .map((school) => school.name);
      expect(cleared).toHaveLength(4);
      for (const number of ["49", "71", "102", "28"]) {
        expect(cleared.some((name) => new RegExp(`№ ${number}\\b`).test(name))).toBe(true);
      }
    }
  });

  it.each([25, 40, 50])("what-if: threshold %p → the engine's statuses", (threshold) => {
    const expected = engineResult(grid, { threshold }).schools.map(
      (school) => STATUS_LABELS[school.status]
    );
    expect(column(shnor(range, OMITTED, threshold))).toEqual(expected);
    expect(column(shnor(range, OMITTED, threshold, 10))).toEqual(expected);
  });

  it("flags fewer schools as the threshold rises", () => {
    const flagged = (threshold: number) =>
      column(shnor(range, OMITTED, threshold)).filter((s) => s === "ШНОР").length;
    expect(flagged(30)).toBe(15);
    expect(flagged(45)).toBeLessThan(flagged(30));
    expect(flagged(100)).toBe(0);
  });

  it("reads a table kept as fractions under a percent format (0,4 shown as 40 %) as percentages", () => {
    const fractions = range.map((row) =>
      row.map((cell, index) => (index >= 3 && typeof cell === "number" ? cell / 100 : cell))
    );
    expect(shnor(fractions)).toEqual(shnor(range));
    expect(column(shnorReason(fractions))[0]).toMatch(/ВПР МА 5 \(40\u00a0%\)/);
  });

  it("describes the method next to the list", () => {
    const method = shnorMethod(range);
    expect(method.startsWith(engineResult(grid).method.description)).toBe(true);
    expect(method).toMatch(/редакция 2020/);
    expect(shnorMethod(range, 2025, 25)).toMatch(/редакция 2025.*не менее 25\u00a0%/);
  });
});

describe("SHNOR on the sample workbook's table", () => {
  it("gives the engine's statuses and reasons for the sheet, row by row: 12 ШНОР as the command line finds", async () => {
    const sample = join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
    const sheets = await readWorkbookSheets(sample);
    const grid = sheets.find((sheet) => sheet.grid.sheetName === "Результаты ОО")!.grid;
    // The range A2:CO49 as a formula would name it: both header rows and every school.
    const range = grid.values.slice(1);
    const result = engineResult(grid);
    const expected = result.schools;
    const statuses = column(shnor(range));
    expect(statuses.slice(0, 2)).toEqual(["", ""]);
    expect(statuses.slice(2)).toEqual(expected.map((school) => STATUS_LABELS[school.status]));
    expect(column(shnorReason(range)).slice(2)).toEqual(
      expected.map((_, index) => result.reasonOf(index))
    );
    expect(statuses.filter((status) => status === "ШНОР")).toHaveLength(12);
  }, 30_000);
});

describe("SHNOR with another reference year", () => {
  const grid = flatExportGrid(
    ["ВПР МА 5 2019", "ВПР РУ 5 2019", "ВПР МА 5 2018", "ВПР РУ 5 2018", "ВПР МА 5 2017"],
    [
      {
        login: "sch000001",
        failing: {
          "ВПР МА 5 2019": 10,
          "ВПР РУ 5 2019": 8,
          "ВПР МА 5 2018": 40,
          "ВПР РУ 5 2018": 33,
          "ВПР МА 5 2017": 5,
        },
      },
      {
        login: "sch000002",
        failing: {
          "ВПР МА 5 2019": 35,
          "ВПР РУ 5 2019": 9,
          "ВПР МА 5 2018": 12,
          "ВПР РУ 5 2018": 31,
          "ВПР МА 5 2017": 30,
        },
      },
      {
        login: "sch000003",
        failing: {
          "ВПР МА 5 2019": 12,
          "ВПР РУ 5 2019": 11,
          "ВПР МА 5 2018": 14,
          "ВПР РУ 5 2018": 10,
          "ВПР МА 5 2017": 45,
        },
      },
    ]
  );

  it.each([undefined, 2019, 2018, "2017/2018", "2017-18"])(
    "year %p → the engine's statuses",
    (year) => {
      const expected = engineResult(grid, {
        referenceYear: year === undefined ? undefined : String(year),
      });
      const statuses = column(shnor(grid.values, OMITTED, OMITTED, OMITTED, year ?? OMITTED));
      expect(statuses).toEqual([
        "",
        ...expected.schools.map((school) => STATUS_LABELS[school.status]),
      ]);
      expect(shnorMethod(grid.values, OMITTED, OMITTED, OMITTED, year ?? OMITTED)).toContain(
        expected.method.description
      );
    }
  );

  it("changes the list with the year: school 1 is ШНОР for 2018, not for 2019", () => {
    expect(column(shnor(grid.values))[1]).toBe("не ШНОР");
    expect(column(shnor(grid.values, OMITTED, OMITTED, OMITTED, 2018))[1]).toBe("ШНОР");
  });
});

describe("SHNOR keeps its column aligned with the range", () => {
  it("leaves the title and both header rows of seed 003 empty", () => {
    const grid = seed003School30();
    const statuses = column(shnor(grid.values));
    expect(statuses).toHaveLength(grid.values.length);
    expect(statuses.slice(0, 3)).toEqual(["", "", ""]);
    expect(statuses[3]).toBe(STATUS_LABELS[engineResult(grid).schools[0].status]);
  });

  it("leaves empty, title and total rows empty, and skips Excel's empty cells", () => {
    const grid = flatExportGrid(
      ["ВПР МА 5 2019", "ВПР РУ 5 2019", "ВПР МА 5 2018"],
      [
        {
          login: "sch000001",
          failing: { "ВПР МА 5 2019": 40, "ВПР РУ 5 2019": 35, "ВПР МА 5 2018": 10 },
        },
        {
          login: "sch000002",
          failing: { "ВПР МА 5 2019": 10, "ВПР РУ 5 2019": 5, "ВПР МА 5 2018": 12 },
        },
        { login: "sch000003", failing: {} },
      ]
    );
    // Excel passes empty cells of a range as "".
    const empty = (row: CellValue[]) => row.map((cell) => (cell === null ? "" : cell));
    const range = [
      ["Результаты ВПР", "", "", "", "", ""],
      ...grid.values.slice(0, 2).map(empty),
      ["", "", "", "", "", ""],
      ...grid.values.slice(2).map(empty),
      ["Итого по муниципалитету", "", "", 25, 20, 11],
    ];
    expect(column(shnor(range))).toEqual([
      "",
      "",
      "ШНОР",
      "",
      "не ШНОР",
      "недостаточно данных",
      "",
    ]);
    const reasons = column(shnorReason(range));
    expect(reasons[2]).toMatch(/^К1: 2019 — ВПР МА 5 \(40\u00a0%\), ВПР РУ 5 \(35\u00a0%\)/);
    expect(reasons[5]).toMatch(/^Недостаточно данных/);
    expect([reasons[0], reasons[1], reasons[3], reasons[6]]).toEqual(["", "", "", ""]);
  });

  it("reads an error value in a cell as a value left out, and says so in the method", () => {
    const clean = seed002Appendix1().values;
    // The headerless table already has one warning (how it was read); the error cell makes two.
    const before = Number(/(\d+) предупрежден/.exec(shnorMethod(clean))?.[1] ?? 0);
    expect(before).toBe(1);
    const range: unknown[][] = clean.map((row) => [...row]);
    range[2][5] = { code: "#DIV/0!" }; // the second year's ВПР МА 5, % «2», third school
    expect(column(shnor(range))).toHaveLength(15);
    expect(shnorMethod(range)).toContain("2 предупреждения; первое —");
  });
});

describe("SHNOR refuses what it cannot read", () => {
  const range = seed002Appendix1().values;

  it.each([
    [
      "a range with no recognisable table",
      () =>
        shnor([
          ["Школа", "Оценка"],
          ["СОШ № 1", 4],
        ]),
      /таблиц|процедур/i,
    ],
    ["a single cell", () => shnor(30 as unknown as unknown[][]), /таблица: ожидался диапазон/],
    [
      "an unknown edition",
      () => shnor(range, 2030),
      /редакция правил: ожидалось 2020 или 2025; найдено «2030»/,
    ],
    ["a threshold of 0", () => shnor(range, OMITTED, 0), /порог низкого результата/],
    [
      "a threshold over 100",
      () => shnorReason(range, OMITTED, 130),
      /порог низкого результата.*«130»/,
    ],
    ["a negative minimum", () => shnor(range, OMITTED, OMITTED, -1), /минимум участников/],
    [
      "a year that is not a year",
      () => shnor(range, OMITTED, OMITTED, OMITTED, "прошлый"),
      /отчётный год/,
    ],
    [
      "a year not in the table",
      () => shnorMethod(range, OMITTED, OMITTED, OMITTED, 2015),
      /отчётный год «2015» не найден в таблице/,
    ],
    [
      "a boolean edition",
      () => shnor(range, true as unknown as number),
      /редакция правил.*«ИСТИНА»/,
    ],
  ])("%s → #VALUE! with the reason", (_what, call, message) => {
    const error = thrownBy(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
    expect(error.message!.length).toBeLessThanOrEqual(250);
  });

  it("a table with no counted procedure → #N/A: the input is readable, there is just no answer", () => {
    const grid = flatExportGrid(
      ["КДР ЧГ 4 2019"],
      [{ login: "sch000001", failing: { "КДР ЧГ 4 2019": 40 } }]
    );
    const error = thrownBy(() => shnor(grid.values));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/нет процедур, которые учитывает методика/);
  });
});
