import { execFileSync } from "child_process";
import path from "path";
import type { SheetGrid } from "../../src/engine";
import { readWorkbookSheets } from "../../src/xlsx";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { runCli } from "./runCli";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
const STATUS_LABELS: Record<string, string> = {
  shnor: "ШНОР",
  not_shnor: "не ШНОР",
  insufficient_data: "недостаточно данных",
};

/**
 * The result workbook must open in a real spreadsheet program, not only in the library that wrote
 * it. LibreOffice (installed by .ci/run) opens it headless and saves it again; the values it kept are
 * then read back and compared with the --json report.
 */
describe("the --out workbook opened by LibreOffice", () => {
  const folder = temporaryFolder();
  const result = path.join(folder.dir, "результат.xlsx");
  const converted = path.join(folder.dir, "libreoffice");
  let report: {
    schools: { login: string; name: string; status: string; criteria: number[]; reason: string }[];
  };
  let sheets: Awaited<ReturnType<typeof readWorkbookSheets>>;

  beforeAll(async () => {
    const run = await runCli("analyze", SAMPLE, "--json", "--out", result);
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout);
    // A fresh profile per run: concurrent soffice processes sharing one profile queue behind each other.
    const profile = `file://${path.join(folder.dir, "profile")}`;
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        converted,
        result,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
    sheets = await readWorkbookSheets(path.join(converted, "результат.xlsx"));
  }, 180_000);
  afterAll(folder.remove);

  const grid = (name: string): SheetGrid =>
    sheets.find((sheet) => sheet.grid.sheetName === name)!.grid;

  it("keeps every sheet, and the marks that tell our sheets from the user's", () => {
    expect(sheets.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])).toEqual([
      ["Результаты ОО", null],
      ["Пояснения", null],
      ["ШНОР", "SchoolRadar_shnor"],
      ["ШНОР — метод", "SchoolRadar_method"],
      ["Сводка показателей", "SchoolRadar_summary"],
      ["Динамика по школам", "SchoolRadar_dynamics"],
      ["Предупреждения", "SchoolRadar_warnings"],
    ]);
  });

  it("shows on the ШНОР sheet every school with the status, criteria and reason of the report", () => {
    const values = grid("ШНОР").values;
    expect(String(values[0]![0])).toMatch(/^Школьный радар/);
    const headerRow = values.findIndex((row) => row[2] === "Логин");
    expect(values[headerRow]!.slice(0, 5)).toEqual([
      "Муниципалитет",
      "ОО",
      "Логин",
      "Статус",
      "Критерии",
    ]);
    const rows = values.slice(headerRow + 1).filter((row) => row.length > 0);
    expect(rows).toHaveLength(report.schools.length);
    report.schools.forEach((school, index) => {
      const row = rows[index]!;
      expect(row[1]).toBe(school.name);
      expect(row[2]).toBe(school.login);
      expect(row[3]).toBe(STATUS_LABELS[school.status]);
      expect(row[4] ?? "").toBe(school.criteria.map((criterion) => `К${criterion}`).join(", "));
      expect(row[7]).toBe(school.reason);
    });
    expect(rows.filter((row) => row[3] === "ШНОР")).toHaveLength(9);
  });

  it("shows the method used on its own sheet", () => {
    const values = grid("ШНОР — метод").values.flat();
    expect(values).toEqual(
      expect.arrayContaining(["Редакция правил", "2020", "Отчётный год", "2024/2025"])
    );
  });
});
