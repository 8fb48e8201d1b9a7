/**
 * What a part reader wants from an XML stream, whichever reader produces it: htmlparser2's tokenizer
 * (bench/referenceXmlEvents.ts, the reference) or the worksheet scanner (worksheetScanner.ts). Element and attribute names come
 * without their namespace prefix (`x:c` → `c`, `r:id` → `id`); text comes decoded, possibly in several
 * pieces.
 */

/** The attributes of the element being opened; valid only during the `open` call (reused). */
export interface XmlAttributes {
  get(name: string): string | undefined;
}

export interface XmlHandler {
  open(name: string, attributes: XmlAttributes): void;
  text(text: string): void;
  close(name: string): void;
}

/** A reader that takes the XML as it streams in, in pieces cut anywhere, and calls a handler. */
export interface XmlStream {
  write(chunk: string): void;
  /** The stream is over: what was held back for the next piece is read as it is. */
  end(): void;
}

/** A reader that takes a document's UTF-8 bytes as they stream in, in pieces cut anywhere. */
export interface XmlByteStream {
  write(bytes: Uint8Array): void;
  /** The stream is over: what was held back for the next piece is read as it is. */
  end(): void;
}
