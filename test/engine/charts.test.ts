/*
 * The charts of the output sheets as plain data: what each plots (the table's own columns or a block
 * beside it), with which numbers, and where on the sheet it goes — the same for every host.
 */
import {
  blockRange,
  CHART_COLUMNS,
  chartSeries,
  headerRowHeight,
  contextAdjustedResults,
  contextLayout,
  identificationLayouts,
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  summarizeIndicators,
  summaryLayout,
  tableHeaderRow,
  type CellRange,
  type ChartSpec,
  type ExportTable,
  type IdentificationResult,
  type SheetLayout,
} from "../../src/engine";
import { flatExportGrid, type SchoolSpec } from "../fixtures/grids";

const COLUMNS = [
  "ВПР МА 5 2018",
  "ВПР РУ 5 2018",
  "ВПР МА 5 2019",
  "ВПР РУ 5 2019",
  "КДР ЧГ 4 2019",
];

/** К1 only (two low in 2019), К2 only (one low each year), both, neither, no data. */
const SCHOOLS: SchoolSpec[] = [
  {
    login: "sch100001",
    failing: { "ВПР МА 5 2019": 40, "ВПР РУ 5 2019": 35, "ВПР МА 5 2018": 10, "ВПР РУ 5 2018": 5 },
  },
  {
    login: "sch100002",
    failing: { "ВПР МА 5 2019": 31, "ВПР РУ 5 2019": 5, "ВПР МА 5 2018": 5, "ВПР РУ 5 2018": 30 },
  },
  {
    login: "sch100003",
    failing: { "ВПР МА 5 2019": 50, "ВПР РУ 5 2019": 45, "ВПР МА 5 2018": 33, "ВПР РУ 5 2018": 5 },
  },
  {
    login: "sch100004",
    failing: { "ВПР МА 5 2019": 31, "ВПР РУ 5 2019": 20, "ВПР МА 5 2018": 12, "ВПР РУ 5 2018": 8 },
  },
  {
    login: "sch100005",
    failing: { "ВПР МА 5 2019": 10, "ВПР РУ 5 2019": 12, "ВПР МА 5 2018": 14, "ВПР РУ 5 2018": 6 },
  },
  { login: "sch100006", failing: {} },
];

function analysed(schools: SchoolSpec[], columns = COLUMNS) {
  const table = readExportTable(flatExportGrid(columns, schools)) as ExportTable;
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table) as IdentificationResult;
  if (isEngineError(result)) throw new Error(result.message);
  return { table, result };
}

