/*
 * The Excel adapter against office-addin-mock proxies over an in-memory workbook (fakeExcel.ts):
 * reads, writes, formats, the number of context.sync() calls, foreign sheets, re-runs and failures.
 */
import {
  ALL_RISK_PARAMETERS,
  assessRiskFactors,
  contextAdjustedResults,
  contextLayout,
  identificationLayouts,
  identifyLowResultSchools,
  isEngineError,
  EXCEL_CELL_CHARACTERS,
  parameterHeader,
  readExportTable,
  readRiskQuestionnaire,
  riskListLayout,
  riskMatrixLayout,
  rowHeights,
  printSetup,
  STATUS_COLUMN_HEADER,
  statusCell,
  statusColumn,
  summarizeIndicators,
  summaryLayout,
  type CellValue,
  type SheetGrid,
  type SheetLayout,
} from "../../src/engine";
import { createExcelHost, UNLIMITED, WEB_BUDGET, WEB_REQUEST_LIMIT } from "../../src/excel";
import { characterWidthInPoints } from "../../src/excel/writeOutputSheets";
import { isHostError, type OutputSheet, type WorkbookData } from "../../src/host/workbookHost";
import { existsSync, readFileSync, writeFileSync } from "fs";
import {
  fakeExcel,
  FakeWorkbook,
  type FakeOptions,
  type FakeStats,
  type FakeValue,
  type Rect,
} from "./fakeExcel";
import { messagesFor } from "../../src/taskpane/messagesEn";
import { seed002Appendix1 } from "../fixtures/seeds";

const SOURCE = "Результаты ОО";
const YEARS = ["2024/2025", "2023/2024"];
const PROCEDURES = ["ВПР МА 5", "ВПР РУ 5", "ОГЭ МА"];

/**
 * A one-header-row export table of `count` schools: every third has two low results (ШНОР), every
 * eleventh from the sixth has no data (недостаточно данных), the rest are fine.
 */
function exportRows(count: number): CellValue[][] {
  const header: CellValue[] = ["Муниципалитет", "Наименование ОО", "Логин ОО"];
  for (const year of YEARS)
    for (const procedure of PROCEDURES) header.push(`${procedure} ${year} % «2»`);
  const rows: CellValue[][] = [header];
  for (let school = 0; school < count; school += 1) {
    const row: CellValue[] = [
      "Заречный МО",
      `МБОУ «СОШ № ${school + 1}»`,
      `sch${String(900000 + school)}`,
    ];
    for (let group = 0; group < YEARS.length * PROCEDURES.length; group += 1) {
      row.push(
        school % 11 === 5
          ? "-"
          : school % 3 === 0 && group < 2
            ? 40
            : school % 7 === 1 && group === 0
              ? "-"
              : 12.5
      );
    }
    rows.push(row);
  }
  return rows;
}

function workbookWith(count: number, otherSheets: string[] = ["Пояснения"]): FakeWorkbook {
  const model = new FakeWorkbook([SOURCE, ...otherSheets]);
  const sheet = model.sheet(SOURCE);
  exportRows(count).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.setCell(r, c, { value });
    })
  );
  model.sheet("Пояснения")?.setCell(0, 0, { value: "Выгрузка регионального центра, 2025" });
  return model;
}

function layoutsFor(grid: SheetGrid | null, charts = false): SheetLayout[] {
  if (grid === null) throw new Error("no grid");
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table);
  if (isEngineError(result)) throw new Error(result.message);
  const layouts = identificationLayouts(result, table);
  if (!charts) return layouts;
  // The other two charts: the summary's dynamics, and the context scatter (a made-up ИСБШ per school).
  const summary = summarizeIndicators({ table, identification: result });
  const points = table.schools.map((school, index) => ({
    login: school.login,
    name: school.name,
    isbsh: 60 + (index % 30),
    resultsIndex: 70 + ((index * 7) % 25),
  }));
  return [
    ...layouts,
    summaryLayout(summary, table.years),
    contextLayout(contextAdjustedResults(points, table.sheetName)),
  ];
}

/** What the task pane does for «Выявить ШНОР»: one read, the engine, one write. */
async function identify(
  model: FakeWorkbook,
  options: FakeOptions = {},
  web = false,
  charts = false
) {
  const excel = fakeExcel(model, options);
  const host = createExcelHost({ budget: web ? WEB_BUDGET : UNLIMITED, run: excel.run });
  const data = await host.read([SOURCE]);
  const grid = data.sheets.find((sheet) => sheet.name === SOURCE)!.grid;
  const outputs: OutputSheet[] = layoutsFor(grid, charts).map((layout) => ({ layout }));
  const report = await host.write(outputs, data);
  return { report, stats: excel.stats, data, outputs };
}

const OUTPUT_SHEETS = ["ШНОР", "ШНОР — метод", "Предупреждения"];

/**
 * `npm run bench` runs the round-trip tests with SCHOOL_RADAR_ROUND_TRIPS set to a file, and reports
 * what they measured there: syncs and estimated bytes per request of one «Выявить ШНОР».
 */
function reportRoundTrips(host: "desktop" | "web", bySchools: Record<number, FakeStats>): void {
  const file = process.env.SCHOOL_RADAR_ROUND_TRIPS;
  if (!file) return;
  const figures = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  figures[host] = Object.fromEntries(
    Object.entries(bySchools).map(([schools, stats]) => [
      schools,
      { syncs: stats.syncs, requestBytes: stats.requestBytes },
    ])
  );
  writeFileSync(file, JSON.stringify(figures, null, 2));
}

