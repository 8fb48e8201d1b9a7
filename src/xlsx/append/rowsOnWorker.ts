import { Worker } from "worker_threads";
import { workerScriptIfThreads } from "../workerThreads";
import type { CellValue, SheetLayout } from "../../engine";
import type { RowsOnWorker, RowsWriter } from "./rowHandOffs";
import type { RowsAnswer, RowsRequest } from "./rowsWorker";
import { bodyRowsBytes, toneIndex, type RowsHandOff } from "./worksheetXml";

/**
 * Writing a large output sheet on two threads. Generating the XML strings of the national
 * «Динамика по школам» (412,096 rows, 175 MB) took ~2.4 s of the main thread while the other core
 * waited; now every other block of its body rows is written by a worker thread while the main thread
 * writes the blocks between (`worksheetPieces` with `handOffBlock`, `withHandOffsWritten`). The rows
 * are made on the main thread (the layout's body may be made on demand) and sent as plain values; the
 * XML comes back as bytes, in order. The sheet is the same, byte for byte
 * (test/xlsx/rowsOnWorker.test.ts).
 */

/** The compiled command line's setting: the worker beside this file (see `workerScriptIfThreads`). */
export function defaultRowsOnWorker(): RowsOnWorker | null {
  const workerScript = workerScriptIfThreads(__dirname, "rowsWorker.js");
  return workerScript === null ? null : rowsOnWorkerScript(workerScript, 20_000, 2048);
}

/** Sheets of `minimumRows` body rows or more written with the worker `workerScript`. */
export function rowsOnWorkerScript(
  workerScript: string,
  minimumRows: number,
  blockRows: number
): RowsOnWorker {
  return { minimumRows, blockRows, start: () => new RowsWorker(workerScript) };
}

/** One worker thread for the sheets of one written workbook. */
export class RowsWorker implements RowsWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (answer: RowsAnswer) => void>();
  private nextId = 0;
  private broken = false;

  constructor(script: string) {
    // The default young generation: an 8 MB one (as the reading worker has) was slower here and its
    // promotions made the peak larger, not smaller (measured on the national workbook).
    this.worker = new Worker(script);
    this.worker.on("message", (answer: RowsAnswer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    const fail = () => {
      this.broken = true;
      for (const [id, answer] of this.waiting) answer({ id, failed: "поток записи остановился" });
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", fail);
  }

  /** The XML of the handed-off rows: the worker's bytes, or this thread's if it fails. */
  write(layout: SheetLayout, handOff: RowsHandOff): Promise<Uint8Array> {
    const { from, to, format } = handOff;
    // The rows are copied into the message and let go: kept for `here` until the worker answers,
    // they outlived young-generation collections and were promoted (~60 MB of old garbage on the
    // national workbook). A failed block is rare, and its rows are made again.
    // (The request is made in a function of its own: a variable here would be kept in the context
    // that `here` holds on to.)
    const here = () => bodyRowsBytes(...rowsOf(layout, from, to), from, format);
    if (this.broken) return Promise.resolve(here());
    const id = this.nextId++;
    const answered = new Promise<RowsAnswer>((resolve) => this.waiting.set(id, resolve));
    this.worker.postMessage(requestOf(id, layout, handOff));
    return answered.then((answer) => ("bytes" in answer ? answer.bytes : here()));
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

function requestOf(id: number, layout: SheetLayout, handOff: RowsHandOff): RowsRequest {
  const [rows, tones] = rowsOf(layout, handOff.from, handOff.to);
  return { id, from: handOff.from, rows, tones, format: handOff.format };
}

/** Body rows [from, to) of a layout and their tones (`toneIndex`), as the worker takes them. */
function rowsOf(layout: SheetLayout, from: number, to: number): [CellValue[][], number[]] {
  const rows = Array.from({ length: to - from }, (_, i) => layout.body[from + i]!);
  const tones = Array.from({ length: to - from }, (_, i) => toneIndex(layout.rowTone?.[from + i]));
  return [rows, tones];
}
