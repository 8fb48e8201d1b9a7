import type ExcelJS from "exceljs";
import { outputMarkName, pointsInto, quoteSheetName, userDataMarkName } from "../../../src/engine";

/** Marks (the engine's rules, src/engine/workbook/outputSheetMarks.ts) set on an ExcelJS workbook. */
export function markOutputSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  marker: string,
  userData = false
): void {
  const name = userData ? userDataMarkName(marker) : outputMarkName(marker);
  // A mark left pointing at a sheet the user deleted (`#REF!`) would otherwise gain a second range.
  workbook.definedNames.model = workbook.definedNames.model.filter(
    (definedName) => definedName.name.toLowerCase() !== name.toLowerCase()
  );
  workbook.definedNames.add(`${quoteSheetName(sheetName)}!$A$1`, name);
}

/**
 * Drops defined names that must not survive a rewrite: our marks on sheets being replaced, and
 * Excel's hidden `_xlnm._FilterDatabase` names. ExcelJS loses the sheet scope of the latter and
 * would merge them into one name spanning several sheets, which Excel reports as damage; Excel
 * rebuilds them from each sheet's own autofilter when it opens the file.
 */
export function dropStaleNames(workbook: ExcelJS.Workbook, replacedSheets: Set<string>): void {
  workbook.definedNames.model = workbook.definedNames.model
    .filter((definedName) => !definedName.name.startsWith("_xlnm._FilterDatabase"))
    .map((definedName) => ({
      ...definedName,
      ranges: definedName.ranges.filter((range) => !pointsInto(range, replacedSheets)),
    }))
    .filter((definedName) => definedName.ranges.length > 0);
}
