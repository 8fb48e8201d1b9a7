/**
 * The worksheet scanner (src/xlsx/focused/worksheetScanner.ts) against htmlparser2's tokenizer
 * (XmlEvents), the reader it replaces: on generated sheets and shared strings covering every construct
 * producers write, cut into pieces at random places, both give the same events (adjacent text joined)
 * and SheetCells the same grid; the shared strings come out as the texts the generator wrote. Cases
 * where the two differ on purpose (XML's meaning of `&#128;`) are asserted on their own.
 */
import fc from "fast-check";
import type { SheetGrid } from "../../src/engine";
import { SheetCells, type SheetContext } from "../../src/xlsx/focused/sheetCells";
import { readSharedStrings } from "../../src/xlsx/focused/workbookParts";
import { WorksheetScanner } from "../../src/xlsx/focused/worksheetScanner";
import { XmlEvents } from "../../bench/referenceXmlEvents";
import type { XmlHandler, XmlStream } from "../../src/xlsx/focused/xmlHandler";
import type { ZipArchive } from "../../src/xlsx/focused/zipArchive";
import { propertyParameters } from "../robustness/arbitraries";
import { cutAt, sharedStringsXml, worksheetXml } from "./worksheetXml";

type Reader = (handler: XmlHandler) => XmlStream;
const scanner: Reader = (handler) => new WorksheetScanner(handler);
const tokenizer: Reader = (handler) => new XmlEvents(handler);

/** Attribute names the recorder asks every element for (local names, as handlers ask). */
const ASKED = ["r", "s", "t", "ref", "space", "spans", "dyDescent", "foo", "cm", "si", "val", "x"];

type Event = [kind: "open" | "close" | "text", name: string, ...attributes: (string | null)[]];

/** Every event, adjacent text joined (readers may give text in any number of pieces), none empty. */
function events(read: Reader, pieces: string[]): Event[] {
  const seen: Event[] = [];
  const stream = read({
    open: (name, attributes) =>
      seen.push(["open", name, ...ASKED.map((asked) => attributes.get(asked) ?? null)]),
    text: (text) => {
      const last = seen[seen.length - 1];
      if (last?.[0] === "text") last[1] += text;
      else seen.push(["text", text]);
    },
    close: (name) => seen.push(["close", name]),
  });
  for (const piece of pieces) stream.write(piece);
  stream.end();
  return seen.filter((event) => event[0] !== "text" || event[1] !== "");
}

const CONTEXT: SheetContext = {
  sharedStrings: ["общий", "a & b", "", "«ВПР»", "😀", "x"],
  cellFormats: [null, "0.0", "dd.mm.yyyy", "0%", "yyyy-mm-dd h:mm"],
  date1904: false,
};

/** The grid SheetCells makes with `read`, as plain data. */
function grid(read: Reader, pieces: string[]) {
  const cells = new SheetCells("Лист", CONTEXT);
  const stream = read(cells);
  for (const piece of pieces) stream.write(piece);
  stream.end();
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
        const pieces = cutAt(xml, at);
        expect(events(scanner, pieces)).toEqual(events(tokenizer, [xml]));
        expect(grid(scanner, pieces)).toEqual(grid(tokenizer, [xml]));
      }),
      propertyParameters(400)
    );
  });

  it("sheets with rows numbered up to 1,048,576, cut anywhere: the same events", () => {
    fc.assert(
      fc.property(worksheetXml(1_048_576), cuts, (xml, at) => {
        const pieces = cutAt(xml, at);
        expect(events(scanner, pieces)).toEqual(events(tokenizer, [xml]));
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
        const read = (reader: Reader) =>
          readSharedStrings(zip as unknown as ZipArchive, "xl/sharedStrings.xml", reader);
        expect(await read(scanner)).toEqual(texts);
        expect(await read(tokenizer)).toEqual(texts);
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
  it("gives the same events however a document is cut in two", () => {
    const whole = events(tokenizer, [EVERYTHING]);
    for (let at = 0; at <= EVERYTHING.length; at++)
      expect([at, events(scanner, [EVERYTHING.slice(0, at), EVERYTHING.slice(at)])]).toEqual([
        at,
        whole,
      ]);
  });

  it("gives the same events when every character comes on its own", () => {
    expect(events(scanner, [...EVERYTHING.split("")])).toEqual(events(tokenizer, [EVERYTHING]));
  });

  it("decodes entities and references, in text and in attribute values", () => {
    const xml = `<c a="&lt;&#65;&#x42;&apos;" b='&quot;'>&amp;&gt;&#x1f600;&#00000065;&#X41;</c>`;
    const seen: string[] = [];
    const stream = scanner({
      open: (_, attributes) => seen.push(attributes.get("a")!, attributes.get("b")!),
      text: (text) => seen.push(text),
      close: () => undefined,
    });
    stream.write(xml);
    stream.end();
    expect(seen.join("|")).toBe(`<AB'|"|&>😀AA`);
  });

  it("leaves what is no reference as it is written", () => {
    const texts = events(scanner, ["<t>AT&T &foo; &#; &#xZZ; &amp &lt</t>"]);
    expect(texts[1]).toEqual(["text", "AT&T &foo; &#; &#xZZ; &amp &lt"]);
    expect(events(tokenizer, ["<t>AT&T &foo; &#; &#xZZ; &amp &lt</t>"])).toEqual(texts);
  });

  it("reads &#128;–&#159; as XML means them (U+0080…), as ExcelJS does, not as HTML's Windows-1252", () => {
    expect(events(scanner, ["<t>&#128;&#x9F;</t>"])[1]).toEqual(["text", "\u0080\u009f"]);
    // htmlparser2 applies HTML's table here: the one place the readers differ on purpose.
    expect(events(tokenizer, ["<t>&#128;</t>"])[1]).toEqual(["text", "€"]);
  });

  it("gives U+FFFD for references to no character (zero, a lone surrogate, past U+10FFFF)", () => {
    expect(events(scanner, ["<t>&#0;&#xD800;&#x110000;&#99999999999;</t>"])[1]).toEqual([
      "text",
      "\ufffd\ufffd\ufffd\ufffd",
    ]);
  });

  it("keeps an entity cut at a piece's end for the next piece", () => {
    expect(events(scanner, ["<t>a&am", "p;b&#x1F6", "00;</t>"])[1]).toEqual(["text", "a&b😀"]);
  });

  it("gives a document cut inside a tag nothing for the unfinished tag, and the text before it", () => {
    expect(events(scanner, ["<t>abc</t><c r="])).toEqual(events(tokenizer, ["<t>abc</t><c r="]));
  });
});
