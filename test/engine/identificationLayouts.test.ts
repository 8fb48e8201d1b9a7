import {
  cellAddress,
  columnLetters,
  identificationLayouts,
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  OUTPUT_MARKERS,
} from "../../src/engine";
import { flatExportGrid } from "../fixtures/grids";

describe("output sheets of the identification", () => {
  const table = readExportTable(
    flatExportGrid(
      ["ВПР МА 5 2019", "ВПР РУ 6 2019", "ВПР МА 5 2018", "ВПР МА 7 2019"],
      [
        {
          login: "sch100001",
          name: "МБОУ «СОШ № 1»",
          failing: { "ВПР МА 5 2019": 40, "ВПР РУ 6 2019": 30, "ВПР МА 5 2018": 1 },
        },
        {
          login: "sch100002",
          name: "МБОУ «СОШ № 2»",
          failing: { "ВПР МА 5 2019": 10, "ВПР МА 5 2018": 1 },
        },
        {
          login: "sch100003",
          name: "МБОУ «ООШ № 3»",
          failing: { "ВПР МА 5 2019": "-", "ВПР МА 5 2018": "abc" },
        },
      ]
    )
  );
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table);
  if (isEngineError(result)) throw new Error(result.message);
  const [list, method, warnings] = identificationLayouts(result, table);

  it("lists ШНОР first, then «недостаточно данных», then the rest, with status, criteria, counts and reason", () => {
    expect(list.marker).toBe(OUTPUT_MARKERS.shnor);
    expect(list.header).toEqual([
      "Муниципалитет",
      "ОО",
      "Логин",
      "Статус",
      "Критерии",
      "Низких результатов 2019",
      "Низких результатов 2018",
      "Ячейка",
      "Обоснование",
    ]);
    // A year with nothing to judge shows «—», not 0, which would read as «no low results».
    expect(list.body.map((row) => row.slice(1, 7))).toEqual([
      ["МБОУ «СОШ № 1»", "sch100001", "ШНОР", "К1", 2, 0],
      ["МБОУ «ООШ № 3»", "sch100003", "недостаточно данных", "", "—", "—"],
      ["МБОУ «СОШ № 2»", "sch100002", "не ШНОР", "", 0, 0],
    ]);
    expect(list.body.map((row) => row[8])).toEqual(
      [0, 2, 1].map((index) => result.reasonOf(index))
    );
    expect(list.rowTone).toEqual(["alert", "unknown", "ok"]);
    expect(list.columns).toHaveLength(list.header.length);
    expect(list.opensHere).toBe(true);
  });

  it("links each school to the cell its reason starts from: its first low result, else its row", () => {
    const low = result.evidenceOf(0).lowResults[0]!;
    expect(list.links?.column).toBe(7);
    // The two without low results: the login's cell (column C) of their rows, 4 and 3.
    expect(list.links?.targets).toEqual([
      cellAddress(table.sheetName, low.row, low.column),
      "'Лист1'!C4",
      "'Лист1'!C3",
    ]);
    expect(list.body.map((row) => row[7])).toEqual([
      `${columnLetters(low.column)}${low.row + 1}`,
      "C4",
      "C3",
    ]);
  });

  it("keeps the method and its source next to the list (docs/method.md §7)", () => {
    expect(list.preamble.join("\n")).toContain("редакция 2020 г.");
    expect(list.preamble.join("\n")).toContain("не предназначены для оценки работы педагогов");
    expect(method.body).toContainEqual(["Процедуры в таблице без учёта методикой", "ВПР МА 7"]);
  });

  it("lists the cells that could not be read, each a link to itself", () => {
    expect(warnings.body).toEqual([["'Лист1'!F4", expect.stringContaining("найдено «abc»")]]);
    expect(warnings.links).toEqual({ column: 0, targets: ["'Лист1'!F4"] });
  });
});
