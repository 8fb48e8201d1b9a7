import { readFileSync } from "fs";
import path from "path";
import { inflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { templateLayout, type SheetLayout } from "../../src/engine";
import { writeNewWorkbook, writeWorkbookWithOutputs } from "../../src/xlsx";
import { addOutputs } from "./excelJs/addOutputs";
import { loadWorkbook } from "./excelJs/readWithExcelJs";
import { openZipReader } from "../../src/xlsx/zip/nodeStreams";
import { layoutsOf, readBack, temporaryFolder, writeResultsWorkbook } from "./workbookFiles";
import { convertWithLibreOffice } from "../fixtures/libreOffice";

/**
 * The copying writer (src/xlsx/append/) against the ExcelJS writer it replaces for `--out`: on the
 * sample and the test workbooks, the result read back through ExcelJS is the same cell for cell; the
 * input's entries are copied as their compressed bytes; a re-run replaces our sheets; LibreOffice
 * opens the result.
 */
const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
const FUNCTIONS_SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-functions.xlsx");
/** The parts the writer edits; every other entry of the input must come out byte for byte. */
const EDITED = [
  "[content_types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
];

/** The ExcelJS writer: the whole workbook loaded into ExcelJS's model, the layouts added, saved. */
async function writeWithExcelJs(input: string, layouts: SheetLayout[], output: string) {
  const workbook = await loadWorkbook(input);
  const report = addOutputs(workbook, layouts);
  await workbook.xlsx.writeFile(output);
  return report;
}

/** An entry's stored bytes and what the central directory says of it. */
interface RawEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  bytes: Buffer;
}

/** Each entry's stored bytes, read by our zip reader (tested against fflate in zipReader.test.ts). */
async function rawEntries(file: string): Promise<Map<string, RawEntry>> {
  const zip = await openZipReader(file);
  const entries = new Map<string, RawEntry>();
  try {
    for (const entry of zip.entries) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of zip.rawChunks(entry)) chunks.push(chunk);
      entries.set(entry.fileName, {
        name: entry.fileName,
        method: entry.compressionMethod,
        crc: entry.crc32,
        size: entry.uncompressedSize,
        bytes: Buffer.concat(chunks),
      });
    }
  } finally {
    await zip.close();
  }
  return entries;
}

type Validations = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (sheet: ExcelJS.Worksheet): Validations =>
  (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;
const conditionalFormatsOf = (sheet: ExcelJS.Worksheet): unknown[] =>
  (sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;

/** What a sheet shows, cell for cell, as ExcelJS reads it back. */
function sheetContents(sheet: ExcelJS.Worksheet) {
  const cells: Record<
    string,
    { value: ExcelJS.CellValue; numFmt: string | undefined; fill?: string }
  > = {};
  // An empty text cell reads back as "" from shared strings and as null from inline text: both blank.
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const fill =
        cell.fill?.type === "pattern" && cell.fill.pattern === "solid"
          ? cell.fill.fgColor?.argb
          : undefined;
      const value = cell.value === "" ? null : cell.value;
      if (value === null && fill === undefined) return;
      cells[cell.address] = { value, numFmt: cell.numFmt || undefined, fill };
    })
  );
  const view = sheet.views?.[0];
  return {
    name: sheet.name,
    state: sheet.state,
    cells,
    // ExcelJS takes a width of 9 for its default and does not write it; the copying writer does.
    widths: Array.from(
      { length: sheet.columnCount },
      (_, index) => sheet.getColumn(index + 1).width
    ).map((width) => (width === 9 ? undefined : width)),
    view: view && { state: view.state, ySplit: (view as { ySplit?: number }).ySplit },
    autoFilter: sheet.autoFilter,
    validations: validationsOf(sheet),
    conditionalFormats: conditionalFormatsOf(sheet),
  };
}

