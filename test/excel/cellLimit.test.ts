/*
 * Excel refuses a value longer than a cell holds (32,767 characters, «Excel specifications and
 * limits») and fails the whole request with it. The stand-in Excel does the same; the add-in's writes
 * of an analysis whose table holds a pasted name of 40,000 characters, and of text the engine did not
 * make, stay within it.
 */
import {
  analyzeWorkbook,
  EXCEL_CELL_CHARACTERS,
  isEngineError,
  type CellValue,
  type SheetLayout,
} from "../../src/engine";
import { createExcelHost, UNLIMITED } from "../../src/excel";
import type { OutputSheet } from "../../src/host/workbookHost";
import { fakeExcel, FakeWorkbook, type FakeValue } from "./fakeExcel";

const SOURCE = "Результаты ОО";
const PASTED_NAME = "Школа ".repeat(6_667).trim(); // 40,001 characters
const CUT_NAME = `${PASTED_NAME.slice(0, EXCEL_CELL_CHARACTERS - 1)}…`;

/** Assigns `values` to A1 of a new sheet in one Excel.run, as the adapter would. */
async function assign(model: FakeWorkbook, values: FakeValue[][]): Promise<void> {
  await fakeExcel(model).run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Лист1");
    sheet.getRangeByIndexes(0, 0, values.length, values[0]!.length).values = values;
    await context.sync();
  });
}

describe("the stand-in Excel", () => {
  it("takes text of 32,767 characters and refuses 32,768, writing nothing of the request", async () => {
    const model = new FakeWorkbook(["Лист1"]);
    await assign(model, [["а".repeat(32_767)]]);
    expect(model.valuesOf("Лист1")[0]![0]).toHaveLength(32_767);
    const fresh = new FakeWorkbook(["Лист1"]);
    await expect(assign(fresh, [["короткий", "а".repeat(32_768)]])).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    expect(fresh.valuesOf("Лист1")).toEqual([]);
  });

  it("refuses a formula over 8,192 characters", async () => {
    const formula = `=LEN("${"а".repeat(8_190)}")`;
    await expect(assign(new FakeWorkbook(["Лист1"]), [[formula]])).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      assign(new FakeWorkbook(["Лист1"]), [[formula.slice(0, 8_192)]])
    ).resolves.toBeUndefined();
  });
});

/** An export table of 30 schools, the eighth with the pasted name; every third ШНОР. */
function tableRows(): CellValue[][] {
  const header = [
    "Муниципалитет",
    "Наименование ОО",
    "Логин ОО",
    "ВПР МА 5 2025 % «2»",
    "ВПР РУ 5 2025 % «2»",
  ];
  return [
    header,
    ...Array.from({ length: 30 }, (_, index): CellValue[] => [
      "Заречный МО",
      index === 7 ? PASTED_NAME : `МБОУ «СОШ № ${index + 1}»`,
      `sch${900000 + index}`,
      index % 3 === 1 ? 40 : 10,
      index % 3 === 1 ? 45 : 12,
    ]),
  ];
}

function workbook(): FakeWorkbook {
  const model = new FakeWorkbook([SOURCE]);
  tableRows().forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) model.sheet(SOURCE).setCell(r, c, { value });
    })
  );
  return model;
}

describe("writing outputs with a value longer than a cell holds", () => {
  it("writes every output of an analysis whose table holds a pasted name of 40,000 characters, the name cut with «…»", async () => {
    const model = workbook();
    const excel = fakeExcel(model);
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    const data = await host.read([SOURCE]);
    const grid = data.sheets.find((sheet) => sheet.name === SOURCE)!.grid!;
    expect(grid.values[8]![1]).toBe(PASTED_NAME);
    const analysis = analyzeWorkbook([{ grid }]);
    if (isEngineError(analysis)) throw new Error(analysis.message);
    const report = await host.write(
      analysis.layouts.map((layout) => ({ layout })),
      data
    );
    expect(report.sheets.map((sheet) => sheet.name)).toEqual(
      analysis.layouts.map((layout) => layout.name)
    );
    const list = model.valuesOf("ШНОР").flat();
    expect(list).toContain(CUT_NAME);
    for (const layout of analysis.layouts)
      for (const value of model.valuesOf(layout.name).flat())
        expect(String(value).length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
  });

  it("cuts text of a layout the engine did not fit, and keeps text that looks typed as text within the cell", async () => {
    // A layout made by the pane itself (its settings sheet, say) has not passed through the engine's
    // guard: the adapter's own cut keeps it from failing the write. «=…» is sent with an apostrophe,
    // which the stand-in counts, as Excel's documentation does not say it does not.
    const formulaLike = `=${"а".repeat(40_000)}`;
    const layout: SheetLayout = {
      name: "Настройки",
      marker: "school-radar:settings-test",
      preamble: [PASTED_NAME],
      header: ["Параметр", "Значение"],
      body: [["Источник", formulaLike]],
      columns: [{ width: 20 }, { width: 40 }],
    };
    const model = workbook();
    const excel = fakeExcel(model);
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    const data = await host.read([SOURCE]);
    const outputs: OutputSheet[] = [{ layout }];
    await host.write(outputs, data);
    const values = model.valuesOf("Настройки");
    expect(values[0]![0]).toBe(CUT_NAME);
    const written = String(values.flat().find((value) => String(value).startsWith("=а"))!);
    // Stored without the apostrophe: 32,766 characters with it, the last of them «…».
    expect(written).toBe(`${formulaLike.slice(0, EXCEL_CELL_CHARACTERS - 2)}…`);
    expect(model.sheet("Настройки").cell(3, 1)!.formula).toBeUndefined();
  });
});
