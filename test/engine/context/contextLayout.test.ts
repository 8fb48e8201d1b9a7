import {
  axisBounds,
  contextAdjustedResults,
  contextLayout,
  isEngineError,
  MAX_LABELLED_POINTS,
  readExportTable,
  resultsIndex,
  type CellRange,
  type CellValue,
  type ContextAdjustedResult,
  type SheetLayout,
} from "../../../src/engine";
import { flatExportGrid } from "../../fixtures/grids";

/** The cells of a range of the sheet as the host lays it out: the table and the blocks. */
function cellsOf(layout: SheetLayout, range: CellRange): CellValue[][] {
  const header = layout.preamble.length + 1;
  const at = (row: number, column: number): CellValue => {
    for (const block of layout.blocks ?? []) {
      const value = block.values[row - block.row]?.[column - block.column];
      if (value !== undefined) return value;
    }
    if (row === header) return layout.header[column] ?? null;
    return layout.body[row - header - 1]?.[column] ?? null;
  };
  return Array.from({ length: range.rows }, (_, r) =>
    Array.from({ length: range.columns }, (_, c) => at(range.row + r, range.column + c))
  );
}

/**
 * Twelve schools on ИСБШ 60–90 with the engine's results index (standard scores of the % «2» of one
 * procedure, about −2…+2): fewer «2» as ИСБШ rises, and «Школа 3» and «Школа 8» far worse than their
 * neighbours.
 */
const SCHOOLS = [
  [60, 40],
  [63, 33],
  [66, 35],
  [68, 48],
  [71, 25],
  [74, 24],
  [77, 18],
  [80, 15],
  [82, 37],
  [85, 8],
  [88, 6],
  [90, 2],
].map(([isbsh, failing], school) => ({
  login: `sch30000${school}`,
  name: `Школа ${school}`,
  isbsh: isbsh!,
  failing: failing!,
}));

function context(schools: typeof SCHOOLS): ContextAdjustedResult {
  const table = readExportTable(
    flatExportGrid(
      ["ВПР МА 5 2025"],
      schools.map((school) => ({
        login: school.login,
        name: school.name,
        failing: { "ВПР МА 5 2025": school.failing },
      }))
    )
  );
  if (isEngineError(table)) throw new Error(table.message);
  const index = resultsIndex(table, 2025);
  const points = schools.map((school, at) => ({
    login: school.login,
    name: school.name,
    isbsh: school.isbsh,
    resultsIndex: index.values[at]!,
  }));
  return contextAdjustedResults(points, "Лист1", 1, index);
}

describe("«Результаты и контекст»: the chart fits the data and marks the schools below the line", () => {
  const result = context(SCHOOLS);
  const below = result.schools.filter((school) => school.below);
  const layout = contextLayout(result);
  const chart = layout.charts![0]!;

  it("finds the two schools far below the line", () => {
    expect(below.map((school) => school.name).sort()).toEqual(["Школа 3", "Школа 8"]);
    expect(layout.preamble[1]).toBe("Всего 12 школ, из них ниже ожидаемых — 2");
  });

  it("spans the axes over the plotted values with a margin, not from 0 or to 100", () => {
    const indexes = result.schools.map((school) => school.resultsIndex);
    const expected = result.schools.map((school) => school.expected);
    // About −1.7 … +1.6 and the line's values: half steps around them, not −4…3 or 0…100.
    expect(chart.yAxisScale).toEqual({ min: -2, max: 2, numberFormat: '0.0;"\u2212"0.0' });
    expect(chart.yAxisScale!.min).toBeLessThan(Math.min(...indexes, ...expected));
    expect(chart.yAxisScale!.max).toBeGreaterThan(Math.max(...indexes, ...expected));
    expect(chart.xAxisScale).toEqual({ min: 55, max: 95 });
  });

  it("draws the schools below as a red series of their own, named, from a block beside the table", () => {
    expect(chart.legend).toBe(true);
    expect(chart.trendlineName).toBe("Ожидаемый индекс");
    const marked = chart.marked!;
    expect(marked).toMatchObject({ name: "Ниже ожидаемых", colour: "C00000" });
    // The block holds the names, ИСБШ and index of exactly the schools below, in the table's order.
    const block = layout.blocks![0]!;
    expect(block.values[0]).toEqual(["Ниже ожидаемых", "ИСБШ", "Индекс результатов"]);
    const rows = block.values.slice(1);
    // In the table's order: the farthest below first.
    expect(rows.map((row) => row[0])).toEqual(["Школа 8", "Школа 3"]);
    expect(cellsOf(layout, marked.x).flat()).toEqual(rows.map((row) => row[1]));
    expect(cellsOf(layout, marked.y).flat()).toEqual(rows.map((row) => row[2]));
    expect(marked.labels).toEqual(["Школа 8", "Школа 3"]);
    // The table's own columns still give every school's point.
    expect(cellsOf(layout, chart.data)[0]).toEqual(["ИСБШ", "Индекс результатов"]);
  });

  it("shows negative scores with the minus sign, in the table as in the block", () => {
    const format = '0.00;"\u2212"0.00';
    const columns = ["Индекс результатов", "Ожидаемый", "Отклонение"].map(
      (name) => layout.columns[layout.header.indexOf(name)]!.numberFormat
    );
    expect(columns).toEqual([format, format, format]);
    expect(layout.blocks![0]!.columns[2]!.numberFormat).toBe(format);
  });

  it("marks many schools by colour alone: their names would cover each other", () => {
    const many = Array.from({ length: 200 }, (_, school) => ({
      login: `sch4${String(school).padStart(5, "0")}`,
      name: `Школа ${school}`,
      isbsh: 60 + (school % 30),
      // Every fourth school far worse than its neighbours.
      failing: 40 - (school % 30) + (school % 4 === 0 ? 20 : 0),
    }));
    const crowded = contextLayout(context(many));
    const marked = crowded.charts![0]!.marked!;
    expect(marked.x.rows).toBeGreaterThan(MAX_LABELLED_POINTS);
    expect(marked.labels).toBeUndefined();
  });

  it("has no block, no marked series and no legend when no school is below", () => {
    const onLine = SCHOOLS.map((school) => ({ ...school, failing: 100 - school.isbsh }));
    const flat = contextLayout(context(onLine));
    expect(flat.blocks).toBeUndefined();
    expect(flat.charts![0]).toMatchObject({ legend: false });
    expect(flat.charts![0]!.marked).toBeUndefined();
    expect(flat.preamble[1]).toBe("Всего 12 школ, из них ниже ожидаемых — 0");
  });
});

describe("axis bounds", () => {
  it.each([
    ["standard scores", [-3.1, 0, 1.9], { min: -3.5, max: 2.5 }],
    ["ИСБШ", [62, 75, 90], { min: 60, max: 95 }],
    ["a share in per cent", [12.5, 48], { min: 10, max: 50 }],
    ["one value", [7, 7], { min: 6, max: 8 }],
    ["hundredths", [0.12, 0.31], { min: 0.1, max: 0.32 }],
  ])("fits %s", (_, values, bounds) => {
    expect(axisBounds(values)).toEqual(bounds);
  });

  it("is null without a finite value", () => {
    expect(axisBounds([NaN, Infinity])).toBeNull();
    expect(axisBounds([])).toBeNull();
  });
});
