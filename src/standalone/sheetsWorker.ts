/*
 * The Web Worker that reads a workbook for the standalone page (started by
 * startSheetsWorker.ts): the page's thread stays free to draw while a national
 * workbook is inflated and parsed, and the worker's garbage (the XML text) never touches the page's
 * heap. One message in (the file's bytes), one out (its sheets as data, or the Russian error).
 */
import { WorkbookFileError } from "../xlsx/workbookFileError";
import { readSheetsData, transferables } from "../xlsx/page/sheetsData";
import type { FromSheetsWorker, ToSheetsWorker } from "./readSheets";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToSheetsWorker>) => void) | null;
  postMessage(message: FromSheetsWorker, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { bytes, label } = event.data;
  readSheetsData(new Uint8Array(bytes), label).then(
    (data) => scope.postMessage({ kind: "sheets", data }, transferables(data)),
    (error: unknown) =>
      scope.postMessage(
        error instanceof WorkbookFileError
          ? { kind: "refused", problem: error.problem, path: error.path, message: error.message }
          : { kind: "failed" },
        []
      )
  );
};
