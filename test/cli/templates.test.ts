import { writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import {
  analyzeWorkbook,
  isEngineError,
  TEMPLATE_KINDS,
  TEMPLATE_NAMES,
  type TemplateKind,
  type WorkbookAnalysis,
} from "../../src/engine";
import { readWorkbookSheets } from "../../src/xlsx";
import {
  fileHash,
  readBack,
  temporaryFolder,
  writeResultsWorkbook,
  FIXTURE_SCHOOLS,
  FIXTURE_SHEET,
} from "../xlsx/workbookFiles";
import { runCli } from "./runCli";
import { fillTemplateFile, RISK_ROWS, SOCIAL_ROWS, STAFF_ROWS } from "./templateFiles";

const folder = temporaryFolder();
afterAll(folder.remove);
const file = (name: string) => path.join(folder.dir, name);
const exportTable = file("выгрузка.xlsx");
beforeAll(() => writeResultsWorkbook(exportTable));

const ROWS: Record<TemplateKind, typeof SOCIAL_ROWS> = {
  "social-passport": SOCIAL_ROWS,
  "risk-questionnaire": RISK_ROWS,
  staffing: STAFF_ROWS,
};

async function analyze(filePath: string): Promise<WorkbookAnalysis> {
  const sheets = await readWorkbookSheets(filePath);
  const analysis = analyzeWorkbook(
    sheets.map((sheet) => ({ grid: sheet.grid, own: sheet.outputMark !== null }))
  );
  if (isEngineError(analysis)) throw new Error(analysis.message);
  return analysis;
}

async function templateFile(kind: TemplateKind, ...extra: string[]): Promise<string> {
  const target = file(`шаблон-${kind}${extra.length > 0 ? "-из-выгрузки" : ""}.xlsx`);
  const run = await runCli("template", kind, "--out", target, ...extra);
  expect(run).toMatchObject({ code: 0, stderr: "" });
  return target;
}

describe("school-radar template", () => {
  it.each(TEMPLATE_KINDS)(
    "%s: writes the template, which the reader recognises once it is filled in",
    async (kind) => {
      const empty = await templateFile(kind);
      expect((await readBack(empty)).worksheets.map((sheet) => sheet.name)).toEqual([
        TEMPLATE_NAMES[kind],
      ]);
      const filled = file(`заполнен-${kind}.xlsx`);
      await fillTemplateFile(empty, filled, kind, ROWS[kind]);
      const analysis = await analyze(filled);
      expect(analysis.sheets).toEqual([
        expect.objectContaining({
          sheetName: TEMPLATE_NAMES[kind],
          kind,
          schools: Object.keys(ROWS[kind]).length,
        }),
      ]);
      expect(analysis.table).toBeNull();
      if (kind === "social-passport") {
        expect(analysis.social!.schools.map((school) => school.isbsh)).toEqual([
          expect.closeTo(81.3, 6),
          expect.closeTo(74, 6),
          expect.closeTo(88.35, 6),
          expect.closeTo(67.2, 6),
          null,
        ]);
      }
      if (kind === "risk-questionnaire") {
        expect(analysis.risk!.schools.map((school) => [school.login, school.factors])).toEqual([
          ["sch900001", [2]],
          ["sch900002", []],
          ["sch900003", [1, 2]],
          ["sch900004", []],
        ]);
      }
      if (kind === "staffing") {
        const category = analysis.summary.staffing.find((item) => item.target === 85);
        expect(category!.share).toBeCloseTo(75, 6);
      }
    }
  );

  it("says what it wrote", async () => {
    const target = file("паспорт-сообщение.xlsx");
    const run = await runCli("template", "social-passport", "--out", target);
    expect(run.stdout).toBe(
      `Шаблон записан: ${target} (лист «Социальный паспорт»; строки пустые: впишите логины и наименования школ)\n`
    );
  });

  it("all: writes the three templates in one workbook, pre-filled with the export table's schools (--from)", async () => {
    const target = await templateFile("all" as TemplateKind, "--from", exportTable);
    const workbook = await readBack(target);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      TEMPLATE_KINDS.map((kind) => TEMPLATE_NAMES[kind])
    );
    for (const sheet of workbook.worksheets) {
      const logins: unknown[] = [];
      sheet.eachRow((row) => logins.push(row.getCell(1).value));
      expect(logins.filter((value) => typeof value === "string" && /^sch/.test(value))).toEqual(
        FIXTURE_SCHOOLS.map((school) => school.login)
      );
    }
    // Pre-filled rows with nothing typed in are no data: the sheets are recognised, nothing is judged.
    const analysis = await analyze(target);
    expect(analysis.sheets.map((sheet) => sheet.kind)).toEqual(TEMPLATE_KINDS);
    expect(analysis.social!.schools.every((school) => school.isbsh === null)).toBe(true);
  });

  it("refuses to write over an existing file", async () => {
    const target = file("уже есть.xlsx");
    await writeResultsWorkbook(target);
    const before = fileHash(target);
    const run = await runCli("template", "staffing", "--out", target);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `school-radar: Файл шаблона «${target}» уже существует и без --force не перезаписывается. ` +
        "Укажите в --out другой файл или добавьте --force, чтобы заменить этот.\n"
    );
    expect(fileHash(target)).toBe(before);
  });

  it.each<[string, () => string[], RegExp]>([
    [
      "an unknown kind",
      () => ["template", "passport", "--out", file("x.xlsx")],
      /Неизвестный вид шаблона «passport»/,
    ],
    ["no kind", () => ["template", "--out", file("x.xlsx")], /Не указан вид шаблона/],
    ["no --out", () => ["template", "staffing"], /Не указан файл шаблона/],
    [
      "--out not an .xlsx",
      () => ["template", "staffing", "--out", file("x.xls")],
      /расширение \.xlsx/,
    ],
    [
      "an option of analyze",
      () => ["template", "staffing", "--out", file("x.xlsx"), "--json"],
      /--json не относится к команде template/,
    ],
    [
      "--from without a results table",
      () => [
        "template",
        "staffing",
        "--out",
        file("y.xlsx"),
        "--from",
        file("заполнен-staffing.xlsx"),
      ],
      /\(--from\) не найдена таблица результатов/,
    ],
    [
      "--from a missing file",
      () => ["template", "staffing", "--out", file("z.xlsx"), "--from", file("нет.xlsx")],
      /не найден/,
    ],
  ])("exits with status 2 for %s", async (_, argv, message) => {
    const run = await runCli(...argv());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });
});

