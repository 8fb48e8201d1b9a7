/**
 * The worksheet scanner on files from several producers, cell for cell: each file's sheets read
 * through SheetCells with the scanner and with htmlparser2's tokenizer (the reader it replaced) give
 * the same grids, and the command line's reader (now on the scanner) reads each file as ExcelJS does.
 * Producers: ExcelJS (made here), LibreOffice (its re-save of that file), openpyxl and SheetJS (files
 * in test/fixtures/producers/, made by the scripts beside them), and hand-written packages in Excel's
 * style and the .NET SDK's (`<x:c>`). A few cells are also checked against the values put in.
 */
import { existsSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine";
import { readWorkbookSheetsFocused } from "../../src/xlsx";
import { readWorkbookSheetsExcelJS } from "./excelJs/readWithExcelJs";
import { SheetCells } from "../../src/xlsx/focused/sheetCells";
import {
  findWorkbookPart,
  readCellFormats,
  readSharedStrings,
  readWorkbookParts,
} from "../../src/xlsx/focused/workbookParts";
import { WorksheetBytes } from "../../src/xlsx/focused/worksheetBytes";
import { WorksheetScanner } from "../../src/xlsx/focused/worksheetScanner";
import { XmlEvents } from "../../bench/referenceXmlEvents";
import type { XmlHandler, XmlStream } from "../../src/xlsx/focused/xmlHandler";
import { ZipArchive } from "../../src/xlsx/focused/zipArchive";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { minimalXlsx } from "../robustness/badInputFiles";
import { writeDotNetStyleWorkbook, writeExcelStyleWorkbook } from "./handWrittenPackages";
import { expectSameReading } from "./sameReading";
import { temporaryFolder, writeResultsWorkbook } from "./workbookFiles";

/** How a reader takes a part: its shared strings as text, its worksheets as text or as bytes. */
interface Reader {
  text: (handler: XmlHandler) => XmlStream;
  sheet: (zip: ZipArchive, path: string, handler: XmlHandler) => Promise<void>;
}
/** As the command line reads: worksheets from their bytes (WorksheetBytes), shared strings as text. */
const scanner: Reader = {
  text: (handler) => new WorksheetScanner(handler),
  sheet: async (zip, path, handler) => {
    const stream = new WorksheetBytes(handler);
    await zip.streamBytes(path, (bytes) => stream.write(bytes));
    stream.end();
  },
};
const tokenizer: Reader = {
  text: (handler) => new XmlEvents(handler),
  sheet: async (zip, path, handler) => {
    const stream = new XmlEvents(handler);
    await zip.streamText(path, (text) => stream.write(text));
    stream.end();
  },
};

const PRODUCERS = path.join(__dirname, "..", "fixtures", "producers");
const folder = temporaryFolder();
afterAll(folder.remove);

/** Every sheet of `file` read through SheetCells with `read` (shared strings too), as plain data. */
async function gridsThrough(file: string, read: Reader) {
  const zip = await ZipArchive.open(file);
  try {
    const parts = await readWorkbookParts(zip, (await findWorkbookPart(zip))!);
    const context = {
      sharedStrings: await readSharedStrings(zip, parts.sharedStringsPath, read.text),
      cellFormats: await readCellFormats(zip, parts.stylesPath),
      date1904: parts.date1904,
    };
    const sheets = [];
    for (const part of parts.sheets) {
      const cells = new SheetCells(part.name, context);
      await read.sheet(zip, part.path, cells);
      const grid = cells.grid();
      sheets.push({
        name: part.name,
        values: Array.from(grid.values, (row) => [...row]),
        formats: Array.from(grid.numberFormats!, (row) => [...row]),
        merged: cells.mergedRanges,
        uncalculated: grid.uncalculatedFormulas ?? null,
      });
    }
    return sheets;
  } finally {
    zip.close();
  }
}

/**
 * The scanner reads `file` as the tokenizer did, and the command line reads it as ExcelJS does
 * (unless ExcelJS cannot read the file at all).
 */
async function expectReadAlike(file: string, { excelJs = true } = {}): Promise<void> {
  const scanned = await gridsThrough(file, scanner);
  expect(scanned).toEqual(await gridsThrough(file, tokenizer));
  expect(scanned.some((sheet) => sheet.values.some((row) => row.some((v) => v !== null)))).toBe(
    true
  );
  if (excelJs) await expectSameReading(file);
}

/** One cell as the command line reads it (sheet by name, `B2`-style address). */
async function cellOf(file: string, sheetName: string, row: number, column: number) {
  const sheets = await readWorkbookSheetsFocused(file, null);
  const sheet = sheets.find((candidate) => candidate.grid.sheetName === sheetName)!;
  return {
    value: sheet.grid.values[row]?.[column] ?? null,
    format: sheet.grid.numberFormats![row]?.[column] ?? null,
  };
}

const NAME_WITH_MARKUP = 'МБОУ «СОШ № 1» & <филиал> "Ёлочка"';

/** An ExcelJS workbook: the fixture sheet, and one with every kind of value a cell can hold. */
async function writeExcelJsWorkbook(file: string): Promise<void> {
  await writeResultsWorkbook(file, (workbook) => {
    const sheet = workbook.addWorksheet("Разное");
    sheet.getCell("A1").value = {
      richText: [{ text: "ВПР ", font: { bold: true } }, { text: "МА 5 «2»" }],
    };
    sheet.getCell("A2").value = NAME_WITH_MARKUP;
    sheet.getCell("A3").value = "  пробелы по краям  ";
    sheet.getCell("A4").value = "эмодзи 😀 и 𝄞; перевод\nстроки";
    sheet.getCell("B2").value = new Date(Date.UTC(2025, 4, 20));
    sheet.getCell("B3").value = new Date(Date.UTC(2025, 4, 20, 13, 30));
    sheet.getCell("C2").value = { formula: "20+13", result: 33 };
    sheet.getCell("C3").value = { formula: "A2*2" } as ExcelJS.CellFormulaValue;
    sheet.getCell("C4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("C5").value = { formula: 'A2&"!"', result: `${NAME_WITH_MARKUP}!` };
    sheet.getCell("D3").value = 0.33;
    sheet.getCell("D3").numFmt = "0%";
    sheet.getCell("D4").value = -1.5e-9;
    sheet.getCell("E5").value = true;
    sheet.getCell("F6").value = { error: "#N/A" };
    sheet.mergeCells("A8:C9");
    sheet.getCell("A8").value = "объединено";
  });
}

describe("the worksheet scanner reads every producer's files cell for cell", () => {
  const excelJsFile = path.join(folder.dir, "exceljs.xlsx");

  it("ExcelJS", async () => {
    await writeExcelJsWorkbook(excelJsFile);
    await expectReadAlike(excelJsFile);
    expect(await cellOf(excelJsFile, "Разное", 1, 0)).toEqual({
      value: NAME_WITH_MARKUP,
      format: null,
    });
    expect((await cellOf(excelJsFile, "Разное", 3, 0)).value).toBe(
      "эмодзи 😀 и 𝄞; перевод\nстроки"
    );
  });

  it("LibreOffice's re-save of the ExcelJS file", async () => {
    if (!existsSync(excelJsFile)) await writeExcelJsWorkbook(excelJsFile);
    const resaved = convertWithLibreOffice(
      excelJsFile,
      "xlsx",
      path.join(folder.dir, "libreoffice"),
      folder.dir
    );
    await expectReadAlike(resaved);
    expect((await cellOf(resaved, "Разное", 1, 0)).value).toBe(NAME_WITH_MARKUP);
  }, 180_000);

  it("openpyxl (inline strings with numeric references, formulas without cached values)", async () => {
    const file = path.join(PRODUCERS, "openpyxl.xlsx");
    await expectReadAlike(file);
    expect((await cellOf(file, "Выгрузка", 1, 1)).value).toBe(NAME_WITH_MARKUP);
    expect((await cellOf(file, "Выгрузка", 2, 1)).value).toBe("  пробелы по краям  ");
    expect((await cellOf(file, "Выгрузка", 3, 1)).value).toBe("эмодзи 😀 и 𝄞");
    expect((await cellOf(file, "Выгрузка", 1, 5)).value).toBe("перевод\nстроки\tи табуляция");
  });

  it('SheetJS (strings as `t="str"`, and with a shared-strings table)', async () => {
    for (const name of ["sheetjs.xlsx", "sheetjs-shared.xlsx"]) {
      const file = path.join(PRODUCERS, name);
      await expectReadAlike(file);
      const sheetName = name === "sheetjs.xlsx" ? "Выгрузка" : "Общие строки";
      expect((await cellOf(file, sheetName, 1, 1)).value).toBe(NAME_WITH_MARKUP);
      expect((await cellOf(file, sheetName, 3, 1)).value).toBe("эмодзи 😀 и 𝄞");
    }
  });

  it("Excel's style, written by hand (rich runs with a phonetic guide, formulas, errors, dates)", async () => {
    const file = path.join(folder.dir, "excel-style.xlsx");
    await writeExcelStyleWorkbook(file);
    await expectReadAlike(file);
    expect(await cellOf(file, "Выгрузка", 0, 1)).toEqual({ value: "ВПР МА 5 «2»", format: null });
    expect(await cellOf(file, "Выгрузка", 1, 4)).toEqual({
      value: 'МБОУ <СОШ> & "Ёлочка"!',
      format: null,
    });
    expect(await cellOf(file, "Выгрузка", 1, 1)).toEqual({
      value: "2025-05-20",
      format: "dd.mm.yyyy",
    });
    expect((await cellOf(file, "Выгрузка", 2, 2)).value).toBe("эмодзи 😀 и 𝄞");
  });

  it("the .NET SDK's style, written by hand (`x:` on every element, rows and cells without `r`)", async () => {
    const file = path.join(folder.dir, "dotnet-style.xlsx");
    await writeDotNetStyleWorkbook(file);
    // ExcelJS 4.4 refuses a workbook part written with a prefix (`<x:workbook>`): the values put in
    // are the reference here.
    await expectReadAlike(file, { excelJs: false });
    const [sheet] = await readWorkbookSheetsFocused(file, null);
    const values: CellValue[][] = Array.from(sheet!.grid.values, (row) => [...row]);
    expect(values).toEqual([
      ["Наименование ОО", "Логин ОО", "% «2»"],
      ["МБОУ «СОШ № 1» & филиал", "sch900001", 0.333, "2025-05-20T13:30:00.000Z"],
      [" без номера ", 12, false],
      [],
      [],
      [],
      [null, "ab", -0.0015],
    ]);
    expect(sheet!.grid.numberFormats![1]).toEqual([null, null, "0.00%", "dd.mm.yyyy"]);
  });
});

describe("the last row of a sheet", () => {
  it("reads a sheet of rows 1 and 1,048,576 as ExcelJS does", async () => {
    const file = path.join(folder.dir, "million.xlsx");
    await minimalXlsx(file, "Выгрузка", [
      `<row r="1"><c r="A1" t="inlineStr"><is><t>первая</t></is></c></row>`,
      `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>последняя</t></is></c><c r="D1048576"><v>12.5</v></c></row>`,
    ]);
    const [sheet] = await readWorkbookSheetsFocused(file, null);
    expect(sheet!.grid.values.length).toBe(1_048_576);
    expect([...sheet!.grid.values[0]!]).toEqual(["первая"]);
    expect([...sheet!.grid.values[1_048_575]!]).toEqual(["последняя", null, null, 12.5]);
    // Compared as JSON: jest's deep equality over a million rows takes most of a minute.
    const [reference] = await readWorkbookSheetsExcelJS(file);
    const asJson = (rows: ArrayLike<ArrayLike<unknown>>) =>
      JSON.stringify(Array.from(rows, (row) => Array.from(row)));
    expect(asJson(sheet!.grid.values)).toBe(asJson(reference!.grid.values));
    expect(asJson(sheet!.grid.numberFormats!)).toBe(asJson(reference!.grid.numberFormats!));
  }, 120_000);
});
