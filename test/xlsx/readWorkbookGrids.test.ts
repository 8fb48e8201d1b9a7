import { writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import {
  isEngineError,
  procedureResult,
  readExportTable,
  type ExportTable,
  type SheetGrid,
} from "../../src/engine";
import { readWorkbookGrids, readWorkbookSheets, WorkbookFileError } from "../../src/xlsx";
import { temporaryFolder } from "./workbookFiles";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

describe("readWorkbookGrids on the bundled sample", () => {
  let grids: SheetGrid[];
  let results: SheetGrid;

  beforeAll(async () => {
    grids = await readWorkbookGrids(SAMPLE);
    results = grids[0]!;
  });

  it("returns one grid per worksheet, in tab order, from A1", () => {
    expect(grids.map((grid) => grid.sheetName)).toEqual([
      "Результаты ОО",
      "Пояснения",
      "Список ШНОР региона",
      "Социальный паспорт",
      "Анкета факторов риска",
      "Кадровый состав",
    ]);
    expect(results.origin).toEqual({ row: 0, column: 0 });
  });

  it("keeps the title row and repeats merged header values into every merged cell", () => {
    expect(String(results.values[0]![0])).toMatch(/^Результаты оценочных процедур/);
    // Row 2: `ВПР ОМ 4 2024/2025` merged over D2:F2; the identity headers merged over two rows.
    expect(results.values[1]!.slice(3, 7)).toEqual([
      "ВПР ОМ 4 2024/2025",
      "ВПР ОМ 4 2024/2025",
      "ВПР ОМ 4 2024/2025",
      "ВПР ОМ 4 2023/2024",
    ]);
    expect(results.values[2]!.slice(0, 6)).toEqual([
      "АТЕ",
      "Наименование ОО",
      "Логин ОО",
      "% «2»",
      "% высоких результатов",
      "Число участников",
    ]);
  });

  it("reads 46 schools with sch + 6 digit logins, numbers with their formats, and '-' for an ООШ's ЕГЭ", () => {
    const schoolRows = results.values.slice(3);
    expect(schoolRows).toHaveLength(46);
    expect(schoolRows.every((row) => /^sch\d{6}$/.test(String(row[2])))).toBe(true);
    const firstSchool = 3;
    expect(typeof results.values[firstSchool]![6]).toBe("number");
    expect(results.numberFormats![firstSchool]![6]).toBe("0.0");
    expect(results.numberFormats![firstSchool]![8]).toBe("0");
    const basicSchool = schoolRows.findIndex((row) => String(row[1]).includes("ООШ № 9"));
    const egeColumn = results.values[1]!.indexOf("ЕГЭ РУ 2024/2025");
    expect(results.values[3 + basicSchool]!.slice(egeColumn, egeColumn + 3)).toEqual([
      "-",
      "-",
      "-",
    ]);
  });

  it("turns the error cell into its text so the engine can warn about it", () => {
    const errors = results.values.flat().filter((value) => value === "#DIV/0!");
    expect(errors).toHaveLength(1);
  });

  it("gives rows as dense arrays (no holes for empty cells)", () => {
    for (const row of results.values) {
      expect(Array.from(row, (value) => value === undefined)).not.toContain(true);
    }
  });
});

describe("readWorkbookGrids: cell values as the user sees them", () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  async function gridOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<SheetGrid> {
    const workbook = new ExcelJS.Workbook();
    fill(workbook.addWorksheet("Лист1"));
    const file = path.join(folder.dir, `cells-${Math.random().toString(36).slice(2)}.xlsx`);
    await workbook.xlsx.writeFile(file);
    const [grid] = await readWorkbookGrids(file);
    return grid!;
  }

  it.each<[string, ExcelJS.CellValue, unknown]>([
    ["a number", 12.5, 12.5],
    ["a string with a decimal comma", "33,5", "33,5"],
    ["a boolean", true, true],
    [
      "rich text as plain text",
      { richText: [{ text: "ВПР ", font: { bold: true } }, { text: "МА 5" }] },
      "ВПР МА 5",
    ],
    ["a formula as its cached result", { formula: "20+13", result: 33 }, 33],
    [
      "a formula that errs as the error text",
      { formula: "1/0", result: { error: "#DIV/0!" } },
      "#DIV/0!",
    ],
    ["an error cell as its text", { error: "#N/A" }, "#N/A"],
    ["a formula never calculated as empty", { formula: "A2*2" } as ExcelJS.CellFormulaValue, null],
    ["a date as an ISO date", new Date(Date.UTC(2025, 4, 20)), "2025-05-20"],
    [
      "a hyperlink as its text",
      { text: "МБОУ «СОШ № 1»", hyperlink: "https://example.org" },
      "МБОУ «СОШ № 1»",
    ],
  ])("reads %s", async (_, value, expected) => {
    const grid = await gridOf((sheet) => {
      sheet.getCell("A1").value = "ВПР";
      sheet.getCell("B2").value = value;
    });
    expect(grid.values).toEqual([["ВПР"], [null, expected]]);
  });

  it("passes percent formats along: 0.33 under `0%` reaches the engine as 33 %", async () => {
    const grid = await gridOf((sheet) => {
      sheet.addRow([
        "Муниципалитет",
        "Наименование ОО",
        "Логин ОО",
        "ВПР МА 5 2025 % «2»",
        "ВПР МА 5 2025 % высоких результатов",
      ]);
      sheet.addRow(["Приречный район", "МБОУ «СОШ № 1»", "sch900001", 0.33, "12,5"]);
      sheet.getCell("D2").numFmt = "0%";
    });
    expect(grid.values[1]![3]).toBe(0.33);
    expect(grid.numberFormats![1]![3]).toBe("0%");
    const table = readExportTable(grid) as ExportTable;
    expect(isEngineError(table)).toBe(false);
    const result = procedureResult(table, 0, 0)!;
    expect(result.failing).toBeCloseTo(33);
    expect(result.high).toBeCloseTo(12.5);
  });
});

