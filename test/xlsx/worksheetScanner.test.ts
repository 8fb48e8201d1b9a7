/**
 * The worksheet scanner (src/xlsx/focused/worksheetScanner.ts) against htmlparser2's tokenizer
 * (XmlEvents), the reader it replaces: on generated sheets and shared strings covering every construct
 * producers write, cut into pieces at random places, both give the same events (adjacent text joined)
 * and SheetCells the same grid; the shared strings come out as the texts the generator wrote. Cases
 * where the two differ on purpose (XML's meaning of `&#128;`) are asserted on their own. Sheets are
 * read as the command line reads them: as UTF-8 bytes cut anywhere (inside a character too), through
 * WorksheetBytes (plain cells from the bytes, the rest by the scanner); shared strings as text.
 */
import fc from "fast-check";
import type { SheetGrid } from "../../src/engine";
import { SheetCells, type SheetContext } from "../../src/xlsx/focused/sheetCells";
import { readSharedStrings } from "../../src/xlsx/focused/workbookParts";
import { WorksheetBytes } from "../../src/xlsx/focused/worksheetBytes";
import { WorksheetScanner } from "../../src/xlsx/focused/worksheetScanner";
import { XmlEvents } from "../../bench/referenceXmlEvents";
import type { XmlHandler, XmlStream } from "../../src/xlsx/focused/xmlHandler";
import type { ZipArchive } from "../../src/xlsx/focused/zipArchive";
import { propertyParameters } from "../robustness/arbitraries";
import { cutAt, cutBytesAt, sharedStringsXml, worksheetXml } from "./worksheetXml";

type TextReader = (handler: XmlHandler) => XmlStream;
const textScanner: TextReader = (handler) => new WorksheetScanner(handler);
const textTokenizer: TextReader = (handler) => new XmlEvents(handler);

/** A reader given a whole document, cut at `cuts` (positions in its text, or in its bytes). */
type Reader = (handler: XmlHandler, xml: string, cuts: number[]) => void;
/** The sheet reader: the document's UTF-8, cut at byte positions. */
const scanner: Reader = (handler, xml, cuts) => {
  const stream = new WorksheetBytes(handler);
  for (const piece of cutBytesAt(xml, cuts)) stream.write(piece);
  stream.end();
};
/** A text reader: the document's text, cut at positions in it. */
const fromText =
  (reader: TextReader): Reader =>
  (handler, xml, cuts) => {
    const stream = reader(handler);
    for (const piece of cutAt(xml, cuts)) stream.write(piece);
    stream.end();
  };
const tokenizer = fromText(textTokenizer);

/** Attribute names the recorder asks every element for (local names, as handlers ask). */
const ASKED = ["r", "s", "t", "ref", "space", "spans", "dyDescent", "foo", "cm", "si", "val", "x"];

type Event = [kind: "open" | "close" | "text", name: string, ...attributes: (string | null)[]];

/** Every event, adjacent text joined (readers may give text in any number of pieces), none empty. */
function events(read: Reader, xml: string, cuts: number[] = []): Event[] {
  const seen: Event[] = [];
  read(
    {
      open: (name, attributes) =>
        seen.push(["open", name, ...ASKED.map((asked) => attributes.get(asked) ?? null)]),
      text: (text) => {
        const last = seen[seen.length - 1];
        if (last?.[0] === "text") last[1] += text;
        else seen.push(["text", text]);
      },
      close: (name) => seen.push(["close", name]),
    },
    xml,
    cuts
  );
  return seen.filter((event) => event[0] !== "text" || event[1] !== "");
}

const CONTEXT: SheetContext = {
  sharedStrings: ["общий", "a & b", "", "«ВПР»", "😀", "x"],
  cellFormats: [null, "0.0", "dd.mm.yyyy", "0%", "yyyy-mm-dd h:mm"],
  date1904: false,
};

/** The grid SheetCells makes with `read`, as plain data. */
function grid(read: Reader, xml: string, cuts: number[] = []) {
  const cells = new SheetCells("Лист", CONTEXT);
  read(cells, xml, cuts);
  const made: SheetGrid = cells.grid();
  return {
    values: Array.from(made.values, (row) => [...row]),
    formats: Array.from(made.numberFormats!, (row) => [...row]),
    merged: cells.mergedRanges,
    uncalculated: made.uncalculatedFormulas ?? null,
  };
}

const cuts = fc.array(fc.nat(), { maxLength: 12 });

