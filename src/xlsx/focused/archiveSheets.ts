import { sheetOfReference } from "../../engine";
import { noSheetsError } from "../notWorkbookFile";
import type { ArchiveEntries } from "../zip/archiveEntries";
import { SheetCells, type SheetContext } from "./sheetCells";
import { sheetXmlStream } from "./sheetXml";
import {
  findWorkbookPart,
  readCellFormats,
  readSharedStrings,
  readWorkbookParts,
  type SheetPart,
} from "./workbookParts";

const OUTPUT_MARK = /^schoolradar_/i;
/** A user-data sheet's mark (templates, thresholds): read as input, but a writer must not add it twice. */
const USER_DATA_MARK = /^schoolradardata_/i;

/** One worksheet read: its part, our mark on it (null for a user sheet), and its cells. */
export interface ArchiveSheet {
  part: SheetPart;
  outputMark: string | null;
  /** The mark of a sheet we wrote that is the user's data now (`SchoolRadarData_…`), else null. */
  userDataMark: string | null;
  cells: SheetCells;
}

/** Reads one sheet's cells (the command line may use two threads for a large one). */
export type SheetReading = (part: SheetPart, context: SheetContext) => Promise<SheetCells>;

/**
 * The workbook reader's one path for the command line and the standalone page: the workbook part,
 * its sheet list and names, shared strings, the styles' number formats, and each worksheet's cells,
 * from any archive (a file inflated by zlib, bytes in a Web Worker inflated by fflate). Null for an
 * archive without a workbook part (the caller says what it is: its check for another program's
 * document reads the file system on the command line); the Russian `WorkbookFileError` for a
 * workbook without sheets.
 */
export async function readArchiveSheets(
  zip: ArchiveEntries,
  label: string,
  readSheet: SheetReading = (part, context) => readSheetInOneStream(zip, part, context)
): Promise<{ sheets: ArchiveSheet[]; context: SheetContext } | null> {
  const workbookPath = await findWorkbookPart(zip);
  if (workbookPath === null) return null;
  const parts = await readWorkbookParts(zip, workbookPath);
  if (parts.sheets.length === 0) throw noSheetsError(label);
  const context: SheetContext = {
    sharedStrings: await readSharedStrings(zip, parts.sharedStringsPath),
    cellFormats: await readCellFormats(zip, parts.stylesPath),
    date1904: parts.date1904,
  };
  const marks = sheetMarks(parts.definedNames, OUTPUT_MARK);
  const userDataMarks = sheetMarks(parts.definedNames, USER_DATA_MARK);
  const sheets: ArchiveSheet[] = [];
  for (const part of parts.sheets)
    sheets.push({
      part,
      outputMark: marks.get(part.name) ?? null,
      userDataMark: userDataMarks.get(part.name) ?? null,
      cells: await readSheet(part, context),
    });
  return { sheets, context };
}

/** One sheet's cells read in one stream. */
export async function readSheetInOneStream(
  zip: ArchiveEntries,
  part: SheetPart,
  context: SheetContext
): Promise<SheetCells> {
  const cells = new SheetCells(part.name, context);
  const events = sheetXmlStream(cells);
  await zip.streamBytes(part.path, (bytes) => events.write(bytes));
  events.end();
  return cells;
}

/** Sheet name → the defined name of the kind `mark` marking it (see outputSheetMarks.ts). */
function sheetMarks(
  definedNames: { name: string; reference: string }[],
  mark: RegExp
): Map<string, string> {
  const marks = new Map<string, string>();
  for (const { name, reference } of definedNames) {
    if (!mark.test(name)) continue;
    for (const range of reference.split(",")) {
      const sheetName = sheetOfReference(range.trim());
      if (sheetName !== null) marks.set(sheetName, name);
    }
  }
  return marks;
}
