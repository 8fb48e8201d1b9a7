/**
 * The bad-input table: every way a user's file can be wrong, through the command line on real files.
 * Each case asserts the exact message (with its cell address), the exit status, and that nothing was
 * written: the input's bytes are unchanged and no result file appeared — a refused file is refused
 * before anything is written, a file with bad cells gives warnings, never a crash or a silent zero.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "fs";
import path from "path";
import { runCli } from "../cli/runCli";
import { fileHash, FIXTURE_SCHOOLS, temporaryFolder } from "../xlsx/workbookFiles";
import { CASES, type Warning } from "./badInputCases";

const folder = temporaryFolder();
afterAll(folder.remove);

describe("the bad-input table", () => {
  it("has at least 30 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  let index = 0;
  it.each(CASES.map((entry) => [entry.name, entry] as const))(
    "%s",
    async (_, entry) => {
      const dir = path.join(folder.dir, `case-${index++}`);
      mkdirSync(dir);
      const input = path.join(dir, entry.fileName ?? "выгрузка.xlsx");
      await entry.make(input);
      const extra = entry.options?.(input, dir) ?? [];
      const before = listing(dir);
      const hashBefore = existsSync(input) && !isFolder(input) ? fileHash(input) : null;
      const out = path.join(dir, "результат.xlsx");
      const argv =
        entry.code === 2
          ? ["analyze", input, ...(extra.length > 0 ? extra : ["--out", out])]
          : ["analyze", input, "--json", ...extra];
      const run = await runCli(...argv);

      expect({ code: run.code, stderr: entry.code === 2 ? run.stderr : "" }).toEqual({
        code: entry.code,
        stderr:
          entry.code === 2 ? entry.stderr!.replace(/<input>/g, input).replace(/<dir>/g, dir) : "",
      });
      // Nothing written: no new file, the input byte for byte as it was.
      expect(listing(dir)).toEqual(before);
      if (hashBefore !== null) expect(fileHash(input)).toBe(hashBefore);
      if (entry.code === 2) {
        expect(run.stdout).toBe("");
        return;
      }
      const report = JSON.parse(run.stdout) as {
        schools: { login: string; status: string; name: string }[];
        warnings: Warning[];
        social: { login: string; isbsh: number | null }[];
      };
      if (entry.onlyTheseWarnings) expect(report.warnings).toEqual(entry.warnings);
      else
        for (const warning of entry.warnings ?? []) expect(report.warnings).toContainEqual(warning);
      const statuses = Object.fromEntries(
        report.schools.map((school) => [school.login, school.status])
      );
      expect(statuses).toMatchObject(entry.statuses ?? {});
      for (const [login, isbsh] of Object.entries(entry.isbsh ?? {})) {
        const school = report.social.find((candidate) => candidate.login === login);
        expect(school?.isbsh).toBeCloseTo(isbsh, 9);
      }
      if (entry.name.startsWith("a 10 MB school name")) {
        expect(report.schools[0]!.name).toHaveLength("Школа ".repeat(1_700_000).trim().length);
        expect(report.schools).toHaveLength(FIXTURE_SCHOOLS.length);
      }
    },
    // it.each takes one time limit; the slow cases say theirs in `timeout` (the largest applies).
    Math.max(...CASES.map((entry) => entry.timeout ?? 10_000))
  );
});

function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

function isFolder(file: string): boolean {
  return statSync(file).isDirectory();
}
