/*
 * The status column beside the user's export table: which cells say what, and where the column may
 * go without writing over anything of the user's.
 */
import {
  identifyLowResultSchools,
  isEngineError,
  placeStatusColumn,
  readExportTable,
  STATUS_COLUMN_HEADER,
  statusColumn,
  statusColumnRange,
  type CellValue,
  type ExportTable,
  type IdentificationResult,
  type SheetGrid,
  type StatusColumn,
} from "../../src/engine";
import { flatExportGrid, type SchoolSpec } from "../fixtures/grids";
import { seed002Appendix1 } from "../fixtures/seeds";

const COLUMNS = ["ВПР МА 5 2018", "ВПР РУ 5 2018", "ВПР МА 5 2019", "ВПР РУ 5 2019"];
const SCHOOLS: SchoolSpec[] = [
  {
    login: "sch100001",
    failing: { "ВПР МА 5 2019": 40, "ВПР РУ 5 2019": 35, "ВПР МА 5 2018": 10, "ВПР РУ 5 2018": 5 },
  },
  {
    login: "sch100002",
    failing: { "ВПР МА 5 2019": 10, "ВПР РУ 5 2019": 12, "ВПР МА 5 2018": 14, "ВПР РУ 5 2018": 6 },
  },
  { login: "sch100003", failing: {} },
  {
    login: "sch100004",
    failing: { "ВПР МА 5 2019": 31, "ВПР РУ 5 2019": 5, "ВПР МА 5 2018": 5, "ВПР РУ 5 2018": 30 },
  },
];

function identified(grid: SheetGrid): { table: ExportTable; result: IdentificationResult } {
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table);
  if (isEngineError(result)) throw new Error(result.message);
  return { table, result };
}

function columnFor(grid: SheetGrid): StatusColumn {
  const { table, result } = identified(grid);
  const column = statusColumn(table, result);
  if (column === null) throw new Error("no column");
  return column;
}

/** The grid with a value put at a zero-based sheet cell. */
function withCell(grid: SheetGrid, row: number, column: number, value: CellValue): SheetGrid {
  const values = grid.values.map((line) => [...line]);
  const line = (values[row] ??= []);
  while (line.length <= column) line.push(null);
  line[column] = value;
  return { ...grid, values };
}

describe("the status column's cells", () => {
  const grid = flatExportGrid(COLUMNS, SCHOOLS);
  const column = columnFor(grid);

  it("has the header on the header row and each school's status on its own row", () => {
    expect(column.sheetName).toBe("Лист1");
    expect(column.top).toBe(0);
    expect(column.values).toEqual([
      STATUS_COLUMN_HEADER,
      "ШНОР (К1)",
      "не ШНОР",
      "недостаточно данных",
      "ШНОР (К2)",
    ]);
  });

  it("goes right of the table's last column", () => {
    // Three identity columns and four % «2» columns: A…G, so H.
    expect(column.besideColumn).toBe(3 + COLUMNS.length);
    expect(grid.values[0]!.length).toBe(column.besideColumn);
  });

  it("follows the sheet rows of a table away from A1, blank rows left empty", () => {
    const rows = flatExportGrid(COLUMNS, SCHOOLS).values;
    // A title and a blank line above the table, a blank row between the second and third school.
    const values = [["Выгрузка РЦОИ"], [], rows[0]!, rows[1]!, rows[2]!, [], rows[3]!, rows[4]!];
    const shifted = columnFor({ sheetName: "Лист1", values, origin: { row: 10, column: 2 } });
    expect(shifted.top).toBe(12);
    expect(shifted.besideColumn).toBe(2 + 3 + COLUMNS.length);
    expect(shifted.values).toEqual([
      STATUS_COLUMN_HEADER,
      "ШНОР (К1)",
      "не ШНОР",
      null,
      "недостаточно данных",
      "ШНОР (К2)",
    ]);
  });

  it("in the headerless regional export (seed 002), statuses from the first school row on", () => {
    const seed = seed002Appendix1();
    const seedColumn = columnFor(seed);
    expect(seedColumn.top).toBe(0);
    expect(seedColumn.values).toHaveLength(15);
    // All 15 schools of the appendix are ШНОР (docs/method.md §2); СОШ № 12 by both criteria.
    expect(seedColumn.values.every((value) => String(value).startsWith("ШНОР"))).toBe(true);
    expect(seedColumn.values[0]).toBe("ШНОР (К1, К2)");
    expect(seedColumn.besideColumn).toBe(3 + 32);
  });
});

describe("where the status column goes", () => {
  const grid = flatExportGrid(COLUMNS, SCHOOLS);
  const column = columnFor(grid);
  const beside = column.besideColumn;

  it("right of the table when those cells are empty", () => {
    expect(placeStatusColumn(column, grid, null)).toEqual({ kind: "beside", column: beside });
  });

  it("right of the table even with the user's data further down that column", () => {
    const noted = withCell(grid, 7, beside, "подпись");
    expect(placeStatusColumn(column, noted, null)).toEqual({ kind: "beside", column: beside });
  });

  it("past the user's last column when a cell beside the table holds the user's data", () => {
    const noted = withCell(withCell(grid, 2, beside, "примечание"), 0, beside + 3, "ещё");
    expect(placeStatusColumn(column, noted, null)).toEqual({
      kind: "elsewhere",
      column: beside + 4,
      occupied: beside,
    });
  });

  it("over its own column of an earlier run, beside the table or elsewhere: never a second copy", () => {
    const own = statusColumnRange(column, beside);
    const rerun = column.values.reduce<SheetGrid>(
      (sheet, value, index) => withCell(sheet, column.top + index, beside, value),
      grid
    );
    expect(placeStatusColumn(column, rerun, own)).toEqual({ kind: "beside", column: beside });
    // Written elsewhere last time (the user's note beside the table): the same place again.
    const noted = withCell(grid, 1, beside, "примечание");
    const elsewhere = placeStatusColumn(column, noted, null);
    expect(elsewhere).toEqual({ kind: "elsewhere", column: beside + 1, occupied: beside });
    const written = column.values.reduce<SheetGrid>(
      (sheet, value, index) => withCell(sheet, column.top + index, beside + 1, value),
      noted
    );
    expect(placeStatusColumn(column, written, statusColumnRange(column, beside + 1))).toEqual(
      elsewhere
    );
    // Without knowing the column as its own, it would have gone one further.
    expect(placeStatusColumn(column, written, null)).toEqual({
      kind: "elsewhere",
      column: beside + 2,
      occupied: beside,
    });
  });

  it("nowhere when the user's data reaches the sheet's last column", () => {
    const full = withCell(withCell(grid, 1, beside, "x"), 0, 16_383, "край");
    expect(placeStatusColumn(column, full, null)).toEqual({ kind: "none", occupied: beside });
  });
});
