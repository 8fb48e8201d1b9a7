/**
 * The pane's «Сверка со списком» and «Аналитическая справка» (docs/method.md §9, §10): each writes
 * its sheet through the engine's analysis; the list is the sheet the user chose, else one recognised
 * by its header.
 */
import { reconcileAction, reportAction } from "../../src/taskpane/reportActions";
import type { ActionOutcome } from "../../src/taskpane/actions";
import type { WorkbookData } from "../../src/host/workbookHost";
import { DEFAULT_SETTINGS } from "../../src/taskpane/settings";
import { isEngineError, type EngineError, type SheetGrid } from "../../src/engine";
import { flatExportGrid } from "../fixtures/grids";

function workbook(...grids: SheetGrid[]): WorkbookData {
  return {
    activeSheet: grids[0]!.sheetName,
    sheets: grids.map((grid) => ({ name: grid.sheetName, visible: true, outputMark: null, grid })),
  };
}

function outcome(result: ActionOutcome | EngineError): ActionOutcome {
  if (isEngineError(result)) throw new Error(result.message);
  return result;
}

const COLUMNS = ["ВПР МА 5 2019", "ВПР РУ 5 2019", "ВПР МА 5 2018", "ВПР РУ 5 2018"];
const TABLE = {
  ...flatExportGrid(COLUMNS, [
    {
      login: "sch1",
      name: "МБОУ «СОШ № 1»",
      failing: { "ВПР МА 5 2019": 40, "ВПР РУ 5 2019": 35 },
    },
    { login: "sch2", name: "МБОУ «СОШ № 2»", failing: { "ВПР МА 5 2019": 10, "ВПР РУ 5 2019": 5 } },
  ]),
  sheetName: "Результаты",
};
/** A list with a column the pane would not take for a list by itself: chosen by the user. */
const CONTACTS: SheetGrid = {
  sheetName: "Список с контактами",
  values: [
    ["Наименование ОО", "Директор"],
    ["Средняя школа № 1", "Иванова И. И."],
    ["МБОУ «СОШ № 2»", "Петров П. П."],
  ],
};

describe("«Сверка со списком» in the pane", () => {
  it("reads the sheet the user chose as the list, and groups the schools", () => {
    const result = outcome(
      reconcileAction(workbook(TABLE, CONTACTS), {
        ...DEFAULT_SETTINGS,
        officialSheet: "Список с контактами",
      })
    );
    expect(result.layouts.map((layout) => layout.name)).toEqual([
      "Сверка со списком",
      "Предупреждения",
    ]);
    expect(result.view.headline).toEqual({
      kind: "schools",
      group: "Совпадают со списком",
      count: 1,
      of: 2,
    });
    expect(result.view.rows.map((row) => [row.title, row.status, row.detail])).toEqual([
      [
        "Средняя школа № 1",
        "uncertain",
        "МБОУ «СОШ № 1» · sch1 · по наименованию, записанному иначе — проверьте",
      ],
      ["МБОУ «СОШ № 2»", "onlyOfficial", "sch2 · по наименованию"],
    ]);
    expect(result.view.rows[1]!.reason).toMatch(
      /^по нашим данным критерии не выполнены: 2019 — низких результатов нет/
    );
    expect(result.view.statuses.map((status) => [status.label, status.count])).toEqual([
      ["совпадает", 0],
      ["проверьте", 1],
      ["только у нас", 0],
      ["только в списке", 1],
      ["неоднозначно", 0],
    ]);
  });

  it("says what to do when the workbook has no list it can take", () => {
    expect(reconcileAction(workbook(TABLE, CONTACTS), DEFAULT_SETTINGS)).toEqual({
      kind: "error",
      code: "no_data",
      message:
        "в книге нет списка школ для сверки: добавьте лист, где есть только логин и/или наименование ОО, " +
        "или выберите лист в поле «Официальный список ШНОР»",
    });
  });
});

describe("«Аналитическая справка» in the pane", () => {
  it("writes the sheet and shows the справка section by section", () => {
    const result = outcome(reportAction(workbook(TABLE), DEFAULT_SETTINGS));
    expect(result.layouts.map((layout) => layout.name)).toEqual([
      "Аналитическая справка",
      "Предупреждения",
    ]);
    expect(result.view.headline).toEqual({ kind: "schools", group: "ШНОР", count: 1, of: 2 });
    expect(result.view.rows.map((row) => row.title)).toEqual([
      "Аналитическая справка",
      "1. Методика",
      "2. Показатели",
      "3. Школы с низкими образовательными результатами (ШНОР)",
    ]);
    expect(result.view.rows[3]!.reason).toContain("1. МБОУ «СОШ №\u00a01» — критерий 1: 2019 — ");
  });
});
