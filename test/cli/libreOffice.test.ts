import path from "path";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/engine";
import { readWorkbookSheets } from "../../src/xlsx";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { runCli } from "./runCli";
import { convertWithLibreOffice } from "../fixtures/libreOffice";

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
    social: { login: string; isbsh: number | null; shnsu: boolean; reason: string }[];
    risk: { login: string; factors: number[]; riskGroup: boolean }[];
    context: {
      login: string;
      expected: number;
      actual: number;
      residual: number;
      below: boolean;
    }[];
    summary: { shnor: { share: number }; shnsu: { share: number } };
    reconciliation: {
      matched: string[];
      onlyOurs: string[];
      onlyOfficial: { name: string; login: string | null; ours: string | null }[];
    };
  };
  let sheets: Awaited<ReturnType<typeof readWorkbookSheets>>;

  beforeAll(async () => {
    const run = await runCli("analyze", SAMPLE, "--json", "--out", result);
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout);
    sheets = await readWorkbookSheets(
      convertWithLibreOffice(result, "xlsx", converted, folder.dir)
    );
  }, 180_000);
  afterAll(folder.remove);

  const grid = (name: string): SheetGrid =>
    sheets.find((sheet) => sheet.grid.sheetName === name)!.grid;
  /** The table rows below the header row (the one whose column `column` reads `text`). */
  const tableRows = (name: string, column: number, text: string) => {
    const values = grid(name).values;
    const header = values.findIndex((row) => row[column] === text);
    expect(header).toBeGreaterThan(0);
    // The table's own columns: a chart's data block may stand right of it, one empty column apart.
    const gap = values[header]!.findIndex((cell, index) => index > column && cell == null);
    const width = gap < 0 ? values[header]!.length : gap;
    return values
      .slice(header + 1)
      .map((row) => row.slice(0, width))
      .filter((row) => row.some((cell) => cell != null));
  };

  it("keeps every sheet, and the marks that tell our sheets from the user's", () => {
    expect(sheets.map((sheet) => [sheet.grid.sheetName, sheet.outputMark])).toEqual([
      ["Результаты ОО", null],
      ["Пояснения", null],
      // The region's list the sample reconciles with: the user's sheet, read as input.
      ["Список ШНОР региона", null],
      // The templates and the thresholds sheet are the user's data (SchoolRadarData_ marks): input.
      ["Социальный паспорт", null],
      ["Анкета факторов риска", null],
      ["Кадровый состав", null],
      ["ШНОР", "SchoolRadar_shnor"],
      ["ШНОР — метод", "SchoolRadar_method"],
      ["ШНОР по годам", "SchoolRadar_shnor_history"],
      ["ИСБШ", "SchoolRadar_isbsh"],
      ["Матрица рисков", "SchoolRadar_risk_matrix"],
      ["Факторы → школы", "SchoolRadar_risk_list"],
      ["Пороги факторов риска", null],
      ["Сводка показателей", "SchoolRadar_summary"],
      ["Динамика по школам", "SchoolRadar_dynamics"],
      ["Результаты и контекст", "SchoolRadar_context"],
      ["Профиль школ", "SchoolRadar_profile"],
      ["Сверка со списком", "SchoolRadar_reconciliation"],
      ["Аналитическая справка", "SchoolRadar_report"],
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
    // The table's rows: the chart's data block stands below them, right of the table's columns.
    const rows = values.slice(headerRow + 1).filter((row) => row[2] != null);
    expect(rows).toHaveLength(report.schools.length);
    // ШНОР first, then «недостаточно данных», then the rest, each in the report's (the table's) order.
    const order = ["shnor", "insufficient_data", "not_shnor"];
    const listed = order.flatMap((status) =>
      report.schools.filter((school) => school.status === status)
    );
    listed.forEach((school, index) => {
      const row = rows[index]!;
      expect(row[1]).toBe(school.name);
      expect(row[2]).toBe(school.login);
      expect(row[3]).toBe(STATUS_LABELS[school.status]);
      expect(row[4] ?? "").toBe(school.criteria.map((criterion) => `К${criterion}`).join(", "));
      expect(row[7]).toMatch(/^[A-Z]+\d+$/);
      expect(row[8]).toBe(school.reason);
    });
    expect(rows.filter((row) => row[3] === "ШНОР")).toHaveLength(12);
  });

  it("shows the reconciliation with the region's list as --json gives it, and the справка", () => {
    const rows = tableRows("Сверка со списком", 3, "Логин");
    const group = (label: string) => rows.filter((row) => row[0] === label).map((row) => row[3]);
    expect(group("совпадает")).toEqual(report.reconciliation.matched);
    expect(group("только в нашем списке")).toEqual(report.reconciliation.onlyOurs);
    expect(group("только в официальном списке")).toEqual(
      report.reconciliation.onlyOfficial.map((entry) => entry.login)
    );
    const reportText = grid("Аналитическая справка").values.map((row) => row[0]);
    expect(reportText[0]).toBe("Аналитическая справка");
    expect(reportText).toContain("7. Сверка с официальным списком");
  });

  it("shows the method used on its own sheet", () => {
    const values = grid("ШНОР — метод").values.flat();
    expect(values).toEqual(
      expect.arrayContaining(["Редакция правил", "2020", "Отчётный год", "2024/2025"])
    );
  });

  it("shows ИСБШ and the ШНСУ group of every school of the social passport", () => {
    const rows = tableRows("ИСБШ", 2, "Логин");
    // The passport's other factors, where given, stand before the reason: found by its header.
    const reason = grid("ИСБШ")
      .values.find((row) => row[2] === "Логин")!
      .indexOf("Обоснование");
    expect(rows).toHaveLength(report.social.length);
    for (const school of report.social) {
      const row = rows.find((candidate) => candidate[2] === school.login)!;
      if (school.isbsh === null) expect(row[3] ?? null).toBeNull();
      else expect(row[3]).toBeCloseTo(school.isbsh, 9);
      expect(row[4] ?? "").toBe(school.shnsu ? "ШНСУ" : "");
      expect(row[reason]).toBe(school.reason);
    }
  });

  it("shows the risk matrix: 1 where a factor is present, the count and the risk group", () => {
    const rows = tableRows("Матрица рисков", 1, "Логин");
    expect(rows).toHaveLength(report.risk.length);
    report.risk.forEach((school, index) => {
      const row = rows[index]!;
      expect(row[1]).toBe(school.login);
      const present = row
        .slice(2, 12)
        .flatMap((value, factor) => (value === 1 ? [factor + 1] : []));
      expect(present).toEqual(school.factors);
      expect(row[12]).toBe(school.factors.length);
      expect(row[13] ?? "").toBe(school.riskGroup ? "ШГР" : "");
    });
  });

  it("shows the context-adjusted results and the summary indicators", () => {
    const rows = tableRows("Результаты и контекст", 1, "Логин");
    expect(rows).toHaveLength(report.context.length);
    for (const school of report.context) {
      const row = rows.find((candidate) => candidate[1] === school.login)!;
      expect(row[3]).toBeCloseTo(school.actual, 9);
      expect(row[4]).toBeCloseTo(school.expected, 9);
      expect(row[5]).toBeCloseTo(school.residual, 9);
      expect(row[6] ?? "").toBe(school.below ? "да" : "");
    }
    const summary = tableRows("Сводка показателей", 0, "Раздел");
    // The table's six columns; the chart's data block stands beside them on the same rows.
    expect(summary[0]!.slice(0, 6)).toEqual([
      "Школы",
      "Доля ШНОР,\u00a0% (12 из 46 — от школ таблицы результатов)",
      null,
      expect.closeTo(report.summary.shnor.share, 9),
      15,
      "нет",
    ]);
    expect(summary[1]!.slice(0, 4)).toEqual([
      "Школы",
      "Доля ШНСУ,\u00a0% (11 из 44 — от школ социального паспорта с рассчитанным ИСБШ)",
      null,
      report.summary.shnsu.share,
    ]);
  });

  it("keeps the templates' validations and the matrix's colour scales", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(converted, "результат.xlsx"));
    const passport = workbook.getWorksheet("Социальный паспорт")!;
    const validations = (
      passport as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const firstRow = tableRowNumber(passport);
    // LibreOffice adds an unused second formula (0) to a one-bound rule; the rule is the same.
    expect(validations[`C${firstRow}`]).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
    });
    expect(validations[`C${firstRow}`]!.formulae[0]).toBe(0);
    expect(validations[`D${firstRow}`]).toMatchObject({
      type: "custom",
      error: "Введите целое число, не больше общего числа в этой строке",
    });
    expect(validations[`D${firstRow}`]!.formulae[0]).toBe(
      `AND(ISNUMBER(D${firstRow}),D${firstRow}=INT(D${firstRow}),D${firstRow}>=0,OR(ISBLANK($C${firstRow}),D${firstRow}<=$C${firstRow}))`
    );
    const matrix = workbook.getWorksheet("Матрица рисков")!;
    const formats = (
      matrix as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(formats.map((format) => format.rules[0]!.type)).toEqual(Array(11).fill("colorScale"));
  });
});

/** The first row below a template's header («Логин ОО» in column A). */
function tableRowNumber(sheet: ExcelJS.Worksheet): number {
  let header = 0;
  sheet.eachRow((row, rowNumber) => {
    if (header === 0 && row.getCell(1).value === "Логин ОО") header = rowNumber;
  });
  return header + 1;
}
