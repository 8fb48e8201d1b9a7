import { Tokenizer } from "htmlparser2";
import type { XmlAttributes, XmlHandler, XmlStream } from "../src/xlsx/focused/xmlHandler";

export type { XmlAttributes, XmlHandler, XmlStream } from "../src/xlsx/focused/xmlHandler";

/** `x:c` → `c`: some producers write SpreadsheetML with a namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * The reference the worksheet scanner (src/xlsx/focused/worksheetScanner.ts) is proved and measured
 * against — event for event in test/xlsx/worksheetScanner*.test.ts, in time in bench/scanSheetXml.ts.
 * It was the product's reader before the scanner; it is kept here, outside the product, for that.
 *
 * A streaming XML reader on htmlparser2's tokenizer (the fastest maintained tokenizer measured here:
 * 1.2 s for 130 MB of sheet XML against 2.2 s for saxes and 5.4 s for sax). The tokenizer reports
 * positions in the stream; this class keeps the chunks those positions point into, turns them into
 * names, attributes and decoded text, and hands them to a handler. No DOM, no per-element objects.
 */
export class XmlEvents implements XmlStream {
  private readonly tokenizer: Tokenizer;
  private chunks: string[] = [];
  /** Stream offset of `chunks[0]`. */
  private chunksOffset = 0;
  private tagName = "";
  private attributeName = "";
  private attributeValue = "";
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private attributeCount = 0;
  private readonly attributes: XmlAttributes = {
    get: (name) => {
      for (let i = 0; i < this.attributeCount; i++)
        if (this.names[i] === name) return this.values[i];
      return undefined;
    },
  };

  constructor(private readonly handler: XmlHandler) {
    this.tokenizer = new Tokenizer(
      { xmlMode: true, decodeEntities: true },
      {
        onattribdata: (start, end) => {
          this.attributeValue += this.slice(start, end);
        },
        onattribentity: (codepoint) => {
          this.attributeValue += String.fromCodePoint(codepoint);
        },
        onattribend: () => {
          this.names[this.attributeCount] = this.attributeName;
          this.values[this.attributeCount] = this.attributeValue;
          this.attributeCount++;
          this.attributeValue = "";
        },
        onattribname: (start, end) => {
          this.attributeName = this.name(start, end);
        },
        oncdata: (start, end, offset) => this.handler.text(this.slice(start, end - offset)),
        onclosetag: (start, end) => this.handler.close(this.name(start, end)),
        oncomment: () => undefined,
        ondeclaration: () => undefined,
        onend: () => undefined,
        onopentagend: () => {
          this.handler.open(this.tagName, this.attributes);
          this.attributeCount = 0;
        },
        onopentagname: (start, end) => {
          this.tagName = this.name(start, end);
          this.attributeCount = 0;
        },
        onprocessinginstruction: () => undefined,
        onselfclosingtag: () => {
          this.handler.open(this.tagName, this.attributes);
          this.attributeCount = 0;
          this.handler.close(this.tagName);
        },
        ontext: (start, end) => this.handler.text(this.slice(start, end)),
        ontextentity: (codepoint) => this.handler.text(String.fromCodePoint(codepoint)),
      }
    );
  }

  write(chunk: string): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.tokenizer.write(chunk);
  }

  end(): void {
    this.tokenizer.end();
  }

  /**
   * An element or attribute name without its prefix. Most names of a sheet are one letter (`c`, `v`,
   * `r`, `s`, `t`): those come from V8's table of one-character strings instead of a new string each
   * — six fewer allocations per cell, a good part of the reader's garbage collection.
   */
  private name(start: number, end: number): string {
    if (end - start === 1) {
      this.dropChunksBefore(start);
      const chunk = this.chunks[0];
      const at = start - this.chunksOffset;
      if (at < chunk.length) return chunk[at];
    }
    return localName(this.slice(start, end));
  }

  private dropChunksBefore(start: number): void {
    while (start - this.chunksOffset >= this.chunks[0].length) {
      this.chunksOffset += this.chunks[0].length;
      this.chunks.shift();
    }
  }

  /** The stream's text from `start` to `end`; positions only grow, so earlier chunks are dropped (as htmlparser2's Parser does). */
  private slice(start: number, end: number): string {
    this.dropChunksBefore(start);
    let text = this.chunks[0].slice(start - this.chunksOffset, end - this.chunksOffset);
    let offset = this.chunksOffset;
    for (let index = 0; end - offset > this.chunks[index].length;) {
      offset += this.chunks[index].length;
      index++;
      text += this.chunks[index].slice(0, end - offset);
    }
    return text;
  }
}
