/*
 * Excel's documented request and cell limits, enforced by the fake (fakeExcel.ts): 5 MB per request
 * on the web counted over every command, five million cells per range read on every platform, values
 * given as null on Mac. Each test writes or reads what a region's data makes.
 */
import {
  ALL_RISK_PARAMETERS,
  assessRiskFactors,
  isEngineError,
  parameterHeader,
  readRiskQuestionnaire,
  riskMatrixLayout,
  type SheetLayout,
} from "../../src/engine";
import {
  createExcelHost,
  DESKTOP_BUDGET,
  DESKTOP_CELLS,
  WEB_BUDGET,
  WEB_REQUEST_LIMIT,
} from "../../src/excel";
import { tonePlan } from "../../src/excel/rowTones";
import { isHostError } from "../../src/host/workbookHost";
import { fakeExcel, FakeWorkbook, FAKE_READ_CELL_LIMIT, type FakeOptions } from "./fakeExcel";

const SOURCE = "Анкета";

/**
 * The risk matrix of `count` schools whose row tones change every few rows, as a region's do: one
 * school in three has a vacancy (a factor; their counts differ, so no column decides the tone), one in
 * five left parameters empty, one in four is a ШНОР. No column decides the colour: rows are filled run
 * by run.
 */
function riskMatrix(count: number): SheetLayout {
  const parameters = ALL_RISK_PARAMETERS.filter((parameter) => /^Ф[12]\./.test(parameter.code));
  const questionnaire = readRiskQuestionnaire({
    sheetName: SOURCE,
    values: [
      ["Логин ОО", "Наименование ОО", ...parameters.map(parameterHeader)],
      ...Array.from({ length: count }, (_, school) => [
        `sch${100000 + school}`,
        `МБОУ «Школа № ${school + 1}»`,
        ...parameters.map((parameter) =>
          parameter.code === "Ф2.1" && school % 3 === 0
            ? 1 + (school % 29)
            : school % 5 === 1 && parameter.code.startsWith("Ф1.")
              ? null
              : 0
        ),
      ]),
    ],
  });
  if (isEngineError(questionnaire)) throw new Error(questionnaire.message);
  const lowResults = new Set(
    Array.from({ length: Math.ceil(count / 4) }, (_, index) => `sch${100000 + index * 4}`)
  );
  return riskMatrixLayout(assessRiskFactors(questionnaire, undefined, lowResults), SOURCE);
}

/** A workbook with one source sheet, and a host over it on the given profile. */
function hostFor(model: FakeWorkbook, web: boolean, options: FakeOptions = {}) {
  const excel = fakeExcel(model, web ? { payloadLimit: WEB_REQUEST_LIMIT, ...options } : options);
  const host = createExcelHost({ budget: web ? WEB_BUDGET : DESKTOP_BUDGET, run: excel.run });
  return { excel, host };
}

async function writeLayouts(model: FakeWorkbook, layouts: SheetLayout[], web: boolean) {
  const { excel, host } = hostFor(model, web);
  const data = await host.read([SOURCE]);
  const report = await host.write(
    layouts.map((layout) => ({ layout })),
    data
  );
  return { excel, report };
}

/** A sheet of `rows` × `columns` numbers made on demand: row r, column c holds r × 100 + c. */
function generatedSheet(model: FakeWorkbook, name: string, rows: number, columns: number): void {
  const sheet = model.sheetByName(name) ?? model.addSheet(name);
  sheet.generated = {
    rect: { row: 0, column: 0, rows, columns },
    at: (row, column) => row * 100 + column,
  };
}

