import type { XmlByteStream, XmlHandler, XmlStream } from "./xmlHandler";
import { WorksheetBytes } from "./worksheetBytes";
import { WorksheetScanner } from "./worksheetScanner";

/**
 * The one place that chooses how a workbook's XML parts are read: the worksheet scanner, several
 * times faster than htmlparser2's tokenizer on a national table's sheet, and small enough to run in
 * the page's worker too. htmlparser2's reader (bench/referenceXmlEvents.ts) is now only the reference
 * the scanner is checked against, event for event and cell for cell
 * (test/xlsx/worksheetScanner*.test.ts).
 */

/** A worksheet, from its bytes: plain cells read from them directly (worksheetBytes.ts). */
export function sheetXmlStream(handler: XmlHandler): XmlByteStream {
  return new WorksheetBytes(handler);
}

/** A part as text (the shared strings, streamed): no plain cells there to read from bytes. */
export function xmlTextStream(handler: XmlHandler): XmlStream {
  return new WorksheetScanner(handler);
}

/** Parses a whole (small) part: the workbook, its relationships, the styles. */
export function parseXml(text: string, handler: XmlHandler): void {
  const stream = xmlTextStream(handler);
  stream.write(text);
  stream.end();
}
