import { decodeText } from "./xmlText";
import type { XmlAttributes, XmlHandler, XmlStream } from "./xmlHandler";

/**
 * A scanner for worksheet XML (and the shared strings, which use the same few constructs), written
 * for speed: a national table's sheet is 130 MB of XML, and one pass of htmlparser2's tokenizer over
 * it took 1.25–1.74 s by itself. Worksheet XML is a small, fully specified grammar, so instead of a
 * state machine stepping through every character, the scanner jumps: `indexOf("<")` to the next tag,
 * `indexOf(quote)` to an attribute value's end, and text is sliced, not built up character by
 * character. It drives the same `XmlHandler` as XmlEvents (bench/referenceXmlEvents.ts, its reference), and is
 * checked against it, and against ExcelJS, cell for cell (test/xlsx/worksheetScanner*.test.ts).
 *
 * What it reads: elements with or without a namespace prefix (`<x:c>` → `c`), self-closing
 * elements, attributes in any order in '…' or "…", the five predefined entities and numeric character
 * references (decoded in text and in attribute values), CDATA sections (as text). Comments,
 * processing instructions and declarations are skipped. Like htmlparser2 it does not validate: it
 * does not check that tags nest, and it leaves line ends and attribute whitespace as written.
 *
 * It takes text; a worksheet's bytes come through WorksheetBytes (worksheetBytes.ts), which reads
 * the plain cells itself and hands this scanner everything else. Pure TypeScript, no Node or DOM API:
 * the browser page's Web Worker can use it as well.
 */
