/**
 * Issue 13: the layouts specialists actually have — each ends in the right answer or a warning that
 * says what was assumed and how to change it (docs/method.md §1, §2).
 */
import {
  identifyLowResultSchools,
  isEngineError,
  parseTableYears,
  readExportTable,
  type CellValue,
  type ExportTable,
  type IdentificationResult,
  type SchoolYear,
  type SheetGrid,
} from "../../../src/engine";
import { seed002Appendix1Under, seed003School30Printed } from "../../fixtures/seeds";
import { COUNTED_PROCEDURES } from "../../fixtures/grids";

function read(grid: SheetGrid, years?: string): ExportTable {
  const given = years === undefined ? undefined : (parseTableYears(years) as SchoolYear[]);
  const table = readExportTable(grid, given ? { years: given, yearsText: years } : {});
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

function identify(table: ExportTable, year?: string): IdentificationResult {
  const result = identifyLowResultSchools(table, { referenceYear: year });
  if (isEngineError(result)) throw new Error(result.message);
  return result;
}

const CAPTION = "Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов";
const ORDER = "Приложение 1 к приказу КОиН от 09.12.2020 № 1351";

describe("1. years of the headerless export come from its heading, never from a date or an order number", () => {
  it("«2018, 2019 годов»: the first of each pair is 2019, the second 2018; all 15 schools ШНОР", () => {
    const table = read(seed002Appendix1Under(CAPTION));
    expect(table.years.map((year) => year.label)).toEqual(["2018", "2019"]);
    const result = identify(table);
    expect(result.method.referenceYear).toBe("2019");
    expect(result.method.previousYear).toBe("2018");
    expect(result.counts.shnor).toBe(15);
    // СОШ № 12 (hand check of the appendix): 2019 — ВПР МА 5 40, ВПР РУ 6 37; 2018 — ВПР МА 6 48.
    const school12 = result.schools.findIndex((school) => school.login === "sch420220");
    expect(result.reasonOf(school12)).toContain("2019");
    expect(result.reasonOf(school12)).toMatch(/ВПР МА 5 \(40/);
    expect(result.schools[school12].criteria).toEqual([1, 2]);
    expect(result.method.description).toContain(`из заголовка над таблицей (A1: «${CAPTION}»)`);
    expect(identify(table, "2019").method.referenceYear).toBe("2019");
  });

  it("says which years were taken from which cell, and how to set others", () => {
    const warning = read(seed002Appendix1Under(CAPTION)).warnings.find((w) =>
      w.message.includes("порядке выгрузки")
    )!;
    expect(warning.cell).toBe("'Приложение 1'!A1");
    expect(warning.message).toContain("годы 2019 и 2018 взяты из заголовка");
    expect(warning.message).toContain("--years 2018,2019");
  });

  it("under an order's heading the date 09.12.2020 and № 1351 are no years: «последний» and «предыдущий год», with a warning", () => {
    const table = read(seed002Appendix1Under(ORDER));
    expect(table.years.map((year) => year.label)).toEqual(["предыдущий год", "последний год"]);
    expect(table.years.some((year) => year.end === 2020 || year.end === 2019)).toBe(false);
    const warning = table.warnings.find((w) => w.message.includes("годы не названы"))!;
    expect(warning.message).toContain("--years 2018,2019");
    expect(identify(table).counts.shnor).toBe(15);
  });

  it("the user's years replace a heading's guess, and the method says they are the user's", () => {
    const table = read(seed002Appendix1Under(ORDER), "2018, 2019");
    expect(table.years.map((year) => year.label)).toEqual(["2018", "2019"]);
    expect(table.layout.years).toEqual({ kind: "user", text: "2018, 2019" });
    expect(identify(table).method.description).toContain("указаны пользователем (2018, 2019)");
    expect(table.warnings.some((w) => w.message.includes("взяты из заголовка"))).toBe(false);
  });

  it("one year in the heading makes the other the year before, and says so", () => {
    const table = read(seed002Appendix1Under("Итоги ВПР, ОГЭ, ЕГЭ 2019 года"));
    expect(table.years.map((year) => year.label)).toEqual(["2018", "2019"]);
    expect(table.warnings.map((w) => w.message).join()).toContain("предыдущий год принят за 2018");
  });
});

/** A small constructed table: identity, then «% «2»» columns under a one-row header. */
function block(header: string[], rows: CellValue[][]): CellValue[][] {
  return [["Наименование ОО", "Логин ОО", ...header.map((h) => `${h} % «2»`)], ...rows];
}

describe("3. a table printed in blocks is one table", () => {
  const vpr = block(
    ["ВПР МА 5 2019", "ВПР РУ 5 2019", "ВПР МА 5 2018"],
    [
      ["МБОУ «СОШ № 1»", "sch000001", 10, 12, 5],
      ["МБОУ «ООШ № 2»", "sch000002", 20, 8, 4],
    ]
  );
  const gia = block(
    ["ОГЭ МА 2019", "ОГЭ РУ 2019"],
    [
      ["МБОУ «ООШ № 2»", "sch000002", 10, 5],
      ["МБОУ «СОШ № 1»", "sch000001", 35, 40],
    ]
  );

  it("one under the other: the ОГЭ block's rows are the same schools, not repeats; ОГЭ МА 35 and ОГЭ РУ 40 make К1", () => {
    const table = read({ sheetName: "Итоги", values: [...vpr, [], ...gia] });
    expect(table.schools.map((school) => school.login)).toEqual(["sch000001", "sch000002"]);
    expect(table.layout.blocks).toBe(2);
    expect(table.warnings.filter((w) => w.message.includes("повторная строка"))).toEqual([]);
    const result = identify(table);
    expect(result.statuses).toEqual(["shnor", "not_shnor"]);
    const school1 = result.schools[0]!;
    expect(school1.criteria).toEqual([1]);
    // The evidence points at the ОГЭ block's cells: sheet row 7 (zero-based 6: sch000001 is the block's 2nd row), columns C and D.
    const { lowResults } = result.evidenceOf(0);
    expect(lowResults.map((r) => [r.procedure.label, r.row, r.column])).toEqual([
      ["ОГЭ МА", 6, 2],
      ["ОГЭ РУ", 6, 3],
    ]);
  });

  it("side by side, each block with its own key column and its own row order", () => {
    const values = vpr.map((row, index) => [...row, null, ...gia[index]!]);
    const table = read({ sheetName: "Итоги", values });
    expect(table.layout.blocks).toBe(2);
    expect(identify(table).statuses).toEqual(["shnor", "not_shnor"]);
  });

  it("a conflicting value for the same procedure × year names both cells and keeps the first", () => {
    const again = block(["ВПР МА 5 2019"], [["МБОУ «СОШ № 1»", "sch000001", 45]]);
    const table = read({ sheetName: "Итоги", values: [...vpr, [], ...again] });
    const conflict = table.warnings.find((w) => w.message.includes("два разных значения"))!;
    expect(conflict.cell).toBe("'Итоги'!C6");
    expect(conflict.message).toContain("10 (C2) и 45 (C6)");
    expect(table.values[0]!.failing[0]).toBe(10);
  });

  it("the same value repeated in a second block is no conflict", () => {
    const again = block(["ВПР МА 5 2019"], [["МБОУ «СОШ № 1»", "sch000001", 10]]);
    const table = read({ sheetName: "Итоги", values: [...vpr, [], ...again] });
    expect(table.warnings.filter((w) => w.message.includes("два разных"))).toEqual([]);
  });
});

describe("3–4. seed 003's table as printed: two blocks of one school named in the heading", () => {
  it("is МБОУ «СОШ № 30», ШНОР by К1 (2019: ВПР МА 5 33 %, ВПР РУ 6 31 %)", () => {
    const table = read(seed003School30Printed());
    expect(table.schools.map((school) => school.name)).toEqual(["МБОУ «СОШ № 30»"]);
    expect(table.groups).toHaveLength(16);
    expect(table.layout.schoolFromHeading).toBe("'СОШ 30'!A1");
    const result = identify(table);
    expect(result.statuses).toEqual(["shnor"]);
    expect(result.schools[0]!.criteria).toEqual([1]);
    const named = table.warnings.find((w) => w.message.includes("таблица одной школы"))!;
    expect(named.cell).toBe("'СОШ 30'!A1");
  });

  it("without a name in the heading: an error that says which column or cell to add", () => {
    const grid = seed003School30Printed();
    const error = readExportTable({
      ...grid,
      values: [["Итоги 2018, 2019 годов"], ...grid.values.slice(1)],
    });
    expect(isEngineError(error) && error.message).toMatch(
      /нет столбца с названием или логином ОО.*Добавьте слева от результатов столбец «ОО».*ячейку A1/
    );
  });

  it("several unnamed rows cannot be told apart: an error naming the rows", () => {
    const grid = seed003School30Printed();
    const values = [...grid.values.slice(0, 4), grid.values[3]!];
    const error = readExportTable({ ...grid, values });
    expect(isEngineError(error) && error.message).toContain(
      "строк с результатами несколько (строки 4 и 5)"
    );
  });
});

describe("5. shares typed as fractions", () => {
  const fractions = block(
    ["ВПР МА 5 2019", "ВПР РУ 5 2019"],
    [
      ["МБОУ «СОШ № 1»", "sch000001", 0.4, 0.35],
      ["МБОУ «СОШ № 2»", "sch000002", 0.1, 0],
    ]
  );

  it("0.40 without a percent format is 40 %, one warning per column with its range", () => {
    const table = read({ sheetName: "Доли", values: fractions });
    expect([...table.values[0]!.failing]).toEqual([40, 10]);
    expect([...table.values[1]!.failing]).toEqual([35, 0]);
    const warnings = table.warnings.filter((w) => w.message.includes("прочитаны как доли"));
    expect(warnings.map((w) => w.cell)).toEqual(["'Доли'!C2:C3", "'Доли'!D2:D3"]);
    expect(warnings[0]!.message).toContain("0,4 = 40\u00a0%");
    expect(identify(table).statuses).toEqual(["shnor", "not_shnor"]);
  });

  it("the same fractions under a percent format: the same answer, no warning", () => {
    const numberFormats = fractions.map((row, r) =>
      row.map((_, c) => (r > 0 && c > 1 ? "0%" : null))
    );
    const table = read({ sheetName: "Доли", values: fractions, numberFormats });
    expect([...table.values[0]!.failing]).toEqual([40, 10]);
    expect(table.warnings.filter((w) => w.message.includes("доли"))).toEqual([]);
  });

  it("only 0 and 1 in every column cannot be told apart: read as points, with a warning that asks", () => {
    const table = read({
      sheetName: "Доли",
      values: block(
        ["ВПР МА 5 2019"],
        [
          ["А", "sch000001", 1],
          ["Б", "sch000002", 0],
        ]
      ),
    });
    expect([...table.values[0]!.failing]).toEqual([1, 0]);
    expect(table.warnings.map((w) => w.message).join()).toContain("в столбце только 0 и 1");
  });

  it("a column of 0 and 1 beside columns of points is points, without a question", () => {
    const table = read({
      sheetName: "Доли",
      values: block(
        ["ВПР МА 5 2019", "ВПР РУ 5 2019"],
        [
          ["А", "sch000001", 1, 33],
          ["Б", "sch000002", 0, 12],
        ]
      ),
    });
    expect(table.warnings).toEqual([]);
  });
});

describe("2. a partial latest year does not become the reporting year silently", () => {
  const NINE = COUNTED_PROCEDURES;
  const EGE = ["ЕГЭ МА база", "ЕГЭ МА профиль", "ЕГЭ РУ"];
  const columns = [
    ...EGE.map((p) => `${p} 2020`),
    ...NINE.map((p) => `${p} 2019`),
    ...NINE.map((p) => `${p} 2018`),
  ];
  // An ООШ (no ЕГЭ) with 50 % «2» in ВПР МА 5 in both earlier years; a СОШ with ЕГЭ in 2020.
  const oosh = [
    "ООШ № 3",
    "sch000003",
    null,
    null,
    null,
    50,
    ...Array(8).fill(5),
    50,
    ...Array(8).fill(5),
  ];
  const sosh = ["СОШ № 4", "sch000004", 10, 10, 10, ...Array(9).fill(5), ...Array(9).fill(5)];
  const grid: SheetGrid = { sheetName: "2020", values: block(columns, [oosh, sosh]) };

  it("takes 2019, the latest year with most procedures, and says why: «в 2020 — 3 из 9 процедур»", () => {
    const result = identify(read(grid));
    expect(result.method.referenceYear).toBe("2019");
    expect(result.statuses[0]).toBe("shnor");
    const warning = result.warnings.find((w) => w.message.includes("в 2020"))!;
    expect(warning.message).toContain(
      "в 2020 — результаты только 3 из 9 процедур (ЕГЭ МА база, ЕГЭ МА профиль, ЕГЭ РУ)"
    );
    expect(warning.message).toContain("--year 2020");
    expect(result.method.description).toContain(
      "2020 не взят отчётным: в нём результаты только 3 из 9 процедур"
    );
  });

  it("the user may still choose 2020, and is told what it means", () => {
    const result = identify(read(grid), "2020");
    expect(result.method.referenceYear).toBe("2020");
    expect(result.statuses[0]).toBe("insufficient_data");
    expect(result.warnings.map((w) => w.message).join()).toContain("а он выбран отчётным");
  });
});
