import type { StatusColumn } from "../engine";
import { cellEditRunOptions, type ExcelRunOptions } from "./cellEditMode";
import type {
  OutputSheet,
  ProgressListener,
  WorkbookData,
  WorkbookHost,
  WriteReport,
} from "../host/workbookHost";
import { HostError } from "../host/workbookHost";
import { hostError, isPayloadLimitError, isRangeLimitError } from "./excelErrors";
import { knownSizes, knownTooLargeForOneRead, type KnownSize } from "./knownSizes";
import type { WorkbookState } from "./outputPlan";
import {
  readNamedSheets,
  readNamedSheetsInBlocks,
  scanWorkbook,
  type ExcelRead,
} from "./readWorkbook";
import type { RequestBudget } from "./requestBudget";
import { selectCell } from "./selectCell";
import { writeInPieces } from "./writeInPieces";

/** The writer comes with the first write (its own chunk): reading and showing the pane need none of it. */
const writer = () => import(/* webpackChunkName: "excel-writer" */ "./writeOutputSheets");

/**
 * `Excel.run`, or a stand-in that hands a mock context to the batch (tests). `options` are
 * `Excel.run(options, batch)`'s (cellEditMode.ts); absent, `Excel.run(batch)`.
 */
export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: ExcelRunOptions
) => Promise<T>;

export interface ExcelHostOptions {
  budget: RequestBudget;
  run: ExcelRun;
}

/**
 * The open workbook as the task pane's host: one `Excel.run` per user action, each with the fewest
 * syncs the action allows (readWorkbook.ts, writeOutputSheets.ts).
 */
export function createExcelHost({ budget, run: excelRun }: ExcelHostOptions): WorkbookHost {
  // Every batch waits while the user types in a cell, where the client can (cellEditMode.ts).
  const run: ExcelRun = (batch) => excelRun(batch, cellEditRunOptions());
  // The state a write needs (which sheets are ours) is the state its read saw.
  const states = new WeakMap<WorkbookData, WorkbookState>();
  // Each sheet's size as the last scan or read found it: how the next read asks for it.
  const lastSizes = new Map<string, KnownSize>();
  const remember = (read: ExcelRead): WorkbookData => {
    states.set(read.data, read.state);
    knownSizes(read.data).forEach((size, name) => lastSizes.set(name, size));
    return read.data;
  };

  return {
    kind: "excel",

    async scan(onProgress?: ProgressListener): Promise<WorkbookData> {
      try {
        return remember(await run((context) => scanWorkbook(context, budget, onProgress)));
      } catch (error) {
        throw hostError(error);
      }
    },

    async read(sheetNames: string[], onProgress?: ProgressListener): Promise<WorkbookData> {
      try {
        const inBlocks = () =>
          run((context) => readNamedSheetsInBlocks(context, sheetNames, budget, onProgress));
        // Sheets the last read found too large go to blocks at once (knownSizes.ts).
        const read = knownTooLargeForOneRead(lastSizes, sheetNames, budget)
          ? await inBlocks()
          : await run((context) => readNamedSheets(context, sheetNames)).catch((error: unknown) => {
              // The sheets do not fit in one request: a response over Excel on the web's 5 MB, or
              // a range over Excel's five-million-cell read limit (any platform). Read them in blocks.
              if (!isPayloadLimitError(error) && !isRangeLimitError(error)) throw error;
              return inBlocks();
            });
        onProgress?.({ phase: "read", done: 1, total: 1 });
        return remember(read);
      } catch (error) {
        const failure = hostError(error);
        throw failure.code === "workbook_changed"
          ? new HostError("sheet_missing", failure.detail)
          : failure;
      }
    },

    async write(
      outputs: OutputSheet[],
      basis: WorkbookData,
      onProgress?: ProgressListener,
      statusColumn?: StatusColumn | null
    ): Promise<WriteReport> {
      const state = states.get(basis);
      if (state === undefined) {
        throw new HostError("workbook_changed", "write() needs the WorkbookData of a read()");
      }
      const { removePendingOutputs, writeOutputSheets } = await writer();
      try {
        // The source sheet as the read saw it: where the status column may go.
        const column =
          statusColumn == null
            ? null
            : {
                column: statusColumn,
                grid:
                  basis.sheets.find((sheet) => sheet.name === statusColumn.sheetName)?.grid ?? null,
              };
        // A request Excel refuses as too large: the write again in smaller pieces (writeInPieces.ts).
        return await writeInPieces(
          budget,
          (pieces) =>
            run((context) =>
              writeOutputSheets(context, outputs, state, pieces, onProgress, column)
            ),
          () => run(removePendingOutputs)
        );
      } catch (error) {
        const failure = hostError(error);
        // The failed batch left at most hidden pending sheets; remove them now rather than at the
        // next write. If even that fails, the next write removes them first.
        await run(removePendingOutputs).catch((cleanup: unknown) => {
          throw new HostError(failure.code, `${failure.detail}; ${hostError(cleanup).detail}`);
        });
        throw failure;
      }
    },

    async selectCell(address: string): Promise<void> {
      try {
        await run((context) => selectCell(context, address));
      } catch (error) {
        throw hostError(error);
      }
    },
  };
}
