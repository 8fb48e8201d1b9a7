/**
 * End to end at national scale: `school-radar analyze` on the 50,000-school workbook against
 * LibreOffice headless recalculating the same identification written as per-row spreadsheet
 * formulas, timed in the same run, outputs checked to agree. Peak memory from /usr/bin/time -v.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { readWorkbookSheetsFocused } from "../src/xlsx/focused/readWorkbookFocused";
import { writeFormulaWorkbook, writeNationalWorkbook } from "./nationalWorkbook";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "school-radar.js");
/**
 * `--out` used to go through ExcelJS's full model (past 6 minutes and 4 GB at 50,000 schools); it now
 * copies the input's entries and writes only our sheets (src/xlsx/append/). The limit stays, so a
 * regression cannot hang the benchmark.
 */
const OUT_LIMIT_SECONDS = 300;

export interface Timed {
  seconds: number;
  rssMb: number | null;
  /** False when the run was stopped at the time limit: `seconds` is then a lower bound. */
  finished: boolean;
}

export interface EndToEndFigures {
  schools: number;
  inputMb: number;
  cliJson: Timed;
  /** The same with the sheet read on one thread (SCHOOL_RADAR_THREADS=1). */
  cliJsonOneThread: Timed;
  cliOut: Timed;
  /** `--out` read and written on one thread (SCHOOL_RADAR_THREADS=1). */
  cliOutOneThread: Timed;
  libreOfficeCsv: Timed;
  libreOfficeXlsx: Timed;
  /** Flagged schools per output, and whether the lists agree school by school. */
  flagged: { cli: number; libreOfficeCsv: number; cliOut: number; libreOfficeXlsx: number };
  agree: { json: boolean; out: boolean; threads: boolean };
}

