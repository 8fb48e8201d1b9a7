import { promises as fs } from "fs";
import path from "path";
import type { SheetLayout } from "../engine";
import { addOutputSheet, type WrittenSheet } from "./writeWorkbookWithOutputs";
import { unwritableError, WorkbookFileError } from "./workbookFileError";

export interface NewWorkbookReport {
  outputPath: string;
  sheets: WrittenSheet[];
}

/**
 * Writes a new workbook holding only the layouts (the coordinators' templates), each marked like the
 * sheets added to a copy. Never writes over an existing file: a filled-in template is someone's work.
 */
export async function writeNewWorkbook(
  layouts: SheetLayout[],
  outputPath: string
): Promise<NewWorkbookReport> {
  if (await exists(outputPath)) throw alreadyThere(outputPath);
  // Loaded on first use, as in loadWorkbook: imported at the top, ExcelJS (150 modules) was loaded by
  // every command, 0.4 s before `analyze --json` read a byte.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Школьный радар";
  const sheets = layouts.map((layout) => addOutputSheet(workbook, layout));
  const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  try {
    await fs.mkdir(path.dirname(path.resolve(outputPath)), { recursive: true });
  } catch (error) {
    throw unwritableError(outputPath, error);
  }
  try {
    // `wx`: fails if the file appeared in the meantime, instead of replacing it.
    await fs.writeFile(outputPath, bytes, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw alreadyThere(outputPath);
    throw unwritableError(outputPath, error);
  }
  return { outputPath, sheets };
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
    `Файл «${outputPath}» уже существует; шаблон не записан, чтобы не затереть данные — укажите другой файл в --out.`
  );
}
