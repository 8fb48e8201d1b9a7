/**
 * The command line's own words (issue 17, item 5): the help in Russian (English on request or by
 * the locale), the version, unknown options named with the nearest known one, and a warning for a
 * threshold written as a fraction.
 */
import { readFileSync } from "fs";
import path from "path";
import { USAGE, USAGE_EN } from "../../src/cli/usage";
import { temporaryFolder, writeResultsWorkbook } from "../xlsx/workbookFiles";
import { runCli, runCliWithEnv } from "./runCli";

const folder = temporaryFolder();
afterAll(folder.remove);
const input = path.join(folder.dir, "выгрузка.xlsx");
beforeAll(() => writeResultsWorkbook(input));

describe("school-radar --help", () => {
  it("is Russian throughout: headings, placeholders and the exit statuses", async () => {
    const { code, stdout } = await runCli("--help");
    expect(code).toBe(0);
    expect(stdout).toBe(USAGE);
    // The only Latin words left are the command's own: its name, commands, options, kinds, formats.
    const latin = new Set(stdout.match(/[A-Za-z][A-Za-z-]*/g));
    for (const english of ["Usage", "options", "Exit", "status", "file", "input", "result", "n"])
      expect(latin).not.toContain(english);
    expect(stdout).toContain(
      "Коды завершения:\n" +
        "  0    готово\n" +
        "  1    внутренняя ошибка программы — сообщите разработчикам\n" +
        "  2    ошибка во входных данных или параметрах; ничего не записано\n" +
        "  3    не удалось записать файл (нет прав, нет места на диске, файл открыт в другой программе);\n" +
        "       временный файл удалён, существующий файл не тронут\n" +
        "  130  прервано: Ctrl+C (SIGINT); недописанный файл результата не остаётся\n" +
        "  143  прервано: сигнал SIGTERM (kill); недописанный файл результата не остаётся\n"
    );
    expect(stdout).toContain(
      "  --force                   заменить существующий файл --out или --report (без --force\n" +
        "                            он не перезаписывается)"
    );
  });

  it.each<[string, NodeJS.ProcessEnv, string[], string]>([
    ["--lang en", {}, ["--help", "--lang", "en"], USAGE_EN],
    ["--lang EN, upper case", {}, ["-h", "--lang", "EN"], USAGE_EN],
    ["LANG=en_US.UTF-8", { LANG: "en_US.UTF-8" }, ["--help"], USAGE_EN],
    [
      "LC_ALL=en_GB.UTF-8 over LANG=ru_RU",
      { LC_ALL: "en_GB.UTF-8", LANG: "ru_RU.UTF-8" },
      ["help"],
      USAGE_EN,
    ],
    [
      "LC_ALL=ru_RU.UTF-8 over LANG=en_US",
      { LC_ALL: "ru_RU.UTF-8", LANG: "en_US.UTF-8" },
      ["--help"],
      USAGE,
    ],
    ["--lang ru over LANG=en_US", { LANG: "en_US.UTF-8" }, ["--help", "--lang", "ru"], USAGE],
    ["LANG=C", { LANG: "C.UTF-8" }, ["--help"], USAGE],
  ])("%s", async (_, env, argv, usage) => {
    expect(await runCliWithEnv(env, ...argv)).toEqual({ code: 0, stdout: usage, stderr: "" });
  });

  it("in English lists the same options and exit statuses", () => {
    const options = (text: string) => new Set(text.match(/--[a-z-]+/g));
    expect(options(USAGE_EN)).toEqual(options(USAGE));
    const statuses = (text: string) => text.match(/^ {2}\d+ {2,}/gm);
    expect(statuses(USAGE_EN)).toEqual(statuses(USAGE));
    expect(statuses(USAGE)).toEqual([
      "  0    ",
      "  1    ",
      "  2    ",
      "  3    ",
      "  130  ",
      "  143  ",
    ]);
  });

  it.each([
    [
      ["--help", "--lang", "de"],
      "Неверный параметр: --lang (язык справки): ожидалось ru или en; найдено «de»",
    ],
    [
      ["analyze", "выгрузка.xlsx", "--lang", "en"],
      "Параметр --lang выбирает язык справки и действует только с --help: school-radar --help --lang en",
    ],
  ])("refuses %j", async (argv, message) => {
    expect(await runCli(...argv)).toEqual({
      code: 2,
      stdout: "",
      stderr: `school-radar: ${message}\n`,
    });
  });
});