/** Runs a command under /usr/bin/time -v: wall seconds and peak resident memory. */
export function timed(
  command: string,
  args: string[],
  stdoutFile?: string,
  limitSeconds = 1800,
  env: NodeJS.ProcessEnv = process.env
): Timed {
  const started = process.hrtime.bigint();
  // coreutils `timeout` stops the command itself at the limit (a timeout on /usr/bin/time would
  // leave its child running); it then exits with 128 + 9.
  const run = spawnSync(
    "/usr/bin/time",
    ["-v", "timeout", "-s", "KILL", String(limitSeconds), command, ...args],
    { cwd: ROOT, maxBuffer: 512 * 1024 * 1024, encoding: "buffer", env }
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // `timeout` signals its whole process group, itself included: /usr/bin/time then reports the signal.
  if (run.status === 137 || /terminated by signal 9/.test(run.stderr.toString("utf8")))
    return { seconds, rssMb: null, finished: false };
  const report = run.stderr.toString("utf8");
  if (run.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed:\n${report.slice(-2000)}`);
  if (stdoutFile) writeFileSync(stdoutFile, run.stdout);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : null, finished: true };
}

function median(runs: Timed[]): Timed {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * A LibreOffice profile that recalculates every formula on load: LibreOffice keeps the values cached
 * in an xlsx unless the profile sets OOXMLRecalcMode to 0 (always recalculate).
 */
function recalculatingProfile(dir: string): string {
  const user = path.join(dir, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
      "</oor:items>\n"
  );
  return `file://${dir}`;
}

/**
 * The formula workbook's name (LibreOffice names its CSV and xlsx after it). It changes with the
 * formulas, so that a workbook kept from a run with other formulas is not timed again: «-all» since
 * every result counts, as the engine's default does (no longer only groups of 10 or more).
 */
const FORMULAS = (schools: number) => `formulas-all-${schools}`;

/** The benchmark's two national workbooks (made once, deterministic) and its working folder. */
async function nationalFiles(schools: number) {
  const dir = path.join(os.tmpdir(), `school-radar-bench-${schools}`);
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, `national-${schools}.xlsx`);
  const formulas = path.join(dir, `${FORMULAS(schools)}.xlsx`);
  // The generator is deterministic: the files are made once and kept between runs.
  if (!existsSync(input)) await writeNationalWorkbook(input, schools);
  if (!existsSync(formulas)) await writeFormulaWorkbook(formulas, schools);
  return { dir, input, formulas, out: path.join(dir, "cli-result.xlsx") };
}

/** `analyze --out` on the national workbook, median of `runs` (wall time and peak RSS of the run). */
function timeCliOut(
  input: string,
  out: string,
  runs: number,
  env: NodeJS.ProcessEnv = process.env
): Timed {
  return median(
    Array.from({ length: runs }, () => {
      rmSync(out, { force: true });
      return timed(
        "node",
        [BIN, "analyze", input, "--out", out],
        undefined,
        OUT_LIMIT_SECONDS,
        env
      );
    })
  );
}

export interface OutFigures {
  schools: number;
  inputMb: number;
  outputMb: number | null;
  cliOut: Timed;
  libreOfficeXlsx: Timed;
  flagged: { cliOut: number; libreOfficeXlsx: number };
  agree: boolean;
  /** 1-minute load average before and after the runs (the machine is shared). */
  load: [number, number];
}

/**
 * Only the `--out` comparison (`npm run bench -- --out-only`): `analyze --out` (median of `runs`)
 * against LibreOffice recalculating the formula workbook and saving it as xlsx (one run), the flagged
 * schools compared.
 */
export async function outEndToEnd(schools: number, runs: number): Promise<OutFigures> {
  const { dir, input, formulas, out } = await nationalFiles(schools);
  const before = os.loadavg()[0]!;
  const cliOut = timeCliOut(input, out, runs);
  const profile = warmProfile(dir);
  const xlsxDir = path.join(dir, "lo-xlsx");
  const libreOfficeXlsx = timed("soffice", [
    `-env:UserInstallation=${profile}`,
    "--headless",
    "--convert-to",
    "xlsx",
    "--outdir",
    xlsxDir,
    formulas,
  ]);
  const after = os.loadavg()[0]!;
  const outFlagged = cliOut.finished ? await flaggedInResultWorkbook(out) : new Set<string>();
  const loFlagged = await flaggedInFormulaWorkbook(path.join(xlsxDir, `${FORMULAS(schools)}.xlsx`));
  return {
    schools,
    inputMb: statSync(input).size / 1024 / 1024,
    outputMb: cliOut.finished ? statSync(out).size / 1024 / 1024 : null,
    cliOut,
    libreOfficeXlsx,
    flagged: { cliOut: outFlagged.size, libreOfficeXlsx: loFlagged.size },
    agree:
      cliOut.finished &&
      outFlagged.size === loFlagged.size &&
      [...outFlagged].every((login) => loFlagged.has(login)),
    load: [before, after],
  };
}

/** A recalculating LibreOffice profile, started once on the sample so its set-up is not timed. */
function warmProfile(dir: string): string {
  const profileDir = path.join(dir, "lo-profile");
  rmSync(profileDir, { recursive: true, force: true });
  const profile = recalculatingProfile(profileDir);
  const warm = path.join(dir, "warm.xlsx");
  execFileSync("cp", [path.join(ROOT, "samples", "school-radar-sample.xlsx"), warm]);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "csv",
      "--outdir",
      path.join(dir, "warm"),
      warm,
    ],
    { stdio: "pipe" }
  );
  return profile;
}

