import {
  plural,
  recognizeSheets,
  TEMPLATE_KINDS,
  templateLayout,
  type TemplateSchool,
} from "../engine";
import { readWorkbookSheets, writeNewWorkbook } from "../xlsx";
import type { TemplateRequest } from "./cliArguments";
import { CliInputError } from "./cliInputError";
import type { CliIo } from "./cliIo";
import { refuseUnsafeOutput } from "./outputFile";

/**
 * `school-radar template <kind> --out <file.xlsx> [--from <export.xlsx>]`: a new workbook with the
 * coordinators' template (or all three), its rows pre-filled with the schools of an export table.
 */
export async function templateCommand(request: TemplateRequest, io: CliIo): Promise<number> {
  const { out, from, force } = request;
  await refuseUnsafeOutput({
    out,
    what: "файл шаблона",
    force,
    input: null,
    sources: from === null ? [] : [{ file: from, option: "--from" }],
  });
  const schools = from === null ? [] : await schoolsOf(from);
  const kinds = request.kind === "all" ? TEMPLATE_KINDS : [request.kind];
  const written = await writeNewWorkbook(
    kinds.map((kind) => templateLayout(kind, schools)),
    out,
    force
  );
  const sheets = written.sheets.map((sheet) => `«${sheet.name}»`).join(", ");
  const filled =
    request.from === null
      ? "строки пустые: впишите логины и наименования школ"
      : `${plural(schools.length, "школа", "школы", "школ")} из «${request.from}»`;
  const sheetsWord = written.sheets.length === 1 ? "лист" : "листы";
  io.stdout(`Шаблон записан: ${written.outputPath} (${sheetsWord} ${sheets}; ${filled})\n`);
  return 0;
}

/** The schools of the export table in `file` (the sheet with the most schools), in table order. */
async function schoolsOf(file: string): Promise<TemplateSchool[]> {
  const sheets = await readWorkbookSheets(file);
  const { table, sheets: recognised } = recognizeSheets(
    sheets.map((sheet) => ({
      grid: sheet.grid,
      mergedRanges: sheet.mergedRanges,
      own: sheet.outputMark !== null,
    }))
  );
  if (table === null) {
    throw new CliInputError(
      `В файле «${file}» (--from) не найдена таблица результатов, из которой взять список школ.\n` +
        recognised.map((sheet) => `  «${sheet.sheetName}»: ${sheet.note}`).join("\n")
    );
  }
  return table.schools.map((school) => ({ login: school.login, name: school.name }));
}