describe("readWorkbookGrids: files that are not workbooks", () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  async function problemOf(source: string | Buffer): Promise<WorkbookFileError> {
    const error = await readWorkbookGrids(source).then(
      () => null,
      (thrown: unknown) => thrown
    );
    expect(error).toBeInstanceOf(WorkbookFileError);
    return error as WorkbookFileError;
  }

  it("a missing file", async () => {
    const error = await problemOf(path.join(folder.dir, "нет такого.xlsx"));
    expect(error.problem).toBe("missing");
    expect(error.message).toMatch(/не найден/);
  });

  it("a text file renamed to .xlsx", async () => {
    const file = path.join(folder.dir, "текст.xlsx");
    writeFileSync(file, "Логин;Школа\nsch900001;СОШ № 1\n");
    const error = await problemOf(file);
    expect(error.problem).toBe("not_xlsx");
    expect(error.message).toMatch(/текст\.xlsx» — текст с разделителями \(CSV\), а не книга Excel/);
  });

  it("an old .xls workbook", async () => {
    const file = path.join(folder.dir, "старая.xlsx");
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const error = await problemOf(file);
    expect(error.problem).toBe("legacy_xls");
    expect(error.message).toMatch(/\.xls/);
  });

  it("a folder", async () => {
    expect((await problemOf(folder.dir)).problem).toBe("not_a_file");
  });

  it("a workbook whose sheets are all empty", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Лист1");
    const file = path.join(folder.dir, "пустая.xlsx");
    await workbook.xlsx.writeFile(file);
    const error = await problemOf(file);
    expect(error.problem).toBe("empty");
    expect(error.message).toMatch(/пуста/);
  });

  it("reads a workbook given as bytes too", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Данные").getCell("A1").value = "x";
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheets = await readWorkbookSheets(bytes);
    expect(sheets.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])).toEqual([
      ["Данные", null],
    ]);
    expect((await problemOf(Buffer.from("not a zip"))).problem).toBe("not_xlsx");
  });
});