export async function endToEnd(schools: number, runs: number): Promise<EndToEndFigures> {
  const { dir, input, formulas, out } = await nationalFiles(schools);
  const json = path.join(dir, "cli.json");
  const cliJson = median(
    Array.from({ length: runs }, () => timed("node", [BIN, "analyze", input, "--json"], json))
  );
  const oneThread = { ...process.env, SCHOOL_RADAR_THREADS: "1" };
  const jsonOneThread = path.join(dir, "cli-one-thread.json");
  const cliJsonOneThread = median(
    Array.from({ length: runs }, () =>
      timed("node", [BIN, "analyze", input, "--json"], jsonOneThread, 1800, oneThread)
    )
  );
  // One thread first: the result compared with LibreOffice's is the last one written, on two.
  const cliOutOneThread = timeCliOut(input, out, runs, oneThread);
  const cliOut = timeCliOut(input, out, runs);

  // LibreOffice's first start in a fresh profile sets the profile up: not timed.
  const profile = warmProfile(dir);
  const soffice = (format: string, outdir: string) =>
    timed("soffice", [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outdir,
      formulas,
    ]);
  const csvDir = path.join(dir, "lo-csv");
  const xlsxDir = path.join(dir, "lo-xlsx");
  // UTF-8 CSV (filter option 76), comma-separated, quoted text.
  const libreOfficeCsv = median(
    Array.from({ length: runs }, () => soffice("csv:Text - txt - csv (StarCalc):44,34,76", csvDir))
  );
  const libreOfficeXlsx = median(Array.from({ length: 1 }, () => soffice("xlsx", xlsxDir)));

  // Agreement: the same schools flagged, by login.
  const report = JSON.parse(readFileSync(json, "utf8")) as {
    schools: { login: string; status: string }[];
  };
  const cliFlagged = new Set(
    report.schools.filter((s) => s.status === "shnor").map((s) => s.login)
  );
  const csv = readFileSync(path.join(csvDir, `${FORMULAS(schools)}.csv`), "utf8").split("\n");
  const loFlagged = new Set(
    csv
      .slice(1)
      .map((line) => line.split(","))
      .filter((cells) => cells[cells.length - 1]?.replace(/"/g, "").trim() === "ШНОР")
      .map((cells) => cells[2]!.replace(/"/g, ""))
  );
  const outFlagged = cliOut.finished ? await flaggedInResultWorkbook(out) : new Set<string>();
  const loXlsxFlagged = await flaggedInFormulaWorkbook(
    path.join(xlsxDir, `${FORMULAS(schools)}.xlsx`)
  );
  const same = (a: Set<string>, b: Set<string>) =>
    a.size === b.size && [...a].every((x) => b.has(x));
  return {
    schools,
    inputMb: statSync(input).size / 1024 / 1024,
    cliJson,
    cliJsonOneThread,
    cliOut,
    cliOutOneThread,
    libreOfficeCsv,
    libreOfficeXlsx,
    flagged: {
      cli: cliFlagged.size,
      libreOfficeCsv: loFlagged.size,
      cliOut: outFlagged.size,
      libreOfficeXlsx: loXlsxFlagged.size,
    },
    agree: {
      json: same(cliFlagged, loFlagged),
      out: cliOut.finished && same(outFlagged, loXlsxFlagged),
      // The report read on two threads is the report read on one, byte for byte.
      threads: readFileSync(json).equals(readFileSync(jsonOneThread)),
    },
  };
}

/** Logins with status «ШНОР» on the result workbook's «ШНОР» sheet. */
async function flaggedInResultWorkbook(file: string): Promise<Set<string>> {
  const sheets = await readWorkbookSheetsFocused(file);
  const list = sheets.find((sheet) => sheet.outputMark?.toLowerCase() === "schoolradar_shnor");
  if (!list) throw new Error(`no ШНОР sheet in ${file}`);
  const rows = list.grid.values;
  const header = rows.findIndex((row) => row.includes("Логин") && row.includes("Статус"));
  const login = rows[header]!.indexOf("Логин");
  const status = rows[header]!.indexOf("Статус");
  return new Set(
    rows
      .slice(header + 1)
      .filter((row) => row[status] === "ШНОР")
      .map((row) => String(row[login]))
  );
}

/** Logins whose recalculated verdict (last column) is «ШНОР» in LibreOffice's xlsx. */
async function flaggedInFormulaWorkbook(file: string): Promise<Set<string>> {
  const [sheet] = await readWorkbookSheetsFocused(file);
  const rows = sheet!.grid.values;
  const last = rows[0]!.length - 1;
  return new Set(
    rows
      .slice(1)
      .filter((row) => row[last] === "ШНОР")
      .map((row) => String(row[2]))
  );
}
