/**
 * The .xlsx adapter for the browser (the standalone page): a workbook from the bytes of a file the
 * user opened, its sheets as the engine reads them, the outputs added in memory, and the bytes of the
 * result for download. No file system, no Node: the page loads this module (and ExcelJS with it) only
 * when a file is opened, as a separate chunk.
 *
 * ExcelJS reads the workbook and holds the page's working copy (what the next action reads). The
 * download is not ExcelJS's: a workbook library rewrites every part from its model and drops what it
 * does not model (the user's charts, pivot tables). It is the opened file's own parts with our sheets
 * added by the command line's writer (`appendOutputs`), in memory: the same sheets, styles and charts
 * as `--out`, and the user's parts as they were.
 */
import ExcelJS from "exceljs";
import type { SheetLayout } from "../engine";
import { addOutputs, type AddedOutputs } from "./addOutputs";
import { appendOutputs } from "./append/appendOutputs";
import { MemoryPackage } from "./append/memoryPackage";
import { excelJsSheets, hasAnyValue, type ExcelJsSheet } from "./excelJsSheets";
import { rejectNotWorkbookFile } from "./notWorkbookFile";
import { notWorkbookError, rejectCompoundFile, WorkbookFileError } from "./workbookFileError";

export type { AddedOutputs, ExcelJsSheet };
export { WorkbookFileError };

/** An opened workbook: kept in memory while the page works on it. */
export interface OpenWorkbook {
  readonly label: string;
  readonly workbook: ExcelJS.Workbook;
  /** The file as it was opened: what the download adds our sheets to. */
  readonly original: Uint8Array;
  /**
   * Each sheet the page has written and not replaced since, by the sheet's name: its layout, and
   * whether it was written hidden (the settings).
   */
  readonly written: Map<string, { layout: SheetLayout; hidden: boolean }>;
}

export async function openWorkbookBytes(
  bytes: ArrayBuffer,
  fileName: string
): Promise<OpenWorkbook> {
  const label = `«${fileName}»`;
  const original = new Uint8Array(bytes.slice(0));
  await rejectCompoundFile(original, label);
  rejectNotWorkbookFile(original, label);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    // A zip with Excel's parts that ExcelJS cannot parse: its text (XML parser internals, in English)
    // would tell the user nothing, so the page says what is known and what to do.
    throw notWorkbookError(label, "часть содержимого книги испорчена; сохраните её в Excel заново");
  }
  const opened: OpenWorkbook = { label, workbook, original, written: new Map() };
  if (!workbookSheets(opened).some((sheet) => hasAnyValue(sheet.grid))) {
    throw new WorkbookFileError(
      "empty",
      label,
      `В книге ${label} нет данных: все её листы пусты. Выберите книгу с выгрузкой результатов или вставьте таблицу на лист, сохраните книгу и откройте её снова.`
    );
  }
  return opened;
}

/**
 * A new workbook of one empty sheet, for the page before the user has a file: the templates are
 * written into it and downloaded. Its bytes are ExcelJS's, so the download (the original's parts with
 * our sheets added) has a package to add to, as with an opened file.
 */
export async function newWorkbook(fileName: string, sheetName: string): Promise<OpenWorkbook> {
  const blank = new ExcelJS.Workbook();
  blank.addWorksheet(sheetName);
  const original = new Uint8Array((await blank.xlsx.writeBuffer()) as ArrayBuffer);
  // The working copy is read back from those bytes, so it is the same workbook the download starts from.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(original.slice().buffer);
  return { label: `«${fileName}»`, workbook, original, written: new Map() };
}

export function workbookSheets(opened: OpenWorkbook): ExcelJsSheet[] {
  return excelJsSheets(opened.workbook);
}

/** Adds the layouts as the add-in would in Excel: own sheets replaced, user sheets never touched. */
export function addWorkbookOutputs(
  opened: OpenWorkbook,
  layouts: SheetLayout[],
  hidden: ReadonlySet<string> = new Set()
): AddedOutputs {
  const added = addOutputs(opened.workbook, layouts, hidden);
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
  const written = opened.workbook.worksheets.flatMap((sheet) => {
    const entry = opened.written.get(sheet.name);
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
