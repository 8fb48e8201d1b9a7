/**
 * fast-check generators of worksheet and shared-string XML for the scanner's proofs
 * (worksheetScanner.test.ts): every construct the issue lists — inline and shared strings, rich-text
 * runs with phonetic guides, entities and numeric references (astral ones too), both quote styles,
 * attributes in any order, `xml:space`, empty and self-closing cells, formulas with and without
 * cached values, dates, errors, rows up to 1,048,576 — written as different producers write them:
 * with or without a namespace prefix, pretty-printed or not, with comments and processing
 * instructions between elements, CDATA sections.
 */
import fc from "fast-check";

/** Stands for the document's namespace prefix (`` or `x:`) until the document is put together. */
const P = "§";

/** Characters of generated text: Cyrillic, markup characters, quotes, whitespace, astral ones. */
const CHARACTERS = [
  ..."abcXYZ019 .,-",
  ..."ёЖщ«»№",
  "<",
  ">",
  "&",
  '"',
  "'",
  "\t",
  "\n",
  ";",
  "#",
  "😀",
  "𝄞",
  "\u00a0",
];

/** How a character is written: as itself, as its entity, as a decimal or a hexadecimal reference. */
type Writing = 0 | 1 | 2 | 3;

/** A text and how each of its characters is written (chosen here, applied where it is placed). */
export interface EncodedText {
  raw: string;
  characters: [string, Writing, number][];
}

export const encodedText = (maxLength = 12): fc.Arbitrary<EncodedText> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...CHARACTERS),
        fc.constantFrom<Writing>(0, 0, 0, 1, 2, 3),
        fc.nat(3) // leading zeros of a numeric reference
      ),
      { maxLength }
    )
    .map((characters) => ({ raw: characters.map(([c]) => c).join(""), characters }));

const ENTITIES: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
};

/** The text as XML: in element content (`quote` null) or inside an attribute quoted with `quote`. */
export function writeText(text: EncodedText, quote: '"' | "'" | null = null): string {
  return text.characters
    .map(([character, writing, zeros]) => {
      const codePoint = character.codePointAt(0)!;
      const mustEscape = character === "<" || character === "&" || character === quote;
      if (writing === 2) return `&#${"0".repeat(zeros)}${codePoint};`;
      if (writing === 3) return `&#x${"0".repeat(zeros)}${codePoint.toString(16)};`;
      if (writing === 1 || mustEscape) return ENTITIES[character] ?? `&#${codePoint};`;
      return character;
    })
    .join("");
}

/** Text, sometimes with part of it in a CDATA section (raw: nothing in it is a reference). */
const contentText = (maxLength = 12): fc.Arbitrary<{ raw: string; xml: string }> =>
  fc
    .tuple(encodedText(maxLength), fc.boolean(), fc.string({ maxLength: 4 }))
    .map(([text, withCdata, raw]) => {
      const cdata = [...raw].filter(allowedInCdata).join("").replaceAll("]]>", "");
      return withCdata && cdata.length > 0
        ? { raw: text.raw + cdata, xml: `${writeText(text)}<![CDATA[${cdata}]]>` }
        : { raw: text.raw, xml: writeText(text) };
    });

/** XML's characters (no controls but tab and line ends, no lone surrogates), and not the prefix mark. */
function allowedInCdata(character: string): boolean {
  const code = character.codePointAt(0)!;
  const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  return !control && !(code >= 0xd800 && code <= 0xdfff) && character !== P;
}

/** One attribute: its quote, the spaces before it and around `=`, its value's writing. */
const attribute = (name: string, value: fc.Arbitrary<EncodedText>): fc.Arbitrary<string> =>
  fc
    .tuple(
      value,
      fc.constantFrom<'"' | "'">('"', "'"),
      fc.constantFrom(" ", " ", "  ", "\n  ", "\t"),
      fc.constantFrom("=", "=", " = ")
    )
    .map(
      ([text, quote, before, equals]) =>
        `${before}${name}${equals}${quote}${writeText(text, quote)}${quote}`
    );

/** A plain value (a reference, a number) whose characters may still be written as references. */
const plain = (value: string): fc.Arbitrary<EncodedText> =>
  fc
    .array(fc.constantFrom<Writing>(0, 0, 0, 0, 2, 3), {
      minLength: value.length,
      maxLength: value.length,
    })
    .map((writings) => ({
      raw: value,
      characters: [...value].map((c, i) => [c, writings[i]!, 0] as [string, Writing, number]),
    }));

