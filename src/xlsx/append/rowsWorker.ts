/**
 * A worker thread writing blocks of a large output sheet's body rows as XML
 * (src/xlsx/append/rowsOnWorker.ts): the same `bodyRowsBytes` as the main thread, handed back as UTF-8
 * bytes, moved rather than copied.
 */
import { parentPort } from "worker_threads";
import type { CellValue } from "../../engine";
import { bodyRowsBytes, type BodyFormat } from "./worksheetXml";

export interface RowsRequest {
  id: number;
  /** Index of the first row in the layout's body. */
  from: number;
  rows: CellValue[][];
  /** Per row, its tone's index (worksheetXml's `toneIndex`). */
  tones: number[];
  format: BodyFormat;
}

export type RowsAnswer = { id: number; bytes: Uint8Array } | { id: number; failed: string };

const port = parentPort!;

port.on("message", (request: RowsRequest) => {
  try {
    const { id, from, rows, tones, format } = request;
    // A buffer of its own, exactly the rows' bytes: the transfer moves only these.
    const bytes = bodyRowsBytes(rows, tones, from, format);
    port.postMessage({ id, bytes } satisfies RowsAnswer, [bytes.buffer]);
  } catch (error) {
    const failed = error instanceof Error ? error.message : String(error);
    port.postMessage({ id: request.id, failed } satisfies RowsAnswer);
  }
});
