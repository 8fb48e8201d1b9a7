/**
 * The pane's «ШНОР по годам» and «Профиль школ» (docs/method.md §8): each writes its sheet through
 * the engine's analysis, shows the schools with the same statuses, and is offered only when the
 * workbook has the data.
 */
import { PANE_ACTIONS } from "../../src/taskpane/actionList";
import { historyAction, profileAction } from "../../src/taskpane/monitoringActions";
import { summaryAction, type ActionOutcome } from "../../src/taskpane/actions";
import type { WorkbookData } from "../../src/host/workbookHost";
import { DEFAULT_SETTINGS } from "../../src/taskpane/settings";
import type { SheetSummary } from "../../src/taskpane/sources";
import { isEngineError, type SheetGrid, type SheetKind } from "../../src/engine";
import { flatExportGrid, PASSPORT_HEADER } from "../fixtures/grids";

function workbook(...grids: SheetGrid[]): WorkbookData {
  return {
    activeSheet: grids[0]!.sheetName,
    sheets: grids.map((grid) => ({ name: grid.sheetName, visible: true, outputMark: null, grid })),
  };
}

/*
 * Three years of ВПР МА 5 and РУ 5. sch1: 2019 40/35 → К1 in 2019, not ШНОР in 2018 (entered);
 * sch2: 2018 40/35 → ШНОР in 2018, nothing low in 2019 (left); sch3: all 10 (never).
 */
const COLUMNS = ["2017", "2018", "2019"].flatMap((year) => [
  `ВПР МА 5 ${year}`,
  `ВПР РУ 5 ${year}`,
]);
const values = (rows: Record<string, number[]>) =>
  Object.entries(rows).map(([login, shares]) => ({
    login,
    name: `Школа ${login}`,
    failing: Object.fromEntries(COLUMNS.map((column, index) => [column, shares[index]!])),
  }));
const TABLE = {
  ...flatExportGrid(
    COLUMNS,
    values({
      sch1: [10, 10, 10, 10, 40, 35],
      sch2: [10, 10, 40, 35, 10, 10],
      sch3: [10, 10, 10, 10, 10, 10],
    })
  ),
  sheetName: "Результаты",
};

function outcome(result: ReturnType<typeof historyAction>): ActionOutcome {
  if (isEngineError(result)) throw new Error(result.message);
  return result;
}

describe("«ШНОР по годам» in the pane", () => {
  it("writes the sheet and counts the schools by change, ШНОР first", () => {
    const result = outcome(historyAction(workbook(TABLE), DEFAULT_SETTINGS));
    expect(result.layouts.map((layout) => layout.name)).toEqual([
      "ШНОР по годам",
      "Предупреждения",
    ]);
    expect(result.view.headline).toEqual({ kind: "schools", group: "ШНОР", count: 1, of: 3 });
    expect(result.view.statuses.map(({ status, count }) => [status, count])).toEqual([
      ["entered", 1],
      ["stayed", 0],
      ["left", 1],
      ["never", 1],
      ["unknown", 0],
    ]);
    expect(result.view.rows.map((row) => [row.detail, row.status, row.reason])).toEqual([
      ["sch1", "entered", "вошла в ШНОР (2018: не ШНОР · 2019: ШНОР)"],
      ["sch2", "left", "вышла из ШНОР (2018: ШНОР · 2019: не ШНОР)"],
      ["sch3", "never", "не входила в ШНОР (2018: не ШНОР · 2019: не ШНОР)"],
    ]);
  });

  it("says why when the table has no two years in a row", () => {
    const oneYear = flatExportGrid(
      ["ВПР МА 5 2019"],
      [{ login: "sch1", failing: { "ВПР МА 5 2019": 40 } }]
    );
    const result = historyAction(workbook(oneYear), DEFAULT_SETTINGS);
    expect(result).toEqual({
      kind: "error",
      code: "no_data",
      message: "ШНОР по годам: нужны результаты хотя бы двух лет подряд; в таблице — только 2019",
    });
  });
});

