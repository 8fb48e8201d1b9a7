/*
 * The standalone page's host: an .xlsx opened from bytes (as the browser gives them), the task pane's
 * actions written into it in memory, and the result's bytes as Excel and the command line read them.
 */
import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { identifyAction } from "../../src/taskpane/actions";
import { DEFAULT_SETTINGS, settingsLayout } from "../../src/taskpane/settings";
import { createFileHost, openFileHost, type FileHost } from "../../src/standalone/fileHost";
import { resultFileName } from "../../src/standalone/StandalonePage";
import * as xlsx from "../../src/xlsx/browser";
import { isHostError } from "../../src/host/workbookHost";
import { compoundDocumentBytes, ENCRYPTED_WORKBOOK_STREAMS } from "../robustness/badInputFiles";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

function sampleBytes(): ArrayBuffer {
  const bytes = readFileSync(SAMPLE);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function identify(host: FileHost) {
  const data = await host.read(["Результаты ОО"]);
  const settings = { ...DEFAULT_SETTINGS, sourceSheet: "Результаты ОО" };
  const outcome = identifyAction(data, settings);
  if ("kind" in outcome) throw new Error(outcome.message);
  return host.write(
    [
      ...outcome.layouts.map((layout) => ({ layout })),
      { layout: settingsLayout(settings), hidden: true },
    ],
    data
  );
}

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("the standalone page's file host", () => {
  it("lists the workbook's sheets with their values", async () => {
    const host = await openFileHost(xlsx, sampleBytes(), "school-radar-sample.xlsx");
    const data = await host.scan();
    expect(data.sheets[0]).toMatchObject({
      name: "Результаты ОО",
      visible: true,
      outputMark: null,
    });
    expect(data.sheets[0]!.grid!.values.length).toBeGreaterThan(40);
    expect(data.activeSheet).toBe("Результаты ОО");
  });

  it("adds the output sheets, marked, with the settings hidden, and gives the result's bytes", async () => {
    const host = await openFileHost(xlsx, sampleBytes(), "school-radar-sample.xlsx");
    const report = await identify(host);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual([
      "ШНОР",
      "ШНОР — метод",
      "Предупреждения",
      "Школьный радар — настройки",
    ]);
    const workbook = await reopen(await host.resultBytes());
    const byName = new Map(workbook.worksheets.map((sheet) => [sheet.name, sheet]));
    expect(byName.get("ШНОР")!.state).toBe("visible");
    expect(byName.get("Школьный радар — настройки")!.state).toBe("hidden");
    expect(workbook.definedNames.model.map((name) => name.name)).toEqual(
      expect.arrayContaining(["SchoolRadar_shnor", "SchoolRadar_settings"])
    );
    // The next scan sees the stored settings (hidden sheets of ours are read) but not the outputs' values.
    const data = await host.scan();
    expect(data.sheets.find((sheet) => sheet.name === "ШНОР")!.grid).toBeNull();
    expect(
      data.sheets.find((sheet) => sheet.name === "Школьный радар — настройки")!.grid
    ).not.toBeNull();
  });

  it("replaces its own sheets when run again instead of adding copies", async () => {
    const host = await openFileHost(xlsx, sampleBytes(), "school-radar-sample.xlsx");
    await identify(host);
    const again = await identify(host);
    expect(again.replacedSheets).toEqual(expect.arrayContaining(["ШНОР", "Предупреждения"]));
    const workbook = await reopen(await host.resultBytes());
    expect(workbook.worksheets.filter((sheet) => sheet.name.startsWith("ШНОР"))).toHaveLength(2);
  });

  it("refuses an old .xls with the adapter's Russian message", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const failure = await openFileHost(xlsx, bytes.buffer, "старый.xls").catch((error) => error);
    expect(isHostError(failure) && failure.code).toBe("not_xlsx");
    expect(failure.detail).toContain("Excel 97–2003 (.xls)");
  });

  it("refuses a workbook encrypted with a password, saying so rather than calling it an .xls", async () => {
    const bytes = new Uint8Array(compoundDocumentBytes(ENCRYPTED_WORKBOOK_STREAMS));
    const failure = await openFileHost(xlsx, bytes.buffer, "выгрузка.xlsx").catch((error) => error);
    expect(isHostError(failure) && failure.code).toBe("not_xlsx");
    expect(failure.detail).toContain("защищена паролем на открытие");
    expect(failure.detail).not.toContain(".xls)");
  });

  it("refuses bytes that are not a workbook", async () => {
    const bytes = new TextEncoder().encode("Муниципалитет;ОО;Логин\n").buffer;
    const failure = await openFileHost(xlsx, bytes as ArrayBuffer, "выгрузка.csv").catch((e) => e);
    expect(failure.code).toBe("not_xlsx");
    expect(failure.detail).toBe(
      "Файл «выгрузка.csv» — текст с разделителями (CSV), а не книга Excel. Откройте его в Excel, сохраните как «Книга Excel (.xlsx)» и выберите сохранённый файл."
    );
  });

  it("reads the opened file with the module's reader (the page's worker) when it has one", async () => {
    const seen: string[] = [];
    const inWorker: xlsx.SheetsReader = async (bytes, label) => {
      seen.push(label);
      const { readSheetsData } = await import("../../src/xlsx/page/sheetsData");
      return readSheetsData(bytes, label);
    };
    const host = await openFileHost(
      { ...xlsx, readSheets: inWorker },
      sampleBytes(),
      "school-radar-sample.xlsx"
    );
    expect(seen).toEqual(["«school-radar-sample.xlsx»"]);
    expect((await host.scan()).sheets[0]!.name).toBe("Результаты ОО");
    // The worker's refusal (a Russian WorkbookFileError crossed back) reaches the page as the host's.
    const refusing: xlsx.SheetsReader = (_, label) =>
      Promise.reject(new xlsx.WorkbookFileError("not_xlsx", label, `Книга ${label} повреждена.`));
    const failure = await openFileHost(
      { ...xlsx, readSheets: refusing },
      sampleBytes(),
      "книга.xlsx"
    ).catch((error: unknown) => error);
    expect(isHostError(failure) && failure.detail).toBe("Книга «книга.xlsx» повреждена.");
  });

  it("names the download after the file it came from", () => {
    expect(resultFileName("Выгрузка 2025.xlsx")).toBe("Выгрузка 2025 — Школьный радар.xlsx");
    expect(typeof createFileHost).toBe("function");
  });
});
