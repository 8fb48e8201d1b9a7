import { writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import {
  fileHash,
  readBack,
  temporaryFolder,
  writeResultsWorkbook,
  FIXTURE_SHEET,
} from "../xlsx/workbookFiles";
import { parseCliArguments } from "../../src/cli/cliArguments";
import { humanSummary } from "../../src/cli/humanSummary";
import { jsonReport } from "../../src/cli/jsonReport";
import { analyzeWorkbook, isEngineError, type WorkbookAnalysis } from "../../src/engine";
import { runCli } from "./runCli";
import { singleParentPassport } from "../fixtures/grids";

const folder = temporaryFolder();
const input = path.join(folder.dir, "выгрузка.xlsx");
afterAll(folder.remove);
beforeAll(() => writeResultsWorkbook(input));

/** The workbook's sheet, then what `analyze --out` writes for an export table alone. */
const OUTPUT_SHEETS = [
  FIXTURE_SHEET,
  "ШНОР",
  "ШНОР — метод",
  "ШНОР по годам",
  "Сводка показателей",
  "Динамика по школам",
  "Аналитическая справка",
  "Предупреждения",
];

const statuses = (report: { schools: { login: string; status: string; criteria: number[] }[] }) =>
  Object.fromEntries(
    report.schools.map((school) => [school.login, [school.status, school.criteria]])
  );

describe("school-radar analyze --json", () => {
  it("prints exactly one JSON object with the method, the schools and the warnings", async () => {
    const run = await runCli("analyze", input, "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual([
      "method",
      "schools",
      "warnings",
      "social",
      "risk",
      "summary",
      "context",
      "history",
      "profile",
      "reconciliation",
    ]);
    // Without templates in the workbook: the social, risk and context lists are empty.
    expect([report.social, report.risk, report.context]).toEqual([[], [], []]);
    expect(report.method).toEqual({
      edition: "2020",
      threshold: 30,
      minParticipants: 0,
      referenceYear: "2024/2025",
      previousYear: "2023/2024",
      years: "годы — из заголовков столбцов",
      description: expect.stringContaining(
        "Отчётный год 2024/2025, предыдущий — 2023/2024: годы — из заголовков столбцов."
      ),
    });
    expect(report.schools).toHaveLength(5);
    for (const school of report.schools) {
      expect(Object.keys(school)).toEqual([
        "login",
        "name",
        "municipality",
        "status",
        "criteria",
        "reason",
      ]);
      expect(school.municipality).toBe("Приречный район");
      expect(school.reason).not.toBe("");
    }
    expect(Array.isArray(report.warnings)).toBe(true);
    for (const warning of report.warnings)
      expect(Object.keys(warning)).toEqual(["cell", "message"]);
  });

  it("gives each school its status and criteria", async () => {
    const report = JSON.parse((await runCli("analyze", input, "--json")).stdout);
    expect(statuses(report)).toMatchObject({
      sch900001: ["shnor", [1]],
      sch900002: ["shnor", [2]],
      sch900003: ["not_shnor", []],
      sch900004: ["insufficient_data", []],
    });
    // 60 % «2» in a class of 5 is not a low result.
    expect(statuses(report).sch900005![0]).not.toBe("shnor");
    const first = report.schools.find((school: { login: string }) => school.login === "sch900001");
    expect(first.reason).toMatch(/ВПР МА 5 \(40\u00a0%\)/);
  });

  it("passes the options to the method: 2025 edition, another threshold, another year", async () => {
    const edition2025 = JSON.parse(
      (await runCli("analyze", input, "--json", "--edition", "2025")).stdout
    );
    expect(edition2025.method.edition).toBe("2025");
    expect(statuses(edition2025).sch900002![0]).toBe("not_shnor");
    const strict = JSON.parse(
      (await runCli("analyze", input, "--json", "--threshold", "35")).stdout
    );
    expect(strict.method.threshold).toBe(35);
    expect(statuses(strict).sch900001![0]).not.toBe("shnor");
    const lowMinimum = JSON.parse(
      (await runCli("analyze", input, "--json", "--min-participants", "5")).stdout
    );
    expect(lowMinimum.method.minParticipants).toBe(5);
    const earlier = JSON.parse(
      (await runCli("analyze", input, "--json", "--year", "2023/2024")).stdout
    );
    expect(earlier.method).toMatchObject({ referenceYear: "2023/2024", previousYear: null });
  });
});

