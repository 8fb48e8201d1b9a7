/**
 * The command line reads workbooks with the focused streaming reader; the ExcelJS adapter is the
 * reference. Every test workbook — the sample, the fixtures, every file of the bad-input table, and
 * LibreOffice's re-save of the sample — must read the same through both: the same sheets and marks,
 * cell for cell the same values and number formats, the same merged ranges, the same refusals.
 */
import { mkdirSync, readdirSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { CASES } from "../robustness/badInputCases";
import { temporaryFolder, writeResultsWorkbook } from "./workbookFiles";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { expectSameReading } from "./sameReading";

const ROOT = path.join(__dirname, "..", "..");
const folder = temporaryFolder();
afterAll(folder.remove);

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
