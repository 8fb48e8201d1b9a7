/**
 * The export table reader reads a host's packed cells (the .xlsx reader's `cells` accessor) column by
 * column through `plainNumberColumns`, and a plain grid of arrays through `values`: whatever the
 * cells, both must give the same table — the same values, the same warnings in the same order.
 */
import fc from "fast-check";
import {
  readExportTable,
  type CellValue,
  type GridCells,
  type SheetGrid,
} from "../../../src/engine";
import { PackedCells } from "../../../src/xlsx/focused/packedCells";
import {
  anyCell,
  anyGrid,
  gridOf,
  propertyParameters,
  tableLikeGrid,
  tableSpec,
} from "../../robustness/arbitraries";

/** Which of the packed accessor's optional methods a host offers. */
type Offer = "columns" | "cells" | "values only";

/**
 * The grid as the .xlsx reader hands it over: its cells stored in a `PackedCells`, each number format
 * a style index, and the accessor made as `SheetCells.grid()` makes it.
 */
function packedGrid(grid: SheetGrid, offer: Offer): SheetGrid {
  const formats: (string | null)[] = [null];
  const styleOf = (format: string | null | undefined): number => {
    if (format === null || format === undefined) return 0;
    const known = formats.indexOf(format);
    return known > 0 ? known : formats.push(format) - 1;
  };
  const packed = new PackedCells();
  grid.values.forEach((row, r) =>
    row.forEach((value, c) =>
      packed.set(r, c, value ?? null, styleOf(grid.numberFormats?.[r]?.[c]))
    )
  );
  const formatted = formats.map((format) => format !== null);
  let columnCount = 0;
  for (let row = 0; row < packed.rowCount; row++)
    columnCount = Math.max(columnCount, packed.width(row));
  const cells: GridCells = {
    rowCount: packed.rowCount,
    columnCount,
    value: (row, column) => packed.value(row, column),
    rowLength: (row) => packed.width(row),
    numberFormat: (row, column) => formats[packed.style(row, column)] ?? null,
  };
  if (offer !== "values only")
    cells.plainNumber = (row, column) => packed.plainNumber(row, column, formatted);
  if (offer === "columns")
    cells.plainNumberColumns = (rows, columns, into, other) =>
      packed.plainNumberColumns(rows, columns, formatted, into, other);
  return { ...grid, cells };
}

/** The table read from the arrays, and from packed cells whichever accessor methods the host offers. */
function expectSameTable(grid: SheetGrid): void {
  const plain = readExportTable(grid);
  for (const offer of ["columns", "cells", "values only"] as const)
    expect(readExportTable(packedGrid(grid, offer))).toEqual(plain);
}

/** Number formats for every cell of a grid: mostly none, some percent, some other. */
function withFormats(grid: SheetGrid): fc.Arbitrary<SheetGrid> {
  const format = fc.oneof(
    { weight: 6, arbitrary: fc.constant<string | null>(null) },
    { weight: 1, arbitrary: fc.constantFrom<string | null>("0%", "0.0%", "0.0", "@", "General") }
  );
  return fc
    .tuple(
      ...grid.values.map((row) =>
        fc.array(format, { minLength: row.length, maxLength: row.length })
      )
    )
    .map((numberFormats) => ({ ...grid, numberFormats }));
}

/** A well-formed table with some result cells replaced by anything a sheet can hold. */
const spoiledTable: fc.Arbitrary<SheetGrid> = fc
  .tuple(tableSpec, fc.array(fc.tuple(fc.nat(), fc.nat(), anyCell), { maxLength: 12 }))
  .map(([spec, spoils]) => {
    const grid = gridOf(spec);
    const values = grid.values.map((row) => [...row]);
    for (const [r, c, value] of spoils) {
      if (values.length < 2) break;
      const row = values[1 + (r % (values.length - 1))];
      row[c % row.length] = value;
    }
    return { ...grid, values };
  })
  .chain(withFormats);

