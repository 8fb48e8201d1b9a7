/**
 * A worker thread reading some of a large sheet's rows (src/xlsx/focused/twoThreadSheet.ts): the
 * main thread sends it pieces of whole rows, it reads them as the main thread would, and at the end
 * hands back what it read, its number slabs transferred rather than copied.
 */
import { parentPort } from "worker_threads";
import { SheetCells, type SheetCellsData, type SheetContext } from "./sheetCells";
import { sheetXmlStream } from "./sheetXml";
import type { XmlByteStream } from "./xmlHandler";

export type ToSheetWorker =
  | { kind: "start"; sheetName: string; context: SheetContext }
  | { kind: "piece"; bytes: Uint8Array }
  | { kind: "end" };

export type FromSheetWorker =
  { kind: "read" } | { kind: "done"; data: SheetCellsData } | { kind: "failed"; message: string };

let cells: SheetCells | null = null;
let events: XmlByteStream | null = null;
const port = parentPort!;

function handle(message: ToSheetWorker): void {
  switch (message.kind) {
    case "start":
      cells = new SheetCells(message.sheetName, message.context);
      events = sheetXmlStream(cells);
      return;
    case "piece":
      events!.write(message.bytes);
      port.postMessage({ kind: "read" } satisfies FromSheetWorker);
      return;
    case "end": {
      events!.end();
      const data = cells!.toData();
      const slabs = [...data.cells.numberSlabs, ...data.cells.styleSlabs].map(
        (slab) => slab.buffer as ArrayBuffer
      );
      port.postMessage({ kind: "done", data } satisfies FromSheetWorker, slabs);
      return;
    }
  }
}

port.on("message", (message: ToSheetWorker) => {
  try {
    handle(message);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    port.postMessage({ kind: "failed", message: text } satisfies FromSheetWorker);
  }
});