describe("reading the open workbook", () => {
  it("lists the sheets and reads the chosen one's values and number formats in one sync", async () => {
    const model = workbookWith(3);
    model.sheet(SOURCE).setCell(1, 3, { value: 0.4, numberFormat: "0%" });
    const excel = fakeExcel(model);
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    const data = await host.read([SOURCE]);
    expect(excel.stats.syncs).toBe(1);
    // The active sheet is the scan's alone (the source picker's first choice): see excelRules.test.ts.
    expect(data.activeSheet).toBeNull();
    expect(data.sheets.map((sheet) => [sheet.name, sheet.outputMark])).toEqual([
      [SOURCE, null],
      ["Пояснения", null],
    ]);
    const grid = data.sheets[0]!.grid!;
    expect(grid.sheetName).toBe(SOURCE);
    expect(grid.origin).toEqual({ row: 0, column: 0 });
    expect(grid.values[0]!.slice(0, 3)).toEqual(["Муниципалитет", "Наименование ОО", "Логин ОО"]);
    expect(grid.values[1]![3]).toBe(0.4);
    expect(grid.numberFormats![1]![3]).toBe("0%");
    expect(grid.numberFormats![1]![4]).toBe("General");
    // Sheets not asked for are listed, not read.
    expect(data.sheets[1]!.grid).toBeNull();
  });

  it("gives empty cells as null and a used range away from A1 with its origin", async () => {
    const model = new FakeWorkbook(["Лист1"]);
    model.sheet("Лист1").setCell(4, 2, { value: "ОО" });
    model.sheet("Лист1").setCell(5, 3, { value: 7 });
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run });
    const grid = (await host.read(["Лист1"])).sheets[0]!.grid!;
    expect(grid.origin).toEqual({ row: 4, column: 2 });
    expect(grid.values).toEqual([
      ["ОО", null],
      [null, 7],
    ]);
  });

  it("scans every sheet but its own visible outputs for the source picker", async () => {
    const model = workbookWith(5);
    model.addSheet("Пустой");
    await identify(model);
    const excel = fakeExcel(model);
    const data = await createExcelHost({ budget: UNLIMITED, run: excel.run }).scan();
    // The list, the active sheet (a request of its own: it may fail), the used ranges.
    expect(excel.stats.syncs).toBe(3);
    expect(data.activeSheet).toBe("ШНОР");
    const byName = new Map(data.sheets.map((sheet) => [sheet.name, sheet]));
    expect(byName.get(SOURCE)!.grid!.values).toHaveLength(6);
    expect(byName.get("Пустой")!.grid).toBeNull();
    expect(byName.get("ШНОР")!.outputMark).toBe("SchoolRadar_shnor");
    expect(byName.get("ШНОР")!.grid).toBeNull();
  });

  it("says which sheet is gone when the chosen one was deleted", async () => {
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(workbookWith(2)).run });
    await expect(host.read(["Удалённый лист"])).rejects.toMatchObject({ code: "sheet_missing" });
  });

  it("on Excel on the web reads a sheet too big for one response in blocks", async () => {
    const model = workbookWith(20_000);
    const excel = fakeExcel(model, { payloadLimit: WEB_REQUEST_LIMIT });
    const host = createExcelHost({ budget: WEB_BUDGET, run: excel.run });
    const data = await host.read([SOURCE]);
    const grid = data.sheets[0]!.grid!;
    expect(grid.values).toHaveLength(20_001);
    expect(grid.values[20_000]![2]).toBe("sch919999");
    expect(grid.numberFormats).toHaveLength(20_001);
    expect(excel.stats.syncs).toBeGreaterThan(2);
  });
});

