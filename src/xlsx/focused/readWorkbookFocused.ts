import type { WorkbookSheet } from "../readWorkbookGrids";
import { sourceLabel, type WorkbookSource } from "../loadWorkbook";
import { damagedArchiveError, foreignArchiveError } from "../notWorkbookFile";
import { archiveKindByMainPart, rejectNotWorkbookSource } from "../notWorkbookSource";
import { WorkbookFileError } from "../workbookFileError";
import { SheetCells, type SheetContext } from "./sheetCells";
import { defaultTwoThreads, readSheetOnTwoThreads, type TwoThreads } from "./twoThreadSheet";
import { readArchiveSheets, readSheetInOneStream } from "./archiveSheets";
import type { SheetPart } from "./workbookParts";
import { ZipArchive } from "./zipArchive";

/**
 * Reads every worksheet of an .xlsx into the engine's grids — the same grids, cell for cell, as the
 * ExcelJS adapter (test/xlsx/focusedReader.test.ts holds them side by side) — reading only what the
 * engine uses: the workbook's sheet list and names, shared strings, the cell styles' number formats,
 * and each sheet's cells, streamed. ExcelJS builds a full object model first: on the national table
 * (50,000 schools) that took 5.8 s and 1.1 GB; this reader needs a fraction of both.
 */
export async function readWorkbookSheetsFocused(
  source: WorkbookSource,
  twoThreads: TwoThreads | null = defaultTwoThreads()
): Promise<WorkbookSheet[]> {
  const label = sourceLabel(source);
  await rejectNotWorkbookSource(source);
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(source);
  } catch {
    // It begins as a zip (rejectNotWorkbookSource): its directory, at the end, is cut off or broken.
    throw damagedArchiveError(label);
  }
  try {
    const read = await readArchiveSheets(zip, label, (part, context) =>
      readSheet(zip, part, context, twoThreads)
    );
    if (read === null)
      throw foreignArchiveError(
        archiveKindByMainPart((part) => zip.has(part)),
        label
      );
    const sheets: WorkbookSheet[] = [];
    let anyValue = false;
    for (const { cells, outputMark } of read.sheets) {
      anyValue ||= cells.hasAnyValue();
      sheets.push({ grid: cells.grid(), outputMark, mergedRanges: cells.mergedRanges });
    }
    if (!anyValue) {
      throw new WorkbookFileError(
        "empty",
        label,
        `Книга ${label} пуста: ни на одном листе нет данных.`
      );
    }
    return sheets;
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    // An entry that does not inflate, XML that ends in the middle: the file is damaged. The zip or
    // XML library's text says nothing the user can act on, so it is not shown.
    throw damagedArchiveError(label);
  } finally {
    zip.close();
  }
}

/** One sheet's cells: a large one on two threads when it can be, else (or then) in one stream. */
async function readSheet(
  zip: ZipArchive,
  part: SheetPart,
  context: SheetContext,
  twoThreads: TwoThreads | null
): Promise<SheetCells> {
  if (twoThreads !== null && zip.size(part.path) >= twoThreads.minimumBytes) {
    const cells = new SheetCells(part.name, context);
    if (await readSheetOnTwoThreads(zip, part.path, cells, context, part.name, twoThreads))
      return cells;
  }
  return readSheetInOneStream(zip, part, context);
}
