#!/usr/bin/env node
// The example outputs in docs/, made from the bundled sample by the built command line, so that they
// cannot go stale: every block between `<!-- example:<name> -->` and `<!-- /example -->` is written
// here and nowhere else. test/docs/docsExamples.test.ts regenerates them (--print) and fails when a
// document holds anything else.
//
//   node scripts/docs-examples.mjs           rewrite the examples in docs/ (npm run docs:examples)
//   node scripts/docs-examples.mjs --print   print { file: new text } as JSON and write nothing
//
// Builds the command line first when build/ is older than its sources (as the tests do), runs
// `school-radar analyze` on samples/school-radar-sample.xlsx three times (the summary, --json, --out
// into a temporary folder), reads the written workbook with ExcelJS and formats each document with
// the repository's prettier settings, so `prettier --check` and this script never disagree.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");

const SAMPLE = "samples/school-radar-sample.xlsx";
const CLI_FILE = "docs/cli.md";
const GUIDE_FILE = "docs/user-guide.md";
/** The documents that hold examples; a marker in any other file is not looked at. */
const DOCUMENTS = [CLI_FILE, GUIDE_FILE];

const BLOCK = /<!-- example:([a-z0-9-]+) -->\n[\s\S]*?<!-- \/example -->/g;

// ---------------------------------------------------------------------------------------------
// The command line