describe("writing the output sheets", () => {
  it("writes the layouts as marked, visible sheets with the values the engine gave", async () => {
    const model = workbookWith(12);
    const { report, outputs, stats } = await identify(model);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual(OUTPUT_SHEETS);
    expect(report.replacedSheets).toEqual([]);
    expect(model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      [SOURCE, "Visible"],
      ["Пояснения", "Visible"],
      ["ШНОР", "Visible"],
      ["ШНОР — метод", "Visible"],
      ["Предупреждения", "Visible"],
    ]);
    expect(model.names.map((name) => [name.name, model.nameFormula(name)])).toEqual([
      ["SchoolRadar_shnor", "='ШНОР'!$A$1"],
      ["SchoolRadar_method", "='ШНОР — метод'!$A$1"],
      ["SchoolRadar_warnings", "='Предупреждения'!$A$1"],
    ]);
    const list = outputs[0]!.layout;
    const values = model.valuesOf("ШНОР");
    list.preamble.forEach((line, row) => expect(values[row]![0]).toBe(line));
    const headerRow = list.preamble.length + 1;
    // The table's columns (the block of the chart stands beside them).
    const width = list.header.length;
    expect(values[headerRow]!.slice(0, width)).toEqual(list.header);
    list.body.forEach((row, index) =>
      expect(values[headerRow + 1 + index]!.slice(0, width)).toEqual(
        row.map((value) => value ?? "")
      )
    );
    expect(model.activeSheetId).toBe(model.sheet("ШНОР").id);
    expect(stats.syncs).toBe(2); // one read, one write
  });

  it("makes a filterable table with a frozen header, widths, number formats and status colours", async () => {
    const model = workbookWith(12);
    const { outputs } = await identify(model);
    const list = outputs[0]!.layout;
    const sheet = model.sheet("ШНОР");
    const headerRow = list.preamble.length + 1;
    expect(sheet.tables).toEqual([
      expect.objectContaining({
        rect: { row: headerRow, column: 0, rows: 13, columns: list.header.length },
        hasHeaders: true,
        showBandedRows: false,
      }),
    ]);
    expect(sheet.frozenRows).toBe(headerRow + 1);
    list.columns.forEach((spec, column) =>
      expect(sheet.columnWidths.get(column)).toBe(characterWidthInPoints(spec.width))
    );
    expect(sheet.cell(headerRow + 1, 5)!.numberFormat).toBe("0");
    // The reasons' column (after «Ячейка», the link to the source cell) wraps.
    const wrapped = list.header.indexOf("Обоснование");
    expect(list.columns[wrapped]!.wrap).toBe(true);
    expect(sheet.formatAt(headerRow + 1, wrapped, "wrapText")).toBe(true);
    expect(sheet.formatAt(0, 0, "font.bold")).toBe(true);
    // One rule per status, on the status column, over the whole body, in the list's order
    // (ШНОР, then «недостаточно данных», then the rest).
    const first = headerRow + 2;
    expect(sheet.conditionalFormats).toEqual([
      expect.objectContaining({ formula: `=OR($D${first}="ШНОР")`, fill: "#FFC7CE" }),
      expect.objectContaining({
        formula: `=OR($D${first}="недостаточно данных")`,
        fill: "#EDEDED",
      }),
      expect.objectContaining({ formula: `=OR($D${first}="не ШНОР")`, fill: "#C6EFCE" }),
    ]);
    expect(sheet.conditionalFormats[0]!.rect).toEqual({
      row: headerRow + 1,
      column: 0,
      rows: 12,
      columns: list.header.length,
    });
  });

  it("keeps text as text: nothing becomes a formula, a number or a date", async () => {
    const model = new FakeWorkbook(["Лист1"]);
    const excel = fakeExcel(model);
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    const data = await host.read(["Лист1"]);
    const layout: SheetLayout = {
      name: "Проверка",
      marker: "school-radar:check",
      preamble: ['=HYPERLINK("http://example.org")'],
      header: ["Код", "Год"],
      body: [
        ["0012", "2024-25"],
        ["+7", "=1+1"],
      ],
      columns: [{ width: 10 }, { width: 10 }],
    };
    await host.write([{ layout }], data);
    const sheet = model.sheet("Проверка");
    expect(model.valuesOf("Проверка")).toEqual([
      ['=HYPERLINK("http://example.org")', ""],
      ["", ""],
      ["Код", "Год"],
      ["0012", "2024-25"],
      ["+7", "=1+1"],
    ]);
    expect(sheet.rows.flat().filter((cell) => cell?.formula !== undefined)).toEqual([]);
  });

  it("uses the same number of syncs for 100 and for 50,000 schools, charts included", async () => {
    const small = await identify(workbookWith(100), {}, false, true);
    const largeModel = workbookWith(50_000);
    const large = await identify(largeModel, {}, false, true);
    expect(small.stats.syncs).toBe(2);
    expect(large.stats.syncs).toBe(small.stats.syncs);
    expect(large.report.sheets.map((sheet) => sheet.name)).toEqual([
      ...OUTPUT_SHEETS,
      "Сводка показателей",
      "Результаты и контекст",
    ]);
    const charts = large.report.sheets.flatMap((sheet) =>
      largeModel.sheet(sheet.name).charts.map((chart) => chart.type)
    );
    expect(charts).toEqual(["ColumnClustered", "LineMarkers", "XYScatter"]);
    expect(large.stats.commands.filter((label) => label === "charts.add")).toHaveLength(3);
    reportRoundTrips("desktop", { 100: small.stats, 50_000: large.stats });
  }, 60_000);

  it("on Excel on the web splits only what does not fit in 5 MB, hidden until the last request", async () => {
    const small = await identify(workbookWith(100), { payloadLimit: WEB_REQUEST_LIMIT }, true);
    expect(small.stats.syncs).toBe(2);
    const model = workbookWith(50_000);
    const large = await identify(model, { payloadLimit: WEB_REQUEST_LIMIT }, true);
    expect(large.stats.largestRequest).toBeLessThanOrEqual(WEB_REQUEST_LIMIT);
    expect(large.stats.syncs).toBeGreaterThan(2);
    // Renaming and showing come last, in the last request.
    const commands = large.stats.commands;
    expect(commands.lastIndexOf("range.values")).toBeLessThan(commands.indexOf("worksheet.name"));
    // Every row of the table (the chart's data block stands below it, after an empty row).
    const list = large.outputs[0]!.layout;
    const values = model.valuesOf("ШНОР");
    const last = list.preamble.length + 1 + 50_000;
    expect(list.body).toHaveLength(50_000);
    expect(values[last]![0]).toBe(list.body[49_999]![0]);
    expect(values[last + 1]!.every((value) => value === "")).toBe(true);
    reportRoundTrips("web", { 100: small.stats, 50_000: large.stats });
  }, 120_000);
});