describe("Excel on the web: 5 MB per request, every command counted", () => {
  const matrix = riskMatrix(50_000);

  it("fills a region's risk matrix run by run, no request over 5 MB", async () => {
    // The fills alone are more than one request holds: today's last request carried them all.
    const plan = tonePlan(matrix);
    expect(plan.kind).toBe("fills");
    const runs = plan.kind === "fills" ? plan.runs : [];
    expect(runs.length).toBeGreaterThan(20_000);
    const model = new FakeWorkbook([SOURCE]);
    const { excel } = await writeLayouts(model, [matrix], true);
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThanOrEqual(WEB_REQUEST_LIMIT);
    // The fills and formats took requests of their own, before the last.
    const fills = excel.stats.commands.filter((label) => label === "fill.color");
    expect(fills).toHaveLength(runs.length);
    const sheet = model.sheet("Матрица рисков");
    expect(sheet.visibility).toBe("Visible");
    const last = runs[runs.length - 1]!;
    const firstBodyRow = matrix.preamble.length + 2;
    expect(sheet.formatAt(firstBodyRow + last.start, 0, "fill.color")).toBeDefined();
    expect(sheet.values({ row: firstBodyRow + 49_999, column: 1, rows: 1, columns: 1 })).toEqual([
      [matrix.body[49_999]![1]],
    ]);
    console.log(
      `web, risk matrix of 50,000 schools: ${excel.stats.syncs} syncs, largest request ` +
        `${Math.max(...excel.stats.requestBytes)} bytes, ${runs.length} fills`
    );
  }, 240_000);

  it("on the desktop writes the same matrix in one request", async () => {
    const model = new FakeWorkbook([SOURCE]);
    const { excel } = await writeLayouts(model, [matrix], false);
    // One read, one write: the cell budget holds 50,000 × 15 cells.
    expect(excel.stats.syncs).toBe(2);
    expect(Math.max(...excel.stats.requestCells)).toBeLessThanOrEqual(DESKTOP_CELLS);
    console.log(
      `desktop, risk matrix of 50,000 schools: ${excel.stats.syncs} syncs, largest request ` +
        `${Math.max(...excel.stats.requestBytes)} bytes`
    );
  }, 240_000);

  it("writes again in smaller pieces when Excel refuses a request the estimate let through", async () => {
    const model = new FakeWorkbook([SOURCE, "Лист2"]);
    const layout = riskMatrix(6_000);
    // An Excel stricter than its documents: 1.5 MB per request, the budget still 4 MB.
    const { excel, host } = hostFor(model, true, { payloadLimit: 1.5 * 1024 * 1024 });
    const data = await host.read([SOURCE]);
    const report = await host.write([{ layout }], data);
    const refused = excel.stats.requestBytes.filter((bytes) => bytes > 1.5 * 1024 * 1024);
    expect(refused.length).toBeGreaterThan(0);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual(["Матрица рисков"]);
    // Nothing pending is left, and the sheet holds every row.
    expect(model.names.map((name) => name.name)).toEqual(["SchoolRadar_risk_matrix"]);
    expect(model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      [SOURCE, "Visible"],
      ["Лист2", "Visible"],
      ["Матрица рисков", "Visible"],
    ]);
    const values = model.valuesOf("Матрица рисков");
    expect(values[layout.preamble.length + 2 + 5_999]![1]).toBe(layout.body[5_999]![1]);
  }, 120_000);
});