/** The attributes, in any order, then how the tag ends (`>` or ` >`). */
const attributes = (parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.tuple(...parts), fc.constantFrom("", "", " ", "\n"))
    .chain(([written, end]) =>
      fc
        .shuffledSubarray(written, { minLength: written.length, maxLength: written.length })
        .map((ordered) => ordered.join("") + end)
    );

/** Whitespace, a comment or a processing instruction, or nothing, between elements. */
const between: fc.Arbitrary<string> = fc.constantFrom(
  "",
  "",
  "",
  "\n  ",
  "\r\n",
  "<!-- комментарий <c> & -->",
  '<?mso-application progid="Excel.Sheet"?>'
);

export function columnLetters(column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const element = (name: string, attributeText: string, content: string | null): string =>
  content === null
    ? `<${P}${name}${attributeText}/>`
    : `<${P}${name}${attributeText}>${content}</${P}${name}>`;

const value = (text: { xml: string }) => element("v", "", text.xml);

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ min: 1, max: 60000, noNaN: true }).map((n) => n.toExponential()),
  fc.integer({ min: 1, max: 60000 }).map(String) // a date serial under a date style
);

/** A run of rich text (`<r>`), with run properties or without. */
const run = fc
  .tuple(
    contentText(),
    fc.constantFrom("", `<${P}rPr><${P}b/><${P}sz val="11"/><${P}rFont val='Calibri'/></${P}rPr>`),
    fc.constantFrom("", ' xml:space="preserve"', " xml:space='preserve'")
  )
  .map(([text, properties, space]) => ({
    raw: text.raw,
    xml: element("r", "", properties + element("t", space, text.xml)),
  }));

const spaceAttribute = fc.constantFrom("", ' xml:space="preserve"', " xml:space='preserve'");

/** Phonetic guides: not part of the cell's text. */
const phonetic: fc.Arbitrary<string> = fc.constantFrom(
  "",
  `<${P}rPh sb="0" eb="1"><${P}t>ふりがな</${P}t></${P}rPh><${P}phoneticPr fontId="1"/>`
);

/**
 * A string item (`<si>`, `<is>`): one `<t>` or runs, maybe with phonetic guides; `raw` is the text a
 * reader must give (the runs joined, the guides left out).
 */
export const stringItem: fc.Arbitrary<{ raw: string; xml: string }> = fc.oneof(
  fc.tuple(contentText(), spaceAttribute, phonetic).map(([text, space, guide]) => ({
    raw: text.raw,
    xml: element("t", space, text.xml) + guide,
  })),
  fc.tuple(fc.array(run, { minLength: 1, maxLength: 3 }), phonetic).map(([runs, guide]) => ({
    raw: runs.map((r) => r.raw).join(""),
    xml: runs.map((r) => r.xml).join("") + guide,
  })),
  fc.constant({ raw: "", xml: `<${P}t/>` })
);

/** What a cell holds: its `t`, its content, and whether it may close itself when empty. */
const cellContent: fc.Arbitrary<{ type: string | null; content: string | null }> = fc.oneof(
  fc
    .tuple(numberText, fc.constantFrom(null, "n"))
    .map(([n, type]) => ({ type, content: value({ xml: n }) })),
  fc.nat(6).map((index) => ({ type: "s", content: value({ xml: String(index) }) })),
  stringItem.map((item) => ({ type: "inlineStr", content: element("is", "", item.xml) })),
  fc.tuple(contentText(), contentText()).map(([formula, result]) => ({
    type: "str",
    content: element("f", "", formula.xml) + value(result),
  })),
  fc.tuple(contentText(6), fc.constantFrom(null, "", "42", "0.5")).map(([formula, result]) => ({
    type: null,
    content: element("f", "", formula.xml) + (result === null ? "" : value({ xml: result })),
  })),
  fc.constantFrom(
    { type: null, content: `<${P}f t="shared" si="0"/><${P}v>7</${P}v>` },
    { type: null, content: `<${P}f t='shared' ref="A1:A3" si='0'>1+1</${P}f>` },
    { type: "b", content: `<${P}v>1</${P}v>` },
    { type: "b", content: `<${P}v>0</${P}v>` },
    { type: "e", content: `<${P}v>#DIV/0!</${P}v>` },
    { type: "e", content: `<${P}f>1/0</${P}f><${P}v>#N/A</${P}v>` },
    { type: null, content: null },
    { type: null, content: "" },
    { type: null, content: `<${P}v/>` },
    { type: null, content: `<${P}v></${P}v>` }
  )
);

