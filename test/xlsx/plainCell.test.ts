/**
 * The scanner's plain-cell path (src/xlsx/focused/plainCell.ts): a number read straight from the
 * text is the number `parseFloat` reads from it; a plain cell goes to SheetCells in one call and the
 * grid is the one the tokenizer's five events make; anything not plain goes the general way.
 */
import fc from "fast-check";
import { decimalNumber } from "../../src/xlsx/focused/decimalNumber";
import { scanPlainCell } from "../../src/xlsx/focused/plainCell";
import { SheetCells, type SheetContext } from "../../src/xlsx/focused/sheetCells";
import { WorksheetScanner } from "../../src/xlsx/focused/worksheetScanner";
import { XmlEvents } from "../../bench/referenceXmlEvents";
import type { XmlHandler, XmlStream } from "../../src/xlsx/focused/xmlHandler";

const sameAsParseFloat = (text: string) => {
  // In the middle of other text, as the scanner reads it out of a piece.
  const source = `<v>${text}</v>`;
  expect(Object.is(decimalNumber(source, 3, 3 + text.length), parseFloat(text))).toBe(true);
};

describe("decimalNumber", () => {
  it("reads what parseFloat reads from any double as JavaScript, Excel and LibreOffice write it", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 17 }), (n, digits) => {
        sameAsParseFloat(String(n));
        sameAsParseFloat(n.toPrecision(digits));
        sameAsParseFloat(n.toExponential(digits - 1));
        if (Math.abs(n) < 1e21) sameAsParseFloat(n.toFixed(Math.min(digits, 20)));
      }),
      { numRuns: 3000 }
    );
  });

  it("reads what parseFloat reads from any text of digits, points, signs and exponents", () => {
    const text = fc
      .array(fc.constantFrom(..."0123456789012345678901234567890.-+eE"), { maxLength: 30 })
      .map((characters) => characters.join(""));
    fc.assert(fc.property(text, sameAsParseFloat), { numRuns: 3000 });
  });

  it.each([
    "0",
    "-0",
    "-0.0",
    "00012.500",
    ".5",
    "5.",
    "-.5",
    "0.1",
    "0.30000000000000004",
    "123456789012345",
    "1234567890123456",
    "9007199254740993",
    "0.0000000000000000000001",
    "0.00000000000000000000001",
    "1e-7",
    "2.5E+3",
    "Infinity",
    "-",
    ".",
    "1.2.3",
  ])("reads %s as parseFloat does", (text) => sameAsParseFloat(text));
});

const CONTEXT: SheetContext = {
  sharedStrings: ["общий", "a & b"],
  cellFormats: [null, "0.0", "dd.mm.yyyy"],
  date1904: false,
};

type Reader = (handler: XmlHandler) => XmlStream;

/** The grid SheetCells makes from `xml`, and how many cells came by the plain path. */
function read(reader: Reader, xml: string) {
  const cells = new SheetCells("Лист", CONTEXT);
  let plain = 0;
  const plainCell = cells.plainCell.bind(cells);
  cells.plainCell = (...cell) => {
    plain++;
    plainCell(...cell);
  };
  const stream = reader(cells);
  stream.write(xml);
  stream.end();
  const grid = cells.grid();
  return {
    plain,
    values: Array.from(grid.values, (row) => [...row]),
    formats: Array.from(grid.numberFormats!, (row) => [...row]),
  };
}

const sheet = (cells: string) =>
  `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

describe("the scanner's plain cells", () => {
  it.each([
    ["a number", '<c r="B1"><v>38.5</v></c>', 1],
    ["a styled number", '<c r="C1" s="1"><v>-0.25</v></c>', 1],
    ["a number under a date format", '<c r="A1" s="2"><v>45797</v></c>', 1],
    ["a shared string", '<c r="A1" t="s"><v>1</v></c>', 1],
    ["a shared string past the table's end", '<c r="A1" t="s"><v>99</v></c>', 1],
    ["attributes in another order", '<c t="n" s="1" r="AB1"><v>1E3</v></c>', 1],
    ["a row past the sheet's last", '<c r="A1048577"><v>1</v></c>', 1],
    ["a column past XFD", '<c r="XFE1"><v>1</v></c>', 1],
    ["single quotes", "<c r='A1'><v>1</v></c>", 0],
    ["spaces around =", '<c r = "A1"><v>1</v></c>', 0],
    ["a reference with $", '<c r="$A$1"><v>1</v></c>', 0],
    ["a lowercase reference", '<c r="a1"><v>1</v></c>', 0],
    ["no reference", "<c><v>1</v></c>", 0],
    ["row 0", '<c r="A0"><v>1</v></c>', 0],
    ["another attribute", '<c r="A1" cm="1"><v>1</v></c>', 0],
    ["a repeated attribute", '<c r="A1" r="B1"><v>1</v></c>', 0],
    ["an empty style", '<c r="A1" s=""><v>1</v></c>', 0],
    ["a boolean", '<c r="A1" t="b"><v>1</v></c>', 0],
    ["a formula", '<c r="A1"><f>1+1</f><v>2</v></c>', 0],
    ["an empty value", '<c r="A1"><v></v></c>', 0],
    ["a value with spaces", '<c r="A1"><v> 1 </v></c>', 0],
    ["a value with a reference", '<c r="A1"><v>&#49;</v></c>', 0],
    ["a shared string index with a point", '<c r="A1" t="s"><v>1.0</v></c>', 0],
    ["a prefixed cell", '<x:c r="A1"><x:v>1</x:v></x:c>', 0],
    ["a self-closing cell", '<c r="A1" s="1"/>', 0],
    ["a closing tag with a space", '<c r="A1"><v>1</v></c >', 0],
  ])("%s: the tokenizer's grid", (_, cells, plain) => {
    const xml = sheet(cells);
    const scanned = read((handler) => new WorksheetScanner(handler), xml);
    const { plain: never, ...tokenized } = read((handler) => new XmlEvents(handler), xml);
    expect(never).toBe(0);
    expect(scanned.plain).toBe(plain);
    expect({ values: scanned.values, formats: scanned.formats }).toEqual(tokenized);
  });

  it("reads a cell cut by the piece's end when the rest comes", () => {
    const xml = sheet('<c r="A1"><v>12.5</v></c><c r="B1" t="s"><v>0</v></c>');
    for (let cut = 1; cut < xml.length; cut++) {
      const cells = new SheetCells("Лист", CONTEXT);
      const scanner = new WorksheetScanner(cells);
      scanner.write(xml.slice(0, cut));
      scanner.write(xml.slice(cut));
      scanner.end();
      expect([...cells.grid().values[0]!]).toEqual([12.5, "общий"]);
    }
  });

  it("leaves to the general path what is not a plain cell, giving nothing", () => {
    const given: unknown[] = [];
    const sink = { plainCell: (...cell: unknown[]) => given.push(cell) };
    expect(scanPlainCell('<c r="A1"><f>1</f></c>', 0, sink)).toBe(0);
    expect(scanPlainCell('<c r="A1"><v>1</v></c', 0, sink)).toBe(0);
    expect(scanPlainCell('<col min="1"/>', 0, sink)).toBe(0);
    expect(given).toEqual([]);
    const cell = '<c r="C7" s="2" t="s"><v>4</v></c>';
    expect(scanPlainCell(`xx${cell}<c`, 2, sink)).toBe(2 + cell.length);
    expect(given).toEqual([[6, 2, 2, true, 4]]);
  });
});