describe("the cell budget, on every platform", () => {
  it("reads a sheet over Excel's five-million-cell limit in blocks on the desktop", async () => {
    const model = new FakeWorkbook([SOURCE]);
    // 420,000 rows × 13 columns: 5,460,000 cells, made on demand.
    generatedSheet(model, SOURCE, 420_000, 13);
    const { excel, host } = hostFor(model, false);
    const grid = (await host.read([SOURCE])).sheets[0]!.grid!;
    expect(grid.values).toHaveLength(420_000);
    expect(grid.values[419_999]![12]).toBe(419_999 * 100 + 12);
    expect(grid.numberFormats).toHaveLength(420_000);
    expect(excel.stats.cellsRead.every((cells) => cells <= DESKTOP_CELLS)).toBe(true);
    expect(excel.stats.cellsRead.reduce((sum, cells) => sum + cells, 0)).toBe(420_000 * 13);
    console.log(
      `desktop, 420,000 × 13 read: ${excel.stats.syncs} syncs, cells per read ${excel.stats.cellsRead.join(", ")}`
    );
  }, 240_000);

  it("scans such a sheet in blocks too", async () => {
    const model = new FakeWorkbook([SOURCE, "Пояснения"]);
    generatedSheet(model, SOURCE, 420_000, 13);
    model.sheet("Пояснения").setCell(0, 0, { value: "Выгрузка" });
    const { excel, host } = hostFor(model, false);
    const data = await host.scan();
    expect(data.sheets.map((sheet) => sheet.grid?.values.length ?? 0)).toEqual([420_000, 1]);
    expect(Math.max(...excel.stats.cellsRead)).toBeLessThanOrEqual(FAKE_READ_CELL_LIMIT);
  }, 240_000);

  it("retries a read Excel refuses with RangeExceedsLimit in smaller blocks", async () => {
    const model = new FakeWorkbook([SOURCE]);
    generatedSheet(model, SOURCE, 30_000, 10);
    // A stricter Excel: 70,000 cells per read.
    const { excel, host } = hostFor(model, false, { readCellLimit: 70_000 });
    const grid = (await host.read([SOURCE])).sheets[0]!.grid!;
    expect(grid.values).toHaveLength(30_000);
    expect(grid.values.map((row) => row[3])).toEqual(
      Array.from({ length: 30_000 }, (_, row) => row * 100 + 3)
    );
    expect(Math.max(...excel.stats.cellsRead)).toBeLessThanOrEqual(70_000);
  });

  it("reads in blocks a range whose values Excel gives as null (Mac), on read and on scan", async () => {
    const model = new FakeWorkbook([SOURCE]);
    generatedSheet(model, SOURCE, 30_000, 10);
    const { excel, host } = hostFor(model, false, { valuesNullAbove: 100_000 });
    const grid = (await host.read([SOURCE])).sheets[0]!.grid!;
    expect(grid.values).toHaveLength(30_000);
    expect(grid.values[29_999]![9]).toBe(29_999 * 100 + 9);
    expect(Math.max(...excel.stats.cellsRead)).toBeLessThanOrEqual(100_000);
    const scanned = await host.scan();
    expect(scanned.sheets[0]!.grid!.values).toHaveLength(30_000);
  });

  it("says which sheet and rows Excel would not give, in Russian, when even small blocks fail", async () => {
    const model = new FakeWorkbook([SOURCE]);
    generatedSheet(model, SOURCE, 3_000, 10);
    const { host } = hostFor(model, false, { valuesNullAbove: 0 });
    const failure: unknown = await host.read([SOURCE]).catch((error: unknown) => error);
    expect(isHostError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: "range_too_large" });
    expect((failure as Error & { detail: string }).detail).toMatch(
      /^Лист «Анкета»: Excel не отдал значения строк \d[\d\u00a0]*–\d[\d\u00a0]* \(10 столбцов\) даже по \d[\d\u00a0]* строк[еи]? за запрос\. Сократите/
    );
  });

  it("splits a write over the cell budget into requests within it", async () => {
    const model = new FakeWorkbook([SOURCE]);
    const layout = riskMatrix(2_000);
    const excel = fakeExcel(model);
    const host = createExcelHost({
      budget: { bytesPerRequest: Infinity, cellsPerRequest: 10_000 },
      run: excel.run,
    });
    const data = await host.read([SOURCE]);
    const report = (await host.write([{ layout }], data)) as { requests?: number };
    const written = excel.stats.requestCells.slice(1);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...written)).toBeLessThanOrEqual(10_000);
    expect(report.requests).toBe(written.length);
    const values = model.valuesOf("Матрица рисков");
    expect(values[layout.preamble.length + 2 + 1_999]![0]).toBe(layout.body[1_999]![0]);
  }, 60_000);
});
