import type { SheetLayout } from "../../engine";
import type { HandOffPlace, RowsHandOff } from "./worksheetXml";

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
  /** The XML of the handed-off rows as UTF-8 (written here when the other thread failed). */
  write(layout: SheetLayout, handOff: RowsHandOff): Promise<Uint8Array>;
  stop(): Promise<unknown>;
}

/**
 * A sheet's pieces with the hand-offs written: the main thread's and the worker's bytes, in the
 * sheet's order. A hand-off is started when it is yielded, a block ahead of its place, so this
 * thread's pieces are passed on at once while the worker makes the next block; at its place its
 * XML is waited for. A block the worker could not write is written here.
 */
export async function* withHandOffsWritten(
  pieces: Iterable<Uint8Array | RowsHandOff | HandOffPlace>,
  layout: SheetLayout,
  writer: RowsWriter
): AsyncGenerator<Uint8Array> {
  const started = new Map<RowsHandOff, Promise<Uint8Array>>();
  for (const piece of pieces) {
    if (ArrayBuffer.isView(piece)) yield piece;
    else if ("place" in piece) {
      const written = started.get(piece.place) ?? writer.write(layout, piece.place);
      started.delete(piece.place);
      yield await written;
    } else started.set(piece, writer.write(layout, piece));
  }
}
