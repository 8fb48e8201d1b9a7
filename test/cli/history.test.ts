/**
 * ШНОР by year and the school profile through the command line, on the bundled sample (three school
 * years, the three templates filled in): the history is exactly what `analyze --year <year>` gives
 * for each year, and the profile's categories follow from the fields beside them.
 */
import path from "path";
import { categoryOf, PROFILE_CATEGORIES, statusChange, type SchoolStatus } from "../../src/engine";
import type { JsonReport } from "../../src/cli/jsonReport";
import { runCli } from "./runCli";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

async function report(...options: string[]): Promise<JsonReport> {
  const run = await runCli("analyze", SAMPLE, "--json", ...options);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonReport;
}

describe("the sample through the command line", () => {
  let full: JsonReport;
  beforeAll(async () => {
    full = await report();
  });

  it("gives every school its status in each year as `--year <year>` does", async () => {
    // The sample's years are 2022/2023, 2023/2024 and 2024/2025: the first has no year before it.
    const years = Object.keys(full.history[0]!.statuses);
    expect(years).toEqual(["2023/2024", "2024/2025"]);
    expect(full.history.map((entry) => entry.login)).toEqual(
      full.schools.map((school) => school.login)
    );
    for (const year of years) {
      const byYear = await report("--year", year);
      expect(byYear.method!.referenceYear).toBe(year);
      const statuses = new Map(byYear.schools.map((school) => [school.login, school.status]));
      for (const entry of full.history)
        expect(entry.statuses[year]).toBe(statuses.get(entry.login));
    }
    // The reference year's statuses are the ШНОР list's own.
    full.history.forEach((entry, index) =>
      expect(entry.statuses["2024/2025"]).toBe(full.schools[index]!.status)
    );
  });

  it("classifies the change from the two years' statuses", () => {
    for (const entry of full.history) {
      const before = entry.statuses["2023/2024"] as SchoolStatus;
      const after = entry.statuses["2024/2025"] as SchoolStatus;
      expect(entry.change).toBe(statusChange(before, after));
    }
    const count = (change: string) =>
      full.history.filter((entry) => entry.change === change).length;
    // Each change is what its two statuses say (entered: not ШНОР, then ШНОР; …): 46 schools in all.
    expect(
      ["entered", "left", "stayed", "never", "unknown"].reduce(
        (sum, change) => sum + count(change),
        0
      )
    ).toBe(46);
    expect(count("entered") + count("stayed")).toBe(full.summary.shnor!.count);
  });

  it("prints the counts by year and the change", async () => {
    const run = await runCli("analyze", SAMPLE);
    const shnor = (year: string) =>
      full.history.filter((entry) => entry.statuses[year] === "shnor").length;
    expect(run.stdout).toContain(
      `ШНОР по годам: 2023/2024 — ${shnor("2023/2024")}, 2024/2025 — ${shnor("2024/2025")}; между 2023/2024 и 2024/2025 вошли в ШНОР — `
    );
    expect(run.stdout).toMatch(
      /^Профиль школ \(по степени нужды в поддержке\): ШНОР и ШНСУ одновременно — \d+/m
    );
  });

  it("gives every school one profile, its category following from its fields, in order of need", () => {
    expect(full.profile).toHaveLength(46);
    const priorities = full.profile.map((school) => school.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    for (const school of full.profile) {
      expect(
        categoryOf({
          shnor: school.shnor as SchoolStatus | null,
          shnsu: school.shnsu,
          riskGroup: school.riskGroup,
          below: school.below,
        })
      ).toBe(school.category);
      expect(PROFILE_CATEGORIES[school.priority - 1]!.category).toBe(school.category);
    }
    const inCategories = full.profile.filter((school) =>
      ["shnor_and_shnsu", "shnor"].includes(school.category)
    );
    expect(inCategories).toHaveLength(full.summary.shnor!.count);
  });
});
