import { Worker } from "worker_threads";
import { workerScriptIfThreads } from "../workerThreads";
import { RowPieces } from "./rowPieces";
import type { SheetCells, SheetContext } from "./sheetCells";
import type { FromSheetWorker, ToSheetWorker } from "./sheetWorker";
import { sheetXmlStream } from "./sheetXml";
import type { ZipArchive } from "./zipArchive";

/**
 * Reading a large sheet on two threads. Reading the XML is most of a national table's reading time
 * even from its bytes (130 MB of XML: about 0.6 s of cells read and stored beside 0.3 s of inflating,
 * on one core), and the machines it runs on have at least two cores. The main thread inflates the
 * sheet and cuts it into pieces of whole rows; a worker thread reads pieces as long as it has room
 * for them, the main thread reads the others, and at the end the worker's rows join the main
 * thread's (`SheetCells.adopt`).
 * The grid is the same, cell for cell, as reading the sheet in one stream (test/xlsx/twoThreadSheet).
 */
export interface TwoThreads {
  /** The compiled worker (sheetWorker.js). */
  workerScript: string;
  /** Sheets smaller than this (inflated bytes) are read on one thread: a worker costs ~50 ms to start. */
  minimumBytes: number;
  /** Inflated bytes a piece may reach (it ends at a row's end; zlib often gives less). Tests make it small. */
  pieceBytes: number;
  /** Told how each sheet read on two threads went (tests, the benchmark). */
  report?: (reading: TwoThreadReading) => void;
}

export interface TwoThreadReading {
  sheetName: string;
  /** Pieces of whole rows each thread read. */
  workerPieces: number;
  mainPieces: number;
  /** Why the sheet was read again in one stream, or null when the two threads' reading stood. */
  readAgain: "row without its number" | "row number given twice" | "worker failed" | null;
}

/** Pieces a worker may have waiting: enough that it never idles while the main thread reads one. */
const WORKER_QUEUE = 3;

/** The compiled command line's setting: the worker beside this file (see `workerScriptIfThreads`). */
export function defaultTwoThreads(): TwoThreads | null {
  const workerScript = workerScriptIfThreads(__dirname, "sheetWorker.js");
  return workerScript === null
    ? null
    : { workerScript, minimumBytes: 16 << 20, pieceBytes: 1 << 20 };
}

/**
 * Reads the sheet `partPath` into `cells` on two threads. False when it must be read again in one
 * stream instead (into fresh cells): a row without its number (placed after the row before it,
 * which may be on the other thread), a row number given twice, or the worker failing.
 */
export async function readSheetOnTwoThreads(
  zip: ZipArchive,
  partPath: string,
  cells: SheetCells,
  context: SheetContext,
  sheetName: string,
  { workerScript, pieceBytes, report }: TwoThreads
): Promise<boolean> {
  const worker = new SheetWorker(workerScript, sheetName, context);
  const reading: TwoThreadReading = { sheetName, workerPieces: 0, mainPieces: 0, readAgain: null };
  try {
    reading.readAgain = await readOnBoth(zip, partPath, cells, worker, pieceBytes, reading);
    report?.(reading);
    return reading.readAgain === null;
  } finally {
    void worker.stop();
  }
}

async function readOnBoth(
  zip: ZipArchive,
  partPath: string,
  cells: SheetCells,
  worker: SheetWorker,
  pieceBytes: number,
  reading: TwoThreadReading
): Promise<TwoThreadReading["readAgain"]> {
  const events = sheetXmlStream(cells);
  const pieces = new RowPieces();
  let first = true;
  const readHere = (bytes: Buffer) => {
    reading.mainPieces++;
    events.write(bytes);
  };
  await zip.streamBytes(
    partPath,
    (bytes) => {
      const piece = pieces.push(bytes);
      if (piece === null) return;
      // The first piece holds the sheet's opening (and a byte order mark, which the reader drops).
      if (!first && worker.hasRoom()) {
        reading.workerPieces++;
        worker.read(piece);
      } else readHere(piece);
      first = false;
    },
    () => {
      const rest = pieces.end();
      if (rest !== null) readHere(rest);
    },
    pieceBytes
  );
  events.end();
  // A worker that failed (it reads what the main thread would) is not the user's problem: the sheet
  // is read again in one stream, where a real fault in the file is reported as usual.
  const data = await worker.finish().catch(() => null);
  if (data === null) return "worker failed";
  if (data.rowWithoutNumber || cells.rowWithoutNumber) return "row without its number";
  return cells.adopt(data) ? null : "row number given twice";
}

/** The worker thread and the pieces it has not read yet. */
class SheetWorker {
  private readonly worker: Worker;
  private waiting = 0;
  private failure: Error | null = null;
  private readonly result: Promise<FromSheetWorker & { kind: "done" }>;

  constructor(script: string, sheetName: string, context: SheetContext) {
    // A young generation of 8 MB: the worker's garbage is short-lived tokens, and the default size
    // added ~20 MB to the run's peak memory (measured on the national table).
    this.worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.result = new Promise((resolve, reject) => {
      this.worker.on("message", (message: FromSheetWorker) => {
        if (message.kind === "read") this.waiting--;
        else if (message.kind === "done") resolve(message);
        else reject((this.failure = new Error(message.message)));
      });
      this.worker.on("error", (error) => reject((this.failure = error)));
      this.worker.on("exit", (code) =>
        reject((this.failure ??= new Error(`поток чтения листа завершился с кодом ${code}`)))
      );
    });
    // Reported by finish(); until then a rejection must not count as unhandled.
    this.result.catch(() => undefined);
    this.post({ kind: "start", sheetName, context });
  }

  hasRoom(): boolean {
    return this.failure === null && this.waiting < WORKER_QUEUE;
  }

  /** Hands the worker a piece of whole rows (copied out of the inflater's chunk, then moved). */
  read(piece: Buffer): void {
    const bytes = new Uint8Array(piece);
    this.waiting++;
    this.post({ kind: "piece", bytes }, [bytes.buffer]);
  }

  /** What the worker read, once it has read every piece. */
  async finish() {
    this.post({ kind: "end" });
    return (await this.result).data;
  }

  stop(): Promise<number> {
    // The listeners hold the settled result, and with it every slab the worker read, for as long as
    // Node keeps the worker object: long after the cells were adopted (half the national grid was
    // still reachable through them when --out began to write). An error after this is no one's.
    this.worker.removeAllListeners();
    this.worker.on("error", () => undefined);
    return this.worker.terminate();
  }

  private post(message: ToSheetWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}
