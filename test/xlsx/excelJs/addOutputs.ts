import type ExcelJS from "exceljs";
import {
  markedOutputSheets,
  markedUserDataSheets,
  outputMarkName,
  userDataMarkName,
  type SheetLayout,
} from "../../../src/engine";
import { addLayoutSheet } from "./layoutSheet";
import { dropStaleNames, markOutputSheet } from "./outputSheetMark";
import { freeSheetName } from "../../../src/xlsx/outputSheetName";
import type { AddedOutputs, WrittenSheet } from "../../../src/xlsx/append/addedOutputs";

/**
 * The ExcelJS writer the copying writer (src/xlsx/append/) replaced, kept as the tests' reference
 * (appendWriter.test.ts): the layouts added to a workbook loaded into ExcelJS's model. Earlier School Radar
 * sheets with the same markers are replaced; user sheets are never removed or renamed; a `userData`
 * layout is written only when no sheet carries its mark yet. Layouts whose marker is in `hidden` are
 * written as hidden sheets (the stored settings of the task pane).
 */
export function addOutputs(
  workbook: ExcelJS.Workbook,
  layouts: SheetLayout[],
  hidden: ReadonlySet<string> = new Set()
): AddedOutputs {
  const replacedSheets = removeEarlierOutputs(workbook, layouts);
  const existingData = existingUserData(workbook);
  const sheets: WrittenSheet[] = [];
  const keptSheets: WrittenSheet[] = [];
  for (const layout of layouts) {
    const existing = layout.userData
      ? existingData.get(userDataMarkName(layout.marker).toLowerCase())
      : undefined;
    if (existing !== undefined) {
      keptSheets.push({ marker: layout.marker, requestedName: layout.name, name: existing });
      continue;
    }
    const written = addOutputSheet(workbook, layout);
    if (hidden.has(layout.marker)) workbook.getWorksheet(written.name)!.state = "hidden";
    sheets.push(written);
  }
  return { sheets, replacedSheets, keptSheets };
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
