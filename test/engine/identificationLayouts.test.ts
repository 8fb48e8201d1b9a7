import {
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

  it("lists every school in table order with its status, criteria, counts and reason", () => {
    expect(list.marker).toBe(OUTPUT_MARKERS.shnor);
    expect(list.header).toEqual([
      "Муниципалитет",
      "ОО",
      "Логин",
      "Статус",
      "Критерии",
      "Низких результатов 2019",
      "Низких результатов 2018",
      "Обоснование",
    ]);
    expect(list.body.map((row) => row.slice(1, 7))).toEqual([
      ["МБОУ «СОШ № 1»", "sch100001", "ШНОР", "К1", 2, 0],
      ["МБОУ «СОШ № 2»", "sch100002", "не ШНОР", "", 0, 0],
      ["МБОУ «ООШ № 3»", "sch100003", "недостаточно данных", "", 0, 0],
    ]);
    expect(list.rowTone).toEqual(["alert", "ok", "unknown"]);
    expect(list.columns).toHaveLength(list.header.length);
  });

  it("keeps the method and its source next to the list (docs/method.md §7)", () => {
    expect(list.preamble.join("\n")).toContain("редакция 2020 г.");
    expect(list.preamble.join("\n")).toContain("не предназначены для оценки работы педагогов");
    expect(method.body).toContainEqual(["Процедуры в таблице без учёта методикой", "ВПР МА 7"]);
  });

  it("lists the cells that could not be read", () => {
    expect(warnings.body).toEqual([["'Лист1'!F4", expect.stringContaining("найдено «abc»")]]);
  });
});
