import { identifyAction } from "../../src/taskpane/actions";
import { plural } from "../../src/taskpane/messages";
import { messagesFor } from "../../src/taskpane/messagesEn";
import { recogniseSheets } from "../../src/taskpane/recognition";
import { defaultSource } from "../../src/taskpane/sources";
import {
  DEFAULT_SETTINGS,
  settingsFromGrid,
  settingsLayout,
  type PaneSettings,
} from "../../src/taskpane/settings";
import { flatExportGrid } from "../fixtures/grids";

describe("settings stored in the workbook", () => {
  it("read back what was written, whatever the preamble above the table", () => {
    const settings: PaneSettings = {
      sourceSheet: "Результаты ОО",
      edition: "2025",
      threshold: "27,5",
      minParticipants: "5",
      referenceYear: "2023/2024",
      quantile: "0.2",
      schoolsTotal: "46",
      tableYears: "2018, 2019",
      targets: "шнор=12; гиа=4",
      officialSheet: "Список ШНОР региона",
    };
    const layout = settingsLayout(settings);
    const values = [...layout.preamble.map((line) => [line]), [], layout.header, ...layout.body];
    expect(settingsFromGrid({ sheetName: layout.name, values })).toEqual(settings);
  });

  it("store the municipality's schools and the table's years under their Russian names", () => {
    const layout = settingsLayout({ ...DEFAULT_SETTINGS, schoolsTotal: "46", tableYears: "2019" });
    expect(layout.body).toContainEqual(["schoolsTotal", "Всего школ в муниципалитете", "46"]);
    expect(layout.body).toContainEqual([
      "tableYears",
      "Годы таблицы (если не указаны в заголовках)",
      "2019",
    ]);
  });

  it("read a number typed into the cell of the schools' total, and an emptied cell as «not given»", () => {
    const values = [
      ["schoolsTotal", "Всего школ в муниципалитете", 46],
      ["tableYears", "Годы таблицы", null],
    ];
    expect(settingsFromGrid({ sheetName: "x", values })).toEqual({
      schoolsTotal: "46",
      tableYears: "",
    });
  });

  it("ignore unknown keys and editions, and numbers typed into the cells", () => {
    const values = [
      ["edition", "Редакция правил", "2030"],
      ["threshold", "Порог", 25],
      ["colour", "Цвет", "синий"],
      ["sourceSheet", "Лист", null],
    ];
    expect(settingsFromGrid({ sheetName: "x", values })).toEqual({
      threshold: "25",
      sourceSheet: null,
    });
  });
});

describe("choosing the source sheet", () => {
  const table = flatExportGrid(["ВПР МА 5 2024"], [{ login: "sch100001", failing: {} }]);
  const bigger = flatExportGrid(
    ["ВПР МА 5 2024"],
    [
      { login: "sch100001", failing: {} },
      { login: "sch100002", failing: {} },
    ]
  );
  const data = {
    activeSheet: "Заметки",
    sheets: [
      {
        name: "Заметки",
        visible: true,
        outputMark: null,
        grid: { sheetName: "Заметки", values: [["текст"]] },
      },
      { name: "Малая", visible: true, outputMark: null, grid: { ...table, sheetName: "Малая" } },
      {
        name: "Большая",
        visible: true,
        outputMark: null,
        grid: { ...bigger, sheetName: "Большая" },
      },
      { name: "ШНОР", visible: true, outputMark: "SchoolRadar_shnor", grid: null },
    ],
  };

  it.each([
    ["the stored sheet while it exists", "Малая", "Малая"],
    ["the sheet with the most schools otherwise", "Удалённая", "Большая"],
    ["the sheet with the most schools when nothing is stored", null, "Большая"],
  ])("is %s", (_, stored, expected) => {
    expect(defaultSource(recogniseSheets(data), stored, data.activeSheet)).toBe(expected);
  });

  it("never offers the add-in's own sheets", () => {
    expect(recogniseSheets(data).map((candidate) => candidate.name)).toEqual([
      "Заметки",
      "Малая",
      "Большая",
    ]);
  });

  it("says why the identification cannot run on a sheet without a table", () => {
    const outcome = identifyAction(data, { ...DEFAULT_SETTINGS, sourceSheet: "Заметки" });
    expect(outcome).toMatchObject({ kind: "error" });
  });
});

describe("the pane's words", () => {
  it.each([
    [1, "1 школа"],
    [3, "3 школы"],
    [5, "5 школ"],
    [11, "11 школ"],
    [21, "21 школа"],
    [104, "104 школы"],
    [112, "112 школ"],
  ])("count %i as «%s»", (count, expected) => {
    expect(plural(count, "школа", "школы", "школ")).toBe(expected);
  });

  it.each([
    ["en-US", "en"],
    ["en", "en"],
    ["ru-RU", "ru"],
    ["de-DE", "ru"],
    [undefined, "ru"],
  ])("for display language %s are in %s", (language, expected) => {
    expect(messagesFor(language).language).toBe(expected);
  });
});
