/**
 * ШНОР by year (docs/method.md §8) on tables computed by hand: each year's status is the rule with
 * that year as the reference year, and the change is read off the last two compared years.
 */
import {
  analyzeWorkbook,
  historyLayout,
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  statusChange,
  statusHistory,
  DEFAULT_IDENTIFICATION_OPTIONS,
  type ExportTable,
  type SchoolStatus,
  type StatusChange,
  type WorkbookAnalysis,
} from "../../../src/engine";
import { jsonReport } from "../../../src/cli/jsonReport";
import { flatExportGrid, type SchoolSpec } from "../../fixtures/grids";

const COLUMNS = ["2017", "2018", "2019"].flatMap((year) => [
  `ВПР МА 5 ${year}`,
  `ВПР РУ 5 ${year}`,
]);

/** `[МА 5, РУ 5]` per year 2017, 2018, 2019; null is no result. */
function school(login: string, ...years: ([number, number] | null)[]): SchoolSpec {
  const failing: SchoolSpec["failing"] = {};
  years.forEach((pair, index) => {
    if (pair === null) return;
    failing[`ВПР МА 5 ${2017 + index}`] = pair[0];
    failing[`ВПР РУ 5 ${2017 + index}`] = pair[1];
  });
  return { login, name: `Школа ${login}`, failing };
}

/*
 * By hand, threshold 30 %, 2020 edition:
 * - sch1: 2019 МА 40, РУ 35 → К1 in 2019; 2018 nothing low → 2018 not ШНОР, 2019 ШНОР: entered.
 * - sch2: 2018 МА 40, РУ 35 → К1 in 2018; 2019 nothing low (К2 needs a low 2019) → left.
 * - sch3: МА 40 in 2017, 35 in 2018, 30 in 2019 → К2 in 2018 (2018 and 2017), К2 in 2019: stayed.
 * - sch4: all 10 → never.
 * - sch5: no 2019 results → 2019 «недостаточно данных»; 2018 not ШНОР → unknown.
 */
const SCHOOLS = [
  school("sch1", [10, 10], [10, 10], [40, 35]),
  school("sch2", [10, 10], [40, 35], [10, 10]),
  school("sch3", [40, 10], [35, 10], [30, 10]),
  school("sch4", [10, 10], [10, 10], [10, 10]),
  school("sch5", [10, 10], [10, 10], null),
];

function tableOf(columns: string[], schools: SchoolSpec[]): ExportTable {
  const table = readExportTable(flatExportGrid(columns, schools));
  if (isEngineError(table)) throw new Error(table.message);
  return table;
}

function analyse(columns: string[], schools: SchoolSpec[]): WorkbookAnalysis {
  const analysis = analyzeWorkbook([{ grid: flatExportGrid(columns, schools) }]);
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis;
}