describe("school-radar analyze (summary)", () => {
  it("prints a short Russian summary", async () => {
    const run = await runCli("analyze", input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Лист «${FIXTURE_SHEET}»: 5 школ`);
    expect(run.stdout).toMatch(/редакция 2020/);
    expect(run.stdout).toContain(
      "Итог: ШНОР — 2 (40\u00a0% школ таблицы), не ШНОР — 2, недостаточно данных — 1"
    );
    expect(run.stdout).toContain("МБОУ «СОШ № 1» (sch900001): К1");
    expect(run.stdout).toContain("укажите --out");
  });
});

describe("school-radar analyze --targets: the summary's targets are the user's", () => {
  it("compares the ШНОР share (2 of 5 = 40 %) with 45 % and says in --json the target is the user's", async () => {
    const report = JSON.parse(
      (await runCli("analyze", input, "--json", "--targets", "шнор=45; гиа=4")).stdout
    );
    expect(report.summary.shnor).toMatchObject({ share: 40, target: 45 });
    expect(report.summary.targets).toMatchObject({
      shnorShare: { value: 45, source: "user" },
      belowMinimumShare: { value: 4, source: "user" },
      categoryShare: { value: 85 },
    });
    expect((await runCli("analyze", input, "--targets", "шнор=45")).stdout).toContain(
      "цель ≤ 45\u00a0%"
    );
  });

  it("refuses targets it cannot read, naming the form it expects", async () => {
    const run = await runCli("analyze", input, "--json", "--targets", "шнор=сто");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "school-radar: Неверный параметр: цели: ожидалось «шнор=15; гиа=5; категория=85» (любые из трёх, проценты от 0 до 100); найдено «шнор=сто»\n"
    );
  });
});

describe("school-radar analyze --schools-total: the ШНОР share of the municipality's schools", () => {
  it("is of the table's 5 schools without it, and says so in --json and the summary", async () => {
    const report = JSON.parse((await runCli("analyze", input, "--json")).stdout);
    expect(report.summary.shnor).toEqual({
      count: 2,
      of: 5,
      share: 40,
      target: 15,
      denominator: "table",
    });
    expect((await runCli("analyze", input)).stdout).toContain(
      "Сводка: доля ШНОР 40\u00a0% (2 из 5 — от школ таблицы результатов; цель ≤ 15\u00a0%)"
    );
  });

  it("is 2 / 20 = 10 % of the municipality's 20 schools with --schools-total 20", async () => {
    const report = JSON.parse(
      (await runCli("analyze", input, "--json", "--schools-total", "20")).stdout
    );
    expect(report.summary.shnor).toEqual({
      count: 2,
      of: 20,
      share: 10,
      target: 15,
      denominator: "schools_total",
    });
    const run = await runCli("analyze", input, "--schools-total", "20");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Сводка: доля ШНОР 10\u00a0% (2 из 20 — от числа школ муниципалитета, указанного пользователем; цель ≤ 15\u00a0%)"
    );
    // The identification line stays of the table: the statuses are the table's schools'.
    expect(run.stdout).toContain("Итог: ШНОР — 2 (40\u00a0% школ таблицы)");
  });

  it("writes the denominator on the summary sheet with --out", async () => {
    const out = path.join(folder.dir, "всего-школ.xlsx");
    const run = await runCli("analyze", input, "--schools-total", "20", "--out", out);
    expect(run.code).toBe(0);
    const labels: unknown[] = [];
    (await readBack(out))
      .getWorksheet("Сводка показателей")!
      .eachRow((row) => labels.push(row.getCell(2).value));
    expect(labels).toContain(
      "Доля ШНОР,\u00a0% (2 из 20 — от числа школ муниципалитета, указанного пользователем)"
    );
  });

  it("passes --years to the engine as typed, after checking it", () => {
    const request = parseCliArguments(["analyze", "выгрузка.xlsx", "--years", "2018,2019"]);
    expect(request).toMatchObject({ tableYears: "2018,2019", schoolsTotal: null });
    expect(
      parseCliArguments(["analyze", "выгрузка.xlsx", "--schools-total", "1 200"])
    ).toMatchObject({ schoolsTotal: 1200, tableYears: null });
  });
});

describe("school-radar analyze --out", () => {
  const output = path.join(folder.dir, "результат.xlsx");

  it("writes the result workbook and leaves the input byte-identical", async () => {
    const before = fileHash(input);
    const run = await runCli("analyze", input, "--out", output);
    expect(run.code).toBe(0);
    expect(fileHash(input)).toBe(before);
    expect(run.stdout).toContain(`Результат записан: ${output}`);
    const written = await readBack(output);
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual(OUTPUT_SHEETS);
    const list = written.getWorksheet("ШНОР")!;
    const logins: unknown[] = [];
    list.eachRow((row) => logins.push(row.getCell(3).value));
    expect(logins).toEqual(
      expect.arrayContaining(["sch900001", "sch900002", "sch900003", "sch900004", "sch900005"])
    );
  });

  it("keeps stdout pure JSON when --json and --out are combined", async () => {
    const run = await runCli(
      "analyze",
      input,
      "--json",
      "--out",
      path.join(folder.dir, "json-и-книга.xlsx")
    );
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toMatch(/Результат записан/);
  });

  it("reads its own output again without taking its sheets as input or duplicating them", async () => {
    const second = path.join(folder.dir, "результат-2.xlsx");
    const before = fileHash(output);
    const run = await runCli("analyze", output, "--json", "--out", second);
    expect(run.code).toBe(0);
    expect(fileHash(output)).toBe(before);
    expect(JSON.parse(run.stdout).schools).toHaveLength(5);
    const written = await readBack(second);
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual(OUTPUT_SHEETS);
  });

  it("does not overwrite a user's sheet named like an output sheet", async () => {
    const withUserSheet = path.join(folder.dir, "с листом ШНОР.xlsx");
    await writeResultsWorkbook(withUserSheet, (workbook) => {
      workbook.addWorksheet("ШНОР").getCell("A1").value = "Список, который вела я";
    });
    const out = path.join(folder.dir, "с листом ШНОР-результат.xlsx");
    const run = await runCli("analyze", withUserSheet, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("результат записан на лист «ШНОР (2)»");
    const written = await readBack(out);
    expect(written.getWorksheet("ШНОР")!.getCell("A1").value).toBe("Список, который вела я");
    expect(written.getWorksheet("ШНОР (2)")).toBeDefined();
  });

  it("refuses to write the result over the input", async () => {
    const before = fileHash(input);
    const run = await runCli("analyze", input, "--out", input);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/совпадает с исходной книгой/);
    expect(fileHash(input)).toBe(before);
  });
});

describe("school-radar: bad input exits with status 2 and a message", () => {
  const textFile = path.join(folder.dir, "таблица.xlsx");
  const emptyWorkbook = path.join(folder.dir, "пустая.xlsx");
  const noTable = path.join(folder.dir, "без таблицы.xlsx");

  beforeAll(async () => {
    writeFileSync(textFile, "Логин ОО;% «2»\nsch900001;40\n");
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Лист1");
    await empty.xlsx.writeFile(emptyWorkbook);
    const notes = new ExcelJS.Workbook();
    const sheet = notes.addWorksheet("Заметки");
    sheet.addRow(["План работы на сентябрь"]);
    sheet.addRow(["1. Совещание директоров", "05.09"]);
    await notes.xlsx.writeFile(noTable);
  });

  it.each<[string, () => string[], RegExp]>([
    [
      "a text file renamed .xlsx",
      () => ["analyze", textFile],
      /таблица\.xlsx» — текст с разделителями \(CSV\), а не книга Excel\. Откройте его в Excel/,
    ],
    ["an empty workbook", () => ["analyze", emptyWorkbook], /пуста/],
    [
      "a workbook without a results table",
      () => ["analyze", noTable],
      /не найдена таблица результатов[\s\S]*«Заметки»/,
    ],
    ["a missing file", () => ["analyze", path.join(folder.dir, "нет.xlsx")], /не найден/],
    [
      "--threshold abc",
      () => ["analyze", input, "--threshold", "abc"],
      /порог низкого результата.*abc/,
    ],
    ["--edition 2030", () => ["analyze", input, "--edition", "2030"], /редакция правил.*2030/],
    [
      "--min-participants=-1",
      () => ["analyze", input, "--min-participants=-1"],
      /минимум участников/,
    ],
    [
      "--min-participants -1 (a value that looks like an option)",
      () => ["analyze", input, "--min-participants", "-1"],
      /Не указано значение параметра --min-participants: следом идёт «-1».*--min-participants=-1/,
    ],
    ["--year not in the table", () => ["analyze", input, "--year", "2019"], /2019/],
    [
      "--sheet missing",
      () => ["analyze", input, "--sheet", "Итоги"],
      /Лист «Итоги» не найден\. Листы книги: «Выгрузка»/,
    ],
    [
      "--sheet without a table",
      () => ["analyze", noTable, "--sheet", "Заметки"],
      /На листе «Заметки» не найдена таблица/,
    ],
    ["an unknown command", () => ["report", input], /Неизвестная команда «report»/],
    ["no command", () => [], /Не указана команда/],
    ["no input file", () => ["analyze"], /Не указан файл книги/],
    ["two input files", () => ["analyze", input, input], /один файл/],
    [
      "an unknown option",
      () => ["analyze", input, "--treshold", "30"],
      /Неизвестный параметр --treshold\. Возможно, имелся в виду --threshold\?/,
    ],
    [
      "an option without its value",
      () => ["analyze", input, "--out"],
      /Не указано значение параметра --out/,
    ],
    ["--out not an .xlsx", () => ["analyze", input, "--out", "результат.csv"], /расширение \.xlsx/],
    [
      "--schools-total 12,5",
      () => ["analyze", input, "--schools-total", "12,5"],
      /^school-radar: Неверный параметр: всего школ в муниципалитете: ожидалось целое число не меньше 1; найдено «12,5»\n$/,
    ],
    [
      "--schools-total fewer than the table's schools",
      () => ["analyze", input, "--schools-total", "3"],
      /^school-radar: всего школ в муниципалитете: указано 3, а в таблице листа «Выгрузка» 5 школ — .*не меньше 5/,
    ],
    [
      "--schools-total without its value",
      () => ["analyze", input, "--schools-total"],
      /Не указано значение параметра --schools-total: ожидалось --schools-total <число>/,
    ],
    [
      "--years that are not years",
      () => ["analyze", input, "--years", "прошлый год"],
      /^school-radar: Неверный параметр: годы таблицы: ожидались годы через запятую, например «2018, 2019» \(позднейший — отчётный\); найдено «прошлый год»\n$/,
    ],
    [
      "--schools-total with the template command",
      () => ["template", "all", "--out", "шаблон.xlsx", "--schools-total", "20"],
      /Параметр --schools-total не относится к команде template/,
    ],
  ])("%s", async (_, argv, message) => {
    const run = await runCli(...argv());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^school-radar: /);
  });
});

describe("school-radar --help", () => {
  it.each([["--help"], ["-h"], ["help"], ["analyze", "--help"]])(
    "%s prints the usage",
    async (...argv) => {
      const run = await runCli(...argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("school-radar analyze <книга.xlsx> [параметры]");
      expect(run.stdout).toContain("--min-participants");
      expect(run.stdout).toContain(
        "--years <годы>            годы таблицы без заголовков, например 2018,2019; позднейший — отчётный"
      );
      expect(run.stdout).toContain("--schools-total <число>   всего школ в муниципалитете");
    }
  );
});

/**
 * The ШНСУ group's size as the command line says it (issue 14, item 8): a group ties made far larger
 * than the chosen share, and one too few schools cannot form («не определена», not «0 %»). The
 * report functions are called on the engine's analysis of a passport alone: no process to start.
 */
describe("school-radar analyze: the ШНСУ group in the summary and --json", () => {
  /** A passport in shares, all 0 but single-parent families s %: ИСБШ = 85 − 0,2·s. */
  function analysed(singleParent: number[]): WorkbookAnalysis {
    const analysis = analyzeWorkbook([
      {
        grid: singleParentPassport(singleParent),
      },
    ]);
    if (isEngineError(analysis)) throw new Error(analysis.message);
    return analysis;
  }
  const printed = (analysis: WorkbookAnalysis) =>
    humanSummary({ inputPath: "паспорт.xlsx", analysis, written: null });

  it("3 schools: the group and its share are «не определена (школ меньше 4)»", () => {
    // s = 75, 28,5, 5 → ИСБШ 70; 79,3; 84: three schools, a quartile needs four.
    const analysis = analysed([75, 28.5, 5]);
    const text = printed(analysis);
    expect(text).toContain("ШНСУ (нижний квартиль): группа не определена (школ меньше 4)");
    expect(text).toContain("Сводка: доля ШНСУ не определена (школ меньше 4)");
    expect(text).not.toMatch(/доля ШНСУ 0/);
    // The fields scripts read stay; the share is null, and says why.
    expect(jsonReport(analysis).summary.shnsu).toEqual({
      count: 0,
      of: 3,
      share: null,
      denominator: "social_passport",
      reason: "не определена (школ меньше 4)",
    });
  });

  it("5 schools, 2 tied at the threshold: 3 of 5 (60 %), said beside the group", () => {
    // ИСБШ 70; 79,3; 79,3; 84; 85 → threshold 79,3 (position 4·0,25 = 1) → 3 of 5; ⌈1,25⌉ = 2.
    const analysis = analysed([75, 28.5, 28.5, 5, 0]);
    const text = printed(analysis);
    expect(text).toContain("ШНСУ (нижний квартиль, ИСБШ ≤ 79,30): 3: СОШ № 1, СОШ № 2, СОШ № 3");
    expect(text).toContain(
      "  Внимание: в группе ШНСУ 3 школы из 5 (60\u00a0%) при выбранной доле 25\u00a0% (нижний квартиль): " +
        "у 2 школ одинаковый ИСБШ 79,30, равный порогу, а школы с равным ИСБШ не разделяются — в группу входят все они."
    );
    expect(jsonReport(analysis).summary.shnsu).toEqual({
      count: 3,
      of: 5,
      share: 60,
      denominator: "social_passport",
    });
  });
});
