import type { XmlHandler, XmlStream } from "./xmlHandler";
import { WorksheetScanner } from "./worksheetScanner";

/**
 * The one place that chooses how the large parts — worksheets and the shared strings — are read:
 * the worksheet scanner, several times faster than htmlparser2's tokenizer (XmlEvents) on a national
 * table's sheet. XmlEvents stays for the small parts and as the reference the scanner is checked
 * against, event for event and cell for cell (test/xlsx/worksheetScanner*.test.ts).
 */
export function sheetXmlStream(handler: XmlHandler): XmlStream {
  return new WorksheetScanner(handler);
}
