import { spawnSync } from "child_process";
import path from "path";
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
});
