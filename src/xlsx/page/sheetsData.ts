import type { MergedRange, SheetGrid } from "../../engine";
import { readArchiveSheets } from "../focused/archiveSheets";
import { SheetCells, type SheetCellsData } from "../focused/sheetCells";
import { damagedArchiveError } from "../notWorkbookFile";
import { WorkbookFileError } from "../workbookFileError";
import { MemoryArchive } from "../zip/memoryArchive";

/*
 * The standalone page's reading of a workbook, by the command line's reader (archiveSheets.ts) over
 * the bytes in memory. It runs in a Web Worker when the page can start one, so what it hands back is
 * plain data that crosses to the page's thread without copying the cells: each sheet's packed cells
 * (their slabs transferred), which the page turns into the engine's grids (`sheetsOfData`).
 */

/** One worksheet as read, as data. */
export interface SheetData {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  outputMark: string | null;
  userDataMark: string | null;
  cells: SheetCellsData;
}

export interface SheetsData {
  /** The styles' number formats and the date system: what turns packed cells into a grid. */
  cellFormats: (string | null)[];
  date1904: boolean;
  sheets: SheetData[];
}

/** Reads a workbook's sheets from its bytes: in a Web Worker, or on the page's thread. */
export type SheetsReader = (bytes: Uint8Array, label: string) => Promise<SheetsData>;

/** One worksheet as the page lists and reads it. */
export interface PageSheet {
  grid: SheetGrid;
  outputMark: string | null;
  /** A sheet we wrote that is the user's data now (thresholds, templates): read as input. */
  userDataMark: string | null;
  mergedRanges: MergedRange[];
  state: string;
}

/**
 * Reads every worksheet of `bytes` (already known to be a zip holding `xl/` parts: the page checks
 * that first). A directory that does not read, a part that does not inflate or parse: the Russian
 * «повреждён» message, never the zip or XML code's words.
 */
export async function readSheetsData(bytes: Uint8Array, label: string): Promise<SheetsData> {
  let zip: MemoryArchive;
  try {
    zip = await MemoryArchive.open(bytes);
  } catch {
    throw damagedArchiveError(label);
  }
  try {
    const read = await readArchiveSheets(zip, label);
    // Parts under xl/ but no workbook part among them: not a workbook any program wrote whole.
    if (read === null) throw damagedArchiveError(label);
    return {
      cellFormats: read.context.cellFormats,
      date1904: read.context.date1904,
      sheets: read.sheets.map(({ part, outputMark, userDataMark, cells }) => ({
        name: part.name,
        state: part.state,
        outputMark,
        userDataMark,
        cells: cells.toData(),
      })),
    };
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw damagedArchiveError(label);
  } finally {
    zip.close();
  }
}

/** The buffers a worker hands over rather than copies: every sheet's slabs of numbers and styles. */
export function transferables(data: SheetsData): ArrayBuffer[] {
  const slabs = data.sheets.flatMap(({ cells }) => [
    ...cells.cells.numberSlabs,
    ...cells.cells.styleSlabs,
  ]);
  return slabs.flatMap((slab) => (slab === undefined ? [] : [slab.buffer as ArrayBuffer]));
}

/** The engine's grids of what was read (on the page's thread: a grid makes its rows on demand). */
export function sheetsOfData(data: SheetsData): PageSheet[] {
  // Shared strings are already in the cells; the formats and date system turn styles into formats.
  const context = { sharedStrings: [], cellFormats: data.cellFormats, date1904: data.date1904 };
  return data.sheets.map((sheet) => {
    const cells = new SheetCells(sheet.name, context);
    cells.adopt(sheet.cells);
    return {
      grid: cells.grid(),
      outputMark: sheet.outputMark,
      userDataMark: sheet.userDataMark,
      mergedRanges: cells.mergedRanges,
      state: sheet.state,
    };
  });
}