describe("charts", () => {
  /** The sheet's values in a rectangle, as the chart would read them. */
  function cells(model: FakeWorkbook, sheet: string, rect: Rect): FakeValue[][] {
    return model.sheet(sheet).values(rect);
  }

  it("adds «ШНОР по критериям» over the block of counts beside the list", async () => {
    const model = workbookWith(40);
    const { outputs } = await identify(model);
    const sheet = model.sheet("ШНОР");
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      seriesBy: "Columns",
      title: "ШНОР по критериям",
      valueAxisTitle: "Число школ",
      legendVisible: false,
      trendlines: [],
    });
    expect(chart.categoryAxisTitle).toMatch(/^Критерий: К1/);
    // The counts on the sheet add up to the schools the list marks «ШНОР».
    const data = cells(model, "ШНОР", chart.source);
    expect(data[0]).toEqual(["Критерий ШНОР", "Школ"]);
    expect(data.map((row) => row[0])).toEqual([
      "Критерий ШНОР",
      "только К1",
      "только К2",
      "К1 и К2",
    ]);
    const list = outputs[0]!.layout;
    const flagged = list.body.filter((row) => row[3] === "ШНОР").length;
    expect(flagged).toBeGreaterThan(0);
    expect(data.slice(1).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(flagged);
    // Right of the table, clear of it, where the engine placed it.
    const spec = list.charts![0]!;
    expect(chart.source).toEqual(spec.data);
    expect(chart.source.column).toBeGreaterThan(list.header.length);
    // At the from cell (its top and left as the fake lays out the heights and widths set) plus the
    // offsets, at the anchor's size; hidden rows' data plotted too.
    const { from } = spec.anchor;
    const laidOut = model.sheet("ШНОР");
    let top = from.rowOffset;
    for (let row = 0; row < from.row; row++) top += laidOut.rowHeights.get(row) ?? 15;
    let left = from.columnOffset;
    for (let column = 0; column < from.column; column++)
      left += laidOut.columnWidths.get(column) ?? 48;
    expect(chart.position).toBeUndefined();
    expect(chart).toMatchObject({
      top,
      left,
      width: spec.anchor.width,
      height: spec.anchor.height,
      plotVisibleOnly: false,
    });
    expect(sheet.formatAt(chart.source.row, chart.source.column, "font.bold")).toBe(true);
    // The block is not part of the Excel table.
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0]!.rect.columns).toBe(list.header.length);
  });

  it("adds the ИСБШ scatter over the table's own two columns, with a linear trendline", async () => {
    const model = workbookWith(30);
    await identify(model, {}, false, true);
    const sheet = model.sheet("Результаты и контекст");
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart).toMatchObject({
      type: "XYScatter",
      seriesBy: "Columns",
      title: "Результаты и социальный контекст школ",
      valueAxisTitle: "Индекс результатов",
      legendVisible: true,
      trendlines: [{ series: 0, type: "Linear", name: "Ожидаемый индекс" }],
    });
    expect(chart.categoryAxisTitle).toMatch(/^ИСБШ/);
    const data = cells(model, "Результаты и контекст", chart.source);
    expect(data[0]).toEqual(["ИСБШ", "Индекс результатов"]);
    expect(data).toHaveLength(31);
    expect(data.slice(1).every((row) => row.every((value) => typeof value === "number"))).toBe(
      true
    );
  });

  it("fits the scatter's axes to the data and draws the schools below as a red series", async () => {
    const model = workbookWith(30);
    const { outputs } = await identify(model, {}, false, true);
    const spec = outputs.find((output) => output.layout.name === "Результаты и контекст")!.layout
      .charts![0]!;
    const chart = model.sheet("Результаты и контекст").charts[0]!;
    // Without ExcelApi 1.8 (outside Office here) the axis keeps the cells' number format.
    expect(chart.axes.category).toEqual({
      minimum: spec.xAxisScale!.min,
      maximum: spec.xAxisScale!.max,
      tickLabelPosition: "Low",
    });
    expect(chart.axes.value).toEqual({
      minimum: spec.yAxisScale!.min,
      maximum: spec.yAxisScale!.max,
      tickLabelPosition: "Low",
    });
    expect(chart.axes.value.minimum).toBeGreaterThan(0);
    const marked = spec.marked!;
    expect(chart.addedSeries).toEqual([
      {
        name: "Ниже ожидаемых",
        xValues: marked.x,
        values: marked.y,
        markerStyle: "Circle",
        markerSize: 7,
        markerBackgroundColor: "#C00000",
        markerForegroundColor: "#C00000",
        labels: [],
      },
    ]);
    // The series' cells hold the schools the table marks «да».
    const block = cells(model, "Результаты и контекст", {
      ...marked.y,
      column: marked.y.column - 2,
    });
    const table = outputs.find((output) => output.layout.name === "Результаты и контекст")!.layout;
    const below = table.header.indexOf("Ниже ожидаемых");
    expect(block.flat()).toEqual(
      table.body.filter((row) => row[below] === "да").map((row) => row[0])
    );
  });

  it("with ExcelApi 1.8, also formats the axis numbers and names the points", async () => {
    const asked: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => {
            asked.push(`${name} ${version}`);
            return name === "ExcelApi" && version === "1.8";
          },
        },
      },
    };
    try {
      // Twelve schools: few enough below the line to name each.
      const model = workbookWith(12);
      const { outputs } = await identify(model, {}, false, true);
      const spec = outputs.find((output) => output.layout.name === "Результаты и контекст")!.layout
        .charts![0]!;
      const chart = model.sheet("Результаты и контекст").charts[0]!;
      expect(asked).toContain("ExcelApi 1.8");
      expect(chart.axes.value.numberFormat).toBe('0.0;"\u2212"0.0');
      const labels = spec.marked!.labels!;
      expect(labels.length).toBeGreaterThan(0);
      expect(chart.addedSeries[0]!.labels).toEqual(
        labels.map((text, point) => ({ point, text, position: "Right" }))
      );
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("adds the dynamics line chart over a year × procedure block", async () => {
    const model = workbookWith(30);
    await identify(model, {}, false, true);
    const sheet = model.sheet("Сводка показателей");
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart).toMatchObject({
      type: "LineMarkers",
      seriesBy: "Columns",
      title: "Динамика доли низких результатов по муниципалитету",
      categoryAxisTitle: "Учебный год",
      legendVisible: true,
      legendPosition: "Bottom",
      trendlines: [],
    });
    const data = cells(model, "Сводка показателей", chart.source);
    expect(data[0]).toEqual(["Год", ...PROCEDURES]);
    // Years oldest first, kept as text (not turned into numbers or dates).
    expect(data.slice(1).map((row) => row[0])).toEqual([...YEARS].reverse());
    // ВПР МА 5 in the older year: the mean of the schools' values (no participant counts).
    const values = exportRows(30)
      .slice(1)
      .map((row) => row[3 + PROCEDURES.length])
      .filter((value): value is number => typeof value === "number");
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(data[1]![1]).toBeCloseTo(mean, 10);
  });

  it("gives the same charts when run again, not a second copy", async () => {
    const model = workbookWith(12);
    await identify(model, {}, false, true);
    const before = model.sheets.map((sheet) => [sheet.name, sheet.charts]);
    await identify(model, {}, false, true);
    expect(model.sheets.map((sheet) => [sheet.name, sheet.charts])).toEqual(before);
  });
});

