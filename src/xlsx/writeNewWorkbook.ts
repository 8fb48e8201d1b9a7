import { promises as fs } from "fs";
import path from "path";
import type { SheetLayout } from "../engine";
import type { WrittenSheet } from "./append/addedOutputs";
import { newWorkbookBytes } from "./append/emptyWorkbook";
import { partialPath, removeOnInterrupt } from "./removeOnInterrupt";
import { unwritableError, WorkbookFileError } from "./workbookFileError";

export interface NewWorkbookReport {
  outputPath: string;
  sheets: WrittenSheet[];
}

/**
 * Writes a new workbook holding only the layouts (the coordinators' templates), each marked like the
 * sheets added to a copy — by the same copying writer (append/), started from an empty package, so a
 * template has the print setup, row heights and opening tab of every other sheet we write. Writes over
 * an existing file only when asked (`overwrite`, the command line's --force): a filled-in template is
 * someone's work.
 */
export async function writeNewWorkbook(
  layouts: SheetLayout[],
  outputPath: string,
  overwrite = false
): Promise<NewWorkbookReport> {
  if (!overwrite && (await exists(outputPath))) throw alreadyThere(outputPath);
  const { sheets, bytes } = await newWorkbookBytes(layouts);
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
async function writeAside(
  outputPath: string,
  bytes: Uint8Array,
  overwrite: boolean
): Promise<void> {
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
