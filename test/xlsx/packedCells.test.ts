/**
 * The packed cell store behind the focused reader: whatever order cells arrive in, the rows it gives
 * back are the rows a plain array of arrays would hold.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/engine";
import { listOnDemand } from "../../src/engine";
import { PackedCells } from "../../src/xlsx/focused/packedCells";

/** The reference: a sparse array of arrays, made dense like the reader's rows (holes → null). */
function plainRows(cells: [number, number, CellValue][]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [row, column, value] of cells) (rows[row] ??= [])[column] = value;
  return Array.from(rows, (row) => Array.from(row ?? [], (value) => value ?? null));
}

function packedRows(cells: [number, number, CellValue][]): CellValue[][] {
  const packed = new PackedCells();
  cells.forEach(([row, column, value], index) => packed.set(row, column, value, index + 1));
  return Array.from({ length: packed.rowCount }, (_, row) => packed.rowValues(row));
}

const cellValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(NaN)
);
const cell = fc.tuple(fc.nat(30), fc.nat(12), cellValue);

describe("PackedCells", () => {
  it("gives back the rows of a plain grid, cells in any order, rows revisited, values replaced", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), (cells) => {
        expect(packedRows(cells)).toEqual(plainRows(cells));
      }),
      { numRuns: 1000 }
    );
  });

  it("stores through setNumber (the plain cells' way) what set stores, styles included", () => {
    // Numbers (NaN too) written over texts and texts over numbers, rows revisited, columns past the
    // first scratch row's width.
    const column = fc.oneof(
      { arbitrary: fc.nat(5), weight: 4 },
      { arbitrary: fc.integer({ min: 250, max: 300 }), weight: 1 }
    );
    const anyCell = fc.tuple(fc.nat(3), column, cellValue, fc.nat(4));
    fc.assert(
      fc.property(fc.array(anyCell, { maxLength: 300 }), (cells) => {
        const bySet = new PackedCells();
        const byNumber = new PackedCells();
        for (const [row, column, value, style] of cells) {
          bySet.set(row, column, value, style);
          if (typeof value === "number") byNumber.setNumber(row, column, value, style);
          else byNumber.set(row, column, value, style);
        }
        const stored = (packed: PackedCells) =>
          Array.from({ length: packed.rowCount }, (_, row) => {
            const styles: number[] = [];
            packed.rowStyles(row, (style) => styles.push(style));
            return [packed.rowValues(row), styles];
          });
        expect(stored(byNumber)).toEqual(stored(bySet));
      }),
      { numRuns: 500 }
    );
  });

  it("keeps each cell's style, and shares a row's styles with the row above only when equal", () => {
    const packed = new PackedCells();
    for (let row = 0; row < 3; row++) {
      packed.set(row, 0, "sch1", 0);
      packed.set(row, 1, 12.5, 7);
    }
    packed.set(3, 1, 1, 8);
    packed.set(1, 2, 3, 9); // back to row 1: copied out of the shared styles, not written into them
    expect([0, 1, 2, 3].map((row) => [packed.style(row, 1), packed.style(row, 2)])).toEqual([
      [7, 0],
      [7, 9],
      [7, 0],
      [8, 0],
    ]);
  });

  it("adopts rows stored elsewhere (a worker thread's) as if set here, styles included", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), fc.nat(30), (cells, split) => {
        // Rows below `split` are set here, the others on a second store handed over as data.
        const here = new PackedCells();
        const there = new PackedCells();
        const style = (index: number) => (index % 3) + 1;
        cells.forEach(([row, column, value], index) =>
          (row < split ? here : there).set(row, column, value, style(index))
        );
        here.set(split + 40, 0, "after", 0); // a slab in use before the adoption
        expect(here.adopt(structuredClone(there.toData()))).toBe(true);
        here.set(split + 41, 1, 2.5, 4); // and rows set after it
        const all = [...cells, [split + 40, 0, "after"], [split + 41, 1, 2.5]] as typeof cells;
        expect(Array.from({ length: here.rowCount }, (_, row) => here.rowValues(row))).toEqual(
          plainRows(all)
        );
        const lastStyle = new Map<string, number>();
        cells.forEach(([row, column], index) => lastStyle.set(`${row}:${column}`, style(index)));
        for (const [key, expected] of lastStyle) {
          const [row, column] = key.split(":").map(Number) as [number, number];
          expect(here.style(row, column)).toBe(expected);
        }
      }),
      { numRuns: 500 }
    );
  });

  it("keeps no styles for rows whose cells all have style 0, and reads them back as 0", () => {
    const packed = new PackedCells();
    for (let row = 0; row < 5000; row++)
      for (let column = 0; column < 20; column++) packed.set(row, column, row + column / 10, 0);
    const unstyled = packed.toData();
    expect(unstyled.styleSlabs.length).toBeGreaterThan(1);
    expect(unstyled.styleSlabs.every((slab) => slab.length === 0)).toBe(true);
    expect(unstyled.styles.every((segment) => segment === undefined)).toBe(true);

    const styled = new PackedCells();
    styled.set(0, 3, 1, 0);
    styled.set(4999, 2, 1, 5);
    expect(styled.style(0, 3)).toBe(0);
    expect(styled.style(4999, 2)).toBe(5);
    expect(styled.toData().styleSlabs.filter((slab) => slab.length > 0)).toHaveLength(1);
  });

  it("reads back every cell's last style when most are 0, rows revisited and adopted", () => {
    const styleOf = fc.constantFrom(0, 0, 0, 1, 2);
    const styledCell = fc.tuple(fc.nat(30), fc.nat(12), fc.double(), styleOf);
    fc.assert(
      fc.property(fc.array(styledCell, { maxLength: 200 }), fc.nat(30), (cells, split) => {
        const here = new PackedCells();
        const there = new PackedCells();
        for (const [row, column, value, style] of cells)
          (row < split ? here : there).set(row, column, value, style);
        expect(here.adopt(structuredClone(there.toData()))).toBe(true);
        const lastStyle = new Map<string, number>();
        for (const [row, column, , style] of cells) lastStyle.set(`${row}:${column}`, style);
        for (let row = 0; row <= 31; row++)
          for (let column = 0; column <= 13; column++)
            expect(here.style(row, column)).toBe(lastStyle.get(`${row}:${column}`) ?? 0);
      }),
      { numRuns: 300 }
    );
  });

  it("refuses to adopt a row it already holds, changing nothing", () => {
    const here = new PackedCells();
    here.set(2, 0, "здесь", 0);
    const there = new PackedCells();
    there.set(1, 0, "там", 0);
    there.set(2, 1, 5, 0);
    expect(here.adopt(there.toData())).toBe(false);
    expect(here.rowCount).toBe(3);
    expect([here.rowValues(1), here.rowValues(2)]).toEqual([[], ["здесь"]]);
  });

  it("tells a NaN value from an empty cell", () => {
    const packed = new PackedCells();
    packed.set(0, 0, NaN, 0);
    packed.set(0, 2, 5, 0);
    expect(packed.rowValues(0)).toEqual([NaN, null, 5]);
    expect(packed.value(0, 1)).toBeNull();
  });
});

