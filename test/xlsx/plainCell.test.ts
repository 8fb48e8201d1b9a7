/**
 * The sheet reader's plain-cell path (src/xlsx/focused/plainCell.ts, worksheetBytes.ts): a number
 * read straight from the bytes is the number `parseFloat` reads from its text; a plain cell goes to
 * SheetCells in one call and the grid is the one the tokenizer's five events make; anything not plain
 * goes the general way, and so does what only looks like a cell (in a comment, in CDATA).
 */
import fc from "fast-check";
import { decimalNumber } from "../../src/xlsx/focused/decimalNumber";
import { CUT, NOT_PLAIN, PlainCell, readPlainCell } from "../../src/xlsx/focused/plainCell";
import { SheetCells, type SheetContext } from "../../src/xlsx/focused/sheetCells";
import { WorksheetBytes } from "../../src/xlsx/focused/worksheetBytes";
import { XmlEvents } from "../../bench/referenceXmlEvents";

const utf8 = (text: string) => new TextEncoder().encode(text);

const sameAsParseFloat = (text: string) => {
  // In the middle of other bytes, as the reader reads it out of a piece.
  const source = utf8(`<v>${text}</v>`);
  const to = source.length - "</v>".length;
  expect(Object.is(decimalNumber(source, 3, to), parseFloat(text))).toBe(true);
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

/** Gives a document to SheetCells: the sheet reader, or the tokenizer. */
type Reader = (cells: SheetCells, xml: string) => void;

/** The sheet reader, the document's UTF-8 in pieces cut at `cuts` (byte positions). */
const bytesCutAt =
  (...cuts: number[]): Reader =>
  (cells, xml) => {
    const stream = new WorksheetBytes(cells);
    const bytes = utf8(xml);
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      stream.write(bytes.subarray(from, cut));
      from = cut;
    }
    stream.end();
  };
const sheetReader = bytesCutAt();
const tokenizer: Reader = (cells, xml) => {
  const stream = new XmlEvents(cells);
  stream.write(xml);
  stream.end();
};

/** The grid SheetCells makes from `xml`, and how many cells came by the plain path. */
function read(reader: Reader, xml: string) {
  const cells = new SheetCells("Лист", CONTEXT);
  let plain = 0;
  const plainCell = cells.plainCell.bind(cells);
  cells.plainCell = (...cell) => {
    plain++;
    plainCell(...cell);
  };
  reader(cells, xml);
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
    ["a value with an entity", '<c r="A1"><v>1&#46;5</v></c>', 0],
    ["a cell in a comment", '<!-- <c r="A1"><v>1</v></c> --><c r="B1"><v>2</v></c>', 1],
    ["a cell in CDATA", '<c r="A1" t="str"><v><![CDATA[<c r="B1"><v>1</v></c>]]></v></c>', 0],
    ["a cell in a processing instruction", '<?pi <c r="A1"><v>1</v></c> ?>', 0],
    ["a cell in an attribute's value", "<x a='<c r=\"A1\"><v>1</v></c>'/>", 0],
  ])("%s: the tokenizer's grid", (_, cells, plain) => {
    const xml = sheet(cells);
    const scanned = read(sheetReader, xml);
    const { plain: never, ...tokenized } = read(tokenizer, xml);
    expect(never).toBe(0);
    expect(scanned.plain).toBe(plain);
    expect({ values: scanned.values, formats: scanned.formats }).toEqual(tokenized);
  });

  it("reads a cell cut by the piece's end, at any byte, whole when the rest comes", () => {
    const xml = sheet('<c r="A1"><v>12.5</v></c><c r="B1" t="s"><v>0</v></c>');
    for (let cut = 0; cut <= xml.length; cut++) {
      const scanned = read(bytesCutAt(cut), xml);
      expect([cut, scanned.plain, scanned.values[0]]).toEqual([cut, 2, [12.5, "общий"]]);
    }
  });

  it("reads a cell cut in three, and cut before a byte order mark is whole", () => {
    const xml = "\ufeff" + sheet('<c r="A1" s="1"><v>-0.25</v></c>');
    const length = utf8(xml).length;
    for (let first = 0; first <= length; first++)
      for (let second = first; second <= length; second += 3) {
        const scanned = read(bytesCutAt(first, second), xml);
        expect([first, second, scanned.plain, scanned.values]).toEqual([
          first,
          second,
          1,
          [[-0.25]],
        ]);
      }
  });

  it("reads a cell in a comment or CDATA cut anywhere as no cell", () => {
    const xml = sheet(
      '<!-- <c r="A1"><v>1</v></c> --><c r="B1"><v>2</v></c>' +
        '<c r="C1" t="str"><v><![CDATA[<c r="D1"><v>3</v></c>]]></v></c>'
    );
    const expected = read(tokenizer, xml);
    for (let cut = 0; cut <= xml.length; cut++) {
      const { values, formats } = read(bytesCutAt(cut), xml);
      expect([cut, { values, formats }]).toEqual([cut, { values, formats: expected.formats }]);
      expect(values).toEqual(expected.values);
    }
  });

  it("reads Cyrillic inline strings cut inside a character beside plain cells", () => {
    const xml = sheet(
      '<c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>Школа «Ёлочка» №\u00a05</t></is></c>' +
        '<c r="C1" s="1"><v>2.5</v></c><c r="D1" t="inlineStr"><is><t>ёж😀</t></is></c><c r="E1"><v>3</v></c>'
    );
    const expected = read(tokenizer, xml);
    const length = utf8(xml).length;
    for (let cut = 0; cut <= length; cut++) {
      const scanned = read(
        bytesCutAt(cut, Math.min(length, cut + 1), Math.min(length, cut + 3)),
        xml
      );
      expect([cut, scanned.plain, scanned.values, scanned.formats]).toEqual([
        cut,
        3,
        expected.values,
        expected.formats,
      ]);
    }
    expect(expected.values).toEqual([[1, "Школа «Ёлочка» №\u00a05", 2.5, "ёж😀", 3]]);
  });

  it("reads prefixed cells (`<x:c>`) by the general path, cut anywhere", () => {
    const xml =
      '<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>' +
      '<c r="B1"><v>2</v></c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    for (let cut = 0; cut <= xml.length; cut++) {
      const scanned = read(bytesCutAt(cut), xml);
      expect([cut, scanned.plain, scanned.values]).toEqual([cut, 1, [[1, 2, "общий"]]]);
    }
  });

  it("leaves to the general path what is not a plain cell, and asks for more of a cut one", () => {
    const cell = new PlainCell();
    const readAt = (xml: string, at = 0) => readPlainCell(utf8(xml), at, utf8(xml).length, cell);
    expect(readAt('<c r="A1"><f>1</f></c>')).toBe(NOT_PLAIN);
    expect(readAt('<col min="1"/>')).toBe(NOT_PLAIN);
    expect(readAt('<c r="A1"><v>1</v></c')).toBe(CUT);
    expect(readAt("<c")).toBe(CUT);
    expect(readAt("<")).toBe(CUT);
    const written = '<c r="C7" s="2" t="s"><v>4</v></c>';
    expect(readAt(`xx${written}<c`, 2)).toBe(2 + written.length);
    expect({ ...cell }).toEqual({ row: 6, column: 2, style: 2, sharedString: true, value: 4 });
  });
});
