/*
 * «Показать» without Excel: a warning's address looked up in the sheets the action read — the place,
 * the value there, and the school of the row by the sheet's own table.
 */
import path from "path";
import ExcelJS from "exceljs";
import { describeCell } from "../../src/taskpane/cellView";
import { identifyAction, socialAction } from "../../src/taskpane/actions";
import { DEFAULT_SETTINGS } from "../../src/taskpane/settings";
import type { WorkbookData } from "../../src/host/workbookHost";
import { openFileHost } from "../../src/standalone/fileHost";
import * as xlsx from "../../src/xlsx/browser";
import { readFileSync } from "fs";
import { isEngineError, type Warning } from "../../src/engine";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

async function sample(): Promise<{ data: WorkbookData; book: ExcelJS.Workbook }> {
  const bytes = readFileSync(SAMPLE);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const host = await openFileHost(xlsx, buffer, "school-radar-sample.xlsx");
  const data = await host.read((await host.scan()).sheets.map((sheet) => sheet.name));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  return { data, book };
}

/** The sheet's «Наименование…» column, found by its header as a person would, and that row's cell. */
function nameInRow(sheet: ExcelJS.Worksheet, row: number): string {
  for (let r = 1; r <= 12; r++) {
    const cells = sheet.getRow(r).values as unknown[];
    const column = cells.findIndex((value) => /^Наименование/.test(String(value ?? "")));
    if (column > 0) return String(sheet.getRow(row).getCell(column).value);
  }
  throw new Error(`no name column on ${sheet.name}`);
}

/** A cell as ExcelJS reads it, as text: an error value is its code (`#DIV/0!`). */
function rawText(sheet: ExcelJS.Worksheet, cell: string): string {
  const value = sheet.getCell(cell).value;
  return typeof value === "object" && value !== null && "error" in value
    ? String(value.error)
    : String(value);
}

function firstCellWarning(warnings: Warning[], sheet: string): Warning {
  const found = warnings.find((warning) => warning.cell.startsWith(`'${sheet}'!`));
  if (found === undefined) throw new Error(`no warning on ${sheet}`);
  return found;
}

describe("the cell of a warning, described", () => {
  it("gives the results table's cell: its value as read and the school named on its row", async () => {
    const { data, book } = await sample();
    const outcome = identifyAction(data, { ...DEFAULT_SETTINGS, sourceSheet: "Результаты ОО" });
    if (isEngineError(outcome)) throw new Error(outcome.message);
    const warning = firstCellWarning(outcome.view.warnings, "Результаты ОО");
    const [, cell, row] = /!([A-Z]+(\d+))$/.exec(warning.cell)!;
    const sheet = book.getWorksheet("Результаты ОО")!;
    expect(describeCell(data, warning.cell)).toEqual({
      sheet: "Результаты ОО",
      cell,
      row: Number(row),
      value: rawText(sheet, cell!),
      school: nameInRow(sheet, Number(row)),
    });
  });

  it("names the school of a template's row by that sheet's own table (the social passport)", async () => {
    const { data, book } = await sample();
    const outcome = socialAction(data, DEFAULT_SETTINGS);
    if (isEngineError(outcome)) throw new Error(outcome.message);
    const warning = firstCellWarning(outcome.view.warnings, "Социальный паспорт");
    const [, cell, row] = /!([A-Z]+(\d+))$/.exec(warning.cell)!;
    const sheet = book.getWorksheet("Социальный паспорт")!;
    const view = describeCell(data, warning.cell)!;
    expect(view.school).toBe(nameInRow(sheet, Number(row)));
    expect(view.value).toBe(sheet.getCell(cell!).value);
  });

  it("reads a grid that starts below and right of A1, rows, whole sheets and quoted names", () => {
    const data: WorkbookData = {
      activeSheet: null,
      sheets: [
        {
          name: "О'Нил",
          visible: true,
          outputMark: null,
          // D7 is values[1][1]: the grid starts at C6.
          grid: {
            sheetName: "О'Нил",
            origin: { row: 5, column: 2 },
            values: [
              [1, 2],
              [3, "н/д"],
            ],
          },
        },
      ],
    };
    expect(describeCell(data, "'О''Нил'!D7")).toMatchObject({ cell: "D7", row: 7, value: "н/д" });
    expect(describeCell(data, "'О''Нил'!C6:D7")).toMatchObject({ cell: "C6", value: 1 });
    // Outside what was read: an empty cell, not another cell's value.
    expect(describeCell(data, "'О''Нил'!B7")).toMatchObject({ value: null });
    expect(describeCell(data, "'О''Нил'!Z99")).toMatchObject({ value: null });
    expect(describeCell(data, "'О''Нил'!7:7")).toEqual({
      sheet: "О'Нил",
      cell: null,
      row: 7,
      value: undefined,
      school: null,
    });
    expect(describeCell(data, "'О''Нил'")).toMatchObject({ cell: null, row: null });
    expect(describeCell(data, "'Другой лист'!A1")).toBeNull();
    expect(describeCell(data, "не адрес")).toBeNull();
  });
});
