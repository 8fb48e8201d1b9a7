import path from "path";
import {
  isEngineError,
  readRiskQuestionnaire,
  readSocialPassport,
  readStaffing,
  recognizeSheets,
  SHEET_KIND_NAMES,
  type EngineError,
  type SheetGrid,
  type SheetRecognition,
  type TemplateKind,
  type WorkbookSheetInput,
} from "../engine";
import { isWorkbookFileError, readWorkbookSheets, type WorkbookSheet } from "../xlsx";
import type { AnalyzeRequest } from "./cliArguments";
import { CliInputError } from "./cliInputError";
import { readOfficialFile } from "./officialFile";

/** A template given as its own file: the option that names it and the sheet kind it must hold. */
interface TemplateFile {
  option: string;
  file: string;
  kind: TemplateKind;
}

const READERS: Record<TemplateKind, (grid: SheetGrid) => { sheetName: string } | EngineError> = {
  "social-passport": readSocialPassport,
  "risk-questionnaire": readRiskQuestionnaire,
  staffing: readStaffing,
};

/**
 * Every sheet the analysis reads: those of the `--social`, `--risk` and `--staff` files first (so a
 * template given explicitly wins over one of the same kind inside the workbook), then the workbook's.
 * A sheet of another file is named `[file.xlsx]Лист1`, as Excel names a sheet of another workbook, so
 * warnings point at the right file. Sheets School Radar wrote are passed as its own (never input);
 * templates and the thresholds sheet, though written by it, are the user's data and are read.
 */
export async function readAnalysisInputs(request: AnalyzeRequest): Promise<WorkbookSheetInput[]> {
  const main = await readWorkbookSheets(request.input);
  if (request.sheet !== null && !main.some((sheet) => sheet.grid.sheetName === request.sheet)) {
    throw new CliInputError(
      `Лист «${request.sheet}» не найден. Листы книги: ${main.map((sheet) => `«${sheet.grid.sheetName}»`).join(", ")}.`
    );
  }
  const templateFiles: TemplateFile[] = [
    { option: "--social", file: request.social, kind: "social-passport" as const },
    { option: "--risk", file: request.risk, kind: "risk-questionnaire" as const },
    { option: "--staff", file: request.staff, kind: "staffing" as const },
  ].flatMap((entry) => (entry.file === null ? [] : [{ ...entry, file: entry.file }]));
  const extra: WorkbookSheetInput[] = [];
  for (const templateFile of templateFiles) extra.push(...(await readTemplateFile(templateFile)));
  if (request.official !== null) extra.push(...(await readOfficialFile(request.official)));
  return [...extra, ...main.map(sheetInput)];
}

async function readTemplateFile({
  option,
  file,
  kind,
}: TemplateFile): Promise<WorkbookSheetInput[]> {
  let sheets: WorkbookSheet[];
  try {
    sheets = await readWorkbookSheets(file);
  } catch (error) {
    if (isWorkbookFileError(error)) throw new CliInputError(`${option}: ${error.message}`);
    throw error;
  }
  const prefix = `[${path.basename(file)}]`;
  const inputs = sheets.map((sheet) =>
    sheetInput({ ...sheet, grid: { ...sheet.grid, sheetName: prefix + sheet.grid.sheetName } })
  );
  const recognised = recognizeSheets(inputs).sheets;
  if (!recognised.some((sheet) => sheet.kind === kind)) {
    const reasons = inputs.map((input, index) => {
      const other = recognised[index]!;
      if (input.own === true || (other.kind !== null && other.kind !== kind))
        return `«${other.sheetName}»: ${other.kind === null ? other.note : `это ${SHEET_KIND_NAMES[other.kind]}`}`;
      const attempt = READERS[kind](input.grid);
      return isEngineError(attempt) ? attempt.message : `«${other.sheetName}»: ${other.note}`;
    });
    throw new CliInputError(
      `В файле «${file}» (${option}) не найден ${SHEET_KIND_NAMES[kind]}.\n` +
        reasons.map((reason) => `  ${reason}`).join("\n") +
        `\nШаблон с нужными заголовками: school-radar template ${kind} --out <файл.xlsx>`
    );
  }
  return inputs;
}

/** A sheet read from a file as the engine takes it: its merges, and whether it is our own output. */
export function sheetInput(sheet: WorkbookSheet): WorkbookSheetInput {
  return { grid: sheet.grid, mergedRanges: sheet.mergedRanges, own: sheet.outputMark !== null };
}

/** Nothing to analyse: what each sheet is, and what the command line would have taken. */
export function noDataMessage(sheets: SheetRecognition[]): string {
  return (
    "В книге не найдена таблица результатов оценочных процедур (логин ОО, наименование, " +
    "столбцы «% «2»» по процедурам и годам).\n" +
    sheets.map((sheet) => `  «${sheet.sheetName}»: ${sheet.note}\n`).join("") +
    "Нет и листов шаблонов (социальный паспорт, анкета факторов риска, кадровый состав): " +
    "school-radar template all --out <файл.xlsx>"
  );
}