/** Same rule and lock as test/cli/builtCli.ts: rebuild build/ when a source is newer than it. */
function ensureCliBuilt() {
  const built = path.join(ROOT, "build", "cli", "main.js");
  const sources = ["engine", "xlsx", "cli"].map((folder) => path.join(ROOT, "src", folder));
  const newestSource = () =>
    Math.max(
      ...sources.flatMap((folder) =>
        fs
          .readdirSync(folder, { recursive: true, encoding: "utf8" })
          .map((file) => fs.statSync(path.join(folder, file)).mtimeMs)
      )
    );
  const fresh = () => fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource();
  if (fresh()) return;
  const lock = path.join(ROOT, "build", ".rebuilding");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 300_000) fs.rmSync(lock, { recursive: true });
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for 2 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      if (fresh()) return;
    }
  }
  try {
    if (!fresh()) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "pipe" });
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(
      `npm run build:cli failed; the examples need the built command line:\n${output}`
    );
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function schoolRadar(...args) {
  const output = execFileSync(process.execPath, [path.join("bin", "school-radar.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return output.replace(/\s+$/, "");
}

// ---------------------------------------------------------------------------------------------
// Russian text

function plural(count, one, few, many) {
  const tens = count % 100;
  const units = count % 10;
  const word =
    tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${count} ${word}`;
}

/** A cell's number as the sheet shows it: the column's decimals, a decimal comma, a real minus. */
function formatNumber(value, numberFormat) {
  const decimals =
    /^0\.(0+)$/.exec(numberFormat ?? "")?.[1].length ?? (numberFormat === "0" ? 0 : null);
  let text =
    decimals !== null
      ? value.toFixed(decimals)
      : Number.isInteger(value)
        ? String(value)
        : String(Math.round(value * 100) / 100);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return text.replace(".", ",").replace(/^-/, "\u2212");
}

/** At most `limit` characters, cut after a word, with «…». */
function shortened(text, limit) {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—]+$/, "")} …`;
}

// ---------------------------------------------------------------------------------------------
// `analyze` without options: the human summary

function humanExample() {
  return ["```text", schoolRadar("analyze", SAMPLE), "```"].join("\n");
}

// ---------------------------------------------------------------------------------------------
// `analyze --json`, abridged: one entry per list, numbers to hundredths, long texts shortened

/** Which entry of a list shows the most (the first otherwise). */
const SHOWN_ENTRY = {
  schools: (school) => school.status === "shnor",
  social: (school) => school.shnsu === true,
  risk: (school) => school.riskGroup === true,
  context: (school) => school.below === true,
};
const LONG_TEXT = 160;

/**
 * The report's lists (top level and in `summary`) cut to one entry, counted in `counts`; the lists
 * inside an entry (a school's criteria, a procedure's years) are short and stay whole.
 */
function abridged(value, key, counts, nested = false) {
  if (Array.isArray(value)) {
    const items = value.map((item) => abridged(item, key, counts, true));
    if (nested || !value.some((item) => item !== null && typeof item === "object")) return items;
    counts.push(`\`${key}\` — ${value.length}`);
    const shown = value.findIndex(SHOWN_ENTRY[key] ?? (() => true));
    return items.slice(Math.max(shown, 0), Math.max(shown, 0) + 1);
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([name, item]) => {
      const deeper = nested || (key !== "" && key !== "summary");
      return [name, abridged(item, key === "summary" ? `summary.${name}` : name, counts, deeper)];
    });
    return Object.fromEntries(entries);
  }
  if (typeof value === "number") return Math.round(value * 100) / 100;
  if (typeof value === "string") return shortened(value, LONG_TEXT);
  return value;
}

/**
 * JSON with each object or list on one line when it fits in the documents' 100 columns (`prefix`:
 * what stands before it on its line), as a person would lay it out; prettier keeps that shape.
 */
function compactJson(value, indent = "", prefix = 0) {
  const inline = JSON.stringify(value, null, 1)
    .replace(/\n\s*/g, " ")
    .replace(/\[ /g, "[")
    .replace(/ \]/g, "]");
  if (value === null || typeof value !== "object" || indent.length + prefix + inline.length < 100) {
    return inline;
  }
  const inner = indent + "  ";
  const items = Array.isArray(value)
    ? value.map((item) => inner + compactJson(item, inner))
    : Object.entries(value).map(([name, item]) => {
        const key = `${JSON.stringify(name)}: `;
        return inner + key + compactJson(item, inner, key.length);
      });
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${items.join(",\n")}\n${indent}${close}`;
}

function jsonExample() {
  const report = JSON.parse(schoolRadar("analyze", SAMPLE, "--json"));
  const counts = [];
  const shown = abridged(report, "", counts);
  return [
    `Списки сокращены до одной записи (в полном выводе: ${counts.join(", ")}); числа округлены до сотых, ` +
      `тексты длиннее ${LONG_TEXT} знаков сокращены.`,
    "",
    "```json",
    compactJson(shown),
    "```",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// `analyze --out`: a few rows of every output sheet, for the user guide

/**
 * The rows and columns each example shows. A column is a header (text, or a pattern that may match
 * several) with an optional shorter label; `rows` picks, for each test, the first row of the sheet
 * that passes it and is not picked yet (shown in sheet order); `first` takes the first rows.
 */
const SHEETS = [
  {
    id: "sheet-shnor",
    sheet: "ШНОР",
    columns: ["ОО", "Логин", "Статус", "Критерии", /^Низких результатов/, "Обоснование"],
    rows: [
      (row) => row.text("Статус") === "ШНОР" && row.text("Критерии") === "К1",
      (row) => row.text("Статус") === "ШНОР" && row.text("Критерии") === "К2",
      (row) => row.text("Статус") === "не ШНОР" && row.number(/^Низких результатов/) > 0,
      (row) => row.text("Статус") === "недостаточно данных",
    ],
  },
  {
    id: "sheet-method",
    sheet: "ШНОР — метод",
    columns: ["Параметр", "Значение"],
    rows: "all",
    skip: (row) => row.text("Параметр") === "Описание",
  },
  {
    id: "sheet-isbsh",
    sheet: "ИСБШ",
    columns: [
      "Место",
      "ОО",
      "ИСБШ",
      "ШНСУ",
      "Оба родителя с высшим,\u00a0%",
      "Неполные семьи,\u00a0%",
      "На учёте,\u00a0%",
      "Обоснование",
    ],
    rows: [
      (row) => row.text("ШНСУ") === "ШНСУ",
      (row) => row.text("ШНСУ") === "ШНСУ",
      (row) => row.text("ШНСУ") === "" && row.text("ИСБШ") !== "",
      (row) => row.text("ИСБШ") === "",
    ],
  },
  {
    id: "sheet-risk-matrix",
    sheet: "Матрица рисков",
    columns: [
      "ОО",
      { match: /^Ф\d+\./, label: (header) => header.split(".")[0] },
      "Всего факторов",
      "ШГР",
      "Обоснование",
    ],
    rows: [
      // No factor: the count cell is empty or «—» now, never 0.
      (row) => !(row.number("Всего факторов") > 0),
      (row) => row.text("ШГР") === "ШГР",
      (row) => row.number("Всего факторов") > 0 && row.text("ШГР") === "",
    ],
  },
  {
    id: "sheet-risk-list",
    sheet: "Факторы → школы",
    columns: [
      "Фактор риска",
      "Школ ШГР",
      "Школы группы риска (ШГР)",
      "Школ ШНОР",
      "ШНОР с этим фактором (не ШГР)",
    ],
    rows: [
      (row) => row.number("Школ ШГР") === 0,
      (row) => row.number("Школ ШГР") > 0 && row.number("Школ ШНОР") > 0,
      (row) => row.number("Школ ШНОР") === 0,
    ],
  },
  {
    id: "sheet-thresholds",
    sheet: "Пороги факторов риска",
    columns: ["Код", "Фактор риска", "Параметр", "Риск, когда", "Порог"],
    rows: [
      (row) => row.text("Код") === "Правило",
      (row) => row.text("Риск, когда") === "ниже порога",
      (row) => row.text("Риск, когда") === "выше порога",
    ],
  },
  {
    id: "sheet-summary",
    sheet: "Сводка показателей",
    columns: ["Раздел", "Показатель", "Год", "Значение", "Цель", "Выполнено / тренд"],
    rows: [
      (row) => row.text("Раздел") === "Школы",
      (row) => row.text("Раздел") === "Школы",
      (row) => row.text("Раздел") === "Школы",
      (row) => row.text("Раздел") === "ГИА",
      (row) => row.text("Раздел") === "ГИА",
      (row) =>
        row.text("Раздел") === "Динамика" &&
        /^ВПР (МА|РУ) \d/.test(row.text("Показатель")) &&
        row.text("Выполнено / тренд") !== "",
      (row) => row.text("Раздел") === "Кадры" && row.text("Цель") !== "",
      (row) => row.text("Раздел") === "Зоны риска",
      (row) => row.text("Раздел") === "Малые группы",
    ],
  },
  {
    id: "sheet-dynamics",
    sheet: "Динамика по школам",
    columns: ["ОО", "Процедура", /^\d{4}/, "Изменение, п. п.", "Тренд"],
    rows: [
      (row) => row.text("Тренд") === "↑",
      (row) => row.text("Тренд") === "↓",
      (row) => row.text("Тренд") === "→",
    ],
  },
  {
    id: "sheet-context",
    sheet: "Результаты и контекст",
    columns: [
      "ОО",
      "ИСБШ",
      "Индекс результатов",
      "Ожидаемый",
      "Отклонение",
      "Ниже ожидаемых",
      "Обоснование",
    ],
    rows: [
      (row) => row.text("Ниже ожидаемых") === "да",
      (row) => row.text("Ниже ожидаемых") === "",
    ],
  },
  { id: "sheet-warnings", sheet: "Предупреждения", columns: ["Ячейка", "Что не так"], rows: "all" },
];
const CELL_TEXT = 200;

/** Problems that leave an example smaller than planned: said on stderr, the docs are still written. */
const notes = [];

function cellText(cell) {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, cell.numFmt);
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((run) => run.text).join("");
  if (typeof value === "object" && "result" in value) return String(value.result ?? "");
  return String(value);
}

/** The table of a sheet: the first row with two or more cells is the header (the preamble has one). */
function readTable(worksheet) {
  const rows = [];
  worksheet.eachRow((row) => rows.push(row));
  // A preamble line is merged across the table's width (ExcelJS repeats its text into the merge).
  const headerAt = rows.findIndex(
    (row) => row.cellCount >= 2 && row.getCell(2).value !== null && !row.getCell(2).isMerged
  );
  const header = [];
  for (let column = 1; ; column++) {
    const text = cellText(rows[headerAt].getCell(column));
    if (text === "") break; // a block beside the table starts after an empty column
    header.push(text);
  }
  const body = rows.slice(headerAt + 1).map((row) => header.map((_, i) => row.getCell(i + 1)));
  return { header, body };
}

function columnIndex(header, match) {
  return header.findIndex((name) => (match instanceof RegExp ? match.test(name) : name === match));
}

function sheetExample(workbook, spec) {
  const worksheet = workbook.getWorksheet(spec.sheet);
  if (worksheet === undefined) {
    throw new Error(
      `the sample's result has no sheet «${spec.sheet}»: update SHEETS in scripts/docs-examples.mjs and ${GUIDE_FILE}`
    );
  }
  const { header, body } = readTable(worksheet);
  const rowView = (cells) => {
    const at = (match) => {
      const index = columnIndex(header, match);
      return index < 0 ? null : cells[index];
    };
    return {
      text: (match) => (at(match) === null ? "" : cellText(at(match))),
      number: (match) => (typeof at(match)?.value === "number" ? at(match).value : NaN),
    };
  };
  const columns = spec.columns.flatMap((column) => {
    const { match, label } =
      typeof column === "object" && "match" in column ? column : { match: column };
    const found = header
      .map((name, index) => ({ name, index }))
      .filter(({ name }) => (match instanceof RegExp ? match.test(name) : name === match));
    if (found.length === 0) notes.push(`«${spec.sheet}»: no column ${match}`);
    return found.map(({ name, index }) => ({ label: label ? label(name) : name, index }));
  });
  let chosen;
  if (spec.rows === "all") {
    chosen = body.map((_, index) => index).filter((index) => !spec.skip?.(rowView(body[index])));
  } else {
    const picked = new Set();
    spec.rows.forEach((test, number) => {
      const index = body.findIndex((cells, at) => !picked.has(at) && test(rowView(cells)));
      if (index < 0) notes.push(`«${spec.sheet}»: no row for test ${number + 1}`);
      else picked.add(index);
    });
    chosen = [...picked].sort((a, b) => a - b);
  }
  const line = (cells) => `| ${cells.join(" | ")} |`;
  const text = (cell) =>
    shortened(cellText(cell).replace(/\s*\n\s*/g, ", "), CELL_TEXT).replace(/\|/g, "\\|");
  const shown =
    spec.rows === "all" && chosen.length === body.length
      ? `все ${plural(body.length, "строка", "строки", "строк")}`
      : `${plural(chosen.length, "строка", "строки", "строк")} из ${body.length}`;
  return [
    `Лист «${spec.sheet}» по книге-образцу — ${shown}:`,
    "",
    line(columns.map((column) => column.label)),
    line(columns.map(() => "---")),
    ...chosen.map((index) => line(columns.map((column) => text(body[index][column.index])))),
  ].join("\n");
}

async function sheetExamples() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "school-radar-docs-"));
  try {
    const result = path.join(folder, "school-radar-sample-result.xlsx");
    schoolRadar("analyze", SAMPLE, "--out", result);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result);
    return Object.fromEntries(SHEETS.map((spec) => [spec.id, sheetExample(workbook, spec)]));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The documents