describe("listOnDemand (the packed sheet's rows)", () => {
  const made: number[] = [];
  const rows = listOnDemand(3, (row) => {
    made.push(row);
    return [row, `r${row}`];
  });

  it("reads like an array of rows: index, length, iteration, keys, JSON, equality", () => {
    expect(rows.length).toBe(3);
    expect(rows[1]).toEqual([1, "r1"]);
    expect(Array.isArray(rows)).toBe(true);
    expect(Object.keys(rows)).toEqual(["0", "1", "2"]);
    expect(rows.map((row) => row[0])).toEqual([0, 1, 2]);
    expect(JSON.stringify(rows)).toBe('[[0,"r0"],[1,"r1"],[2,"r2"]]');
    expect(rows).toEqual([
      [0, "r0"],
      [1, "r1"],
      [2, "r2"],
    ]);
    expect(rows[3]).toBeUndefined();
    expect(2 in rows && !(3 in rows)).toBe(true);
  });

  it("makes a row once for consecutive reads of it", () => {
    made.length = 0;
    void rows[2]?.[0];
    void rows[2]?.[1];
    void rows[2]?.length;
    expect(made).toEqual([2]);
  });

  it("refuses to be written to: the cells are the file's", () => {
    expect(() => {
      "use strict";
      (rows as unknown as CellValue[][])[0] = [];
    }).toThrow(TypeError);
  });
});
