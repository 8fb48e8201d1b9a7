import type { ProgressListener, WorkbookData } from "../host/workbookHost";

/**
 * The pane's first read of the workbook, with a limit on how long Excel may stay silent.
 *
 * Excel on the web can leave the first `context.sync()` of an add-in unanswered — for good, not just
 * for long — in a large workbook full of custom functions: OfficeDev/office-js#6678 («Excel Online
 * only: code execution is stuck on context.sync()», the first sync of the add-in's start never
 * resolves on large files with many custom functions; a second `Excel.run` from the console hung as
 * well) and #6150 (the same on Excel on the web, later also seen on Windows with 10,000+ custom
 * functions; no fix announced). A promise that never settles would leave the pane on
 * «Чтение книги…» forever, so the scan is given `silenceMs` between two words from Excel (a block read
 * on the web, the answer itself) and then started again, `attempts` times in all. An earlier attempt
 * that answers late still counts: whichever attempt answers first is the read.
 */
export interface ScanPatience {
  /** How long Excel may stay silent (no answer, no block read) before the scan is started again. */
  silenceMs: number;
  /** Attempts in all, the first included. */
  attempts: number;
}

/**
 * 20 s of silence, three attempts: a minute before the pane gives up. Long for any one request of a
 * municipal workbook; a national table on the web is read in blocks, each of which counts as a word.
 */
export const SCAN_PATIENCE: ScanPatience = { silenceMs: 20_000, attempts: 3 };

/** Excel did not answer any attempt: the pane says what to do (messages.ts, `scanNotAnswered`). */
export class ScanNotAnswered extends Error {
  constructor(readonly patience: ScanPatience) {
    super(
      `Excel did not answer the workbook scan: ${patience.attempts} attempts, ${patience.silenceMs} ms of silence each`
    );
    this.name = "ScanNotAnswered";
  }
}

export function isScanNotAnswered(error: unknown): error is ScanNotAnswered {
  return error instanceof ScanNotAnswered;
}

export interface PatientScanOptions {
  patience?: ScanPatience;
  /** Before attempt `attempt` (2, 3…) starts: the pane says Excel is slow and it is trying again. */
  onRetry?: (attempt: number) => void;
  onProgress?: ProgressListener;
  /** The pane started another scan («Обновить»): this one stops waiting and trying. */
  signal?: AbortSignal;
}

export function patientScan(
  scan: (onProgress: ProgressListener) => Promise<WorkbookData>,
  options: PatientScanOptions = {}
): Promise<WorkbookData> {
  const { silenceMs, attempts } = options.patience ?? SCAN_PATIENCE;
  return new Promise<WorkbookData>((resolve, reject) => {
    let attempt = 0;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", abandon);
      done();
    };
    const abandon = () => settle(() => reject(options.signal!.reason));
    const waitForWord = () => {
      clearTimeout(timer);
      timer = setTimeout(onSilence, silenceMs);
    };
    const onSilence = () => {
      if (attempt >= attempts) settle(() => reject(new ScanNotAnswered({ silenceMs, attempts })));
      else {
        options.onRetry?.(attempt + 1);
        start();
      }
    };
    const start = () => {
      attempt += 1;
      const mine = attempt;
      waitForWord();
      scan((progress) => {
        if (settled) return;
        waitForWord();
        options.onProgress?.(progress);
      }).then(
        (data) => settle(() => resolve(data)),
        // A failure of an attempt already given up on says nothing about the one now running.
        (error: unknown) => {
          if (mine === attempt) settle(() => reject(error));
        }
      );
    };
    if (options.signal?.aborted) {
      reject(options.signal.reason);
      return;
    }
    options.signal?.addEventListener("abort", abandon);
    start();
  });
}
