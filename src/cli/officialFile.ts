import path from "path";
import { isEngineError, onSheet, readOfficialList, type WorkbookSheetInput } from "../engine";
import { isWorkbookFileError, readWorkbookSheets } from "../xlsx";
import { CliInputError } from "./cliInputError";
import { readCsvSheet } from "./csvFile";

const OPTION = "--official";

/** CSV and the text Excel saves («Текст (разделители — табуляция)»): read as text, not as a workbook. */
const TEXT_FILE = /\.(csv|txt|tsv)$/i;

/**
 * The official list of `--official` (docs/method.md §9): a CSV file, or a workbook whose sheets are
 * all offered as the list (the first one that is a list wins). Refused here, before any analysis, if
 * no sheet has a login or a name column; the message names what was looked for. A sheet is named
 * `[file]sheet`, as the other files' are, so that a warning says which file it is about.
 */
export async function readOfficialFile(file: string): Promise<WorkbookSheetInput[]> {
  const inputs: WorkbookSheetInput[] = TEXT_FILE.test(file)
    ? [{ grid: await readCsvSheet(file, OPTION), official: true }]
    : await workbookInputs(file);
  const reasons: string[] = [];
  for (const input of inputs) {
    if (input.own) {
      reasons.push(`«${input.grid.sheetName}»: лист записан Школьным радаром`);
      continue;
    }
    const list = readOfficialList(input.grid, true);
    if (!isEngineError(list)) return inputs;
    reasons.push(list.message);
  }
  if (inputs.length === 1 && !inputs[0]!.own) {
    const reason = reasons[0]!.slice(onSheet(inputs[0]!.grid.sheetName).length);
    throw new CliInputError(`В файле «${file}» (${OPTION}) ${reason}.`);
  }
  throw new CliInputError(
    `В файле «${file}» (${OPTION}) не найден список школ для сверки.\n` +
      reasons.map((reason) => `  ${reason}`).join("\n")
  );
}

async function workbookInputs(file: string): Promise<WorkbookSheetInput[]> {
  try {
    const sheets = await readWorkbookSheets(file);
    const prefix = `[${path.basename(file)}]`;
    return sheets.map((sheet) => ({
      grid: { ...sheet.grid, sheetName: prefix + sheet.grid.sheetName },
      mergedRanges: sheet.mergedRanges,
      own: sheet.outputMark !== null,
      official: sheet.outputMark === null,
    }));
  } catch (error) {
    if (isWorkbookFileError(error)) throw new CliInputError(`${OPTION}: ${error.message}`);
    throw error;
  }
}