/** «Выявить ШНОР» with the status column, as the pane runs it: one read, the engine, one write. */
async function identifyWithColumn(model: FakeWorkbook, options: FakeOptions = {}, web = false) {
  const excel = fakeExcel(model, options);
  const host = createExcelHost({ budget: web ? WEB_BUDGET : UNLIMITED, run: excel.run });
  const data = await host.read(model.sheets.map((sheet) => sheet.name));
  const grid = data.sheets.find((sheet) => sheet.name === SOURCE)!.grid!;
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table);
  if (isEngineError(result)) throw new Error(result.message);
  const column = statusColumn(table, result)!;
  const outputs = identificationLayouts(result, table).map((layout) => ({ layout }));
  const report = await host.write(outputs, data, undefined, column);
  return { report, stats: excel.stats, column, result, grid };
}

/** One column of a sheet, rows [0, rows). */
function columnValues(model: FakeWorkbook, sheet: string, column: number, rows: number) {
  return model
    .sheet(sheet)
    .values({ row: 0, column, rows, columns: 1 })
    .map((row) => row[0]);
}

describe("the engine's geometry (rowHeights, links, opensHere, printSetup)", () => {
  let markers = 0;
  const layout = (name: string, extra: Partial<SheetLayout> = {}): SheetLayout => ({
    name,
    marker: `school-radar:test${(markers += 1)}`,
    preamble: ["Заголовок", "Длинное пояснение ".repeat(20)],
    header: ["Ячейка", "Обоснование"],
    body: [
      ["D2", "короткое"],
      ["D3", "очень длинное обоснование, которое не помещается в одну строку столбца ".repeat(3)],
      ["D4", "короткое"],
    ],
    columns: [{ width: 10 }, { width: 20, wrap: true }],
    ...extra,
  });
  async function write(layouts: SheetLayout[]) {
    const model = new FakeWorkbook(["Лист1"]);
    const excel = fakeExcel(model);
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    const data = await host.read(["Лист1"]);
    await host.write(
      layouts.map((item) => ({ layout: item })),
      data
    );
    return { model, stats: excel.stats };
  }

  it("sets the wrapped rows' heights, merges the preamble lines and links the cells", async () => {
    const list = layout("Список", {
      links: { column: 0, targets: ["'Лист1'!D2", null, "'Лист1'!D4"] },
    });
    const { model, stats } = await write([list]);
    const sheet = model.sheet("Список");
    expect(stats.syncs).toBe(2);
    expect([...sheet.rowHeights].sort(([a], [b]) => a - b)).toEqual(
      [...rowHeights(list)].sort(([a], [b]) => a - b)
    );
    expect(sheet.rowHeights.get(5)).toBeGreaterThan(15); // the long reason's row
    expect(sheet.rowHeights.has(4)).toBe(false);
    expect(sheet.merges).toEqual([
      { row: 0, column: 0, rows: 1, columns: 2 },
      { row: 1, column: 0, rows: 1, columns: 2 },
    ]);
    expect(sheet.formatAt(1, 0, "wrapText")).toBe(true);
    expect([...sheet.hyperlinks]).toEqual([
      ["4,0", { documentReference: "'Лист1'!D2", textToDisplay: "D2" }],
      ["6,0", { documentReference: "'Лист1'!D4", textToDisplay: "D4" }],
    ]);
    expect(sheet.cell(4, 0)!.value).toBe("D2");
  });

  it("activates the sheet the layouts open at, not the first", async () => {
    const { model } = await write([layout("Первый"), layout("Второй", { opensHere: true })]);
    expect(model.activeSheetId).toBe(model.sheet("Второй").id);
    expect(model.sheet("Второй").visibility).toBe("Visible");
  });

  it("skips the page setup without ExcelApi 1.9, with no error", async () => {
    const { model } = await write([layout("Список")]);
    expect(model.sheet("Список").pageLayout).toBeNull();
  });

  it("applies the page setup with ExcelApi 1.9", async () => {
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: (name: string) => name === "ExcelApi" } },
    };
    try {
      const list = layout("Список");
      const { model } = await write([list]);
      const setup = printSetup(list);
      expect(model.sheet("Список").pageLayout).toEqual({
        orientation: "Portrait",
        paperSize: "A4",
        printGridlines: true,
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        margins: {
          left: setup.margins.left * 72,
          right: setup.margins.right * 72,
          top: setup.margins.top * 72,
          bottom: setup.margins.bottom * 72,
          header: setup.margins.header * 72,
          footer: setup.margins.footer * 72,
        },
        centerFooter: "&A — стр. &P из &N",
        printArea: "A1:B7",
        printTitleRows: "$4:$4",
      });
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

describe("the status column beside the source table", () => {
  // Three identity columns and 3 procedures × 2 years: A…I; the column beside is J.
  const BESIDE = 3 + PROCEDURES.length * YEARS.length;

  it("writes each school's status into the empty column right of the table, and marks it", async () => {
    const model = workbookWith(12);
    const { report, stats, result } = await identifyWithColumn(model);
    expect(stats.syncs).toBe(2);
    const values = columnValues(model, SOURCE, BESIDE, 14);
    expect(values[0]).toBe(STATUS_COLUMN_HEADER);
    // Each school row says what the ШНОР list says of that school.
    const sheet = model.sheet(SOURCE);
    const statusByLogin = new Map(
      result.schools.map((school) => [school.login, statusCell(school)])
    );
    for (let row = 1; row <= 12; row += 1) {
      expect(values[row]).toBe(statusByLogin.get(String(sheet.cell(row, 2)!.value)));
    }
    expect(values.slice(1, 13).filter((value) => String(value).startsWith("ШНОР")).length).toBe(
      result.schools.filter((school) => school.status === "shnor").length
    );
    expect(values[13]).toBe("");
    expect(sheet.formatAt(0, BESIDE, "font.bold")).toBe(true);
    // Nothing else on the source sheet changed: the table is as it was.
    expect(model.sheet(SOURCE).values({ row: 0, column: 0, rows: 13, columns: BESIDE })).toEqual(
      exportRows(12).map((row) => row.map((value) => value ?? ""))
    );
    const marks = model.names.filter((name) => name.name.startsWith("SchoolRadarColumn"));
    expect(marks.map((name) => [name.name, model.nameFormula(name)])).toEqual([
      ["SchoolRadarColumn_status", `='${SOURCE}'!$J$1:$J$13`],
    ]);
    expect(report.statusColumn).toEqual({ sheet: SOURCE, column: "J", occupied: null });
    // Not a mark of an output sheet: the source sheet is not taken for one of ours.
    const data = await createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run }).scan();
    expect(data.sheets.find((item) => item.name === SOURCE)!.outputMark).toBeNull();
  });

  it("writes elsewhere, and says so, when the cells beside the table hold the user's data", async () => {
    const model = workbookWith(12);
    const sheet = model.sheet(SOURCE);
    sheet.setCell(4, BESIDE, { value: "позвонить директору" });
    sheet.setCell(0, BESIDE + 2, { value: "Комментарий" });
    const before = model.valuesOf(SOURCE);
    const { report } = await identifyWithColumn(model);
    // The first column right of everything the user has: L is used, so M.
    expect(report.statusColumn).toEqual({ sheet: SOURCE, column: "M", occupied: "J" });
    const after = model.valuesOf(SOURCE);
    // The user's cells are untouched; only column M is new.
    expect(after.map((row) => row.slice(0, BESIDE + 3))).toEqual(
      before.map((row) => row.slice(0, BESIDE + 3))
    );
    expect(columnValues(model, SOURCE, BESIDE + 3, 13)[0]).toBe(STATUS_COLUMN_HEADER);
    expect(
      columnValues(model, SOURCE, BESIDE + 3, 13)
        .slice(1)
        .every((value) => value !== "")
    ).toBe(true);
  });

  it("says so in the task pane's words", () => {
    const messages = messagesFor("ru-RU");
    expect(messages.statusColumn({ sheet: SOURCE, column: "M", occupied: "J" })).toBe(
      `Столбец J рядом с таблицей на листе «${SOURCE}» занят вашими данными — статусы ШНОР записаны в свободный столбец M того же листа.`
    );
  });

  it("replaces its own column when run again: the same workbook, never a second copy", async () => {
    const model = workbookWith(9);
    await identifyWithColumn(model);
    const before = snapshot(model);
    const again = await identifyWithColumn(model);
    expect(again.report.statusColumn).toEqual({ sheet: SOURCE, column: "J", occupied: null });
    expect(snapshot(model)).toEqual(before);
    // The engine read the table without our column on the re-run.
    expect(again.grid.values[0]![BESIDE] ?? null).toBeNull();
  });

  it("replaces its column written elsewhere in the same place, not one further", async () => {
    const model = workbookWith(9);
    model.sheet(SOURCE).setCell(3, BESIDE, { value: "заметка" });
    const first = await identifyWithColumn(model);
    expect(first.report.statusColumn!.column).toBe("K");
    const before = snapshot(model);
    const again = await identifyWithColumn(model);
    expect(again.report.statusColumn).toEqual(first.report.statusColumn);
    expect(snapshot(model)).toEqual(before);
  });

  it("follows the data: new statuses in place, and back beside the table once that is free", async () => {
    const model = workbookWith(9);
    model.sheet(SOURCE).setCell(3, BESIDE, { value: "заметка" });
    await identifyWithColumn(model);
    // The user clears the note and a school's result changes to two low results.
    model.sheet(SOURCE).setCell(3, BESIDE, { value: "" });
    model.sheet(SOURCE).setCell(2, 3, { value: 45 });
    model.sheet(SOURCE).setCell(2, 4, { value: 45 });
    const again = await identifyWithColumn(model);
    expect(again.report.statusColumn).toEqual({ sheet: SOURCE, column: "J", occupied: null });
    expect(columnValues(model, SOURCE, BESIDE, 10)[2]).toMatch(/^ШНОР \(К1/);
    // The earlier column K is emptied, and one mark is left, on J.
    expect(columnValues(model, SOURCE, BESIDE + 1, 10).every((value) => value === "")).toBe(true);
    expect(model.sheet(SOURCE).formatAt(0, BESIDE + 1, "font.bold")).toBe(false);
    expect(model.sheet(SOURCE).formatAt(0, BESIDE, "font.bold")).toBe(true);
    const marks = model.names.filter((name) => name.name.startsWith("SchoolRadarColumn"));
    expect(marks.map((name) => model.nameFormula(name))).toEqual([`='${SOURCE}'!$J$1:$J$10`]);
  });

  it("keeps the headerless regional export readable after its status column is written", async () => {
    const model = new FakeWorkbook([SOURCE]);
    const seed = seed002Appendix1();
    seed.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) model.sheet(SOURCE).setCell(r, c, { value });
      })
    );
    const first = await identifyWithColumn(model);
    expect(first.report.statusColumn).toEqual({ sheet: SOURCE, column: "AJ", occupied: null });
    expect(
      columnValues(model, SOURCE, 35, 15).every((value) => String(value).startsWith("ШНОР"))
    ).toBe(true);
    const before = snapshot(model);
    const again = await identifyWithColumn(model);
    expect(again.result.schools).toHaveLength(15);
    expect(snapshot(model)).toEqual(before);
  });

  it("uses the same number of syncs for 100 and 50,000 schools, column included", async () => {
    const small = await identifyWithColumn(workbookWith(100));
    const largeModel = workbookWith(50_000);
    const large = await identifyWithColumn(largeModel);
    expect(small.stats.syncs).toBe(2);
    expect(large.stats.syncs).toBe(small.stats.syncs);
    expect(
      columnValues(largeModel, SOURCE, BESIDE, 50_001).filter((value) => value !== "")
    ).toHaveLength(50_001);
  }, 60_000);

  it("on Excel on the web keeps the last request, with the column, under 5 MB", async () => {
    const model = workbookWith(50_000);
    const large = await identifyWithColumn(model, { payloadLimit: WEB_REQUEST_LIMIT }, true);
    expect(large.stats.largestRequest).toBeLessThanOrEqual(WEB_REQUEST_LIMIT);
    expect(large.report.statusColumn!.column).toBe("J");
  }, 120_000);
});

