import { promises as fs } from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import type { SheetLayout } from "../engine";
import { addOutputs, addOutputSheet, type WrittenSheet } from "./addOutputs";
import { loadWorkbook } from "./loadWorkbook";
import { isSameFile } from "./sameFile";
import { WorkbookFileError } from "./workbookFileError";

export { addOutputSheet, type WrittenSheet };

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
  const { sheets, replacedSheets, keptSheets } = addOutputs(workbook, layouts);
  await saveWorkbook(workbook, outputPath);
  return { outputPath, sheets, replacedSheets, keptSheets };
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
