import type ExcelJS from "exceljs";
import type { WorkbookSheet } from "../../../src/xlsx";
import { sourceLabel, readFileBytes, type WorkbookSource } from "../../../src/xlsx/loadWorkbook";
import {
  damagedArchiveError,
  noSheetsError,
  rejectNotWorkbookFile,
} from "../../../src/xlsx/notWorkbookFile";
import { rejectCompoundFile, WorkbookFileError } from "../../../src/xlsx/workbookFileError";
import { excelJsSheets, hasAnyValue } from "./excelJsSheets";

/*
 * ExcelJS's reading of a workbook, the reference the product's reader (src/xlsx/focused/) is tested
 * against (sameReading.ts, worksheetProducers.test.ts). ExcelJS is no longer a dependency of the
 * product: only the tests load it.
 */

/** Loads a workbook into ExcelJS's model, refusing what the product refuses, with its messages. */
export async function loadWorkbook(source: WorkbookSource): Promise<ExcelJS.Workbook> {
  const label = sourceLabel(source);
  const bytes = typeof source === "string" ? await readFileBytes(source) : source;
  await rejectCompoundFile(bytes, label);
  rejectNotWorkbookFile(bytes, label);
  const { default: ExcelJSModule } = await import("exceljs");
  const workbook = new ExcelJSModule.Workbook();
  try {
    // ExcelJS types its parameter with its own `Buffer` declaration, which Node's Buffer does not match.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    throw damagedArchiveError(label);
  }
  if (workbook.worksheets.length === 0) throw noSheetsError(label);
  return workbook;
}

/** Every worksheet as ExcelJS reads it, with its mark and merged ranges. */
export async function readWorkbookSheetsExcelJS(source: WorkbookSource): Promise<WorkbookSheet[]> {
  const workbook = await loadWorkbook(source);
  const sheets = excelJsSheets(workbook).map(({ grid, outputMark, mergedRanges }) => ({
    grid,
    outputMark,
    mergedRanges,
  }));
  if (!sheets.some((sheet) => hasAnyValue(sheet.grid))) {
    const label = sourceLabel(source);
    throw new WorkbookFileError(
      "empty",
      label,
      `Книга ${label} пуста: ни на одном листе нет данных.`
    );
  }
  return sheets;
}
