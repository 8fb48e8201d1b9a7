/*
 * The fake Excel sizes a response against the web's 5 MB from each cell's JSON length (jsonSize.ts,
 * fakeCells.ts) instead of making the JSON. A size below the real one would let through a response
 * Excel refuses, so these compare it with `JSON.stringify` on every kind of value a cell holds, on
 * the text that needs escapes, and on whole ranges of a sheet as the fake gives them.
 */
import { gridChars, jsonChars } from "./jsonSize";
import { FakeWorkbook, type FakeValue } from "./fakeExcel";

/** mulberry32: the same values on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  9,
  10,
  99,
  100,
  12.3,
  -12.3,
  0.1,
  0.5,
  0.30000000000000004,
  1 / 3,
  2 / 3,
  1e-7,
  1.5e-7,
  123456.7,
  99.95,
  100.05,
  1e15,
  1e15 + 0.5,
  123456789012345.6,
  1e20,
  1e21,
  1.5e21,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
  45.25,
];

const TEXTS = [
  "",
  "МБОУ «СОШ № 5»",
  'кавычки "внутри"',
  "обратная \\ черта",
  "строка\nперевод\tтаб\rвозврат\bb\ff",
  "\u0000\u0001\u000b\u001f управляющие",
  "\u007f\u0080 не экранируются",
  "😀 пара суррогатов",
  "одинокий \ud800 старший",
  "одинокий \udc00 младший",
  "\ud83d",
  "конец на старшем \ud83d",
  "\udc00\ud800 наоборот",
  "0,5%",
  "=СУММ(A1:A3)",
  "'0123",
  "х".repeat(32_767),
];

describe("the JSON size of a cell's value", () => {
  it.each(NUMBERS.map((value) => [String(value), value]))("number %s", (_name, value) => {
    expect(jsonChars(value)).toBe(JSON.stringify(value).length);
  });

  it.each(TEXTS.map((text) => [JSON.stringify(text).slice(0, 40), text]))(
    "text %s",
    (_name, text) => {
      expect(jsonChars(text)).toBe(JSON.stringify(text).length);
    }
  );

  it("booleans and null", () => {
    for (const value of [true, false, null])
      expect(jsonChars(value)).toBe(JSON.stringify(value).length);
  });

  it("is exact for 200,000 numbers as an export has them: tenths, hundredths, wholes, any", () => {
    const next = random(15_12);
    const made = (kind: number, x: number): number =>
      [Math.round(x * 1_000) / 10, Math.round(x * 10_000) / 100, Math.round(x * 1e6), x * 1e3][
        kind
      ]!;
    for (let index = 0; index < 200_000; index += 1) {
      const value = (next() < 0.1 ? -1 : 1) * made(Math.floor(next() * 4), next());
      const real = JSON.stringify(value).length;
      if (jsonChars(value) !== real) expect([value, jsonChars(value)]).toEqual([value, real]);
    }
  });

  it("is exact for 20,000 random strings of every code unit, escapes and surrogates included", () => {
    const next = random(2026);
    for (let index = 0; index < 20_000; index += 1) {
      const units = Array.from({ length: Math.floor(next() * 12) }, () =>
        // Half from the troublesome ranges (controls, quotes, surrogates), half from anywhere.
        next() < 0.5
          ? [0, 10, 31, 34, 92, 0xd800, 0xdbff, 0xdc00, 0xdfff][Math.floor(next() * 9)]!
          : Math.floor(next() * 0x10000)
      );
      const text = String.fromCharCode(...units);
      const real = JSON.stringify(text).length;
      if (jsonChars(text) !== real) expect([units, jsonChars(text)]).toEqual([units, real]);
    }
  });

  it("counts a grid's brackets and commas", () => {
    const grid = [
      [1, "a", ""],
      [true, 2.5, "б"],
    ];
    const cells = grid.flat().reduce<number>((sum, value) => sum + jsonChars(value), 0);
    expect(gridChars(2, 3, cells)).toBe(JSON.stringify(grid).length);
    expect(gridChars(1, 1, 2)).toBe(JSON.stringify([[""]]).length);
  });
});

describe("the fake's response size of a range", () => {
  /** A sheet with holes, text to escape, a cleared cell, formats in some rows and a generated part. */
  function sheetOfEveryKind() {
    const model = new FakeWorkbook(["Данные"]);
    const sheet = model.sheet("Данные");
    const next = random(7);
    const values: (FakeValue | null)[][] = Array.from({ length: 60 }, (_, row) =>
      Array.from({ length: 12 }, (_, column) => {
        const kind = Math.floor(next() * 6);
        if (kind === 0) return null;
        if (kind === 1) return TEXTS[(row + column) % (TEXTS.length - 1)]!;
        if (kind === 2) return NUMBERS[(row * column) % NUMBERS.length]!;
        if (kind === 3) return next() < 0.5;
        return Math.round(next() * 1000) / 10;
      })
    );
    sheet.fill(values, 2, 1);
    sheet.setCell(5, 3, { value: "" });
    sheet.setCell(7, 20, { value: "дальше строки" });
    sheet.setCell(9, 4, { numberFormat: "0.0%" });
    sheet.setCell(9, 6, { numberFormat: '0" \\"шт\\""' });
    sheet.setCell(11, 2, { value: 1, formula: "=1" });
    sheet.setCell(2, 1, { value: "после заполнения\n" });
    return sheet;
  }

  const RECTS = [
    { row: 0, column: 0, rows: 70, columns: 25 },
    { row: 2, column: 1, rows: 60, columns: 12 },
    { row: 5, column: 3, rows: 1, columns: 1 },
    { row: 30, column: 10, rows: 40, columns: 15 },
    { row: 100, column: 0, rows: 3, columns: 3 },
  ];

  it.each(RECTS.map((rect) => [JSON.stringify(rect), rect]))(
    "values and formats of %s",
    (_n, rect) => {
      const sheet = sheetOfEveryKind();
      expect(sheet.valuesJsonChars(rect)).toBe(JSON.stringify(sheet.values(rect)).length);
      expect(sheet.formatsJsonChars(rect)).toBe(JSON.stringify(sheet.numberFormats(rect)).length);
      // Sized once (kept per row), then a cell changes in a measured row: the size follows.
      sheet.setCell(rect.row, rect.column, { value: 'новое "значение"' });
      sheet.setCell(rect.row, rect.column + rect.columns + 3, { value: 12345.6 });
      expect(sheet.valuesJsonChars(rect)).toBe(JSON.stringify(sheet.values(rect)).length);
    }
  );

  it("on a sheet made on demand, with cells set over it", () => {
    const model = new FakeWorkbook(["Большой"]);
    const sheet = model.sheet("Большой");
    sheet.generated = {
      rect: { row: 0, column: 0, rows: 500, columns: 8 },
      at: (row, column) => (column === 0 ? `ОО ${row}` : row * 100 + column / 10),
    };
    sheet.setCell(3, 2, { value: "свой" });
    sheet.setCell(4, 9, { value: true });
    for (const rect of [
      { row: 0, column: 0, rows: 500, columns: 10 },
      { row: 2, column: 1, rows: 10, columns: 3 },
    ]) {
      expect(sheet.valuesJsonChars(rect)).toBe(JSON.stringify(sheet.values(rect)).length);
    }
  });
});