describe("school-radar --version", () => {
  it("prints the package's version", async () => {
    const manifest = path.join(__dirname, "..", "..", "package.json");
    const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
    expect(await runCli("--version")).toEqual({
      code: 0,
      stdout: `school-radar ${version}\n`,
      stderr: "",
    });
  });
});

describe("an option the command line does not know", () => {
  const HELP = "Справка: school-radar --help";
  it.each([
    ["--treshold", "30", "Неизвестный параметр --treshold. Возможно, имелся в виду --threshold?"],
    ["--jsno", "", "Неизвестный параметр --jsno. Возможно, имелся в виду --json?"],
    ["--form", "выгрузка.xlsx", "Неизвестный параметр --form. Возможно, имелся в виду --from?"],
    ["--JSON", "", "Неизвестный параметр --JSON. Возможно, имелся в виду --json?"],
    [
      "--min-participant=5",
      "",
      "Неизвестный параметр --min-participant. Возможно, имелся в виду --min-participants?",
    ],
    ["-help", "", "Неизвестный параметр -help. Возможно, имелся в виду --help?"],
    ["--verbose", "", "Неизвестный параметр --verbose."],
    ["-x", "", "Неизвестный параметр -x."],
  ])("%s: named, with the nearest known one when one is near", async (option, value, message) => {
    const argv = ["analyze", input, option, ...(value === "" ? [] : [value])];
    expect(await runCli(...argv)).toEqual({
      code: 2,
      stdout: "",
      stderr: `school-radar: ${message} ${HELP}\n`,
    });
  });

  it.each([
    [
      ["--json=да"],
      "Параметр --json не принимает значения; найдено «--json=да». Укажите просто --json",
    ],
    [
      ["--threshold"],
      `Не указано значение параметра --threshold: ожидалось --threshold <число>. ${HELP}`,
    ],
    [
      ["--sheet", "--json"],
      "Не указано значение параметра --sheet: следом идёт «--json», а это похоже на параметр. " +
        "Если «--json» — значение, напишите --sheet=--json",
    ],
  ])("%j: says what was expected and what to write", async (options, message) => {
    expect(await runCli("analyze", input, ...options)).toEqual({
      code: 2,
      stdout: "",
      stderr: `school-radar: ${message}\n`,
    });
  });
});

describe("school-radar analyze --threshold below 1", () => {
  const warning = (typed: string, meant: string) =>
    `порог низкого результата задаётся в процентах: ${typed} — это ${typed}\u00a0%; для ${meant}\u00a0% укажите ${meant}`;

  it("warns on stderr beside the summary, and runs with the threshold as given", async () => {
    const run = await runCli("analyze", input, "--threshold", "0,3");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `school-radar: предупреждение (параметр --threshold): ${warning("0,3", "30")}\n`
    );
    expect(run.stdout).toContain("низкий результат — не менее 0,3\u00a0% «2»");
  });

  it("in --json, leads the warnings as {cell, message}", async () => {
    const run = await runCli("analyze", input, "--json", "--threshold", "0.05");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const report = JSON.parse(run.stdout) as { warnings: unknown[]; method: { threshold: number } };
    expect(report.warnings[0]).toEqual({
      cell: "параметр --threshold",
      message: warning("0,05", "5"),
    });
    expect(report.method.threshold).toBe(0.05);
  });

  it.each([["1"], ["30"], ["0,3 %"]])("%s: no warning (per cent, or said to be)", async (typed) => {
    const run = await runCli("analyze", input, "--json", "--threshold", typed);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const { warnings } = JSON.parse(run.stdout) as { warnings: { cell: string }[] };
    expect(warnings.map((item) => item.cell)).not.toContain("параметр --threshold");
  });
});