const cell = (row: number, column: number): fc.Arbitrary<string> =>
  fc
    .tuple(cellContent, fc.boolean(), fc.nat(4), fc.boolean(), between)
    .chain(([{ type, content }, withReference, style, noise, before]) => {
      const parts = [
        ...(withReference ? [attribute("r", plain(`${columnLetters(column)}${row + 1}`))] : []),
        ...(style > 0 ? [attribute("s", plain(String(style)))] : []),
        ...(type !== null ? [attribute("t", plain(type))] : []),
        ...(noise ? [attribute("x14:foo", encodedText(6)), attribute("cm", plain("1"))] : []),
      ];
      return attributes(parts).map((written) => before + element("c", written, content));
    });

/** A row: its cells at increasing columns, with `r` or without it (numbered after the one before). */
const row = (rowIndex: number, numbered: boolean): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 1, max: 3 }), { maxLength: 5 })
    .chain((gaps) => {
      let column = -1;
      const columns = gaps.map((gap) => (column += gap));
      return fc.tuple(
        columns.length === 0
          ? fc.constant([] as string[])
          : fc.tuple(...columns.map((c) => cell(rowIndex, c))),
        attributes([
          ...(numbered ? [attribute("r", plain(String(rowIndex + 1)))] : []),
          attribute("spans", plain("1:5")),
          attribute("x14ac:dyDescent", plain("0.25")),
        ]),
        between,
        fc.boolean()
      );
    })
    .map(
      ([cells, written, before, selfClosing]) =>
        before + element("row", written, cells.length === 0 && selfClosing ? null : cells.join(""))
    );

const merge: fc.Arbitrary<string> = fc
  .tuple(fc.nat(4), fc.nat(4), fc.nat(2), fc.nat(2))
  .map(([top, left, height, width]) => {
    const ref = `${columnLetters(left)}${top + 1}:${columnLetters(left + width)}${top + 1 + height}`;
    return `<${P}mergeCell ref="${ref}"/>`;
  });

/** A whole worksheet part, with rows numbered up to `maxRow` (1,048,576 for the last row Excel has). */
export const worksheetXml = (maxRow = 40): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: maxRow - 1 }), { maxLength: 6 }),
      fc.boolean(),
      fc.array(merge, { maxLength: 2 }),
      fc.constantFrom("", "x:")
    )
    .chain(([rowIndexes, allNumbered, merges, prefix]) => {
      const sorted = [...rowIndexes].sort((a, b) => a - b);
      return fc
        .tuple(...sorted.map((index, i) => row(index, allNumbered || i % 2 === 0)))
        .map((rows) => {
          const namespace = prefix === "" ? "xmlns" : "xmlns:x";
          const body =
            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
            `<${P}worksheet ${namespace}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
            `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
            `<${P}dimension ref="A1:E9"/><${P}sheetData>${rows.join("")}</${P}sheetData>` +
            (merges.length > 0
              ? `<${P}mergeCells count="${merges.length}">${merges.join("")}</${P}mergeCells>`
              : "") +
            `</${P}worksheet>`;
          return body.replaceAll(P, prefix);
        });
    });

/** A shared-strings part and the texts a reader must find in it (runs joined, guides left out). */
export const sharedStringsXml: fc.Arbitrary<{ xml: string; texts: string[] }> = fc
  .tuple(fc.array(stringItem, { maxLength: 6 }), fc.constantFrom("", "x:"), between)
  .map(([items, prefix, before]) => ({
    texts: items.map((item) => item.raw),
    xml: (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<${P}sst xmlns${prefix === "" ? "" : ":x"}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">` +
      items.map((item) => before + element("si", "", item.xml)).join("") +
      `</${P}sst>`
    ).replaceAll(P, prefix),
  }));

/** `text` cut at `cuts` (positions taken modulo its length): how pieces of a stream arrive. */
export function cutAt(text: string, cuts: number[]): string[] {
  return cutPieces(text.length, cuts, (from, to) => text.slice(from, to));
}

/**
 * `text`'s UTF-8 cut at `cuts` (byte positions taken modulo its length): how an inflater hands a
 * part over, a cut falling anywhere, inside a character's bytes too.
 */
export function cutBytesAt(text: string, cuts: number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  return cutPieces(bytes.length, cuts, (from, to) => bytes.slice(from, to));
}

/** The pieces between the distinct cut positions (modulo `length + 1`), in order, made by `piece`. */
function cutPieces<T>(length: number, cuts: number[], piece: (from: number, to: number) => T): T[] {
  const positions = [...new Set(cuts.map((cut) => cut % (length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let from = 0;
  for (const position of positions) {
    pieces.push(piece(from, position));
    from = position;
  }
  pieces.push(piece(from, length));
  return pieces;
}
