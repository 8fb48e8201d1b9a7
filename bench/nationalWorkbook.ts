/**
 * The national-scale export table of the benchmark as a real .xlsx (ExcelJS's streaming writer), and
 * the same table with the identification written the way staff do it today: ordinary spreadsheet
 * formulas per row (COUNTIFS / SUMPRODUCT over the % «2» cells), for LibreOffice to recalculate.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../src/engine";
import { BENCH_PROCEDURES, BENCH_YEARS, syntheticExportTable } from "./syntheticExportTable";

/** The procedures the ШНОР rule counts (the last bench procedure, ВПР ОМ 4, is not). */
const COUNTED = BENCH_PROCEDURES.filter((procedure) => procedure !== "ВПР ОМ 4");

/** Zero-based column of a procedure × year's «% «2»» in the synthetic table. */
export function failingColumn(procedure: string, year: string): number {
  return (
    3 + (BENCH_PROCEDURES.indexOf(procedure) * BENCH_YEARS.length + BENCH_YEARS.indexOf(year)) * 3
  );
}

function letters(column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

async function writeRows(
  filePath: string,
  rows: Iterable<CellValue[]>,
  sheetName: string
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: filePath,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

/** The synthetic export table (bench/syntheticExportTable.ts) as an .xlsx file. */
export async function writeNationalWorkbook(filePath: string, schools: number): Promise<void> {
  const grid = syntheticExportTable(schools);
  await writeRows(filePath, grid.values, grid.sheetName);
}

/**
 * The spreadsheet alternative: the same values, and per school row the counts of low results in the
 * reference year (2024/2025) and the year before, and the ШНОР verdict of the 2020 edition —
 * `=IF(OR(ref>=2, AND(ref>=1, prev>=1)), "ШНОР", …)`. Every result counts, whatever its group's
 * size, as the engine counts them by default (the documents' rule, docs/method.md §2):
 * `SUMPRODUCT((failing>=30)*ISNUMBER(failing))` over the year's counted columns. Missing values («-»)
 * are text and never count. The last three columns hold the formulas.
 */
export async function writeFormulaWorkbook(filePath: string, schools: number): Promise<void> {
  const grid = syntheticExportTable(schools);
  const [reference, previous] = [BENCH_YEARS[2]!, BENCH_YEARS[1]!];
  const width = grid.values[0]!.length;
  const [refColumn, prevColumn, verdictColumn] = [width, width + 1, width + 2].map(letters);
  const lowCount = (year: string, row: number): string =>
    COUNTED.map((procedure) => {
      const failing = `${letters(failingColumn(procedure, year))}${row}`;
      return `(N(${failing})>=30)*ISNUMBER(${failing})`;
    }).join("+");
  function* rows(): Generator<CellValue[]> {
    yield [...grid.values[0]!, `Низких ${reference}`, `Низких ${previous}`, "Статус"];
    for (let index = 1; index < grid.values.length; index++) {
      const row = index + 1;
      yield [
        ...grid.values[index]!,
        { formula: `SUMPRODUCT(${lowCount(reference, row)})` } as unknown as CellValue,
        { formula: `SUMPRODUCT(${lowCount(previous, row)})` } as unknown as CellValue,
        {
          formula: `IF(OR(${refColumn}${row}>=2,AND(${refColumn}${row}>=1,${prevColumn}${row}>=1)),"ШНОР","не ШНОР")`,
        } as unknown as CellValue,
      ];
    }
  }
  await writeRows(filePath, rows(), grid.sheetName);
  void verdictColumn;
}