describe("never touching the user's sheets", () => {
  it("writes beside a sheet of the user with the same name and leaves it as it was", async () => {
    const model = workbookWith(6, ["Пояснения", "ШНОР"]);
    model.sheet("ШНОР").setCell(0, 0, { value: "мои заметки" });
    const { report } = await identify(model);
    expect(report.sheets[0]).toEqual({
      marker: "school-radar:shnor",
      requestedName: "ШНОР",
      name: "ШНОР (2)",
    });
    expect(model.valuesOf("ШНОР")).toEqual([["мои заметки"]]);
    expect(model.nameFormula(model.names[0]!)).toBe("='ШНОР (2)'!$A$1");
  });

  it("gives the same workbook when run again: replaced, not copied", async () => {
    const model = workbookWith(9);
    await identify(model);
    const before = snapshot(model);
    const again = await identify(model);
    expect(again.report.replacedSheets).toEqual(OUTPUT_SHEETS);
    expect(snapshot(model)).toEqual(before);
  });

  it("replaces its own sheet even after the user renamed it, and keeps the user's new sheet", async () => {
    const model = workbookWith(9);
    await identify(model);
    model.renameSheet(model.sheet("ШНОР"), "ШНОР старый");
    model.addSheet("ШНОР").setCell(0, 0, { value: "моё" });
    const again = await identify(model);
    expect(again.report.replacedSheets).toContain("ШНОР старый");
    expect(model.sheetByName("ШНОР старый")).toBeUndefined();
    expect(model.valuesOf("ШНОР")).toEqual([["моё"]]);
    expect(again.report.sheets[0]!.name).toBe("ШНОР (2)");
  });

  it("leaves no half-written output visible when the write fails midway", async () => {
    const model = workbookWith(9);
    await identify(model);
    const before = snapshot(model);
    const failure = await identify(model, {
      failWhen: (label) => label === "tables.add",
    }).catch((error: unknown) => error);
    expect(isHostError(failure)).toBe(true);
    expect(snapshot(model)).toEqual(before);
  });

  it("removes what an earlier failed write left hidden before writing", async () => {
    const model = workbookWith(9);
    // The write fails and so does its clean-up: hidden pending sheets stay behind.
    await identify(model, {
      failWhen: (label) => label === "tables.add" || label === "namedItem.delete",
    }).catch(() => undefined);
    expect(model.sheets.some((sheet) => sheet.visibility === "Hidden")).toBe(true);
    await identify(model);
    expect(model.sheets.map((sheet) => sheet.name)).toEqual([
      SOURCE,
      "Пояснения",
      ...OUTPUT_SHEETS,
    ]);
    expect(model.names.map((name) => name.name)).toEqual([
      "SchoolRadar_shnor",
      "SchoolRadar_method",
      "SchoolRadar_warnings",
    ]);
  });

  it("writes a hidden output (the stored settings) and keeps it hidden", async () => {
    const model = workbookWith(3);
    const excel = fakeExcel(model);
    const host = createExcelHost({ budget: UNLIMITED, run: excel.run });
    const data: WorkbookData = await host.read([SOURCE]);
    const layout: SheetLayout = {
      name: "Школьный радар — настройки",
      marker: "school-radar:settings",
      preamble: [],
      header: ["Параметр", "Значение"],
      body: [["threshold", 30]],
      columns: [{ width: 20 }, { width: 20 }],
    };
    await host.write([{ layout, hidden: true }], data);
    expect(model.sheet("Школьный радар — настройки").visibility).toBe("Hidden");
    expect(model.activeSheetId).toBe(model.sheet(SOURCE).id);
  });
});