/** Every example, by the name its markers carry. */
async function examples() {
  ensureCliBuilt();
  return {
    "analyze-human": humanExample(),
    "analyze-json": jsonExample(),
    ...(await sheetExamples()),
  };
}

/** The document with each of its example blocks replaced, formatted as `prettier --write` would. */
async function rewritten(file, blocks, used) {
  const target = path.join(ROOT, file);
  const text = fs.readFileSync(target, "utf8").replace(BLOCK, (_, name) => {
    if (!(name in blocks)) throw new Error(`${file}: unknown example «${name}»`);
    used.add(name);
    return `<!-- example:${name} -->\n\n${blocks[name]}\n\n<!-- /example -->`;
  });
  const options = await prettier.resolveConfig(target);
  return prettier.format(text, { ...options, filepath: target });
}

async function main() {
  const print = process.argv.includes("--print");
  const blocks = await examples();
  const used = new Set();
  const documents = {};
  for (const file of DOCUMENTS) documents[file] = await rewritten(file, blocks, used);
  const unused = Object.keys(blocks).filter((name) => !used.has(name));
  if (unused.length > 0)
    throw new Error(`no place in ${DOCUMENTS.join(", ")} for: ${unused.join(", ")}`);
  for (const note of notes)
    process.stderr.write(`docs-examples: ${note} (the example is smaller)\n`);
  if (print) {
    process.stdout.write(JSON.stringify(documents) + "\n");
    return;
  }
  for (const [file, text] of Object.entries(documents)) {
    const target = path.join(ROOT, file);
    if (fs.readFileSync(target, "utf8") === text) continue;
    fs.writeFileSync(target, text);
    process.stdout.write(`docs-examples: ${file} rewritten\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`docs-examples: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
