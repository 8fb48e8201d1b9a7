/**
 * The .xlsx adapter for the browser (the standalone page): a workbook from the bytes of a file the
 * user opened, its sheets as the engine reads them, the outputs added in memory, and the bytes of the
 * result for download. No file system, no Node: the page loads this module only when it needs a
 * workbook, as a separate chunk.
 *
 * The working copy (what the next action reads) is the file's sheets, read once by the command
 * line's reader (page/sheetsData.ts; in a Web Worker when the page can start one), and our sheets as
 * written: each write runs the copying writer (`appendOutputs`) on a package that lists the working
 * copy's sheets without their cells (page/sheetListPackage.ts) — so names, replaced and kept sheets
 * follow the writer's own rules — and reads the new sheets back with the same reader, so the next
 * action sees them (the hidden settings, the risk thresholds the user may have edited) exactly as it
 * would in the downloaded file. Our visible outputs, which no action reads, are kept there without
 * their cells (`shellOf`). The download is the opened file's own parts with our sheets added by
 * the same writer: the same sheets, styles and charts as `--out`, and the user's parts as they were.
 */
import type { SheetLayout } from "../engine";
import type { AddedOutputs } from "./append/addedOutputs";
import { appendOutputs } from "./append/appendOutputs";
import { MemoryPackage } from "./append/memoryPackage";
import { rejectNotWorkbookFile } from "./notWorkbookFile";
import { readSheetsData, sheetsOfData, type PageSheet, type SheetsReader } from "./page/sheetsData";
import { sheetListPackage } from "./page/sheetListPackage";
import { rejectCompoundFile, WorkbookFileError } from "./workbookFileError";

export type { AddedOutputs, PageSheet, SheetsReader };
export { WorkbookFileError };

/** An opened workbook: kept in memory while the page works on it. */
export interface OpenWorkbook {
  readonly label: string;
  /** The file as it was opened: what the download adds our sheets to. */
  readonly original: Uint8Array;
  /** The working copy's sheets in tab order: the file's as read, ours as written and read back. */
  sheets: PageSheet[];
  /**
   * Each sheet the page has written and not replaced since, by the sheet's name: its layout, and
   * whether it was written hidden (the settings).
   */
  readonly written: Map<string, { layout: SheetLayout; hidden: boolean }>;
}

/**
 * Opens the bytes of a file the user chose, reading its sheets with `readSheets` (the page passes
 * its worker; tests and the fallback read on the calling thread).
 */
export async function openWorkbookBytes(
  bytes: ArrayBuffer,
  fileName: string,
  readSheets: SheetsReader = readSheetsData
): Promise<OpenWorkbook> {
  const label = `«${fileName}»`;
  const original = new Uint8Array(bytes.slice(0));
  await rejectCompoundFile(original, label);
  rejectNotWorkbookFile(original, label);
  const sheets = sheetsOfData(await readSheets(original, label));
  if (!sheets.some((sheet) => hasAnyValue(sheet))) {
    throw new WorkbookFileError(
      "empty",
      label,
      `В книге ${label} нет данных: все её листы пусты. Выберите книгу с выгрузкой результатов или вставьте таблицу на лист, сохраните книгу и откройте её снова.`
    );
  }
  return { label, original, sheets, written: new Map() };
}

/**
 * A new workbook of one empty sheet, for the page before the user has a file: the templates are
 * written into it and downloaded. Its bytes are a package the copying writer adds to, as to an
 * opened file, and its sheet is read from them like any other.
 */
export async function newWorkbook(fileName: string, sheetName: string): Promise<OpenWorkbook> {
  const label = `«${fileName}»`;
  const original = sheetListPackage([{ name: sheetName, state: "visible", marks: [] }]);
  const sheets = sheetsOfData(await readSheetsData(original, label));
  return { label, original, sheets, written: new Map() };
}

export function workbookSheets(opened: OpenWorkbook): PageSheet[] {
  return opened.sheets;
}

/** Adds the layouts as the add-in would in Excel: own sheets replaced, user sheets never touched. */
export async function addWorkbookOutputs(
  opened: OpenWorkbook,
  layouts: SheetLayout[],
  hidden: ReadonlySet<string> = new Set()
): Promise<AddedOutputs> {
  const listed = new MemoryPackage(
    sheetListPackage(
      opened.sheets.map((sheet) => ({
        name: sheet.grid.sheetName,
        state: sheet.state,
        marks: [sheet.outputMark, sheet.userDataMark].flatMap((mark) =>
          mark === null ? [] : [mark]
        ),
      }))
    )
  );
  const added = await appendOutputs(
    listed,
    layouts.map((layout) => (readByActions(layout, hidden) ? layout : shellOf(layout))),
    hidden
  );
  const readBack = sheetsOfData(await readSheetsData(listed.bytes(), opened.label));
  const addedNames = new Set(added.sheets.map((sheet) => sheet.name));
  const replaced = new Set(added.replacedSheets);
  // appendOutputs puts the new sheets after the kept ones, in the layouts' order: so does the page.
  opened.sheets = [
    ...opened.sheets.filter((sheet) => !replaced.has(sheet.grid.sheetName)),
    ...readBack.filter((sheet) => addedNames.has(sheet.grid.sheetName)),
  ];
  for (const name of added.replacedSheets) opened.written.delete(name);
  for (const sheet of added.sheets) {
    const layout = layouts.find((candidate) => candidate.marker === sheet.marker)!;
    opened.written.set(sheet.name, { layout, hidden: hidden.has(sheet.marker) });
  }
  return added;
}

/** The opened file with every sheet written so far, as .xlsx bytes (see the note at the top). */
export async function workbookBytes(opened: OpenWorkbook): Promise<Uint8Array> {
  // In the order the working copy has them, so the download's tabs are the ones the page showed.
  const written = opened.sheets.flatMap((sheet) => {
    const entry = opened.written.get(sheet.grid.sheetName);
    return entry === undefined ? [] : [entry];
  });
  const hidden = new Set(
    written.filter((entry) => entry.hidden).map((entry) => entry.layout.marker)
  );
  const result = new MemoryPackage(opened.original);
  await appendOutputs(
    result,
    written.map((entry) => entry.layout),
    hidden
  );
  return result.bytes();
}

/**
 * Whether an action reads the sheet back: our hidden settings and the sheets that become the user's
 * data (templates, the risk thresholds) are input to the next action. Our visible outputs are not:
 * the host lists them without their values, as Excel's scan does.
 */
function readByActions(layout: SheetLayout, hidden: ReadonlySet<string>): boolean {
  return hidden.has(layout.marker) || layout.userData === true;
}

/**
 * A visible output as the working copy holds it: its name, mark and place, no cells. Writing every
 * row into the working copy and reading it back only to be ignored was most of an action's time on
 * a national table (its lists run to tens of thousands of rows); the download writes it whole.
 */
function shellOf(layout: SheetLayout): SheetLayout {
  return {
    name: layout.name,
    marker: layout.marker,
    preamble: [],
    header: [],
    body: [],
    columns: [],
    ...(layout.opensHere === true && { opensHere: true }),
  };
}

function hasAnyValue(sheet: PageSheet): boolean {
  return sheet.grid.values.some((row) => row.some((value) => value !== null && value !== ""));
}
