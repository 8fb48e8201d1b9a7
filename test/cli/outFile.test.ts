/**
 * Where the command line writes (issue 17, item 5): an existing `--out` is replaced only with
 * `--force`, a missing folder is refused rather than created, and a failed write says so in Russian
 * without the name of the hidden file it was writing. The refusals with their exact messages are
 * also in the bad-input table (test/robustness/badInputCases.ts); the exit status of a real write
 * failure is checked on the built binary (binary.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import { unwritableError } from "../../src/xlsx/workbookFileError";
import { fileHash, readBack, temporaryFolder, writeResultsWorkbook } from "../xlsx/workbookFiles";
import { runCli } from "./runCli";

const folder = temporaryFolder();
afterAll(folder.remove);
const input = path.join(folder.dir, "выгрузка.xlsx");
beforeAll(() => writeResultsWorkbook(input));

/** A folder of its own per test, so that each sees only its own files. */
let count = 0;
function caseFolder(): string {
  const dir = path.join(folder.dir, `случай-${count++}`);
  mkdirSync(dir);
  return dir;
}

describe("school-radar analyze --out over an existing file", () => {
  it("is refused without --force, the file byte for byte as it was", async () => {
    const dir = caseFolder();
    const out = path.join(dir, "результат.xlsx");
    expect((await runCli("analyze", input, "--out", out)).code).toBe(0);
    const before = fileHash(out);
    const again = await runCli("analyze", input, "--out", out);
    expect(again).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `school-radar: Файл результата «${out}» уже существует и без --force не перезаписывается. ` +
        "Укажите в --out другой файл или добавьте --force, чтобы заменить этот.\n",
    });
    expect(fileHash(out)).toBe(before);
  });

  it("is replaced with --force, through the partial file, which does not stay", async () => {
    const dir = caseFolder();
    const out = path.join(dir, "результат.xlsx");
    writeFileSync(out, "прошлогодний результат");
    const run = await runCli("analyze", input, "--out", out, "--force");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect((await readBack(out)).getWorksheet("ШНОР")).toBeDefined();
    expect(readdirSync(dir)).toEqual(["результат.xlsx"]);
  });
});

describe("school-radar --out in a folder that does not exist", () => {
  it.each<[string, (out: string) => string[]]>([
    ["analyze", (out) => ["analyze", input, "--out", out]],
    ["template", (out) => ["template", "all", "--out", out]],
  ])("%s: refused, and no folder is created", async (command, argv) => {
    const dir = caseFolder();
    const missing = path.join(dir, "Итоги 2025");
    const run = await runCli(...argv(path.join(missing, "файл.xlsx")));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `school-radar: Папка «${missing}» не найдена: файл ${command === "analyze" ? "результата" : "шаблона"} ` +
        "записывается только в существующую папку. Создайте её или укажите в --out другой путь.\n"
    );
    expect(existsSync(missing)).toBe(false);
  });
});

describe("school-radar template --force", () => {
  it("replaces an existing file with the template", async () => {
    const dir = caseFolder();
    const out = path.join(dir, "шаблон.xlsx");
    writeFileSync(out, "черновик");
    const run = await runCli("template", "staffing", "--out", out, "--force");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect((await readBack(out)).worksheets.map((sheet) => sheet.name)).toEqual([
      "Кадровый состав",
    ]);
    expect(readdirSync(dir)).toEqual(["шаблон.xlsx"]);
  });

  it("still never replaces the export table it reads (--from)", async () => {
    const before = fileHash(input);
    const run = await runCli("template", "all", "--out", input, "--from", input, "--force");
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: `school-radar: Файл шаблона «${input}» совпадает с книгой из --from; она только читается — укажите другой файл в --out.\n`,
    });
    expect(fileHash(input)).toBe(before);
  });
});

describe("a failed write", () => {
  // Node's own message names the hidden partial file: the user is told the file they asked for.
  const systemError = (code: string) =>
    Object.assign(new Error(`${code}: failed, write '/отчёты/.итоги.xlsx.4242.partial'`), { code });

  it.each([
    ["ENOSPC", "на диске нет места"],
    ["EACCES", "нет прав на запись"],
    ["EROFS", "диск доступен только для чтения"],
    ["EBUSY", "файл занят другой программой"],
    ["EXDEV", "системная ошибка EXDEV"],
  ])("%s: says why in Russian, without the partial file's name", (code, reason) => {
    const error = unwritableError("/отчёты/итоги.xlsx", systemError(code));
    expect(error.problem).toBe("unwritable");
    expect(error.message).toBe(
      `Не удалось записать файл «/отчёты/итоги.xlsx»: ${reason}. Проверьте, что файл не открыт в другой ` +
        "программе, что в папке можно писать и на диске есть место, или укажите другой файл в --out."
    );
  });
});
