import type { ExportTable, IdentificationResult } from "../engine";
import type { OutputWorkbookReport } from "../xlsx";
import { allWarnings } from "./jsonReport";

/** How many flagged schools and warnings the terminal shows; the full lists are in the result workbook. */
const SHOWN_SCHOOLS = 10;
const SHOWN_WARNINGS = 3;

export interface SummaryInput {
  inputPath: string;
  table: ExportTable;
  result: IdentificationResult;
  written: OutputWorkbookReport | null;
}

/** The short Russian report printed without `--json`. */
export function humanSummary(input: SummaryInput): string {
  const { table, result } = input;
  return [
    "Школьный радар — выявление школ с низкими образовательными результатами (ШНОР)",
    `Файл: ${input.inputPath}`,
    `Лист: «${table.sheetName}» — школ: ${table.schools.length}; годы: ${table.years.map((year) => year.label).join(", ")}`,
    methodLine(result),
    countsLine(result),
    ...flaggedLines(result),
    ...warningLines(result, table),
    ...writtenLines(input.written),
  ].join("\n");
}

function methodLine({ method }: IdentificationResult): string {
  const years = `отчётный год ${method.referenceYear}, предыдущий ${method.previousYear ?? "— нет в таблице"}`;
  const small = method.participantCountsUsed
    ? `минимум участников ${method.minParticipants}`
    : "числа участников в таблице нет — малые классы не отсеяны";
  return `Метод: ФИОКО, редакция ${method.edition}; низкий результат — не менее ${decimal(method.threshold)} % «2»; ${years}; ${small}`;
}

function countsLine({ schools }: IdentificationResult): string {
  const count = (status: string) => schools.filter((school) => school.status === status).length;
  const flagged = count("shnor");
  const share =
    schools.length === 0 ? "0" : decimal(Math.round((flagged / schools.length) * 1000) / 10);
  return (
    `Итог: ШНОР — ${flagged} (${share} % школ), не ШНОР — ${count("not_shnor")}, ` +
    `недостаточно данных — ${count("insufficient_data")}`
  );
}

function flaggedLines({ schools }: IdentificationResult): string[] {
  const flagged = schools.filter((school) => school.status === "shnor");
  if (flagged.length === 0) return ["Школ с низкими результатами по выбранному методу нет."];
  const shown = flagged
    .slice(0, SHOWN_SCHOOLS)
    .map((school) => `  ${school.name} (${school.login}): ${school.reason}`);
  const more =
    flagged.length > SHOWN_SCHOOLS
      ? [`  … и ещё ${flagged.length - SHOWN_SCHOOLS} (полный список — на листе «ШНОР», см. --out)`]
      : [];
  return ["Школы с низкими результатами:", ...shown, ...more];
}

function warningLines(result: IdentificationResult, table: ExportTable): string[] {
  const warnings = allWarnings(result, table);
  if (warnings.length === 0) return ["Предупреждений нет."];
  const shown = warnings
    .slice(0, SHOWN_WARNINGS)
    .map((warning) => `  ${warning.cell}: ${warning.message}`);
  const more =
    warnings.length > SHOWN_WARNINGS
      ? ["  … полный список — на листе «Предупреждения» (--out) или в --json"]
      : [];
  return [`Предупреждений: ${warnings.length} (эти значения не учтены):`, ...shown, ...more];
}

function writtenLines(written: OutputWorkbookReport | null): string[] {
  if (written === null) return ["Книга с результатом не записана (укажите --out <файл.xlsx>)."];
  const sheets = written.sheets.map((sheet) => `«${sheet.name}»`).join(", ");
  const renamed = written.sheets
    .filter((sheet) => sheet.name !== sheet.requestedName)
    .map(
      (sheet) =>
        `Лист «${sheet.requestedName}» в книге уже есть и не наш — результат записан на лист «${sheet.name}».`
    );
  return [`Результат записан: ${written.outputPath} (листы ${sheets})`, ...renamed];
}

/** `20.5` → `20,5`: Russian decimal comma. */
function decimal(value: number): string {
  return String(value).replace(".", ",");
}
