/**
 * The standalone page's reading (src/xlsx/page): the command line's reader over bytes in memory
 * (fflate's inflate), its result crossing to the page's thread as transferable data, gives the same
 * sheets, cell for cell, as the command line's reading of the file; damaged bytes give the Russian
 * message; a worker that cannot start or fails leaves the reading to the page's thread.
 */
import { readFileSync } from "fs";
import path from "path";
import { readWorkbookSheetsFocused } from "../../src/xlsx";
import { WorkbookFileError } from "../../src/xlsx/workbookFileError";
import {
  readSheetsHere,
  readSheetsInWorker,
  type FromSheetsWorker,
  type ToSheetsWorker,
} from "../../src/standalone/readSheets";
import { readSheetsData, sheetsOfData, transferables } from "../../src/xlsx/page/sheetsData";

const ROOT = path.join(__dirname, "..", "..");
const FILES = [
  path.join(ROOT, "samples", "school-radar-sample.xlsx"),
  path.join(ROOT, "samples", "school-radar-functions.xlsx"),
  path.join(ROOT, "test", "fixtures", "producers", "openpyxl.xlsx"),
  path.join(ROOT, "test", "fixtures", "producers", "sheetjs-shared.xlsx"),
];

/** A sheet as plain data: every row made, formats and merges, nothing lazy left to compare. */
function plain(sheet: {
  grid: import("../../src/engine").SheetGrid;
  outputMark: string | null;
  mergedRanges: unknown;
}) {
  const { grid } = sheet;
  return {
    name: grid.sheetName,
    values: Array.from(grid.values, (row) => [...row]),
    formats: Array.from(grid.numberFormats ?? [], (row) => [...row]),
    uncalculated: grid.uncalculatedFormulas ?? null,
    cells: grid.cells && { rows: grid.cells.rowCount, columns: grid.cells.columnCount },
    outputMark: sheet.outputMark,
    merged: sheet.mergedRanges,
  };
}

describe("the page's reading against the command line's", () => {
  it.each(FILES.map((file) => [path.basename(file), file]))(
    "%s: the same sheets, after crossing threads as transferred data",
    async (_, file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const data = await readSheetsData(bytes, "«книга.xlsx»");
      // What postMessage does to it: a structured clone with the slabs moved, not copied.
      const crossed = structuredClone(data, { transfer: transferables(data) });
      expect(
        data.sheets.every((sheet) =>
          sheet.cells.cells.numberSlabs.every((slab) => slab.byteLength === 0)
        )
      ).toBe(true);
      const page = sheetsOfData(crossed);
      const cli = await readWorkbookSheetsFocused(file, null);
      expect(page.map(plain)).toEqual(cli.map(plain));
      expect(page.every((sheet) => sheet.state === "visible")).toBe(true);
    }
  );

  it("a cut-off file is damaged, in Russian", async () => {
    const bytes = new Uint8Array(readFileSync(FILES[0]!));
    const failure = await readSheetsHere(
      bytes.subarray(0, bytes.length - 2000),
      "«книга.xlsx»"
    ).catch((error) => error);
    expect(failure).toBeInstanceOf(WorkbookFileError);
    expect(failure.message).toContain("Файл «книга.xlsx» повреждён");
  });
});

/** A stand-in for the browser's Worker: runs the worker's answer function on the next turn. */
function fakeWorker(answer: (message: ToSheetsWorker) => Promise<FromSheetsWorker> | "error") {
  const worker = {
    onmessage: null as ((event: MessageEvent<FromSheetsWorker>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    terminated: false,
    terminate() {
      worker.terminated = true;
    },
    postMessage(message: ToSheetsWorker) {
      setImmediate(async () => {
        const result = answer(message);
        if (result === "error") worker.onerror!({ preventDefault() {} } as ErrorEvent);
        else worker.onmessage!({ data: await result } as MessageEvent<FromSheetsWorker>);
      });
    },
  };
  return worker;
}

describe("reading in a worker", () => {
  const bytes = () => new Uint8Array(readFileSync(FILES[0]!));
  const names = (data: { sheets: { name: string }[] }) => data.sheets.map((sheet) => sheet.name);

  it("takes the worker's sheets, having sent it a copy of the bytes", async () => {
    let sent: ToSheetsWorker | null = null;
    const worker = fakeWorker(async (message) => {
      sent = message;
      return {
        kind: "sheets",
        data: await readSheetsData(new Uint8Array(message.bytes), message.label),
      };
    });
    const original = bytes();
    const data = await readSheetsInWorker(() => worker as unknown as Worker)(original, "«a.xlsx»");
    expect(names(data)).toEqual(names(await readSheetsHere(bytes(), "«a.xlsx»")));
    expect(sent!.bytes).not.toBe(original.buffer);
    expect(original.byteLength).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
  });

  it("passes on the worker's refusal as the same Russian error", async () => {
    const worker = fakeWorker(async () => ({
      kind: "refused",
      problem: "not_xlsx",
      path: "«a.xlsx»",
      message: "Файл «a.xlsx» повреждён.",
    }));
    const failure = await readSheetsInWorker(() => worker as unknown as Worker)(
      bytes(),
      "«a.xlsx»"
    ).catch((error) => error);
    expect(failure).toBeInstanceOf(WorkbookFileError);
    expect([failure.problem, failure.message]).toEqual(["not_xlsx", "Файл «a.xlsx» повреждён."]);
  });

  it.each([
    [
      "no worker starts (a page from file://)",
      () => {
        throw new DOMException("Script cannot be accessed from origin 'null'.", "SecurityError");
      },
    ],
    ["the worker's script fails", () => fakeWorker(() => "error") as unknown as Worker],
    [
      "the worker fails unexpectedly",
      () => fakeWorker(async () => ({ kind: "failed" })) as unknown as Worker,
    ],
  ])("reads on the page's thread when %s", async (_, start) => {
    const data = await readSheetsInWorker(start)(bytes(), "«a.xlsx»");
    expect(names(data)).toEqual(names(await readSheetsHere(bytes(), "«a.xlsx»")));
    expect(names(data).length).toBeGreaterThan(0);
  });
});