describe("ШНОР by year", () => {
  const table = tableOf(COLUMNS, SCHOOLS);
  const main = identifyLowResultSchools(table);
  if (isEngineError(main)) throw new Error(main.message);
  const { history, warning } = statusHistory(table, DEFAULT_IDENTIFICATION_OPTIONS, main);

  it("gives each year that has a year before it the statuses of the rule with that year as the reference", () => {
    expect(warning).toBeNull();
    expect(history!.years.map((year) => year.label)).toEqual(["2018", "2019"]);
    expect(history!.statuses).toEqual([
      ["not_shnor", "shnor", "shnor", "not_shnor", "not_shnor"],
      ["shnor", "not_shnor", "shnor", "not_shnor", "insufficient_data"],
    ]);
    // The same as `--year 2018` and `--year 2019`.
    for (const [index, year] of ["2018", "2019"].entries()) {
      const run = identifyLowResultSchools(table, { referenceYear: year });
      if (isEngineError(run)) throw new Error(run.message);
      expect(history!.statuses[index]).toEqual(run.statuses);
      expect(history!.counts[index]).toEqual(run.counts);
    }
  });

  it("classifies the change between the last two years", () => {
    expect(history!.pair).toEqual({ from: 0, to: 1 });
    expect(history!.changes).toEqual(["entered", "left", "stayed", "never", "unknown"]);
    expect(history!.changeCounts).toEqual({ entered: 1, left: 1, stayed: 1, never: 1, unknown: 1 });
    expect(history!.notCompared).toEqual([]);
  });

  it.each<[SchoolStatus, SchoolStatus, StatusChange]>([
    ["not_shnor", "shnor", "entered"],
    ["shnor", "not_shnor", "left"],
    ["shnor", "shnor", "stayed"],
    ["not_shnor", "not_shnor", "never"],
    ["insufficient_data", "shnor", "unknown"],
    ["shnor", "insufficient_data", "unknown"],
    ["insufficient_data", "not_shnor", "unknown"],
    ["not_shnor", "insufficient_data", "unknown"],
    ["insufficient_data", "insufficient_data", "unknown"],
  ])("%s → %s is %s", (before, after, change) => {
    expect(statusChange(before, after)).toBe(change);
  });

  it("lays out the sheet with ШНОР of the last year first, then by years as ШНОР, then the table's order", () => {
    const layout = historyLayout(history!, table);
    expect(layout.name).toBe("ШНОР по годам");
    expect(layout.header).toEqual([
      "Муниципалитет",
      "ОО",
      "Логин",
      "2018",
      "2019",
      "Лет в ШНОР",
      "Изменение 2018 → 2019",
    ]);
    // 2019 ШНОР: sch3 (2 years), sch1 (1 year); then sch2 (1 year); then sch4, sch5 (none).
    expect(layout.body.map((row) => row.slice(2))).toEqual([
      ["sch3", "ШНОР", "ШНОР", 2, "осталась в ШНОР"],
      ["sch1", "не ШНОР", "ШНОР", 1, "вошла в ШНОР"],
      ["sch2", "ШНОР", "не ШНОР", 1, "вышла из ШНОР"],
      ["sch4", "не ШНОР", "не ШНОР", 0, "не входила в ШНОР"],
      ["sch5", "не ШНОР", "недостаточно данных", 0, "не определено"],
    ]);
    expect([...layout.rowTone!]).toEqual(["alert", "alert", "ok", "ok", "unknown"]);
    expect(layout.preamble).toContain("Число ШНОР: 2018 — 2, 2019 — 2 (из 5 школ таблицы).");
    expect(layout.preamble).toContain(
      "Вошли в ШНОР — 1 школа, вышли — 1 школа, остались — 1 школа, не входили — 1 школа, не определено — 1 школа."
    );
    // The line chart of the count by year, from a block beside the table.
    expect(layout.blocks![0]!.values).toEqual([
      ["Учебный год", "Школ ШНОР"],
      ["2018", 2],
      ["2019", 2],
    ]);
    expect(layout.charts![0]).toMatchObject({ kind: "line", title: "Число ШНОР по годам" });
  });

  it("is written by the analysis, after the ШНОР sheets, and reported in --json", () => {
    const analysis = analyse(COLUMNS, SCHOOLS);
    expect(analysis.layouts.map((layout) => layout.name).slice(0, 3)).toEqual([
      "ШНОР",
      "ШНОР — метод",
      "ШНОР по годам",
    ]);
    expect(jsonReport(analysis).history).toEqual([
      { login: "sch1", statuses: { 2018: "not_shnor", 2019: "shnor" }, change: "entered" },
      { login: "sch2", statuses: { 2018: "shnor", 2019: "not_shnor" }, change: "left" },
      { login: "sch3", statuses: { 2018: "shnor", 2019: "shnor" }, change: "stayed" },
      { login: "sch4", statuses: { 2018: "not_shnor", 2019: "not_shnor" }, change: "never" },
      {
        login: "sch5",
        statuses: { 2018: "not_shnor", 2019: "insufficient_data" },
        change: "unknown",
      },
    ]);
  });
});

