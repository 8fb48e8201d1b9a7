import { promises as fs } from "fs";
import path from "path";
import type { SheetLayout } from "../engine";
import { partialPath, removeOnInterrupt } from "./removeOnInterrupt";
import { addOutputSheet, type WrittenSheet } from "./writeWorkbookWithOutputs";
import { unwritableError, WorkbookFileError } from "./workbookFileError";

export interface NewWorkbookReport {
  outputPath: string;
  sheets: WrittenSheet[];
}

/**
 * Writes a new workbook holding only the layouts (the coordinators' templates), each marked like the
 * sheets added to a copy. Writes over an existing file only when asked (`overwrite`, the command
 * line's --force): a filled-in template is someone's work.
 */
export async function writeNewWorkbook(
  layouts: SheetLayout[],
  outputPath: string,
  overwrite = false
): Promise<NewWorkbookReport> {
  if (!overwrite && (await exists(outputPath))) throw alreadyThere(outputPath);
  // Loaded on first use, as in loadWorkbook: imported at the top, ExcelJS (150 modules) was loaded by
  // every command, 0.4 s before `analyze --json` read a byte.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Школьный радар";
  const sheets = layouts.map((layout) => addOutputSheet(workbook, layout));
  const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  try {
    // The command line refuses a missing folder before this; other callers get it made.
    await fs.mkdir(path.dirname(path.resolve(outputPath)), { recursive: true });
    await writeAside(outputPath, bytes, overwrite);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw unwritableError(outputPath, error);
  }
  return { outputPath, sheets };
}

/**
 * Written under a hidden name and renamed: a failed or interrupted write leaves neither a cut-off
 * template nor a damaged file in place of the one it was to replace.
 */
async function writeAside(outputPath: string, bytes: Buffer, overwrite: boolean): Promise<void> {
  const partial = partialPath(outputPath);
  const forget = removeOnInterrupt(partial);
  try {
    await fs.writeFile(partial, bytes, { flag: "wx" });
    // Looked at again: the file may have appeared while the workbook was being built.
    if (!overwrite && (await exists(outputPath))) throw alreadyThere(outputPath);
    await fs.rename(partial, outputPath);
  } finally {
    await fs.rm(partial, { force: true });
    forget();
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath);
    return true;
  } catch {
    // Nothing there (or not reachable): writing will tell.
    return false;
  }
}

function alreadyThere(outputPath: string): WorkbookFileError {
  return new WorkbookFileError(
    "exists",
    outputPath,
    `Файл «${outputPath}» уже существует; шаблон не записан, чтобы не затереть данные — укажите другой файл в --out или добавьте --force, чтобы заменить его.`
  );
}
