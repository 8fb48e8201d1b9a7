import {
  HostError,
  type OutputSheet,
  type WorkbookData,
  type WorkbookHost,
  type WriteReport,
} from "../host/workbookHost";
import type { OpenWorkbook, SheetsReader } from "../xlsx/browser";

/**
 * The browser half of the .xlsx adapter, loaded as a separate chunk on first use, and how it reads an
 * opened file: in the page's Web Worker when `readSheets` is given, else on the calling thread.
 */
export type XlsxModule = typeof import("../xlsx/browser") & { readSheets?: SheetsReader };

/**
 * The adapter with the page's worker. The worker's starter is imported here, lazily, and never by a
 * module the tests load: its `import.meta` does not run under the tests' CommonJS.
 */
export async function loadXlsxModule(): Promise<XlsxModule> {
  const [xlsx, { readSheetsInWorker }, { startSheetsWorker }] = await Promise.all([
    import(/* webpackChunkName: "xlsx" */ "../xlsx/browser"),
    import(/* webpackChunkName: "xlsx" */ "./readSheets"),
    import(/* webpackChunkName: "xlsx" */ "./startSheetsWorker"),
  ]);
  return { ...xlsx, readSheets: readSheetsInWorker(startSheetsWorker) };
}

/** An .xlsx opened in the page: the task pane's host, plus the result for download. */
export interface FileHost extends WorkbookHost {
  readonly fileName: string;
  /** The workbook as it is now (the original and every output written so far), as .xlsx bytes. */
  resultBytes(): Promise<Uint8Array>;
}

/**
 * Opens the bytes of a file the user chose. Problems with the file (an .xls, not a workbook, empty)
 * become a `HostError` with the adapter's Russian message.
 */
export async function openFileHost(
  xlsx: XlsxModule,
  bytes: ArrayBuffer,
  fileName: string
): Promise<FileHost> {
  let opened: OpenWorkbook;
  try {
    opened = await xlsx.openWorkbookBytes(bytes, fileName, xlsx.readSheets);
  } catch (error) {
    if (error instanceof xlsx.WorkbookFileError) throw new HostError("not_xlsx", error.message);
    throw error;
  }
  return createFileHost(xlsx, opened, fileName);
}

/**
 * The host over a new workbook of one empty sheet: before the user has a file, the page runs on it,
 * so the templates (the one action that needs no data) can be made and downloaded. The download opens
 * on the first sheet written, not on the empty one before it.
 */
export async function openBlankHost(
  xlsx: XlsxModule,
  fileName: string,
  sheetName: string
): Promise<FileHost> {
  const host = createFileHost(xlsx, await xlsx.newWorkbook(fileName, sheetName), fileName);
  return { ...host, write: (outputs, ...rest) => host.write(opensOnFirst(outputs), ...rest) };
}

/** The outputs with the first visible one marked to open the workbook, unless one already is. */
function opensOnFirst(outputs: OutputSheet[]): OutputSheet[] {
  if (outputs.some((output) => output.layout.opensHere === true)) return outputs;
  const first = outputs.findIndex((output) => output.hidden !== true);
  return outputs.map((output, index) =>
    index === first ? { ...output, layout: { ...output.layout, opensHere: true } } : output
  );
}

export function createFileHost(xlsx: XlsxModule, opened: OpenWorkbook, fileName: string): FileHost {
  // Everything is in memory: a read is the same as a scan, and costs no round trip.
  const scan = async (): Promise<WorkbookData> => {
    const sheets = xlsx.workbookSheets(opened).map((sheet) => {
      const visible = sheet.state === "visible";
      const hasValues = sheet.grid.values.some((row) =>
        row.some((value) => value !== null && value !== "")
      );
      // As in Excel: our visible outputs are listed without their values; hidden ones (settings) with.
      const read = hasValues && (sheet.outputMark === null || !visible);
      return {
        name: sheet.grid.sheetName,
        visible,
        outputMark: sheet.outputMark,
        grid: read ? sheet.grid : null,
      };
    });
    return { sheets, activeSheet: sheets.find((sheet) => sheet.visible)?.name ?? null };
  };
  return {
    kind: "file",
    fileName,
    scan,
    read: scan,
    async write(outputs: OutputSheet[]): Promise<WriteReport> {
      const hidden = new Set(
        outputs.filter((output) => output.hidden).map((output) => output.layout.marker)
      );
      const added = await xlsx.addWorkbookOutputs(
        opened,
        outputs.map((output) => output.layout),
        hidden
      );
      return {
        sheets: added.sheets,
        replacedSheets: added.replacedSheets,
        keptSheets: added.keptSheets,
      };
    },
    resultBytes: () => xlsx.workbookBytes(opened),
  };
}
