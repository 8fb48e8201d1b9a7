import { promises as fs } from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import type { SheetLayout } from "../engine";
import { addLayoutSheet } from "./layoutSheet";
import { loadWorkbook } from "./loadWorkbook";
import {
  dropStaleNames,
  markedOutputSheets,
  markedUserDataSheets,
  markOutputSheet,
  outputMarkName,
  userDataMarkName,
} from "./outputSheetMark";
import { freeSheetName } from "./outputSheetName";
import { isSameFile } from "./sameFile";
import { WorkbookFileError } from "./workbookFileError";

export interface WrittenSheet {
  marker: string;
  /** The name the layout asked for (`ШНОР`). */
  requestedName: string;
  /** The name actually used: differs when a user sheet already had the requested one. */
  name: string;
}

export interface OutputWorkbookReport {
  outputPath: string;
  sheets: WrittenSheet[];
  /** Our own sheets from an earlier run that this run replaced. */
  replacedSheets: string[];
  /**
   * User-data layouts (thresholds, templates) not written because the workbook already has that sheet:
   * `name` is the existing sheet, which is the user's now and is left as it is.
   */
  keptSheets: WrittenSheet[];
}

/**
 * Writes a copy of the input workbook with the layouts as new sheets. The input is only read; earlier
 * School Radar sheets with the same markers are replaced; user sheets are never removed or renamed.
 * A `userData` layout (the thresholds sheet, a template) is written only when no sheet carries its mark
 * yet: once written, it is the user's and a re-run keeps it.
 */
export async function writeWorkbookWithOutputs(
  inputPath: string,
  layouts: SheetLayout[],
  outputPath: string
): Promise<OutputWorkbookReport> {
  if (await isSameFile(inputPath, outputPath)) {
    throw new WorkbookFileError(
      "same_as_input",
      outputPath,
      `Файл результата «${outputPath}» совпадает с исходной книгой; исходная книга не изменяется — укажите другой файл в --out.`
    );
  }
  const workbook = await loadWorkbook(inputPath);
  const replacedSheets = removeEarlierOutputs(workbook, layouts);
  const existingData = existingUserData(workbook);
  const sheets: WrittenSheet[] = [];
  const keptSheets: WrittenSheet[] = [];
  for (const layout of layouts) {
    const existing = layout.userData
      ? existingData.get(userDataMarkName(layout.marker).toLowerCase())
      : undefined;
    if (existing === undefined) sheets.push(addOutputSheet(workbook, layout));
    else keptSheets.push({ marker: layout.marker, requestedName: layout.name, name: existing });
  }
  await saveWorkbook(workbook, outputPath);
  return { outputPath, sheets, replacedSheets, keptSheets };
}

/** Mark (lower case) → sheet, for the user-data sheets still present in the workbook. */
function existingUserData(workbook: ExcelJS.Workbook): Map<string, string> {
  const existing = new Map<string, string>();
  for (const [sheetName, mark] of markedUserDataSheets(workbook)) {
    if (workbook.getWorksheet(sheetName) !== undefined) existing.set(mark.toLowerCase(), sheetName);
  }
  return existing;
}

/** Removes our sheets carrying one of the layouts' markers; returns their names. */
function removeEarlierOutputs(workbook: ExcelJS.Workbook, layouts: SheetLayout[]): string[] {
  const wantedMarks = new Set(
    layouts
      .filter((layout) => layout.userData !== true)
      .map((layout) => outputMarkName(layout.marker).toLowerCase())
  );
  const removed: string[] = [];
  for (const [sheetName, mark] of markedOutputSheets(workbook)) {
    const worksheet = workbook.getWorksheet(sheetName);
    if (worksheet === undefined || !wantedMarks.has(mark.toLowerCase())) continue;
    workbook.removeWorksheet(worksheet.id);
    removed.push(sheetName);
  }
  dropStaleNames(workbook, new Set(removed));
  return removed;
}

export function addOutputSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): WrittenSheet {
  const name = freeSheetName(workbook, layout.name);
  addLayoutSheet(workbook, layout, name);
  markOutputSheet(workbook, name, layout.marker, layout.userData === true);
  return { marker: layout.marker, requestedName: layout.name, name };
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, outputPath: string): Promise<void> {
  try {
    const bytes = await workbook.xlsx.writeBuffer();
    // The sample's result folder (samples/out) is not in the repository; create it like `git` would.
    await fs.mkdir(path.dirname(path.resolve(outputPath)), { recursive: true });
    await fs.writeFile(outputPath, Buffer.from(bytes as ArrayBuffer));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WorkbookFileError(
      "unwritable",
      outputPath,
      `Не удалось записать файл «${outputPath}»: ${reason}.`
    );
  }
}