describe("school-radar analyze with the templates", () => {
  const social = file("соц-паспорт.xlsx");
  const risk = file("анкета.xlsx");
  const staff = file("кадры.xlsx");
  const together = file("всё в одной книге.xlsx");

  beforeAll(async () => {
    const kinds: [TemplateKind, string][] = [
      ["social-passport", social],
      ["risk-questionnaire", risk],
      ["staffing", staff],
    ];
    for (const [kind, target] of kinds) {
      const empty = file(`пустой-${kind}.xlsx`);
      await runCli("template", kind, "--out", empty, "--from", exportTable);
      await fillTemplateFile(empty, target, kind, ROWS[kind]);
    }
    // The three templates as sheets of the export workbook itself.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exportTable);
    for (const [, source] of kinds) {
      const sheet = (await readBack(source)).worksheets[0]!;
      const copy = workbook.addWorksheet(sheet.name);
      sheet.eachRow((row, rowNumber) =>
        row.eachCell((cell, column) => {
          copy.getCell(rowNumber, column).value = cell.value;
        })
      );
    }
    await workbook.xlsx.writeFile(together);
    writeFileSync(file("текст.xlsx"), "не книга");
  });

  const json = async (...argv: string[]) => {
    const run = await runCli("analyze", ...argv, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  it("reads --social, --risk and --staff files beside the export table into the JSON report", async () => {
    const report = await json(exportTable, "--social", social, "--risk", risk, "--staff", staff);
    expect(report.schools).toHaveLength(5);
    expect(report.social).toEqual([
      {
        login: "sch900001",
        isbsh: expect.closeTo(81.3, 6),
        shnsu: false,
        reason: expect.stringMatching(/^ИСБШ 81,30 > порог 72,30 — не в группе/),
      },
      {
        login: "sch900002",
        isbsh: expect.closeTo(74, 6),
        shnsu: false,
        reason: expect.any(String),
      },
      {
        login: "sch900003",
        isbsh: expect.closeTo(88.35, 6),
        shnsu: false,
        reason: expect.any(String),
      },
      {
        login: "sch900004",
        isbsh: expect.closeTo(67.2, 6),
        shnsu: true,
        reason: "ИСБШ 67,20 ≤ порог 72,30 — в группе «нижний квартиль»",
      },
      {
        login: "sch900005",
        isbsh: null,
        shnsu: false,
        reason: expect.stringMatching(/не рассчитан/),
      },
    ]);
    // sch900001 is ШНОР: its factors do not make it a risk-group school; sch900003 is not ШНОР.
    expect(report.risk).toEqual([
      { login: "sch900001", factors: [2], riskGroup: false },
      { login: "sch900002", factors: [], riskGroup: false },
      { login: "sch900003", factors: [1, 2], riskGroup: true },
      { login: "sch900004", factors: [], riskGroup: false },
      { login: "sch900005", factors: [], riskGroup: false },
    ]);
    // Each share names its schools: ШНСУ of the passport's 4 with an ИСБШ, ШГР of the questionnaire's 5.
    expect(report.summary.shnor).toEqual({
      count: 2,
      of: 5,
      share: 40,
      target: 15,
      denominator: "table",
    });
    expect(report.summary.shnsu).toEqual({
      count: 1,
      of: 4,
      share: 25,
      denominator: "social_passport",
    });
    expect(report.summary.riskGroup).toEqual({
      count: 1,
      of: 5,
      share: 20,
      denominator: "risk_questionnaire",
    });
    expect(report.summary.staffing).toContainEqual({
      label: "Доля педагогов с первой или высшей категорией",
      share: 75,
      target: 85,
    });
    // Warnings point into the other files' sheets: `[соц-паспорт.xlsx]Социальный паспорт`.
    expect(report.warnings).toContainEqual({
      cell: expect.stringMatching(/^'\[соц-паспорт\.xlsx\]Социальный паспорт'!F\d+$/),
      message: expect.stringMatching(
        /^МБОУ «ООШ с\. Малое»: ИСБШ не рассчитан — «из неполных семей» \(130\) больше/
      ),
    });
    expect(
      report.warnings.some((warning: { message: string }) => /25.*больше.*20/.test(warning.message))
    ).toBe(true);
    // Context: only three schools have both ИСБШ and results (sch900004 has no data): no line, nulls.
    expect(report.context).toHaveLength(3);
    for (const school of report.context)
      expect(school).toEqual({
        login: school.login,
        expected: null,
        actual: expect.any(Number),
        residual: null,
        below: false,
      });
  });

  it("gives the same report when the templates are sheets of the workbook itself", async () => {
    const separate = await json(exportTable, "--social", social, "--risk", risk, "--staff", staff);
    const inside = await json(together);
    const withoutCells = (report: { warnings: { message: string }[] }) => ({
      ...report,
      warnings: report.warnings.map((warning) => warning.message),
    });
    expect(withoutCells(inside)).toEqual(withoutCells(separate));
  });

  it("renders the summary as plain JSON: labels for procedures and years, numbers or null", async () => {
    const report = await json(exportTable, "--social", social);
    expect(Object.keys(report.summary)).toEqual([
      "shnor",
      "shnsu",
      "riskGroup",
      "belowMinimum",
      "dynamics",
      "riskZones",
      "staffing",
      "targets",
      "positiveDynamics",
      "gap",
      "highResults",
    ]);
    expect(report.summary.targets.shnorShare).toEqual({
      value: 15,
      source: "программа Новокузнецка, приказ КОиН от 09.12.2020 №\u00a01351",
    });
    expect(report.summary.riskGroup).toBeNull();
    expect(report.summary.staffing).toEqual([]);
    expect(report.summary.belowMinimum).toEqual([
      {
        procedure: "ОГЭ МА",
        year: "2024/2025",
        value: expect.any(Number),
        weighted: true,
        target: 5,
      },
    ]);
    expect(report.summary.dynamics).toContainEqual({
      procedure: "ВПР МА 5",
      values: [
        { year: "2023/2024", value: expect.any(Number) },
        { year: "2024/2025", value: expect.any(Number) },
      ],
      arrows: [expect.stringMatching(/^[↑↓→]$/)],
    });
  });

  it("accepts a workbook holding only a social passport: no ШНОР method, no schools", async () => {
    const report = await json(social);
    expect(report.method).toBeNull();
    expect(report.schools).toEqual([]);
    expect(report.social).toHaveLength(5);
    expect(report.summary.shnor).toBeNull();
    expect(report.context).toEqual([]);
    const human = await runCli("analyze", social);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      "Таблица результатов оценочных процедур не найдена — ШНОР не определялись."
    );
    expect(human.stdout).toContain("ШНСУ (нижний квартиль, ИСБШ ≤ 72,30): 1");
  });

  it.each([["0.2"], ["0,2"], ["20"], ["20 %"], ["квинтиль"], ["Квинтиль"]])(
    "--quantile %s: the lower quintile needs 5 ranked schools, so no ШНСУ here",
    async (quantile) => {
      const report = await json(social, "--quantile", quantile);
      expect(report.social.filter((school: { shnsu: boolean }) => school.shnsu)).toEqual([]);
      expect(
        report.warnings.some((warning: { message: string }) =>
          /нижний квинтиль.*не меньше 5/.test(warning.message)
        )
      ).toBe(true);
    }
  );

  it.each([["0.25"], ["25"], ["квартиль"]])(
    "--quantile %s is the lower quartile",
    async (quantile) => {
      const report = await json(social, "--quantile", quantile);
      expect(report.summary.shnsu).toMatchObject({ count: 1, of: 4, share: 25 });
    }
  );

  it("writes every output sheet to --out, and keeps the thresholds sheet the user edited", async () => {
    const first = file("результат-с-шаблонами.xlsx");
    const run = await runCli("analyze", together, "--out", first);
    expect(run.code).toBe(0);
    const names = (await readBack(first)).worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      FIXTURE_SHEET,
      ...TEMPLATE_KINDS.map((kind) => TEMPLATE_NAMES[kind]),
      "ШНОР",
      "ШНОР — метод",
      "ШНОР по годам",
      "ИСБШ",
      "Матрица рисков",
      "Факторы → школы",
      "Пороги факторов риска",
      "Сводка показателей",
      "Динамика по школам",
      "Результаты и контекст",
      "Профиль школ",
      "Аналитическая справка",
      "Предупреждения",
    ]);
    // The user raises the vacancy threshold (Ф2.1) to 5: sch900001 and sch900003 lose factor 2.
    const edited = file("пороги изменены.xlsx");
    const workbook = await readBack(first);
    const thresholds = workbook.getWorksheet("Пороги факторов риска")!;
    thresholds.eachRow((row) => {
      if (row.getCell(1).value === "Ф2.1" || row.getCell(1).value === "Ф2.2")
        row.getCell(5).value = 5;
    });
    await workbook.xlsx.writeFile(edited);
    const report = await json(edited);
    expect(report.risk.slice(0, 3)).toEqual([
      { login: "sch900001", factors: [], riskGroup: false },
      { login: "sch900002", factors: [], riskGroup: false },
      { login: "sch900003", factors: [1], riskGroup: true },
    ]);
    const second = file("результат-второй.xlsx");
    const rerun = await runCli("analyze", edited, "--out", second);
    expect(rerun.code).toBe(0);
    // The workbook has its thresholds sheet: the analysis reads it and writes no other.
    expect(rerun.stdout).not.toContain("«Пороги факторов риска»");
    const again = await readBack(second);
    // Outputs are replaced (written again at the end); the thresholds sheet stays where it was.
    expect(again.worksheets.map((sheet) => sheet.name)).toEqual([
      ...names.slice(0, 4),
      "Пороги факторов риска",
      ...names.slice(4).filter((name) => name !== "Пороги факторов риска"),
    ]);
    const kept: unknown[] = [];
    again.getWorksheet("Пороги факторов риска")!.eachRow((row) => {
      if (row.getCell(1).value === "Ф2.1") kept.push(row.getCell(5).value);
    });
    expect(kept).toEqual([5]);
  });

  it("prints short lines for ИСБШ/ШНСУ, ШГР, the context and the summary", async () => {
    const run = await runCli("analyze", together);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "ИСБШ: лист «Социальный паспорт» — индекс рассчитан для 4 из 5 школ"
    );
    expect(run.stdout).toContain("ШНСУ (нижний квартиль, ИСБШ ≤ 72,30): 1: МБОУ «ООШ д. Пустошь»");
    expect(run.stdout).toMatch(
      /Факторы риска: школ с факторами — 2 из 5 .*чаще всего: Ф2 Дефицит педагогических кадров — 2/
    );
    expect(run.stdout).toContain("ШГР (факторы риска есть, не ШНОР): 1: МАОУ «Гимназия № 3»");
    expect(run.stdout).toContain(
      "Результаты с учётом контекста: линия «результаты ~ ИСБШ» не построена"
    );
    expect(run.stdout).toContain(
      "Сводка: доля ШНОР 40\u00a0% (2 из 5 — от школ таблицы результатов; цель ≤ 15\u00a0%); " +
        "доля ШНСУ 25\u00a0% (1 из 4 — от школ социального паспорта с рассчитанным ИСБШ); " +
        "доля ШГР 20\u00a0% (1 из 5 — от школ анкеты факторов риска);"
    );
    expect(run.stdout).toMatch(/с первой или высшей категорией 75\u00a0% \(цель ≥ 85\u00a0%\)/);
  });

  it.each<[string, () => string[], RegExp]>([
    [
      "--quantile 0.3",
      () => [exportTable, "--quantile", "0.3"],
      /--quantile.*0\.25.*0\.2.*найдено «0\.3»/,
    ],
    ["--quantile abc", () => [exportTable, "--quantile", "abc"], /--quantile/],
    [
      "--social a missing file",
      () => [exportTable, "--social", file("нет.xlsx")],
      /^school-radar: --social: Файл «.*нет\.xlsx» не найден\.\n$/,
    ],
    [
      "--risk a text file",
      () => [exportTable, "--risk", file("текст.xlsx")],
      /--risk: Файл «.*текст\.xlsx» — текстовый файл, а не книга Excel\./,
    ],
    [
      "--social a workbook without a social passport",
      () => [exportTable, "--social", risk],
      /В файле «.*анкета\.xlsx» \(--social\) не найден социальный паспорт\.\n {2}«\[анкета\.xlsx\]Анкета факторов риска»: это анкета факторов риска/,
    ],
    [
      "--staff the export table",
      () => [exportTable, "--staff", exportTable],
      /\(--staff\) не найден кадровый состав\.\n {2}«\[выгрузка\.xlsx\]Выгрузка»: это таблица результатов/,
    ],
    [
      "--from, an option of template",
      () => [exportTable, "--from", exportTable],
      /--from не относится к команде analyze/,
    ],
  ])("exits with status 2 for %s", async (_, argv, message) => {
    const run = await runCli("analyze", ...argv());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });
});
