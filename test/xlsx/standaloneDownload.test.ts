/**
 * The standalone page's download (src/xlsx/browser.ts): the opened file's own parts with our sheets
 * added in memory by the command line's writer — so it has our charts, keeps the user's, and is the
 * same workbook `--out` writes.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { writeWorkbookWithOutputs } from "../../src/xlsx";
import { appendOutputs } from "../../src/xlsx/append/appendOutputs";
import { MemoryPackage } from "../../src/xlsx/append/memoryPackage";
import {
  addWorkbookOutputs,
  openWorkbookBytes,
  workbookBytes,
  type OpenWorkbook,
} from "../../src/xlsx/browser";
import { readSheetsData, sheetsOfData, type PageSheet } from "../../src/xlsx/page/sheetsData";
import { defaultRiskThresholds, riskThresholdsLayout } from "../../src/engine";
import { DEFAULT_SETTINGS, settingsLayout } from "../../src/taskpane/settings";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { layoutsOf, temporaryFolder } from "./workbookFiles";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
const FUNCTIONS_SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-functions.xlsx");
const CHART_PART = /^xl\/charts\/chart\d+\.xml$/;

const folder = temporaryFolder();
afterAll(folder.remove);

function open(bytes: Uint8Array, fileName: string): Promise<OpenWorkbook> {
  const copy = new Uint8Array(bytes);
  return openWorkbookBytes(copy.buffer, fileName);
}

const partsOf = (bytes: Uint8Array) => unzipSync(bytes);
const chartTitles = (parts: Record<string, Uint8Array>): string[] =>
  Object.keys(parts)
    .filter((name) => CHART_PART.test(name))
    .map((name) => /<a:t>([^<]*)<\/a:t>/.exec(strFromU8(parts[name]!))?.[1] ?? "")
    .sort();

describe("the writer in memory against the writer from file to file", () => {
  // [case, its input, whether the run replaces sheets of an earlier run]
  const inputs: [string, () => Promise<string>, boolean][] = [
    ["the sample workbook", async () => SAMPLE, false],
    ["the functions sample", async () => FUNCTIONS_SAMPLE, false],
    [
      "a result of --out, whose sheets the run replaces (with their charts)",
      async () => {
        const earlier = path.join(folder.dir, "прошлый результат.xlsx");
        await writeWorkbookWithOutputs(SAMPLE, await layoutsOf(SAMPLE), earlier, null);
        return earlier;
      },
      true,
    ],
  ];
  it.each(inputs)("%s: the same parts, in the same order", async (_, inputOf, replaces) => {
    const input = await inputOf();
    const layouts = await layoutsOf(SAMPLE);
    const memory = new MemoryPackage(readFileSync(input));
    const inMemory = await appendOutputs(memory, layouts);
    const out = path.join(folder.dir, `${path.basename(input)}.из файла.xlsx`);
    const fromFile = await writeWorkbookWithOutputs(input, layouts, out, null);
    expect(fromFile.replacedSheets.length > 0).toBe(replaces);
    expect(inMemory).toEqual({
      sheets: fromFile.sheets,
      replacedSheets: fromFile.replacedSheets,
      keptSheets: fromFile.keptSheets,
    });
    const [a, b] = [partsOf(memory.bytes()), partsOf(readFileSync(out))];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const name of Object.keys(b)) expect([name, a[name]]).toEqual([name, b[name]]);
  });
});

describe("the standalone page's download", () => {
  it("is, part for part, the workbook the command line's --out writes", async () => {
    const layouts = await layoutsOf(SAMPLE);
    const opened = await open(readFileSync(SAMPLE), "school-radar-sample.xlsx");
    await addWorkbookOutputs(opened, layouts);
    const page = partsOf(await workbookBytes(opened));
    const out = path.join(folder.dir, "out.xlsx");
    await writeWorkbookWithOutputs(SAMPLE, layouts, out, null);
    const cli = partsOf(readFileSync(out));
    expect(Object.keys(page)).toEqual(Object.keys(cli));
    for (const name of Object.keys(cli))
      expect([name, strFromU8(page[name]!)]).toEqual([name, strFromU8(cli[name]!)]);
    expect(chartTitles(page).length).toBeGreaterThan(0);
  });

  it("after the actions ran twice, has each of our sheets and charts once (the re-run replaced them)", async () => {
    const layouts = await layoutsOf(SAMPLE);
    const opened = await open(readFileSync(SAMPLE), "school-radar-sample.xlsx");
    await addWorkbookOutputs(opened, layouts);
    const once = partsOf(await workbookBytes(opened));
    await addWorkbookOutputs(opened, layouts);
    const twice = partsOf(await workbookBytes(opened));
    expect(chartTitles(twice)).toEqual(chartTitles(once));
    const names = async (parts: Record<string, Uint8Array>) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(zipSync(parts) as unknown as ArrayBuffer);
      return workbook.worksheets.map((sheet) => sheet.name);
    };
    expect([...(await names(twice))].sort()).toEqual([...(await names(once))].sort());
    // The page shows its working copy: the download has the same sheets, in the same order.
    expect(await names(twice)).toEqual(opened.sheets.map((sheet) => sheet.grid.sheetName));
    // Four writes and three loads into ExcelJS: ~2 s alone, past jest's 5 s on a busy machine.
  }, 30_000);

  it("reads back after each write what the download holds: every sheet, its values, formats and marks", async () => {
    // Each action reads the working copy: our hidden settings and the thresholds sheet (the user's
    // data once written) are input to the next one, so they must read as they will from the file.
    const plain = (sheet: PageSheet) => ({
      name: sheet.grid.sheetName,
      state: sheet.state,
      marks: [sheet.outputMark, sheet.userDataMark],
      values: Array.from(sheet.grid.values, (row) => [...row]),
      formats: Array.from(sheet.grid.numberFormats ?? [], (row) => [...row]),
      merged: sheet.mergedRanges,
    });
    const opened = await open(readFileSync(SAMPLE), "school-radar-sample.xlsx");
    const settings = settingsLayout(DEFAULT_SETTINGS);
    const thresholds = riskThresholdsLayout(defaultRiskThresholds());
    // The analysis's own thresholds layout, if any, left out: the runs below ask for it themselves.
    const layouts = (await layoutsOf(SAMPLE)).filter(
      (layout) => layout.marker !== thresholds.marker
    );
    const first = await addWorkbookOutputs(
      opened,
      [...layouts, thresholds, settings],
      new Set([settings.marker])
    );
    const second = await addWorkbookOutputs(
      opened,
      [layouts[0]!, thresholds, settings],
      new Set([settings.marker])
    );
    // The second run replaced its sheets and kept the thresholds, which are the user's now.
    expect(second.replacedSheets.sort()).toEqual([layouts[0]!.name, settings.name].sort());
    expect(second.keptSheets).toEqual([
      {
        marker: thresholds.marker,
        requestedName: thresholds.name,
        name: first.sheets.find((sheet) => sheet.marker === thresholds.marker)!.name,
      },
    ]);
    const download = sheetsOfData(await readSheetsData(await workbookBytes(opened), "«выгрузка»"));
    // Every sheet, in order, named and marked alike; the values of every sheet an action reads (all
    // but our visible outputs, which the host lists without values) the same as the download's.
    const readByActions = (sheet: PageSheet) =>
      sheet.outputMark === null || sheet.state !== "visible";
    expect(
      opened.sheets.map(({ grid, state, outputMark, userDataMark }) => [
        grid.sheetName,
        state,
        outputMark,
        userDataMark,
      ])
    ).toEqual(
      download.map(({ grid, state, outputMark, userDataMark }) => [
        grid.sheetName,
        state,
        outputMark,
        userDataMark,
      ])
    );
    expect(opened.sheets.filter(readByActions).map(plain)).toEqual(
      download.filter(readByActions).map(plain)
    );
    // Our visible outputs are in the working copy without cells: nothing of theirs is read again.
    const outputs = opened.sheets.filter((sheet) => !readByActions(sheet));
    expect(outputs.length).toBe(layouts.length);
    for (const sheet of outputs) expect(sheet.grid.values.length).toBe(0);
    const settingsSheet = opened.sheets.find((sheet) => sheet.grid.sheetName === settings.name)!;
    expect([settingsSheet.state, settingsSheet.outputMark]).toEqual([
      "hidden",
      "SchoolRadar_settings",
    ]);
    const thresholdsSheet = opened.sheets.find(
      (sheet) => sheet.grid.sheetName === thresholds.name
    )!;
    expect([thresholdsSheet.outputMark, thresholdsSheet.userDataMark]).toEqual([
      null,
      expect.stringMatching(/^SchoolRadarData_/),
    ]);
  });

  it("keeps the user's own charts, which a round trip through ExcelJS drops", async () => {
    // A workbook with charts of the user's: a result of --out whose sheets are no longer marked ours.
    const marked = path.join(folder.dir, "с отметками.xlsx");
    await writeWorkbookWithOutputs(SAMPLE, await layoutsOf(SAMPLE), marked, null);
    const parts = partsOf(readFileSync(marked));
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]!).replace(
        /<definedName name="SchoolRadar_[^"]*"[^>]*>[^<]*<\/definedName>/g,
        ""
      )
    );
    const users = zipSync(parts);
    const userTitles = chartTitles(parts);
    expect(userTitles.length).toBeGreaterThan(0);

    const opened = await open(users, "мои диаграммы.xlsx");
    const layouts = await layoutsOf(SAMPLE);
    const report = await addWorkbookOutputs(opened, layouts);
    expect(report.replacedSheets).toEqual([]);
    const download = partsOf(await workbookBytes(opened));
    expect(chartTitles(download)).toEqual([...userTitles, ...userTitles].sort());
    // The user's chart parts themselves, byte for byte.
    for (const name of Object.keys(parts).filter((part) => CHART_PART.test(part)))
      expect(download[name]).toEqual(parts[name]);

    const excelJs = new ExcelJS.Workbook();
    await excelJs.xlsx.load(users as unknown as ArrayBuffer);
    const roundTrip = partsOf(new Uint8Array((await excelJs.xlsx.writeBuffer()) as ArrayBuffer));
    expect(chartTitles(roundTrip)).toEqual([]);
    // Two writes and an ExcelJS load and write: past jest's 5 s on a busy machine.
  }, 30_000);

  it("opens in LibreOffice with its charts, their series read from the sheets' cells", async () => {
    const layouts = await layoutsOf(SAMPLE);
    const opened = await open(readFileSync(SAMPLE), "school-radar-sample.xlsx");
    await addWorkbookOutputs(opened, layouts);
    const file = path.join(folder.dir, "выгрузка — Школьный радар.xlsx");
    writeFileSync(file, await workbookBytes(opened));
    const resaved = partsOf(
      readFileSync(convertWithLibreOffice(file, "xlsx", path.join(folder.dir, "xlsx"), folder.dir))
    );
    const charts = Object.keys(resaved)
      .filter((name) => CHART_PART.test(name))
      .map((name) => strFromU8(resaved[name]!));
    const specs = layouts.flatMap((layout) => layout.charts ?? []);
    expect(charts).toHaveLength(specs.length);
    for (const spec of specs)
      expect(charts.some((xml) => xml.includes(`<a:t>${spec.title}</a:t>`))).toBe(true);
    expect(charts.every((xml) => xml.includes("<c:numCache>"))).toBe(true);
  }, 180_000);
});
