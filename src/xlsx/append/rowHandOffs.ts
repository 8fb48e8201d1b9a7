import type { SheetLayout } from "../../engine";
import type { RowsHandOff } from "./worksheetXml";

/**
 * Writing a large output sheet's body on two threads, as the writer sees it: every other block of
 * rows is handed off (`worksheetPieces` with `handOffBlock`) to a `RowsWriter` — in the command line a
 * worker thread (rowsOnWorker.ts). Nothing here needs Node, so the browser's writer shares the code
 * and simply hands nothing off.
 */
export interface RowsOnWorker {
  /** Sheets with fewer body rows are written on one thread. */
  minimumRows: number;
  /** Rows per block. */
  blockRows: number;
  /** The writer of the handed-off blocks, started once per written workbook. */
  start(): RowsWriter;
}

export interface RowsWriter {
  /** The XML of the handed-off rows, as bytes or text (written here when the other thread failed). */
  write(layout: SheetLayout, handOff: RowsHandOff): Promise<string | Uint8Array>;
  stop(): Promise<unknown>;
}

/**
 * Pieces (~64 K characters each) the main thread may have waiting behind the worker's block: about one
 * block of its own. 64 was no faster on the national workbook and held ~80 MB more at the peak.
 */
const AHEAD = 16;

/**
 * A sheet's pieces with the hand-offs written: the main thread's strings and the worker's bytes, in
 * the sheet's order. A block the worker could not write is written here.
 */
export async function* withHandOffsWritten(
  pieces: Iterable<string | RowsHandOff>,
  layout: SheetLayout,
  writer: RowsWriter
): AsyncGenerator<string | Uint8Array> {
  const queue: (string | Promise<string | Uint8Array>)[] = [];
  for (const piece of pieces) {
    queue.push(typeof piece === "string" ? piece : writer.write(layout, piece));
    while (queue.length > 0 && (typeof queue[0] === "string" || queue.length > AHEAD))
      yield await queue.shift()!;
  }
  while (queue.length > 0) yield await queue.shift()!;
}
