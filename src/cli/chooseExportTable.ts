import { isEngineError, readExportTable, type ExportTable } from "../engine";
import type { WorkbookSheet } from "../xlsx";
import { CliInputError } from "./cliInputError";

/**
 * The sheet holding the results table: the one the user named, or else the sheet where the reader
 * finds the most schools. Sheets School Radar wrote itself are never taken as input.
 */
export function chooseExportTable(sheets: WorkbookSheet[], sheetName: string | null): ExportTable {
  return sheetName === null ? bestTable(sheets) : namedTable(sheets, sheetName);
}

function namedTable(sheets: WorkbookSheet[], sheetName: string): ExportTable {
  const sheet = sheets.find((candidate) => candidate.grid.sheetName === sheetName);
  if (sheet === undefined) {
    throw new CliInputError(`Лист «${sheetName}» не найден. Листы книги: ${sheetList(sheets)}.`);
  }
  const table = readExportTable(sheet.grid, { mergedRanges: sheet.mergedRanges });
  if (isEngineError(table)) {
    throw new CliInputError(
      `На листе «${sheetName}» не найдена таблица результатов: ${table.message}`
    );
  }
  if (table.schools.length === 0) {
    throw new CliInputError(
      `На листе «${sheetName}» таблица результатов найдена, но в ней нет ни одной школы.`
    );
  }
  return table;
}

function bestTable(sheets: WorkbookSheet[]): ExportTable {
  const reasons: string[] = [];
  let best: ExportTable | null = null;
  for (const sheet of sheets) {
    const name = sheet.grid.sheetName;
    if (sheet.outputMark !== null) {
      reasons.push(`«${name}»: лист записан Школьным радаром, не исходные данные`);
      continue;
    }
    const table = readExportTable(sheet.grid, { mergedRanges: sheet.mergedRanges });
    if (isEngineError(table)) reasons.push(`«${name}»: ${table.message}`);
    else if (table.schools.length === 0) reasons.push(`«${name}»: нет ни одной школы`);
    else if (best === null || table.schools.length > best.schools.length) best = table;
  }
  if (best === null) {
    throw new CliInputError(
      "В книге не найдена таблица результатов оценочных процедур (логин ОО, наименование, " +
        "столбцы «% «2»» по процедурам и годам).\n" +
        reasons.map((reason) => `  ${reason}`).join("\n")
    );
  }
  return best;
}

function sheetList(sheets: WorkbookSheet[]): string {
  return sheets.map((sheet) => `«${sheet.grid.sheetName}»`).join(", ");
}
