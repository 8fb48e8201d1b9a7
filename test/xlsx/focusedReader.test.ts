/**
 * The command line reads workbooks with the focused streaming reader; the ExcelJS adapter is the
 * reference. Every test workbook — the sample, the fixtures, every file of the bad-input table, and
 * LibreOffice's re-save of the sample — must read the same through both: the same sheets and marks,
 * cell for cell the same values and number formats, the same merged ranges, the same refusals.
 */
import { mkdirSync, readdirSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/engine";
import {
  readWorkbookSheetsExcelJS,
  readWorkbookSheetsFocused,
  WorkbookFileError,
  type WorkbookSheet,
} from "../../src/xlsx";
import { CASES } from "../robustness/badInputCases";
import { temporaryFolder, writeResultsWorkbook } from "./workbookFiles";
import { convertWithLibreOffice } from "../fixtures/libreOffice";

const ROOT = path.join(__dirname, "..", "..");
const folder = temporaryFolder();
afterAll(folder.remove);

type Outcome = WorkbookSheet[] | { problem: string };

async function outcome(
  read: (file: string) => Promise<WorkbookSheet[]>,
  file: string
): Promise<Outcome> {
  try {
    return await read(file);
  } catch (error) {
    if (error instanceof WorkbookFileError) return { problem: error.problem };
    throw error;
  }
}

/** Number formats of cells a merge covers (but its first) are not compared: see sheetCells.ts. */
function withoutMergedFormats(sheet: WorkbookSheet): SheetGrid {
  const formats = sheet.grid.numberFormats!.map((row) => [...row]);
  for (const range of sheet.mergedRanges) {
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++)
        if ((r !== range.top || c !== range.left) && formats[r] && c < formats[r]!.length)
          formats[r]![c] = null;
  }
  // `cells` (the packed view the engine reads) is checked against `values` by expectCellsAsValues.
  const grid: SheetGrid = { ...sheet.grid, numberFormats: formats };
  delete grid.cells;
  return grid;
}

/** The packed, cell-by-cell view gives exactly the rows' values and formats. */
function expectCellsAsValues(grid: SheetGrid): void {
  const cells = grid.cells!;
  expect(cells).toBeDefined();
  expect(cells.rowCount).toBe(grid.values.length);
  let widest = 0;
  let differences = 0;
  grid.values.forEach((row, r) => {
    widest = Math.max(widest, row.length);
    if (cells.rowLength(r) !== row.length) differences++;
    const formats = grid.numberFormats![r]!;
    for (let c = 0; c < row.length; c++) {
      const same =
        Object.is(cells.value(r, c), row[c]) && cells.numberFormat(r, c) === (formats[c] ?? null);
      if (!same) differences++;
    }
  });
  expect(cells.columnCount).toBe(widest);
  expect(differences).toBe(0);
}

async function expectSameReading(file: string): Promise<void> {
  const reference = await outcome(readWorkbookSheetsExcelJS, file);
  const focused = await outcome(readWorkbookSheetsFocused, file);
  if (!Array.isArray(reference)) {
    expect(focused).toEqual(reference);
    return;
  }
  expect(Array.isArray(focused)).toBe(true);
  // The focused rows are made on demand (src/xlsx/focused/packedCells.ts): made once here as plain
  // arrays, so that comparing a million-row sheet does not make every row at every step.
  const sheets = (focused as WorkbookSheet[]).map((sheet) => {
    expectCellsAsValues(sheet.grid);
    return {
      ...sheet,
      grid: {
        ...sheet.grid,
        values: Array.from(sheet.grid.values, (row) => [...row]),
        numberFormats: Array.from(sheet.grid.numberFormats!, (row) => [...row]),
      },
    };
  });
  expect(sheets.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])).toEqual(
    reference.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])
  );
  sheets.forEach((sheet, index) => {
    const expected = reference[index]!;
    expect(sheet.mergedRanges).toEqual(expected.mergedRanges);
    // Values first; on a difference, the first differing row is named.
    expect(sheet.grid.values.length).toBe(expected.grid.values.length);
    if (JSON.stringify(sheet.grid.values) !== JSON.stringify(expected.grid.values)) {
      const r = sheet.grid.values.findIndex(
        (row, i) => JSON.stringify(row) !== JSON.stringify(expected.grid.values[i])
      );
      expect([r, sheet.grid.values[r]]).toEqual([r, expected.grid.values[r]]);
    }
    expect(withoutMergedFormats(sheet)).toEqual(withoutMergedFormats(expected));
  });
}

describe("the focused reader reads every test workbook as ExcelJS does", () => {
  it("the sample workbook", async () => {
    await expectSameReading(path.join(ROOT, "samples", "school-radar-sample.xlsx"));
  });

  it("the fixture workbook, and one with a user sheet, dates, formulas and rich text", async () => {
    const plain = path.join(folder.dir, "fixture.xlsx");
    await writeResultsWorkbook(plain);
    await expectSameReading(plain);
    const mixed = path.join(folder.dir, "mixed.xlsx");
    await writeResultsWorkbook(mixed, (workbook) => {
      const sheet = workbook.addWorksheet("Разное");
      sheet.getCell("A1").value = {
        richText: [{ text: "ВПР ", font: { bold: true } }, { text: "МА 5" }],
      };
      sheet.getCell("B2").value = new Date(Date.UTC(2025, 4, 20));
      sheet.getCell("B3").value = new Date(Date.UTC(2025, 4, 20, 13, 30));
      sheet.getCell("C2").value = { formula: "20+13", result: 33 };
      sheet.getCell("C3").value = { formula: "A2*2" } as ExcelJS.CellFormulaValue;
      sheet.getCell("C4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      sheet.getCell("D2").value = { text: "МБОУ «СОШ № 1»", hyperlink: "https://example.org" };
      sheet.getCell("D3").value = 0.33;
      sheet.getCell("D3").numFmt = "0%";
      sheet.getCell("D4").value = "a & b < c «»";
      sheet.getCell("E5").value = true;
      sheet.getCell("F6").value = { error: "#N/A" };
      sheet.mergeCells("A8:C9");
      sheet.getCell("A8").value = "объединено";
    });
    await expectSameReading(mixed);
  });

  it("a result workbook written by the command line and its LibreOffice re-save", async () => {
    const { runCli } = await import("../cli/runCli");
    const result = path.join(folder.dir, "результат.xlsx");
    const run = await runCli(
      "analyze",
      path.join(ROOT, "samples", "school-radar-sample.xlsx"),
      "--out",
      result
    );
    expect(run.code).toBe(0);
    await expectSameReading(result);
    await expectSameReading(
      convertWithLibreOffice(result, "xlsx", path.join(folder.dir, "libreoffice"), folder.dir)
    );
  }, 180_000);

  let index = 0;
  it.each(CASES.map((entry) => [entry.name, entry] as const))(
    "bad input: %s",
    async (_, entry) => {
      const dir = path.join(folder.dir, `case-${index++}`);
      mkdirSync(dir);
      const input = path.join(dir, entry.fileName ?? "выгрузка.xlsx");
      await entry.make(input);
      if (!readdirSync(dir).includes(path.basename(input))) return; // the missing-file case
      await expectSameReading(input);
    },
    120_000
  );
});
