import { WorkbookFileError, type WorkbookFileProblem } from "../xlsx/workbookFileError";
import { readSheetsData, type SheetsData, type SheetsReader } from "../xlsx/page/sheetsData";

export type { SheetsReader };

export interface ToSheetsWorker {
  bytes: ArrayBuffer;
  label: string;
}

export type FromSheetsWorker =
  | { kind: "sheets"; data: SheetsData }
  | { kind: "refused"; problem: WorkbookFileProblem; path: string; message: string }
  | { kind: "failed" };

/** On the page's own thread: the fallback, and what tests (Node, no Worker) use. */
export const readSheetsHere: SheetsReader = readSheetsData;

/**
 * Reads in a worker from `startWorker`, falling back to the page's thread when no worker starts or
 * it fails before it answers. A page opened from disk (file://) gets no worker in Chromium (a
 * worker script must be same-origin, and a file's origin is opaque), and the page's policy
 * (script-src 'self') refuses a blob: worker: there the reading is on the page's thread, as before.
 */
export function readSheetsInWorker(startWorker: () => Worker): SheetsReader {
  return (bytes, label) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      return readSheetsHere(bytes, label);
    }
    return new Promise<SheetsData>((resolve, reject) => {
      const done = () => worker.terminate();
      worker.onmessage = (event: MessageEvent<FromSheetsWorker>) => {
        done();
        const answer = event.data;
        if (answer.kind === "sheets") resolve(answer.data);
        else if (answer.kind === "refused")
          reject(new WorkbookFileError(answer.problem, answer.path, answer.message));
        else readSheetsHere(bytes, label).then(resolve, reject);
      };
      worker.onerror = (event) => {
        // The worker's script did not load or run: read here instead, quietly.
        event.preventDefault();
        done();
        readSheetsHere(bytes, label).then(resolve, reject);
      };
      // A copy goes to the worker (transferred, not cloned again): the page keeps the original for
      // the download.
      const copy = bytes.slice().buffer as ArrayBuffer;
      worker.postMessage({ bytes: copy, label } satisfies ToSheetsWorker, [copy]);
    });
  };
}