describe("ШНОР by year when the table cannot give it", () => {
  const note = (analysis: WorkbookAnalysis) =>
    analysis.warnings.filter((warning) => warning.message.startsWith("ШНОР по годам"));

  it("one year: no sheet, no history, and a warning that two years in a row are needed", () => {
    const analysis = analyse(
      ["ВПР МА 5 2024/2025", "ВПР РУ 5 2024/2025"],
      [{ login: "sch1", failing: { "ВПР МА 5 2024/2025": 40, "ВПР РУ 5 2024/2025": 35 } }]
    );
    expect(analysis.history).toBeNull();
    expect(analysis.layouts.map((layout) => layout.name)).not.toContain("ШНОР по годам");
    expect(note(analysis)).toEqual([
      {
        cell: "'Лист1'",
        message:
          "ШНОР по годам: нужны результаты хотя бы двух лет подряд; в таблице — только 2024/2025",
      },
    ]);
    expect(jsonReport(analysis).history).toEqual([]);
  });

  it("two years not in a row: the same, naming the years", () => {
    const analysis = analyse(
      ["ВПР МА 5 2017", "ВПР МА 5 2019"],
      [{ login: "sch1", failing: { "ВПР МА 5 2017": 40, "ВПР МА 5 2019": 35 } }]
    );
    expect(analysis.history).toBeNull();
    expect(note(analysis).map((warning) => warning.message)).toEqual([
      "ШНОР по годам: нужны результаты хотя бы двух лет подряд; в таблице — 2017 и 2019, двух лет подряд среди них нет",
    ]);
  });

  it("two years in a row: the one year's statuses, the change undetermined and said so", () => {
    const columns = COLUMNS.filter((column) => !column.endsWith("2017"));
    const analysis = analyse(columns, SCHOOLS);
    const history = analysis.history!;
    expect(history.years.map((year) => year.label)).toEqual(["2019"]);
    expect(history.statuses[0]).toEqual(analysis.identification!.statuses);
    expect([history.pair, history.changes]).toEqual([null, null]);
    const layout = analysis.layouts.find((item) => item.name === "ШНОР по годам")!;
    expect(layout.header.at(-1)).toBe("Изменение");
    expect(layout.body.every((row) => row.at(-1) === "—")).toBe(true);
    expect(layout.preamble).toContain(
      "Изменение не определено: статус до отчётного года есть только за 2019, а для сравнения нужны два таких года — результаты трёх лет подряд."
    );
    // One point is no line.
    expect(layout.charts).toBeUndefined();
    expect(note(analysis)).toEqual([]);
  });

  it("a latest year with few procedures (2020) is shown but not compared: the change ends at the reference year", () => {
    // ЕГЭ РУ alone in 2020: 1 of the 3 counted procedures, so 2019 is the reference year (§2).
    const columns = [...COLUMNS, "ЕГЭ РУ 2017", "ЕГЭ РУ 2018", "ЕГЭ РУ 2019", "ЕГЭ РУ 2020"];
    const schools = SCHOOLS.map((spec) => ({
      ...spec,
      failing: {
        ...spec.failing,
        "ЕГЭ РУ 2017": 0,
        "ЕГЭ РУ 2018": 0,
        "ЕГЭ РУ 2019": 0,
        "ЕГЭ РУ 2020": 0,
      },
    }));
    const analysis = analyse(columns, schools);
    expect(analysis.identification!.method.referenceYear).toBe("2019");
    const history = analysis.history!;
    expect(history.years.map((year) => year.label)).toEqual(["2018", "2019", "2020"]);
    expect(history.pair).toEqual({ from: 0, to: 1 });
    expect(history.notCompared.map((year) => year.label)).toEqual(["2020"]);
    // In 2020 only ЕГЭ РУ, 0 % everywhere: no school low, each judged on one result → not ШНОР.
    expect(history.statuses[2]).toEqual(new Array(5).fill("not_shnor"));
    const layout = analysis.layouts.find((item) => item.name === "ШНОР по годам")!;
    expect(layout.header.at(-1)).toBe("Изменение 2018 → 2019");
  });
});
