import { spawn, spawnSync } from "child_process";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { FLAT_HEADER, minimalXlsx, xmlRow } from "../robustness/badInputFiles";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { USAGE, USAGE_EN } from "../../src/cli/usage";
import { ensureCliBuilt } from "./builtCli";
import { runCli } from "./runCli";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join("samples", "school-radar-sample.xlsx");

/** Runs the installed entry point as a user would: `node bin/school-radar.js …` in the repository. */
function runBinary(...argv: string[]) {
  const child = spawnSync(process.execPath, [path.join("bin", "school-radar.js"), ...argv], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** The compiled command line, rebuilt when missing or older than any of its sources. */
beforeAll(ensureCliBuilt, 120_000);

const folder = temporaryFolder();
afterAll(folder.remove);
/** For the tests that look at a folder's listing apart from the interrupted runs'. */
const elsewhere = temporaryFolder();
afterAll(elsewhere.remove);
const BIN = path.join(ROOT, "bin", "school-radar.js");

describe("bin/school-radar.js", () => {
  it("prints the same JSON object as main() for the sample workbook", async () => {
    const child = runBinary("analyze", SAMPLE, "--json");
    expect(child.stderr).toBe("");
    expect(child.code).toBe(0);
    const fromBinary = JSON.parse(child.stdout);
    const inProcess = await runCli("analyze", path.join(ROOT, SAMPLE), "--json");
    expect(fromBinary).toEqual(JSON.parse(inProcess.stdout));
    expect(fromBinary.schools.length).toBeGreaterThanOrEqual(44);
  }, 60_000);

  it("exits with status 2 and a message for a file that is not there", () => {
    const child = runBinary("analyze", "samples/нет-такого-файла.xlsx");
    expect(child.code).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toMatch(/не найден/);
  }, 60_000);

  // Made once for both signals: large enough that writing the result takes a while.
  let largeInput: Promise<string> | null = null;

  it.each([
    ["Ctrl-C", "SIGINT", 130],
    ["kill", "SIGTERM", 143],
  ] as const)(
    "stopped with %s (%s) while writing: exits %s, leaving neither the result nor its partial file",
    async (_, signal, status) => {
      // 60,000 schools, two procedure-years.
      const input = path.join(folder.dir, "большая.xlsx");
      largeInput ??= minimalXlsx(input, "Выгрузка", [
        xmlRow(1, FLAT_HEADER),
        ...Array.from({ length: 60_000 }, (_, i) =>
          xmlRow(i + 2, ["МО", `СОШ № ${i}`, `sch${900000 + i}`, (i * 7) % 60, (i * 11) % 60])
        ),
      ]).then(() => input);
      await largeInput;
      const out = path.join(folder.dir, "результат.xlsx");
      const child = spawn(process.execPath, [
        path.join(ROOT, "bin", "school-radar.js"),
        "analyze",
        input,
        "--out",
        out,
      ]);
      const exited = new Promise<number | null>((resolve) =>
        child.on("exit", (code) => resolve(code))
      );
      const partial = () => readdirSync(folder.dir).some((name) => name.endsWith(".partial"));
      // The partial file appears when writing starts: interrupt then.
      const deadline = Date.now() + 60_000;
      while (!partial() && child.exitCode === null && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 5));
      expect(partial()).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(status);
      expect(readdirSync(folder.dir).sort()).toEqual(["большая.xlsx"]);
    },
    120_000
  );

  it("exits with status 3 when the result cannot be written, the replaced file left whole", () => {
    // A limit on file size (ulimit -f, in KiB) fails the write as a full disk would, also for root,
    // whom permissions do not stop.
    const dir = elsewhere.dir;
    const out = path.join(dir, "результат.xlsx");
    writeFileSync(out, "прошлый результат");
    const child = spawnSync(
      "bash",
      [
        "-c",
        'ulimit -f 16 && exec "$@"',
        "bash",
        process.execPath,
        BIN,
        "analyze",
        SAMPLE,
        "--out",
        out,
        "--force",
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 }
    );
    expect(child.status).toBe(3);
    expect(child.stdout).toBe("");
    expect(child.stderr).toBe(
      `school-radar: Не удалось записать файл «${out}»: превышен допустимый размер файла. ` +
        "Проверьте, что файл не открыт в другой программе, что в папке можно писать и на диске есть место, " +
        "или укажите другой файл в --out.\n"
    );
    expect(readdirSync(dir)).toEqual(["результат.xlsx"]);
    expect(readFileSync(out, "utf8")).toBe("прошлый результат");
  }, 60_000);

  it("prints the help in the locale's language, and the package's version", () => {
    const locale = (LANG: string) => ({ ...process.env, LC_ALL: "", LC_MESSAGES: "", LANG });
    const help = (LANG: string) =>
      spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8", env: locale(LANG) });
    expect(help("en_US.UTF-8")).toMatchObject({ status: 0, stdout: USAGE_EN, stderr: "" });
    expect(help("ru_RU.UTF-8")).toMatchObject({ status: 0, stdout: USAGE, stderr: "" });
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(runBinary("--version")).toEqual({
      code: 0,
      stdout: `school-radar ${version}\n`,
      stderr: "",
    });
  }, 60_000);
});