function cellsOf(layout: SheetLayout, range: CellRange): unknown[][] {
  // The sheet as every host lays it out: preamble in column A, a blank line, the table, the blocks.
  const sheet: unknown[][] = [];
  const put = (row: number, column: number, value: unknown) => {
    (sheet[row] ??= [])[column] = value;
  };
  layout.preamble.forEach((line, row) => put(row, 0, line));
  const headerRow = tableHeaderRow(layout);
  layout.header.forEach((text, column) => put(headerRow, column, text));
  layout.body.forEach((row, index) =>
    row.forEach((value, column) => put(headerRow + 1 + index, column, value))
  );
  layout.blocks?.forEach((block) =>
    block.values.forEach((row, r) =>
      row.forEach((value, c) => put(block.row + r, block.column + c, value))
    )
  );
  return Array.from({ length: range.rows }, (_, r) =>
    Array.from(
      { length: range.columns },
      (_, c) => sheet[range.row + r]?.[range.column + c] ?? null
    )
  );
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/** The cells a chart covers: its corner's cell too when the corner lies inside it. */
function anchorRange(chart: ChartSpec): CellRange {
  const { from, to } = chart.anchor;
  return {
    row: from.row,
    column: from.column,
    rows: to.row - from.row + (to.rowOffset > 0 ? 1 : 0),
    columns: to.column - from.column + (to.columnOffset > 0 ? 1 : 0),
  };
}

function tableRange(layout: SheetLayout): CellRange {
  return {
    row: tableHeaderRow(layout),
    column: 0,
    rows: 1 + layout.body.length,
    columns: layout.header.length,
  };
}

/** Nothing on the sheet sits under the chart: not the preamble's first cells, the table or a block. */
function expectClearOfContent(layout: SheetLayout, chart: ChartSpec) {
  const area = anchorRange(chart);
  expect(area.rows).toBeGreaterThan(5);
  expect(area.columns).toBeGreaterThan(3);
  expect(overlaps(area, tableRange(layout))).toBe(false);
  layout.blocks?.forEach((block) => expect(overlaps(area, blockRange(block))).toBe(false));
  expect(area.row).toBeGreaterThanOrEqual(layout.preamble.length);
}

describe("chart series from a data range", () => {
  it("takes names from the first row, categories or X from the first column, a series per further column", () => {
    const chart: ChartSpec = {
      kind: "line",
      title: "",
      xAxisTitle: "",
      yAxisTitle: "",
      legend: true,
      data: { row: 4, column: 7, rows: 4, columns: 3 },
      anchor: {
        from: { row: 0, column: 0, rowOffset: 0, columnOffset: 0 },
        to: { row: 1, column: 1, rowOffset: 0, columnOffset: 0 },
        width: 48,
        height: 15,
      },
    };
    expect(chartSeries(chart)).toEqual([
      {
        name: { row: 4, column: 8 },
        categories: { row: 5, column: 7, rows: 3, columns: 1 },
        values: { row: 5, column: 8, rows: 3, columns: 1 },
      },
      {
        name: { row: 4, column: 9 },
        categories: { row: 5, column: 7, rows: 3, columns: 1 },
        values: { row: 5, column: 9, rows: 3, columns: 1 },
      },
    ]);
  });
});

describe("«ШНОР по критериям»", () => {
  const { table, result } = analysed(SCHOOLS);
  const list = identificationLayouts(result, table)[0]!;

  it("counts each ШНОР once: only К1, only К2, both — adding up to the number of ШНОР", () => {
    const flagged = result.schools.filter((school) => school.status === "shnor");
    const byCriteria = (criteria: string) =>
      flagged.filter((school) => school.criteria.join(",") === criteria).length;
    const chart = list.charts![0]!;
    expect(chart.kind).toBe("column");
    const cells = cellsOf(list, chart.data);
    expect(cells).toEqual([
      ["Критерий ШНОР", "Школ"],
      ["только К1", byCriteria("1")],
      ["только К2", byCriteria("2")],
      ["К1 и К2", byCriteria("1,2")],
    ]);
    // The fixture has one school of each kind.
    expect(cells.slice(1).map((row) => row[1])).toEqual([1, 1, 1]);
    expect(chart.title).toBe("ШНОР по критериям");
    expect(chart.yAxisTitle).toBe("Число школ");
    expect(chart.xAxisTitle).toContain("2019");
    expect(chart.legend).toBe(false);
    expect(chart.trendline).toBeUndefined();
  });

  it("puts the chart one column right of the table below its header, and the block below the table's rows, right of the chart", () => {
    const block = list.blocks![0]!;
    const chart = list.charts![0]!;
    // Anchored in the header row, which no filter hides, at its bottom edge.
    expect(chart.anchor.from).toEqual({
      row: tableHeaderRow(list),
      column: list.header.length + 1,
      rowOffset: headerRowHeight(list),
      columnOffset: 0,
    });
    expect(chart.anchor.to.column).toBe(list.header.length + 1 + CHART_COLUMNS);
    // A filter of the table hides rows up to its last; the block starts after a blank row below it.
    expect(block.row).toBe(tableHeaderRow(list) + list.body.length + 2);
    expect(block.column).toBe(chart.anchor.to.column + 1);
    expectClearOfContent(list, chart);
  });

  it("draws no chart for a table without schools", () => {
    const empty = { ...result, schools: [] };
    const layout = identificationLayouts(empty, table)[0]!;
    expect(layout.charts).toBeUndefined();
    expect(layout.blocks).toBeUndefined();
  });
});

describe("«Результаты и контекст»: ИСБШ against the results index", () => {
  const points = [
    [62, 70],
    [70, 74],
    [78, 80],
    [81, 85],
    [85, 83],
    [90, 92],
  ].map(([isbsh, index], school) => ({
    login: `sch20000${school}`,
    name: `Школа ${school}`,
    isbsh: isbsh!,
    resultsIndex: index!,
  }));
  const layout = contextLayout(contextAdjustedResults(points, "Лист1"));

  it("plots the table's own ИСБШ (X) and results index (Y) columns with a linear trendline", () => {
    const chart = layout.charts![0]!;
    expect(chart.kind).toBe("scatter");
    expect(chart.trendline).toBe("linear");
    // Школа 4 (index 83 at ИСБШ 85) is below the line: a series of its own, so a legend (contextLayout.test.ts).
    expect(chart.legend).toBe(true);
    const cells = cellsOf(layout, chart.data);
    expect(cells[0]).toEqual(["ИСБШ", "Индекс результатов"]);
    // Every school once, X and Y of the same school on one row (the table is sorted by residual).
    const pairs = cells.slice(1).map((row) => `${row[0]}:${row[1]}`);
    expect(pairs.sort()).toEqual(
      points.map((point) => `${point.isbsh}:${point.resultsIndex}`).sort()
    );
    expect(chart.xAxisTitle).toMatch(/ИСБШ/);
    expect(chart.yAxisTitle).toBe("Индекс результатов");
    expectClearOfContent(layout, chart);
    expect(layout.blocks).toHaveLength(1);
  });

  it("draws no chart without schools", () => {
    expect(contextLayout(contextAdjustedResults([], "Лист1")).charts).toBeUndefined();
  });
});

describe("«Сводка показателей»: dynamics of % «2»", () => {
  it("gives the municipality's % «2» per counted procedure (columns) and year (rows)", () => {
    const { table, result } = analysed(SCHOOLS);
    const summary = summarizeIndicators({ table, identification: result });
    const layout = summaryLayout(summary, table.years);
    const chart = layout.charts![0]!;
    expect(chart.kind).toBe("line");
    expect(chart.legend).toBe(true);
    const cells = cellsOf(layout, chart.data);
    // КДР is not counted by the ШНОР method: not plotted.
    expect(cells[0]).toEqual(["Год", "ВПР МА 5", "ВПР РУ 5"]);
    expect(cells.map((row) => row[0])).toEqual(["Год", "2018", "2019"]);
    // No participant counts: the mean over the schools with a value.
    const mean = (column: string) => {
      const values = SCHOOLS.map((school) => school.failing[column]).filter(
        (value): value is number => typeof value === "number"
      );
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    };
    expect(cells[1]![1]).toBeCloseTo(mean("ВПР МА 5 2018"), 10);
    expect(cells[2]![2]).toBeCloseTo(mean("ВПР РУ 5 2019"), 10);
    // Right of the chart, which stands one column right of the table.
    expect(layout.blocks![0]!.column).toBe(layout.header.length + 1 + CHART_COLUMNS + 1);
    expectClearOfContent(layout, chart);
  });

  it("leaves a gap where a procedure has no value in a year", () => {
    const columns = ["ВПР МА 5 2018", "ВПР МА 5 2019", "ВПР РУ 5 2019"];
    const { table, result } = analysed(
      [
        {
          login: "sch1",
          failing: { "ВПР МА 5 2018": 20, "ВПР МА 5 2019": 10, "ВПР РУ 5 2019": 5 },
        },
        {
          login: "sch2",
          failing: { "ВПР МА 5 2018": 30, "ВПР МА 5 2019": 40, "ВПР РУ 5 2019": 15 },
        },
      ],
      columns
    );
    const layout = summaryLayout(
      summarizeIndicators({ table, identification: result }),
      table.years
    );
    const cells = cellsOf(layout, layout.charts![0]!.data);
    expect(cells).toEqual([
      ["Год", "ВПР МА 5", "ВПР РУ 5"],
      ["2018", 25, null],
      ["2019", 25, 10],
    ]);
  });

  it("draws no dynamics with a single year", () => {
    const columns = ["ВПР МА 5 2019", "ВПР РУ 5 2019"];
    const { table, result } = analysed(
      [{ login: "sch1", failing: { "ВПР МА 5 2019": 20, "ВПР РУ 5 2019": 40 } }],
      columns
    );
    const layout = summaryLayout(
      summarizeIndicators({ table, identification: result }),
      table.years
    );
    expect(layout.charts).toBeUndefined();
    expect(layout.blocks).toBeUndefined();
  });
});