describe("packed cells read column by column give the table the arrays give", () => {
  it("well-formed tables with text, «-», formats, out-of-range numbers, fractions in their cells", () => {
    fc.assert(fc.property(spoiledTable, expectSameTable), propertyParameters(300));
  });

  it("table-like grids with formats", () => {
    fc.assert(
      fc.property(tableLikeGrid.chain(withFormats), expectSameTable),
      propertyParameters(300)
    );
  });

  it("any grid", () => {
    fc.assert(fc.property(anyGrid, expectSameTable), propertyParameters(300));
  });

  it("every kind of cell that is not a plain number, with its warning in row order", () => {
    const header = [
      "Логин ОО",
      "ВПР МА 5 2019 % «2»",
      "ВПР МА 5 2019 % высоких",
      "ВПР МА 5 2019 число участников",
    ];
    const cells: CellValue[][] = [
      [40, 12, 25],
      ["40%", -1, 2.5],
      [150, "н/д", "-"],
      [0.4, true, null],
      ["#DIV/0!", 0.5, NaN],
      [NaN, 101, -3],
    ];
    const values: CellValue[][] = [header, ...cells.map((row, i) => [`sch10000${i}`, ...row])];
    const numberFormats = values.map((row, r) =>
      row.map((_, c) => (r === 4 && c === 1 ? "0%" : null))
    );
    const grid: SheetGrid = { sheetName: "Выгрузка", values, numberFormats };
    expectSameTable(grid);
    const table = readExportTable(packedGrid(grid, "columns"));
    if ("kind" in table) throw new Error(table.message);
    // One warning per unreadable cell, column by column, each column's in row order: C3 and C7
    // (out of range) are read apart from C5 (a boolean), and still come in row order.
    expect(table.warnings.map((warning) => warning.cell.split("!")[1])).toEqual([
      "B4",
      "B6",
      "B7",
      "C3",
      "C5",
      "C7",
      "D3",
      "D6",
      "D7",
    ]);
  });
});

/** Each cell's plainNumber in `into`, and `other` told exactly the cells with a value but NaN there. */
function expectColumnsAsCells(
  packed: PackedCells,
  rows: number[],
  columns: number[],
  formatted: boolean[]
): void {
  const into = columns.map(() => new Float64Array(rows.length).fill(12345));
  const told = new Map<string, CellValue>();
  packed.plainNumberColumns(rows, columns, formatted, into, (i, c, value) =>
    told.set(`${i},${c}`, value)
  );
  const expected = new Map<string, CellValue>();
  let differences = 0;
  rows.forEach((row, i) =>
    columns.forEach((column, c) => {
      const plain = packed.plainNumber(row, column, formatted);
      if (!Object.is(into[c][i], plain)) differences++;
      const value = packed.value(row, column);
      if (value !== null && Number.isNaN(plain)) expected.set(`${i},${c}`, value);
    })
  );
  expect(differences).toBe(0);
  expect(told).toEqual(expected);
}

describe("PackedCells.plainNumberColumns", () => {
  it("a national-shaped sheet: rows alike across blocks and slabs, some with text, styles or fewer cells", () => {
    const packed = new PackedCells();
    const width = 40;
    for (let row = 0; row < 700; row++) {
      // Mostly plain rows alike; every 50th row styled, every 60th short, every 5th with a text cell.
      const cells = row % 60 === 3 ? 25 : width;
      for (let column = 0; column < cells; column++) {
        const value = row % 5 === 0 && column === row % width ? "-" : (row * width + column) / 10;
        packed.set(row, column, value, row % 50 === 0 && column % 3 === 0 ? 1 : 0);
      }
    }
    const rows = Array.from({ length: 699 }, (_, i) => i + 1);
    const columns = [39, 0, 5, 5, 24, 30, 12];
    expectColumnsAsCells(packed, rows, columns, [false, true]);
    expectColumnsAsCells(packed, rows, columns, [false, false]);
    expectColumnsAsCells(packed, [...rows].reverse(), [3, 24], [false, true]);
  });

  it("gives each cell's plainNumber, and tells every cell with a value but no plain number", () => {
    fc.assert(
      fc.property(
        anyGrid.chain(withFormats),
        fc.array(fc.nat(16), { maxLength: 20 }),
        (grid, picked) => {
          const formats = ["", "0%", "0.0%", "0.0", "@", "General"];
          const packed = new PackedCells();
          grid.values.forEach((row, r) =>
            row.forEach((value, c) => {
              const format = grid.numberFormats?.[r]?.[c];
              packed.set(r, c, value ?? null, format == null ? 0 : formats.indexOf(format));
            })
          );
          const formatted = formats.map((format, style) => style > 0 && format !== "");
          const rows = Array.from({ length: packed.rowCount + 2 }, (_, row) => row).reverse();
          expectColumnsAsCells(packed, rows, picked, formatted);
        }
      ),
      propertyParameters(300)
    );
  });
});
