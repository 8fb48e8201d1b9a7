import { createHash } from "crypto";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { analyzeWorkbook, isEngineError, type SheetLayout } from "../../src/engine";
import { sheetInput } from "../../src/cli/analysisInputs";
import { readWorkbookSheets } from "../../src/xlsx";

/** Test helpers: small real .xlsx files built with ExcelJS in a fresh temporary folder. */

export function temporaryFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "school-radar-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function fileHash(filePath: string): string {
  return createHash("sha256").update(readFileSync(filePath)).digest("hex");
}

/** One procedure × year: % «2», % high, participants (a value may be '-', 'н/д' or null). */
type Triple = [number | string | null, number | string | null, number | string | null];

export interface SchoolFixture {
  login: string;
  name: string;
  /** Keyed by `${procedure} ${year}`, e.g. `ВПР МА 5 2024/2025`. */
  results: Record<string, Triple>;
}

export const FIXTURE_YEARS = ["2024/2025", "2023/2024"];
export const FIXTURE_PROCEDURES = ["ВПР МА 5", "ВПР РУ 5", "ОГЭ МА"];
export const FIXTURE_SHEET = "Выгрузка";
const NO_DATA: Triple = ["-", "-", "-"];

/**
 * Five schools of a fictional district, one per case the rule distinguishes (2020 edition,
 * threshold 30, minimum 10 participants):
 *  sch900001 two low results in 2024/2025 → ШНОР, criterion 1;
 *  sch900002 one low result in each year, different procedures → ШНОР, criterion 2 (2020 only);
 *  sch900003 all results fine → не ШНОР;
 *  sch900004 no data at all → недостаточно данных;
 *  sch900005 60 % «2» in a class of 5 → not a low result → не ШНОР.
 */
export const FIXTURE_SCHOOLS: SchoolFixture[] = [
  {
    login: "sch900001",
    name: "МБОУ «СОШ № 1»",
    results: {
      "ВПР МА 5 2024/2025": [40, 5, 25],
      "ВПР РУ 5 2024/2025": [33.3, 4, 24],
      "ОГЭ МА 2024/2025": [10, 12, 20],
      "ВПР МА 5 2023/2024": [12, 20, 25],
      "ВПР РУ 5 2023/2024": [8, 22, 25],
      "ОГЭ МА 2023/2024": [5, 15, 22],
    },
  },
  {
    login: "sch900002",
    name: "МБОУ «СОШ № 2»",
    results: {
      "ВПР МА 5 2024/2025": [30, 10, 20],
      "ВПР РУ 5 2024/2025": [10, 20, 20],
      "ОГЭ МА 2024/2025": [5, 15, 18],
      "ВПР МА 5 2023/2024": [12, 18, 21],
      "ВПР РУ 5 2023/2024": [15, 14, 20],
      "ОГЭ МА 2023/2024": [35, 3, 17],
    },
  },
  {
    login: "sch900003",
    name: "МАОУ «Гимназия № 3»",
    results: {
      "ВПР МА 5 2024/2025": [2, 45, 60],
      "ВПР РУ 5 2024/2025": [1.5, 50, 60],
      "ОГЭ МА 2024/2025": [0, 40, 55],
      "ВПР МА 5 2023/2024": [3, 41, 58],
      "ВПР РУ 5 2023/2024": ["2,5", 48, 58],
      "ОГЭ МА 2023/2024": [1, 38, 50],
    },
  },
  { login: "sch900004", name: "МБОУ «ООШ д. Пустошь»", results: {} },
  {
    login: "sch900005",
    name: "МБОУ «ООШ с. Малое»",
    results: {
      "ВПР МА 5 2024/2025": [60, 0, 5],
      "ВПР РУ 5 2024/2025": [10, 10, 12],
      "ОГЭ МА 2024/2025": ["н/д", "н/д", null],
      "ВПР МА 5 2023/2024": [9, 18, 11],
      "ВПР РУ 5 2023/2024": [0, 20, 11],
      "ОГЭ МА 2023/2024": [0, 10, 10],
    },
  },
];

/** A results sheet in the seed-003 shape: a title row, `ВПР МА 5 2024/2025` merged over three metric columns. */
export function addResultsSheet(
  workbook: ExcelJS.Workbook,
  name = FIXTURE_SHEET,
  schools = FIXTURE_SCHOOLS
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.getCell("A1").value = "Результаты оценочных процедур, Приречный район (тестовые данные)";
  ["Муниципалитет", "Наименование ОО", "Логин ОО"].forEach((text, index) => {
    sheet.getCell(2, index + 1).value = text;
    sheet.getCell(3, index + 1).value = text;
  });
  let column = 4;
  for (const procedure of FIXTURE_PROCEDURES) {
    for (const year of FIXTURE_YEARS) {
      sheet.mergeCells(2, column, 2, column + 2);
      sheet.getCell(2, column).value = `${procedure} ${year}`;
      ["% «2»", "% высоких результатов", "Число участников"].forEach((label, offset) => {
        sheet.getCell(3, column + offset).value = label;
      });
      column += 3;
    }
  }
  schools.forEach((school, index) => {
    const row: (number | string | null)[] = ["Приречный район", school.name, school.login];
    for (const procedure of FIXTURE_PROCEDURES) {
      for (const year of FIXTURE_YEARS)
        row.push(...(school.results[`${procedure} ${year}`] ?? NO_DATA));
    }
    row.forEach((value, offset) => {
      if (value !== null) sheet.getCell(4 + index, offset + 1).value = value;
    });
  });
}

export async function writeResultsWorkbook(
  filePath: string,
  extra?: (workbook: ExcelJS.Workbook) => void
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addResultsSheet(workbook);
  extra?.(workbook);
  await workbook.xlsx.writeFile(filePath);
}

export async function readBack(filePath: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filePath);
  return workbook;
}

/** Layouts as the command line makes them for a workbook (its sheets taken as `analyze` takes them). */
export async function layoutsOf(file: string): Promise<SheetLayout[]> {
  const analysis = analyzeWorkbook((await readWorkbookSheets(file)).map(sheetInput));
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis.layouts;
}