describe("showing a cell", () => {
  it("activates the sheet and selects the cell a warning names", async () => {
    const model = workbookWith(3);
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run });
    await host.selectCell!("'Пояснения'!B7");
    expect(model.activeSheetId).toBe(model.sheet("Пояснения").id);
    expect(model.selection).toEqual({ sheet: "Пояснения", address: "B7" });
  });
});

/** Sheets (name, visibility, values, tables, rules) and names, as a user would compare them. */
function snapshot(model: FakeWorkbook) {
  return {
    sheets: model.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      values: model.valuesOf(sheet.name),
      tables: sheet.tables.map((table) => table.rect),
      rules: sheet.conditionalFormats.map((rule) => [rule.formula, rule.fill]),
      frozen: sheet.frozenRows,
    })),
    names: model.names.map((name) => [name.name, model.nameFormula(name)]),
  };
}

describe("templates, thresholds and heat maps", () => {
  const template: SheetLayout = {
    name: "Социальный паспорт",
    marker: "school-radar:template_social_passport",
    preamble: ["Социальный паспорт школ", "Одна строка — одна школа."],
    header: ["Логин ОО", "Всего обучающихся", "Из неполных семей", "Доля, %"],
    body: [["sch100001", null, null, null]],
    columns: [
      { width: 12 },
      { width: 12, validation: { type: "whole", min: 0, message: "Целое число" } },
      {
        width: 12,
        validation: { type: "whole", min: 0, notAboveColumn: 1, message: "Не больше всего" },
      },
      { width: 12, validation: { type: "decimal", min: 0, max: 100, message: "0–100" } },
    ],
    userData: true,
    inputRows: 200,
  };
  const matrix: SheetLayout = {
    name: "Матрица рисков",
    marker: "school-radar:risk_matrix",
    preamble: [],
    header: ["ОО", "Ф1", "Ф2"],
    body: [
      ["Школа 1", 1, 0],
      ["Школа 2", 0, 0],
    ],
    columns: [{ width: 20 }, { width: 6, heat: true }, { width: 6, heat: true }],
  };

  async function write(model: FakeWorkbook, layouts: SheetLayout[]) {
    const host = createExcelHost({ budget: UNLIMITED, run: fakeExcel(model).run });
    const data = await host.read([SOURCE]);
    return host.write(
      layouts.map((layout) => ({ layout })),
      data
    );
  }

  it("validates the cells to fill in, down to the template's spare rows", async () => {
    const model = workbookWith(2);
    await write(model, [template]);
    const sheet = model.sheet("Социальный паспорт");
    expect(sheet.tables[0]!.rect).toEqual({ row: 3, column: 0, rows: 201, columns: 4 });
    expect(sheet.validations.map((validation) => [validation.rect, validation.rule])).toEqual([
      [
        { row: 4, column: 1, rows: 200, columns: 1 },
        { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
      ],
      [
        { row: 4, column: 2, rows: 200, columns: 1 },
        { custom: { formula: "=AND(ISNUMBER(C5),C5=INT(C5),C5>=0,OR(ISBLANK($B5),C5<=$B5))" } },
      ],
      [
        { row: 4, column: 3, rows: 200, columns: 1 },
        { decimal: { operator: "Between", formula1: 0, formula2: 100 } },
      ],
    ]);
    expect(sheet.validations[1]!.errorAlert).toMatchObject({ message: "Не больше всего" });
    expect(model.names.map((name) => name.name)).toEqual([
      "SchoolRadarData_template_social_passport",
    ]);
  });

  it("keeps a template the user has filled in when run again", async () => {
    const model = workbookWith(2);
    await write(model, [template]);
    model.sheet("Социальный паспорт").setCell(4, 1, { value: 640 });
    const report = await write(model, [template]);
    expect(report.sheets).toEqual([]);
    expect(report.keptSheets).toEqual([
      { marker: template.marker, requestedName: "Социальный паспорт", name: "Социальный паспорт" },
    ]);
    expect(model.sheet("Социальный паспорт").cell(4, 1)!.value).toBe(640);
  });

  it("writes the template again when the user deleted it", async () => {
    const model = workbookWith(2);
    await write(model, [template]);
    model.deleteSheet(model.sheet("Социальный паспорт"));
    const report = await write(model, [template]);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual(["Социальный паспорт"]);
    expect(model.names.map((name) => model.nameFormula(name))).toEqual([
      "='Социальный паспорт'!$A$1",
    ]);
  });

  it("writes the risk matrix's notes and the capped «Факторы → школы» lists as the engine made them", async () => {
    // 1,200 schools with 3 teacher vacancies: factor 2's list is cut by the engine at a cell's 253
    // line feeds, below Excel's 32,767 characters (Excel refuses longer text); the note holds «>».
    const vacancies = ALL_RISK_PARAMETERS.filter((parameter) => parameter.code.startsWith("Ф2."));
    const questionnaire = readRiskQuestionnaire({
      sheetName: "Анкета",
      values: [
        ["Логин ОО", "Наименование ОО", ...vacancies.map(parameterHeader)],
        ...Array.from({ length: 1200 }, (_, index) => [
          `sch${100000 + index}`,
          `МБОУ «Школа № ${String(index + 1).padStart(4, "0")}», с. Луговое`,
          3,
          0,
          0,
        ]),
      ],
    });
    if (isEngineError(questionnaire)) throw new Error(questionnaire.message);
    const assessment = assessRiskFactors(questionnaire, undefined, new Set(["sch100000"]));
    const layouts = [riskMatrixLayout(assessment, "Анкета"), riskListLayout(assessment)];
    const model = workbookWith(2);
    await write(model, layouts);
    for (const layout of layouts) {
      // Preamble, a blank row, the header: the body starts below them (rows from 0).
      const written = model.valuesOf(layout.name).slice(layout.preamble.length + 2);
      expect(written.map((row) => row.slice(0, layout.header.length))).toEqual(
        layout.body.map((row) => row.map((value) => value ?? ""))
      );
      for (const row of written)
        for (const value of row)
          expect(String(value).length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
    }
    expect(model.valuesOf("Матрица рисков")[layouts[0]!.preamble.length + 2]!.at(-1)).toBe(
      "ШНОР; фактор риска 2 «Дефицит педагогических кадров» (Ф2.1 вакансии педагогов: 3 > 0)"
    );
  });

  it("colours heat-map columns white to red from 0 to their highest value", async () => {
    const model = workbookWith(2);
    await write(model, [matrix]);
    const scales = model
      .sheet("Матрица рисков")
      .conditionalFormats.filter((format) => format.type === "ColorScale");
    expect(scales.map((scale) => [scale.rect, scale.criteria])).toEqual([
      [
        { row: 1, column: 1, rows: 2, columns: 1 },
        {
          minimum: { type: "Number", formula: "0", color: "#FFFFFF" },
          maximum: { type: "Number", formula: "1", color: "#F8696B" },
        },
      ],
      [
        { row: 1, column: 2, rows: 2, columns: 1 },
        {
          minimum: { type: "Number", formula: "0", color: "#FFFFFF" },
          maximum: { type: "Number", formula: "1", color: "#F8696B" },
        },
      ],
    ]);
  });
});
