/**
 * Social passports and risk questionnaires at national scale for the engine benchmark: the sample
 * workbook's own sheets (their headers exactly as the templates write them), their school rows
 * repeated down to N schools with the logins of the synthetic export table.
 */
import path from "path";
import type { CellValue, SheetGrid } from "../src/engine";
import { readWorkbookSheetsFocused } from "../src/xlsx/focused/readWorkbookFocused";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

/** The login of the i-th school of `syntheticExportTable`. */
export const syntheticLogin = (index: number): string =>
  `sch${String(100000 + index).padStart(6, "0")}`;

function scaled(grid: SheetGrid, schools: number): SheetGrid {
  const header = grid.values.findIndex((row) => row.some((cell) => cell === "Логин ОО"));
  if (header < 0) throw new Error(`no «Логин ОО» header on «${grid.sheetName}»`);
  const login = grid.values[header]!.indexOf("Логин ОО");
  const rows = grid.values
    .slice(header + 1)
    .filter((row) => /^(sch|edu)\d+$/i.test(String(row[login] ?? "")));
  const values: CellValue[][] = grid.values.slice(0, header + 1);
  for (let s = 0; s < schools; s++) {
    const row = [...rows[s % rows.length]!];
    row[login] = syntheticLogin(s);
    values.push(row);
  }
  return { sheetName: grid.sheetName, values };
}

/** `sample`: the sample workbook, where the caller is not the built benchmark (the tests). */
export async function syntheticPassports(
  schools: number,
  sample = SAMPLE
): Promise<{ social: SheetGrid; risk: SheetGrid }> {
  const sheets = await readWorkbookSheetsFocused(sample);
  const grid = (name: string) => {
    const found = sheets.find((sheet) => sheet.grid.sheetName === name);
    if (!found) throw new Error(`the sample has no sheet «${name}»`);
    return found.grid;
  };
  return {
    social: scaled(grid("Социальный паспорт"), schools),
    risk: scaled(grid("Анкета факторов риска"), schools),
  };
}
