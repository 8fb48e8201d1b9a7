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
import { runCli } from "./runCli";

const folder = temporaryFolder();
const input = path.join(folder.dir, "выгрузка.xlsx");
afterAll(folder.remove);
beforeAll(() => writeResultsWorkbook(input));

/** The workbook's sheet, then what `analyze --out` writes for an export table alone. */
const OUTPUT_SHEETS = [
  FIXTURE_SHEET,
  "ШНОР",
  "ШНОР — метод",
  "Сводка показателей",
  "Динамика по школам",
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
    ]);
    // Without templates in the workbook: the social, risk and context lists are empty.
    expect([report.social, report.risk, report.context]).toEqual([[], [], []]);
    expect(report.method).toEqual({
      edition: "2020",
      threshold: 30,
      minParticipants: 10,
      referenceYear: "2024/2025",
      previousYear: "2023/2024",
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
    expect(first.reason).toMatch(/ВПР МА 5 \(40 %\)/);
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
    expect(run.stdout).toContain(`Лист: «${FIXTURE_SHEET}» — школ: 5`);
    expect(run.stdout).toMatch(/редакция 2020/);
    expect(run.stdout).toContain(
      "Итог: ШНОР — 2 (40 % школ), не ШНОР — 2, недостаточно данных — 1"
    );
    expect(run.stdout).toContain("МБОУ «СОШ № 1» (sch900001): К1");
    expect(run.stdout).toContain("укажите --out");
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
      /не является книгой Excel \(\.xlsx\)/,
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
      /Неверные аргументы.*--min-participants/,
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
      /Неверные аргументы.*--treshold/,
    ],
    ["an option without its value", () => ["analyze", input, "--out"], /Неверные аргументы/],
    ["--out not an .xlsx", () => ["analyze", input, "--out", "результат.csv"], /расширение \.xlsx/],
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
      expect(run.stdout).toContain("school-radar analyze <input.xlsx>");
      expect(run.stdout).toContain("--min-participants");
    }
  );
});