describe("«Профиль школ» in the pane", () => {
  // ИСБШ = 85 + 15 × d_higher: sch1 85, sch2 86,5, sch3 88; four schools more at 91 and above. The
  // lower quartile: PERCENTILE.INC at (7 − 1) × 0,25 = 1,5, between the 2nd and 3rd lowest —
  // 86,5 + 0,5 × (88 − 86,5) = 87,25: sch1 and sch2 are ШНСУ.
  const passport: SheetGrid = {
    sheetName: "Паспорт",
    values: [
      PASSPORT_HEADER,
      ...[
        ["sch1", 0],
        ["sch2", 10],
        ["sch3", 20],
        ["sch4", 40],
        ["sch5", 50],
        ["sch6", 60],
        ["sch7", 70],
      ].map(([login, higher]) => [login, `Школа ${login}`, 100, higher!, 0, 0]),
    ],
  };

  it("writes the sheet and lists the schools by category, in order of need", () => {
    const result = outcome(profileAction(workbook(TABLE, passport), DEFAULT_SETTINGS));
    expect(result.layouts.map((layout) => layout.name)).toEqual(["Профиль школ", "Предупреждения"]);
    // sch1: ШНОР and ШНСУ (1); sch2: ШНСУ only (4); sch3 and the passport's other schools: none (8).
    expect(result.view.rows.map((row) => [row.title, row.status])).toEqual([
      ["Школа sch1", "shnor_and_shnsu"],
      ["Школа sch2", "shnsu"],
      ...["sch3", "sch4", "sch5", "sch6", "sch7"].map((login) => [`Школа ${login}`, "none"]),
    ]);
    expect(result.view.rows[0]!.reason).toBe("ШНОР (К1) · вошла в ШНОР · ИСБШ 85,00 — ШНСУ");
    expect(result.view.headline).toEqual({
      kind: "schools",
      group: "В группах поддержки",
      count: 2,
      of: 7,
    });
  });

  it("needs two of the three sources", () => {
    expect(profileAction(workbook(TABLE), DEFAULT_SETTINGS)).toMatchObject({ kind: "error" });
  });
});

describe("the programmes' indicators in the pane's summary", () => {
  it("shows the latest positive ГИА dynamics, gap and % высоких against their targets", () => {
    // ОГЭ МА 2018 → 2019: s1 20 → 10 (improved), s2 10 → 10, s3 30 → 40, s4 0 → 0: 1 of 4, 25 %;
    // no pair of years before it, so not yet «рост» or not. The gap: a quarter is one school,
    // 2018: 30 − 0 = 30, 2019: 40 − 0 = 40, widened → «вне цели».
    const grid = flatExportGrid(
      ["ОГЭ МА 2018", "ОГЭ МА 2019"],
      [
        ["s1", 20, 10],
        ["s2", 10, 10],
        ["s3", 30, 40],
        ["s4", 0, 0],
      ].map(([login, before, after]) => ({
        login: String(login),
        failing: { "ОГЭ МА 2018": before!, "ОГЭ МА 2019": after! },
      }))
    );
    const result = outcome(summaryAction(workbook(grid), DEFAULT_SETTINGS));
    const row = (key: string) => result.view.rows.find((item) => item.key === key)!;
    expect(row("gia-dynamics:МА")).toMatchObject({
      title: "Положительная динамика ГИА по математике, 2018 → 2019",
      reason: "25\u00a0% школ (1 из 4); цель — рост доли",
      tone: "unknown",
    });
    expect(row("gap:0")).toMatchObject({
      title: "Разрыв между школами: ОГЭ МА, 2019",
      reason: "40\u00a0п.\u00a0п.; в 2018 — 30\u00a0п.\u00a0п.; цель — сокращение",
      tone: "alert",
    });
  });
});

describe("the buttons", () => {
  const action = (id: string) => PANE_ACTIONS.find((item) => item.id === id)!;
  const exportSource = (years: string[]): SheetSummary => ({
    kind: "export",
    schools: 3,
    procedures: 2,
    years: years.length,
    yearLabels: years,
    yearsNamed: true,
    warnings: 0,
  });
  const kinds = (...list: SheetKind[]) => new Set<SheetKind>(list);

  it.each([
    [["2019"], false],
    [["2018", "2019"], true],
  ])("«ШНОР по годам» with years %j: %s", (years, ready) => {
    expect(
      action("history").ready!({ kinds: kinds("export-table"), source: exportSource(years) })
    ).toBe(ready);
  });

  it.each<[SheetKind[], boolean]>([
    [["export-table"], false],
    [["social-passport"], false],
    [["export-table", "social-passport"], true],
    [["social-passport", "risk-questionnaire"], true],
    [["export-table", "staffing"], false],
  ])("«Профиль школ» with %j: %s", (list, ready) => {
    expect(action("profile").ready!({ kinds: kinds(...list), source: null })).toBe(ready);
  });
});
