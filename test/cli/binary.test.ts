import { spawn, spawnSync } from "child_process";
import { readdirSync } from "fs";
import path from "path";
import { FLAT_HEADER, minimalXlsx, xmlRow } from "../robustness/badInputFiles";
import { temporaryFolder } from "../xlsx/workbookFiles";
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

  it("stopped with Ctrl-C while writing, leaves neither the result nor its partial file", async () => {
    // Large enough that writing the result takes a while: 60,000 schools, two procedure-years.
    const input = path.join(folder.dir, "большая.xlsx");
    await minimalXlsx(input, "Выгрузка", [
      xmlRow(1, FLAT_HEADER),
      ...Array.from({ length: 60_000 }, (_, i) =>
        xmlRow(i + 2, ["МО", `СОШ № ${i}`, `sch${900000 + i}`, (i * 7) % 60, (i * 11) % 60])
      ),
    ]);
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
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(readdirSync(folder.dir).sort()).toEqual(["большая.xlsx"]);
  }, 120_000);
});