export class WorksheetScanner implements XmlStream {
  /** The start of a construct the last piece cut off (a tag, an entity), kept for the next piece. */
  private rest = "";
  /** The text being scanned: `rest` and the newest piece. Attribute spans point into it. */
  private source = "";
  /**
   * Position of the next `&` in `source` at or after the last text's start (or the source's length
   * when there is none). Texts come in order, so searching once and remembering keeps the "does this
   * text need decoding?" question linear over the whole stream: `indexOf("&")` from every text would
   * run to the end of the piece each time in a sheet without a single `&`.
   */
  private nextAmpersand = -1;
  /** Per attribute of the element being opened: local name start, name end, value start, value end. */
  private readonly spans: number[] = [];
  private attributeCount = 0;
  private readonly attributes: XmlAttributes = { get: (name) => this.attribute(name) };

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    if (chunk.length === 0) return;
    this.scan(this.rest.length === 0 ? chunk : this.rest + chunk, false, false);
  }

  /**
   * A piece the caller knows the next piece starts with a `<` (markup): text at its end is whole,
   * not the start of an entity the next piece ends, so nothing of it is held back.
   */
  writeBeforeMarkup(chunk: string): void {
    if (chunk.length === 0 && this.rest.length === 0) return;
    this.scan(this.rest.length === 0 ? chunk : this.rest + chunk, false, true);
  }

  /**
   * Whether the scanner holds the start of a construct the pieces so far cut off (a tag, a comment,
   * a CDATA section, an entity). When it holds none, what comes next starts where markup or text may
   * start: a `<` there opens a tag, not something inside a comment.
   */
  get pending(): boolean {
    return this.rest.length > 0;
  }

  end(): void {
    if (this.rest.length > 0) this.scan(this.rest, true, true);
    this.rest = "";
  }

  /**
   * Reads `source` as far as it is complete (all of it at the end) and keeps the rest; `textWhole`
   * when text at its end is whole (at the end, or before markup).
   */
  private scan(source: string, atEnd: boolean, textWhole: boolean): void {
    this.source = source;
    this.nextAmpersand = -1;
    const length = source.length;
    let at = 0;
    while (at < length) {
      const tag = source.indexOf("<", at);
      if (tag < 0) {
        at = this.textToEnd(at, textWhole);
        break;
      }
      if (tag > at) this.text(at, tag);
      const after = this.markup(tag, atEnd);
      if (after < 0) {
        at = tag;
        break;
      }
      at = after;
    }
    // A slice points into the piece, but only until the next piece is joined to it (a new string).
    this.rest = at >= length ? "" : source.slice(at);
    this.source = "";
  }

  /**
   * Text running to the end of the piece: given now, except an entity the piece may have cut
   * (`&am|p;`), which waits for the next piece. An `&` with no `;` after it in the last 32
   * characters is no cut entity (the longest, `&#x10FFFF;`, has 10; more leading zeros than that are
   * not written by anyone), so text is never held back without end.
   */
  private textToEnd(at: number, textWhole: boolean): number {
    const length = this.source.length;
    let cut = length;
    if (!textWhole) {
      const ampersand = this.source.lastIndexOf("&");
      if (ampersand >= at && length - ampersand <= 32 && this.source.indexOf(";", ampersand) < 0)
        cut = ampersand;
    }
    if (cut > at) this.text(at, cut);
    return cut;
  }

  private text(from: number, to: number): void {
    this.handler.text(
      this.hasAmpersand(from, to) ? decodeText(this.source, from, to) : this.source.slice(from, to)
    );
  }

  private hasAmpersand(from: number, to: number): boolean {
    if (this.nextAmpersand < from) {
      const found = this.source.indexOf("&", from);
      this.nextAmpersand = found < 0 ? this.source.length : found;
    }
    return this.nextAmpersand < to;
  }

  /**
   * The markup starting with the `<` at `at`: its end, or -1 when the piece ends inside it (then it
   * is read again, whole, with the next piece).
   */
  private markup(at: number, atEnd: boolean): number {
    const source = this.source;
    const next = source.charCodeAt(at + 1);
    if (next === SLASH) return this.closeTag(at);
    if (next === BANG) return this.bang(at, atEnd);
    if (next === QUESTION) {
      const end = source.indexOf("?>", at + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (Number.isNaN(next)) return -1;
    return this.openTag(at);
  }

  /** `</c>`, `</x:c>`, `</c >`. */
  private closeTag(at: number): number {
    const source = this.source;
    const end = source.indexOf(">", at + 2);
    if (end < 0) return -1;
    let nameEnd = at + 2;
    while (nameEnd < end && !isSpace(source.charCodeAt(nameEnd))) nameEnd++;
    this.handler.close(this.localName(at + 2, nameEnd));
    return end + 1;
  }

  /** `<!-- comment -->`, `<![CDATA[text]]>`, `<!DOCTYPE …>`. */
  private bang(at: number, atEnd: boolean): number {
    const source = this.source;
    // The piece may end before the opening says which one this is.
    if (!atEnd && source.length - at < CDATA_OPEN.length) return -1;
    if (source.startsWith("<!--", at)) {
      const end = source.indexOf("-->", at + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (source.startsWith(CDATA_OPEN, at)) {
      const start = at + CDATA_OPEN.length;
      const end = source.indexOf("]]>", start);
      if (end < 0) {
        // An unterminated section at the very end is given as text, as htmlparser2 does.
        if (atEnd && start < source.length) this.handler.text(source.slice(start));
        return atEnd ? source.length : -1;
      }
      // CDATA is raw text: nothing in it is an entity. Empty sections give no text at all.
      if (end > start) this.handler.text(source.slice(start, end));
      return end + 3;
    }
    const end = source.indexOf(">", at + 2);
    return end < 0 ? -1 : end + 1;
  }

  /**
   * `<c r="A1" s='2' t="s">` or `<c r="A1"/>`: the name, then attributes recorded as positions only.
   * Most attributes of a sheet are never asked for (`spans`, `x14ac:dyDescent`, `ht`), so their
   * values are not made into strings; a handler's `get` makes the one it asks for.
   */
  private openTag(at: number): number {
    const source = this.source;
    const length = source.length;
    let p = at + 1;
    while (p < length && !endsName(source.charCodeAt(p))) p++;
    if (p >= length) return -1;
    const name = this.localName(at + 1, p);
    const spans = this.spans;
    let count = 0;
    for (;;) {
      while (p < length && isSpace(source.charCodeAt(p))) p++;
      if (p >= length) return -1;
      const code = source.charCodeAt(p);
      if (code === GT) {
        this.attributeCount = count;
        this.handler.open(name, this.attributes);
        this.attributeCount = 0;
        return p + 1;
      }
      if (code === SLASH) {
        if (p + 1 >= length) return -1;
        if (source.charCodeAt(p + 1) !== GT) {
          p++; // a stray `/` inside a tag is skipped, as htmlparser2 skips it
          continue;
        }
        this.attributeCount = count;
        this.handler.open(name, this.attributes);
        this.attributeCount = 0;
        this.handler.close(name);
        return p + 2;
      }
      // An attribute: name, `=`, a quoted value (spaces around `=` are allowed by XML).
      const nameStart = p;
      while (p < length && !endsName(source.charCodeAt(p))) p++;
      const nameEnd = p;
      while (p < length && isSpace(source.charCodeAt(p))) p++;
      if (p >= length) return -1;
      let valueStart = p;
      let valueEnd = p;
      if (source.charCodeAt(p) === EQUALS) {
        p++;
        while (p < length && isSpace(source.charCodeAt(p))) p++;
        if (p >= length) return -1;
        const quote = source.charCodeAt(p);
        if (quote === QUOTE || quote === APOSTROPHE) {
          // In XML a value cannot hold its own quote character, so the next one ends it; `>` and
          // `/` inside it are just characters.
          const end = source.indexOf(quote === QUOTE ? '"' : "'", p + 1);
          if (end < 0) return -1;
          valueStart = p + 1;
          valueEnd = end;
          p = end + 1;
        } else {
          // Not XML, but read as htmlparser2 reads it: a value up to a space or the tag's end.
          valueStart = p;
          while (p < length && !isSpace(source.charCodeAt(p)) && source.charCodeAt(p) !== GT) p++;
          valueEnd = p;
        }
      } else if (nameEnd === nameStart) {
        p++; // neither a name nor `>`: a stray character, skipped so that reading goes on
        continue;
      }
      const slot = count * 4;
      spans[slot] = localStart(source, nameStart, nameEnd);
      spans[slot + 1] = nameEnd;
      spans[slot + 2] = valueStart;
      spans[slot + 3] = valueEnd;
      count++;
    }
  }

  /** The value of the first attribute of the open element whose local name is `name`. */
  private attribute(name: string): string | undefined {
    const { source, spans } = this;
    for (let slot = 0; slot < this.attributeCount * 4; slot += 4) {
      const start = spans[slot]!;
      if (spans[slot + 1]! - start !== name.length || !source.startsWith(name, start)) continue;
      const from = spans[slot + 2]!;
      const to = spans[slot + 3]!;
      // Not through `hasAmpersand`: handlers ask for attributes in any order, and a value is short.
      return containsAmpersand(source, from, to)
        ? decodeText(source, from, to)
        : source.slice(from, to);
    }
    return undefined;
  }

  /**
   * A name without its prefix. One-character names (`c`, `v`, `f`, `t`) come from V8's table of
   * single-character strings rather than as a new string each: several fewer allocations per cell.
   */
  private localName(start: number, end: number): string {
    const local = localStart(this.source, start, end);
    return end - local === 1 ? this.source.charAt(local) : this.source.slice(local, end);
  }
}

const BANG = 33;
const AMPERSAND = 38;
const QUOTE = 34;
const APOSTROPHE = 39;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const CDATA_OPEN = "<![CDATA[";

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** What ends a name inside a tag: whitespace, `/`, `>`, `=`. */
function endsName(code: number): boolean {
  return isSpace(code) || code === SLASH || code === GT || code === EQUALS;
}

function containsAmpersand(source: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (source.charCodeAt(p) === AMPERSAND) return true;
  return false;
}

/** Where the name at `start..end` begins after its prefix (the first colon), as XmlEvents strips it. */
function localStart(source: string, start: number, end: number): number {
  for (let p = start; p < end; p++) if (source.charCodeAt(p) === COLON) return p + 1;
  return start;
}