function marks(workbook: ExcelJS.Workbook) {
  return workbook.definedNames.model
    .filter((definedName) => definedName.name.startsWith("SchoolRadar"))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function expectSameWorkbooks(newFile: string, oldFile: string): Promise<void> {
  const [written, expected] = await Promise.all([readBack(newFile), readBack(oldFile)]);
  expect(written.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual(
    expected.worksheets.map((sheet) => [sheet.name, sheet.state])
  );
  for (const sheet of expected.worksheets) {
    expect(sheetContents(written.getWorksheet(sheet.name)!)).toEqual(sheetContents(sheet));
  }
  expect(marks(written)).toEqual(marks(expected));
}

async function expectEntriesCopied(input: string, output: string, removed: string[] = []) {
  const [before, after] = await Promise.all([rawEntries(input), rawEntries(output)]);
  let copied = 0;
  for (const [name, entry] of before) {
    if (EDITED.includes(name.toLowerCase()) || removed.includes(name)) continue;
    const out = after.get(name);
    expect(out).toBeDefined();
    expect({ ...out!, bytes: out!.bytes.toString("base64") }).toEqual({
      ...entry,
      bytes: entry.bytes.toString("base64"),
    });
    copied += 1;
  }
  expect(copied).toBeGreaterThan(0);
}

/** Text a writer must escape, strip or cut, numbers it must leave out, booleans. */
const AWKWARD: SheetLayout = {
  name: "Трудный <лист>",
  marker: "school-radar:test-awkward",
  preamble: ['Заголовок & «кавычки» "двойные"', "  пробелы по краям  "],
  header: ["Текст", "Число", "Да/нет"],
  body: [
    ["A & B < C > D", 1.5, true],
    ["управляющие\u0001символы\u0008удалены\u001f", Number.NaN, false],
    ["строка\nс переводом", Number.POSITIVE_INFINITY, null],
    ["эмодзи 📚", -0.000001, true],
    ["x".repeat(40_000), 1e21, null],
    ["]]> и '", 0.1 + 0.2, false],
  ],
  columns: [{ width: 40, wrap: true }, { width: 12, numberFormat: "0.000" }, { width: 8 }],
  rowTone: ["alert", "ok", "unknown", null, "alert", "ok"],
};

const HEAT: SheetLayout = {
  name: "Матрица",
  marker: "school-radar:test-heat",
  preamble: ["Тест"],
  header: ["ОО", "Ф1", "Ф2", "Факторов"],
  body: [
    ["А", 1, 0, 1],
    ["Б", 0, 0, -2],
    ["В", 1, 0, 3],
  ],
  columns: [
    { width: 20 },
    { width: 6, heat: true },
    { width: 6, heat: true },
    { width: 8, heat: true },
  ],
};

describe("the copying writer against the ExcelJS writer", () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);
  const file = (name: string) => path.join(folder.dir, name);

  it.each([
    ["the sample workbook", SAMPLE],
    ["the functions sample", FUNCTIONS_SAMPLE],
  ])(
    "writes %s's outputs as the ExcelJS writer did, copying its entries byte for byte",
    async (_, input) => {
      const layouts = [...(await layoutsOf(input)), AWKWARD, HEAT];
      const output = file(`new-${path.basename(input)}`);
      const expected = file(`old-${path.basename(input)}`);
      const report = await writeWorkbookWithOutputs(input, layouts, output);
      const old = await writeWithExcelJs(input, layouts, expected);
      expect(report).toEqual({ outputPath: output, ...old });
      await expectSameWorkbooks(output, expected);
      await expectEntriesCopied(input, output);
    },
    60_000
  );

  it("writes the test fixture's outputs the same, with the user's own defined names kept", async () => {
    const input = file("выгрузка.xlsx");
    await writeResultsWorkbook(input, (workbook) => {
      workbook.definedNames.add("'Выгрузка'!$A$1", "Заголовок_пользователя");
    });
    const layouts = await layoutsOf(input);
    await writeWorkbookWithOutputs(input, layouts, file("fixture-new.xlsx"));
    await writeWithExcelJs(input, layouts, file("fixture-old.xlsx"));
    await expectSameWorkbooks(file("fixture-new.xlsx"), file("fixture-old.xlsx"));
    await expectEntriesCopied(input, file("fixture-new.xlsx"));
    const names = (await readBack(file("fixture-new.xlsx"))).definedNames.model;
    expect(names).toContainEqual({ name: "Заголовок_пользователя", ranges: ["'Выгрузка'!$A$1"] });
  });

  it("writes templates with their validations into a copy the same as the ExcelJS writer", async () => {
    const input = file("шаблоны.xlsx");
    await writeNewWorkbook([templateLayout("social-passport")], input);
    const layouts = [templateLayout("staffing"), templateLayout("risk-questionnaire"), HEAT];
    const report = await writeWorkbookWithOutputs(input, layouts, file("templates-new.xlsx"));
    const old = await writeWithExcelJs(input, layouts, file("templates-old.xlsx"));
    expect(report.sheets).toEqual(old.sheets);
    await expectSameWorkbooks(file("templates-new.xlsx"), file("templates-old.xlsx"));
  });

  it("replaces its own sheets on a re-run: the same sheets, no copies, the user's entries still byte for byte", async () => {
    const layouts = await layoutsOf(SAMPLE);
    const first = file("первый.xlsx");
    const second = file("второй.xlsx");
    await writeWorkbookWithOutputs(SAMPLE, layouts, first);
    const again = await writeWorkbookWithOutputs(first, layouts, second);
    expect(again.replacedSheets.sort()).toEqual(again.sheets.map((sheet) => sheet.name).sort());
    // The thresholds sheet is the user's once written: kept, not replaced.
    expect(again.keptSheets.map((sheet) => sheet.name)).toEqual(["Пороги факторов риска"]);
    const [one, two] = await Promise.all([readBack(first), readBack(second)]);
    expect(two.worksheets.map((sheet) => sheet.name).sort()).toEqual(
      one.worksheets.map((sheet) => sheet.name).sort()
    );
    expect(two.worksheets.some((sheet) => / \(\d+\)$/.test(sheet.name))).toBe(false);
    for (const sheet of one.worksheets)
      expect(sheetContents(two.getWorksheet(sheet.name)!)).toEqual(sheetContents(sheet));
    expect(marks(two)).toEqual(marks(one));
    // The second run left out the first run's sheet parts, and copied the rest as they were.
    const firstEntries = await rawEntries(first);
    const secondEntries = await rawEntries(second);
    const replacedParts = [...firstEntries.keys()].filter(
      (name) => !secondEntries.has(name) || /worksheets\/sheet([6-9]|1[0-9])\.xml$/.test(name)
    );
    await expectEntriesCopied(first, second, replacedParts);
    expect(secondEntries.size).toBe(firstEntries.size);
  }, 60_000);

  it("keeps a user's sheet named like ours and writes ours under a free name, on every run", async () => {
    const input = file("со своим листом.xlsx");
    await writeResultsWorkbook(input, (workbook) => {
      workbook.addWorksheet("ШНОР").getCell("A1").value = "Мои заметки";
    });
    const layouts = await layoutsOf(input);
    const first = await writeWorkbookWithOutputs(input, layouts, file("свой-1.xlsx"));
    expect(first.sheets.find((sheet) => sheet.requestedName === "ШНОР")!.name).toBe("ШНОР (2)");
    await writeWorkbookWithOutputs(file("свой-1.xlsx"), layouts, file("свой-2.xlsx"));
    const written = await readBack(file("свой-2.xlsx"));
    expect(
      written.worksheets.filter((sheet) => sheet.name.startsWith("ШНОР")).map((s) => s.name)
    ).toEqual(["ШНОР", "ШНОР (2)", "ШНОР — метод", "ШНОР по годам"]);
    expect(written.getWorksheet("ШНОР")!.getCell("A1").value).toBe("Мои заметки");
    await expectEntriesCopied(input, file("свой-1.xlsx"));
  });

  it("writes cells as text Excel accepts: escaped, control characters left out, cut at 32,767", async () => {
    await writeWorkbookWithOutputs(SAMPLE, [AWKWARD], file("трудный.xlsx"));
    const sheet = (await readBack(file("трудный.xlsx"))).getWorksheet("Трудный <лист>")!;
    expect(sheet.getCell("A1").value).toBe(AWKWARD.preamble[0]);
    expect(sheet.getCell("A2").value).toBe("  пробелы по краям  ");
    expect(sheet.getCell("A5").value).toBe("A & B < C > D");
    expect(sheet.getCell("A6").value).toBe("управляющиесимволыудалены");
    expect(sheet.getCell("B6").value).toBeNull();
    expect(sheet.getCell("A7").value).toBe("строка\nс переводом");
    expect(sheet.getCell("A8").value).toBe("эмодзи 📚");
    expect(sheet.getCell("B8").value).toBe(-0.000001);
    expect(String(sheet.getCell("A9").value)).toHaveLength(32_767);
    expect(sheet.getCell("B10").value).toBe(0.1 + 0.2);
    expect(sheet.getCell("C5").value).toBe(true);
    expect(sheet.getCell("C10").value).toBe(false);
  });

  it("leaves out lone surrogate halves and keeps text that looks like Excel's _xHHHH_ escapes", async () => {
    const layout: SheetLayout = {
      ...AWKWARD,
      name: "Экранирование",
      marker: "school-radar:test-escapes",
      preamble: [],
      body: [
        ["одинокий \ud800 суррогат", 1, true],
        ["_x0041_ как есть", 2, false],
      ],
      rowTone: undefined,
    };
    const result = file("экранирование.xlsx");
    const report = await writeWorkbookWithOutputs(SAMPLE, [layout], result);
    // The new sheet's part: numbered after the input's own sheets.
    const entries = await rawEntries(result);
    const numbers = [...entries.keys()].flatMap((name) => {
      const match = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
      return match ? [Number(match[1])] : [];
    });
    const entry = entries.get(`xl/worksheets/sheet${Math.max(...numbers)}.xml`)!;
    const xml = inflateRawSync(entry.bytes).toString("utf8");
    expect(report.sheets[0]!.name).toBe("Экранирование");
    expect(xml).toContain(">одинокий  суррогат</t>");
    expect(xml).toContain("_x005F_x0041_ как есть");
  });
});

