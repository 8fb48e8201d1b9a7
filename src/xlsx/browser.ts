/**
 * The .xlsx adapter for the browser (the standalone page): a workbook from the bytes of a file the
 * user opened, its sheets as the engine reads them, the outputs added in memory, and the bytes of the
 * result for download. No file system, no Node: the page loads this module (and ExcelJS with it) only
 * when a file is opened, as a separate chunk.
 */
import ExcelJS from "exceljs";
import type { ChartSpec, SheetLayout } from "../engine";
import { addOutputs, type AddedOutputs } from "./addOutputs";
import { withCharts } from "./chartParts";
import { excelJsSheets, hasAnyValue, type ExcelJsSheet } from "./excelJsSheets";
import { notWorkbookError, rejectCompoundFile, WorkbookFileError } from "./workbookFileError";

export type { AddedOutputs, ExcelJsSheet };
export { WorkbookFileError };

/** An opened workbook: kept in memory while the page works on it. */
export interface OpenWorkbook {
  readonly label: string;
  readonly workbook: ExcelJS.Workbook;
  /**
   * The charts of our sheets, by sheet name: ExcelJS writes no charts, so they are added to the bytes
   * of each download (`withCharts`). Kept in step with the sheets as a re-run replaces them.
   */
  readonly charts: Map<string, ChartSpec[]>;
}

export async function openWorkbookBytes(
  bytes: ArrayBuffer,
  fileName: string
): Promise<OpenWorkbook> {
  const label = `«${fileName}»`;
  await rejectCompoundFile(new Uint8Array(bytes), label);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (error) {
    throw notWorkbookError(label, error instanceof Error ? error.message : String(error));
  }
  const opened: OpenWorkbook = { label, workbook, charts: new Map() };
  if (!workbookSheets(opened).some((sheet) => hasAnyValue(sheet.grid))) {
    throw new WorkbookFileError(
      "empty",
      label,
      `Книга ${label} пуста: ни на одном листе нет данных.`
    );
  }
  return opened;
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
  for (const name of added.replacedSheets) opened.charts.delete(name);
  for (const sheet of added.sheets) {
    const charts = layouts.find((layout) => layout.marker === sheet.marker)?.charts ?? [];
    if (charts.length > 0) opened.charts.set(sheet.name, charts);
  }
  return added;
}

/** The workbook as it is now, as .xlsx bytes, with our sheets' charts. */
export async function workbookBytes(opened: OpenWorkbook): Promise<Uint8Array> {
  const buffer = await opened.workbook.xlsx.writeBuffer();
  const charts = [...opened.charts].map(([sheetName, specs]) => ({ sheetName, charts: specs }));
  return withCharts(new Uint8Array(buffer as ArrayBuffer), charts);
}
