import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { runCli } from "./runCli";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "school-radar-sample.xlsx");

describe("the bundled sample workbook", () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  it("is exactly what scripts/generate-sample.mjs produces (deterministic, and not edited by hand)", () => {
    const regenerated = path.join(folder.dir, "sample.xlsx");
    execFileSync(
      process.execPath,
      [path.join(ROOT, "scripts", "generate-sample.mjs"), regenerated],
      {
        cwd: ROOT,
        stdio: "pipe",
        env: { ...process.env, TZ: "Asia/Krasnoyarsk" },
      }
    );
    expect(readFileSync(regenerated).equals(readFileSync(SAMPLE))).toBe(true);
  }, 60_000);

  it("has a realistic share of ШНОР with the default method, and the cases it was made for", async () => {
    const report = JSON.parse((await runCli("analyze", SAMPLE, "--json")).stdout);
    const schools: { login: string; name: string; status: string; criteria: number[] }[] =
      report.schools;
    expect(schools.length).toBeGreaterThanOrEqual(44);
    const flagged = schools.filter((school) => school.status === "shnor");
    expect(flagged.length / schools.length).toBeGreaterThanOrEqual(0.15);
    expect(flagged.length / schools.length).toBeLessThanOrEqual(0.25);
    expect(flagged.some((school) => school.criteria.includes(1))).toBe(true);
    expect(flagged.some((school) => school.criteria.length === 1 && school.criteria[0] === 2)).toBe(
      true
    );
    const primary = schools.filter((school) => /НОШ/.test(school.name));
    expect(primary.map((school) => school.status)).toEqual([
      "insufficient_data",
      "insufficient_data",
    ]);
    expect(report.method).toMatchObject({ referenceYear: "2024/2025", previousYear: "2023/2024" });
  });

  it("flags fewer schools under the 2025 edition (same procedure in both years)", async () => {
    const count = async (...options: string[]) =>
      JSON.parse((await runCli("analyze", SAMPLE, "--json", ...options)).stdout).schools.filter(
        (school: { status: string }) => school.status === "shnor"
      ).length;
    expect(await count("--edition", "2025")).toBeLessThan(await count());
  });
});