/**
 * LibreOffice opens the copy (a second program, not only the library that checks it) and exports our
 * «ШНОР» sheet as CSV with the values the engine computed.
 */
describe("the copy opened by LibreOffice", () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  it("exports our sheet with the statuses and reasons of the layout", async () => {
    const layouts = await layoutsOf(SAMPLE);
    const result = path.join(folder.dir, "результат.xlsx");
    const report = await writeWorkbookWithOutputs(SAMPLE, layouts, result);
    const index = (await readBack(result)).worksheets.findIndex((sheet) => sheet.name === "ШНОР");
    expect(report.sheets[0]!.name).toBe("ШНОР");
    const csvFile = convertWithLibreOffice(
      result,
      // UTF-8, comma, quoted text; the last field: the sheet to export (1-based).
      `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${index + 1}`,
      path.join(folder.dir, "csv"),
      folder.dir
    );
    const lines = readFileSync(csvFile, "utf8").trim().split("\n");
    const layout = layouts.find((candidate) => candidate.marker === "school-radar:shnor")!;
    const header = lines.findIndex((line) => parseCsvLine(line)[0] === layout.header[0]);
    expect(header).toBe(layout.preamble.length + 1);
    const rows = lines
      .slice(header + 1)
      .map(parseCsvLine)
      .filter((row) => row[0] !== "");
    expect(rows).toHaveLength(layout.body.length);
    const status = layout.header.indexOf("Статус");
    const reason = layout.header.indexOf("Обоснование");
    rows.forEach((row, at) => {
      expect(row[status]).toBe(layout.body[at]![status]);
      expect(row[reason]).toBe(layout.body[at]![reason]);
    });
  }, 180_000);

  it("keeps the charts when it saves the copy again (it read every chart part and its references)", async () => {
    const layouts = await layoutsOf(SAMPLE);
    const charts = layouts.flatMap((layout) => layout.charts ?? []);
    expect(charts.length).toBeGreaterThan(0);
    const result = path.join(folder.dir, "с диаграммами.xlsx");
    await writeWorkbookWithOutputs(SAMPLE, layouts, result);
    const written = [...(await rawEntries(result)).keys()];
    expect(written.filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(
      charts.length
    );
    const resaved = await rawEntries(
      convertWithLibreOffice(result, "xlsx", path.join(folder.dir, "xlsx"), folder.dir)
    );
    const chartParts = [...resaved.keys()].filter((name) =>
      /^xl\/charts\/chart\d+\.xml$/.test(name)
    );
    expect(chartParts).toHaveLength(charts.length);
    // LibreOffice filled each series' cache from the cells our references point at.
    const titles = chartParts.map((name) =>
      inflateRawSync(resaved.get(name)!.bytes).toString("utf8")
    );
    for (const chart of charts)
      expect(titles.some((xml) => xml.includes(`<a:t>${chart.title}</a:t>`))).toBe(true);
    expect(titles.every((xml) => xml.includes("<c:numCache>"))).toBe(true);
  }, 180_000);
});

/** One CSV line of LibreOffice's export (quoted text, doubled quotes inside). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let text = "";
      at += 1;
      while (at < line.length) {
        if (line[at] === '"' && line[at + 1] === '"') {
          text += '"';
          at += 2;
        } else if (line[at] === '"') {
          at += 1;
          break;
        } else text += line[at++];
      }
      cells.push(text);
      at += 1;
    } else {
      const comma = line.indexOf(",", at);
      const end = comma < 0 ? line.length : comma;
      cells.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return cells;
}
