/*
 * The standalone page before a file: the host over a new empty workbook, where the templates are made
 * and downloaded; and the bundled sample as the page decodes it from its inlined data: URL.
 */
import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { templateAction } from "../../src/taskpane/actions";
import { DEFAULT_SETTINGS, settingsLayout } from "../../src/taskpane/settings";
import { openBlankHost } from "../../src/standalone/fileHost";
import { bytesOfDataUrl } from "../../src/standalone/sampleWorkbook";
import * as xlsx from "../../src/xlsx/browser";
import { TEMPLATE_KINDS, TEMPLATE_NAMES, isEngineError } from "../../src/engine";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

describe("the page's new empty workbook", () => {
  it("has one empty sheet, which the pane lists without values", async () => {
    const host = await openBlankHost(xlsx, "Новая книга.xlsx", "Лист1");
    const data = await host.scan();
    expect(data.sheets).toEqual([{ name: "Лист1", visible: true, outputMark: null, grid: null }]);
    expect(host.fileName).toBe("Новая книга.xlsx");
  });

  it("takes a template, and downloads as a workbook Excel opens on the template", async () => {
    const host = await openBlankHost(xlsx, "Новая книга.xlsx", "Лист1");
    const data = await host.read(["Лист1"]);
    const kind = TEMPLATE_KINDS[0]!;
    const outcome = templateAction(data, DEFAULT_SETTINGS, kind);
    if (isEngineError(outcome)) throw new Error(outcome.message);
    const report = await host.write(
      [
        ...outcome.layouts.map((layout) => ({ layout })),
        { layout: settingsLayout(DEFAULT_SETTINGS), hidden: true },
      ],
      data
    );
    const templateSheet = outcome.layouts[0]!.name;
    expect(report.sheets.map((sheet) => sheet.name)).toContain(templateSheet);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await host.resultBytes()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Лист1",
      templateSheet,
      "Школьный радар — настройки",
    ]);
    const template = workbook.getWorksheet(templateSheet)!;
    expect(template.getCell("A1").value).toContain(TEMPLATE_NAMES[kind]);
    // Opened on the template (the second tab), not on the empty sheet before it.
    const parts = unzipSync(await host.resultBytes());
    expect(strFromU8(parts["xl/workbook.xml"]!)).toMatch(/<workbookView\b[^>]*\bactiveTab="1"/);
  });
});

describe("the bundled sample as the page carries it", () => {
  it("decodes to the sample's own bytes", () => {
    const bytes = readFileSync(SAMPLE);
    const url = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${bytes.toString("base64")}`;
    expect(Buffer.from(bytesOfDataUrl(url)).equals(bytes)).toBe(true);
  });

  it("refuses a data: URL that is not base64 rather than handing on text as a workbook", () => {
    expect(() => bytesOfDataUrl("data:text/plain,Школа")).toThrow(/base64/);
  });
});
