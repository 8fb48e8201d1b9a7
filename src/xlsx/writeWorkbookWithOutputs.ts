import { promises as fs } from "fs";
import path from "path";
import type { SheetLayout } from "../engine";
import type { WrittenSheet } from "./append/addedOutputs";
import { appendOutputs, NotAWorkbookError } from "./append/appendOutputs";
import { filePackage, ZipSink, ZipSource } from "./append/zipPackage";
import { readFileBytes, sourceLabel } from "./loadWorkbook";
import { damagedArchiveError } from "./notWorkbookFile";
import { rejectNotWorkbookSource, unloadableWorkbookError } from "./notWorkbookSource";
import { partialPath, removeOnInterrupt } from "./removeOnInterrupt";
import { isSameFile } from "./sameFile";
import { sameAsInputError, unwritableError, WorkbookFileError } from "./workbookFileError";
import { defaultRowsOnWorker } from "./append/rowsOnWorker";
import type { RowsOnWorker } from "./append/rowHandOffs";

export type { WrittenSheet };

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
 *
 * The copy is made entry by entry (append/appendOutputs.ts): the user's sheets, shared strings and
 * everything else are copied as their compressed bytes, never parsed, so a national workbook costs
 * what our own sheets cost. The file appears under its name only when complete.
 */
export async function writeWorkbookWithOutputs(
  inputPath: string,
  layouts: SheetLayout[],
  outputPath: string,
  rowsOnWorker: RowsOnWorker | null = defaultRowsOnWorker()
): Promise<OutputWorkbookReport> {
  if (await isSameFile(inputPath, outputPath)) throw sameAsInputError(outputPath);
  const source = await openInput(inputPath);
  const partial = partialPath(outputPath);
  const forget = removeOnInterrupt(partial);
  try {
    let sink: ZipSink;
    try {
      // The command line refuses a missing folder before this (a mistyped one would hide the
      // result); other callers, tests among them, get it made.
      await fs.mkdir(path.dirname(path.resolve(outputPath)), { recursive: true });
      sink = ZipSink.toFile(partial);
    } catch (error) {
      throw unwritableError(outputPath, error);
    }
    let added;
    try {
      added = await appendOutputs(filePackage(source, sink), layouts, new Set(), rowsOnWorker);
      await sink.finish();
    } catch (error) {
      sink.abort();
      // Said from the file's bytes (another program's document, or damaged), as the reader says it.
      if (error instanceof NotAWorkbookError)
        throw unloadableWorkbookError(await readFileBytes(inputPath), sourceLabel(inputPath));
      if (error instanceof WorkbookFileError) throw error;
      throw unwritableError(outputPath, error);
    }
    try {
      await fs.rename(partial, outputPath);
    } catch (error) {
      throw unwritableError(outputPath, error);
    }
    return { outputPath, ...added };
  } finally {
    source.close();
    await fs.rm(partial, { force: true });
    forget();
  }
}

async function openInput(inputPath: string): Promise<ZipSource> {
  await rejectNotWorkbookSource(inputPath);
  try {
    return await ZipSource.open(inputPath);
  } catch {
    // It begins as a zip (rejectNotWorkbookSource): its directory, at the end, is cut off or broken.
    throw damagedArchiveError(sourceLabel(inputPath));
  }
}
