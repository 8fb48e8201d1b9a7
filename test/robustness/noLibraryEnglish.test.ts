/**
 * Every kind of file that is no workbook, given to the command line as the export table and as a
 * template (--social): the refusal names the file, says in Russian what it is and what to do, and no
 * zip, XML or workbook library's English («end of central directory record signature not found»,
 * «invalid block type») reaches stdout or stderr. The exact texts are the bad-input table's
 * (badInput.test.ts); this holds every refusal to the rule, including ones added later, and the
 * standalone page's reading of the same bytes (fflate's inflate in place of zlib's).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "fs";
import path from "path";
import { WorkbookFileError } from "../../src/xlsx";
import { openWorkbookBytes } from "../../src/xlsx/browser";
import { runCli } from "../cli/runCli";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { fixtureWith } from "./badInputFiles";
import { CASES } from "./badInputCases";

const folder = temporaryFolder();
afterAll(folder.remove);

/** Refusals of the input file itself (not of its table), quick to make (not LibreOffice's .xls). */
const FILE_KINDS = CASES.filter(
  (entry) =>
    entry.code === 2 &&
    entry.options === undefined &&
    entry.timeout === undefined &&
    /«<input>»/.test(entry.stderr ?? "")
);

/** Latin words that may stand in a Russian message: names of programs, formats and the command. */
const NAMES =
  /school-radar|--[a-z]+|\b(Excel|CSV|HTML|PDF|Word|PowerPoint|ZIP|Microsoft|Office|xlsx|xls|doc|ppt)\b/g;

/** What is left of a message once the file's path and the allowed names are taken out. */
function withoutNames(text: string, file: string): string {
  return text.split(file).join("«файл»").replace(NAMES, "");
}

/** The name the page knows a file by: the browser gives a file's name, not its path. */
const PAGE_FILE = "выгрузка.xlsx";

let index = 0;
async function badFile(make: (input: string) => Promise<void> | void): Promise<string> {
  const dir = path.join(folder.dir, `kind-${index++}`);
  mkdirSync(dir);
  const input = path.join(dir, "выгрузка.xlsx");
  await make(input);
  return input;
}

describe("a file that is no workbook is refused in Russian only", () => {
  let exportTable: string;
  beforeAll(async () => {
    exportTable = path.join(folder.dir, "таблица.xlsx");
    await fixtureWith(exportTable);
  });

  it("covers every kind of bad file", () => {
    // CSV, text, HTML, PDF, 0 bytes, other binary, .xls cut short, encrypted, .doc, .ppt, .docx,
    // .pptx, a zip, a cut-off archive, a damaged entry, a damaged workbook part, missing, a folder.
    expect(FILE_KINDS.length).toBeGreaterThanOrEqual(18);
  });

  it.each(FILE_KINDS.map((entry) => [entry.name, entry] as const))("%s", async (_, entry) => {
    const input = await badFile(entry.make);
    const out = path.join(path.dirname(input), "результат.xlsx");
    for (const argv of [
      ["analyze", input, "--out", out],
      ["analyze", exportTable, "--social", input, "--json"],
    ]) {
      const run = await runCli(...argv);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      // The message names the file it is about.
      expect(run.stderr).toContain(`«${input}»`);
      const said = withoutNames(run.stderr, input);
      expect(said).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
      expect(said).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it.each(FILE_KINDS.map((entry) => [entry.name, entry] as const))(
    "the standalone page's reader too: %s",
    async (_, entry) => {
      const input = await badFile(entry.make);
      // The page is given a file's bytes: a missing path or a folder never reaches it.
      const bytes = existsSync(input) && statSync(input).isFile() ? readFileSync(input) : null;
      const error =
        bytes === null
          ? new WorkbookFileError("missing", input, "")
          : await openWorkbookBytes(
              bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
              PAGE_FILE
            ).then(
              () => null,
              (thrown: unknown) => thrown
            );
      expect(error).toBeInstanceOf(WorkbookFileError);
      const said = withoutNames((error as Error).message, PAGE_FILE);
      expect(said).not.toMatch(/[A-Za-z]{2,}/);
    }
  );
});