describe("the worksheet scanner reads what htmlparser2's tokenizer reads", () => {
  it("generated sheets cut anywhere: the same events and the same grid", () => {
    fc.assert(
      fc.property(worksheetXml(), cuts, (xml, at) => {
        expect(events(scanner, xml, at)).toEqual(events(tokenizer, xml));
        expect(grid(scanner, xml, at)).toEqual(grid(tokenizer, xml));
      }),
      propertyParameters(400)
    );
  });

  it("sheets with rows numbered up to 1,048,576, cut anywhere: the same events", () => {
    fc.assert(
      fc.property(worksheetXml(1_048_576), cuts, (xml, at) => {
        expect(events(scanner, xml, at)).toEqual(events(tokenizer, xml));
      }),
      propertyParameters(200)
    );
  });

  it("shared strings cut anywhere: the texts written, runs joined and phonetic guides left out", async () => {
    await fc.assert(
      fc.asyncProperty(sharedStringsXml, cuts, async ({ xml, texts }, at) => {
        const zip = {
          streamText: async (_: string, take: (text: string) => void) =>
            cutAt(xml, at).forEach(take),
        };
        const read = (reader: TextReader) =>
          readSharedStrings(zip as unknown as ZipArchive, "xl/sharedStrings.xml", reader);
        expect(await read(textScanner)).toEqual(texts);
        expect(await read(textTokenizer)).toEqual(texts);
      }),
      propertyParameters(300)
    );
  });
});

/** A document with every construct at least once, for cuts at every position. */
const EVERYTHING =
  `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a > b --><x:worksheet xmlns:x="urn:main">` +
  `<x:sheetData><x:row r = '2' x14ac:dyDescent="0.25"><x:c r="B2" t='inlineStr' s="1">` +
  `<x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> &lt;a&gt; &amp;&#1025;&#x1F600;</x:t></x:r>` +
  `<x:rPh sb="0"><x:t>ふ</x:t></x:rPh></x:is></x:c><x:c r="C2" t="str"><x:f>"&quot;"&amp;A1</x:f>` +
  `<x:v><![CDATA[<raw & text>]]></x:v></x:c><x:c r="D2" foo="a/b>c" t="e"><x:v>#N/A</x:v></x:c>` +
  `<?pi x?><x:c r="E2" s="2"/></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B2:C3"/>` +
  `</x:mergeCells></x:worksheet>`;

describe("the worksheet scanner, piece by piece", () => {
  const everythingBytes = new TextEncoder().encode(EVERYTHING).length;

  it("gives the same events however a document is cut in two", () => {
    const whole = events(tokenizer, EVERYTHING);
    for (let at = 0; at <= everythingBytes; at++)
      expect([at, events(scanner, EVERYTHING, [at])]).toEqual([at, whole]);
  });

  it("gives the same events when every byte comes on its own", () => {
    const everyByte = Array.from({ length: everythingBytes }, (_, at) => at);
    expect(events(scanner, EVERYTHING, everyByte)).toEqual(events(tokenizer, EVERYTHING));
  });

  it("decodes entities and references, in text and in attribute values", () => {
    const xml = `<c a="&lt;&#65;&#x42;&apos;" b='&quot;'>&amp;&gt;&#x1f600;&#00000065;&#X41;</c>`;
    const seen: string[] = [];
    scanner(
      {
        open: (_, attributes) => seen.push(attributes.get("a")!, attributes.get("b")!),
        text: (text) => seen.push(text),
        close: () => undefined,
      },
      xml,
      []
    );
    expect(seen.join("|")).toBe(`<AB'|"|&>😀AA`);
  });

  it("leaves what is no reference as it is written", () => {
    const texts = events(scanner, "<t>AT&T &foo; &#; &#xZZ; &amp &lt</t>");
    expect(texts[1]).toEqual(["text", "AT&T &foo; &#; &#xZZ; &amp &lt"]);
    expect(events(tokenizer, "<t>AT&T &foo; &#; &#xZZ; &amp &lt</t>")).toEqual(texts);
  });

  it("reads &#128;–&#159; as XML means them (U+0080…), as ExcelJS does, not as HTML's Windows-1252", () => {
    expect(events(scanner, "<t>&#128;&#x9F;</t>")[1]).toEqual(["text", "\u0080\u009f"]);
    // htmlparser2 applies HTML's table here: the one place the readers differ on purpose.
    expect(events(tokenizer, "<t>&#128;</t>")[1]).toEqual(["text", "€"]);
  });

  it("gives U+FFFD for references to no character (zero, a lone surrogate, past U+10FFFF)", () => {
    expect(events(scanner, "<t>&#0;&#xD800;&#x110000;&#99999999999;</t>")[1]).toEqual([
      "text",
      "\ufffd\ufffd\ufffd\ufffd",
    ]);
  });

  it("keeps an entity cut at a piece's end for the next piece", () => {
    expect(events(scanner, "<t>a&amp;b&#x1F600;</t>", [7, 16])[1]).toEqual(["text", "a&b😀"]);
    expect(events(fromText(textScanner), "<t>a&amp;b&#x1F600;</t>", [7, 16])[1]).toEqual([
      "text",
      "a&b😀",
    ]);
  });

  it("gives a document cut inside a tag nothing for the unfinished tag, and the text before it", () => {
    expect(events(scanner, "<t>abc</t><c r=")).toEqual(events(tokenizer, "<t>abc</t><c r="));
  });
});
