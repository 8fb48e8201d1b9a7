/*
 * The standalone page as a user without a server has it: dist/standalone.html opened from disk
 * (file://) in real headless Chromium. The bundled sample, a file dropped on the page, the templates
 * before any file, and «Показать» on a warning — with every script read from the files beside the
 * page (no fetch, no network) and no console error.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, productionBuild, ROOT } from "./builtPages";
import { formatCount } from "../../src/engine";

const SAMPLE = path.join(ROOT, "samples", "school-radar-sample.xlsx");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NOT_A_WORKBOOK = Buffer.from("Муниципалитет;ОО;Логин\n");

jest.setTimeout(90_000);

let browser: Browser;
let pageUrl: string;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let requests: string[];
const downloads = mkdtempSync(path.join(os.tmpdir(), "school-radar-file-"));

beforeAll(async () => {
  pageUrl = pathToFileURL(path.join(productionBuild(), "standalone.html")).href;
  browser = await launchChromium();
}, 700_000);

afterAll(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});

beforeEach(async () => {
  consoleErrors = [];
  requests = [];
  context = await browser.newContext({
    viewport: { width: 440, height: 900 },
    acceptDownloads: true,
    locale: "ru-RU",
  });
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pageUrl);
});

afterEach(async () => {
  await context.close();
  expect(consoleErrors).toEqual([]);
  // Everything the page loaded is a file beside it: the chunks as <script>, the sample inside one.
  const folder = pageUrl.slice(0, pageUrl.lastIndexOf("/") + 1);
  expect(requests.filter((url) => !url.startsWith(folder) && !/^(blob|data):/.test(url))).toEqual(
    []
  );
});

/** Drops a file on the page as the browser would: dragenter, dragover and drop with its bytes. */
async function dropFile(name: string, type: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, type, base64 }) => {
      const text = atob(base64);
      const data = new Uint8Array(text.length);
      for (let index = 0; index < text.length; index++) data[index] = text.charCodeAt(index);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      return transfer;
    },
    { name, type, base64: bytes.toString("base64") }
  );
  await page.dispatchEvent("main", "dragenter", { dataTransfer: transfer });
  await page.getByText("Отпустите файл, чтобы открыть книгу").waitFor();
  await page.dispatchEvent("main", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("main", "drop", { dataTransfer: transfer });
  await page.getByText("Отпустите файл, чтобы открыть книгу").waitFor({ state: "hidden" });
}

async function trySample(): Promise<void> {
  await page.getByRole("button", { name: "Попробовать на примере" }).click();
  await page.getByText("Книга: Пример — Заречный муниципальный округ.xlsx").waitFor();
  const picker = page.getByRole("combobox", { name: "Лист с результатами" });
  expect(await picker.inputValue()).toBe("Результаты ОО");
}

async function identify(): Promise<void> {
  await page.getByRole("button", { name: "Выявить ШНОР", exact: true }).click();
  await page.getByRole("heading", { name: /^ШНОР: \d+ из 46 школ$/ }).waitFor();
}

describe("the standalone page opened from disk", () => {
  it("opens the bundled sample, finds the ШНОР and downloads the result", async () => {
    await trySample();
    await identify();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Скачать результат" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      "Пример — Заречный муниципальный округ — Школьный радар.xlsx"
    );
    const file = path.join(downloads, "sample-result.xlsx");
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["Результаты ОО", "ШНОР", "Предупреждения"])
    );
    // The sample's bytes came inside a script chunk, not as a file of their own.
    expect(requests.filter((url) => /\.xlsx$/.test(url))).toEqual([]);
  });

  it("«Показать» shows the warning's cell: its place, the value read there and the row's school", async () => {
    await trySample();
    await identify();
    const warnings = page.getByRole("list", { name: /^Предупреждения: \d+$/ });
    const address = (await warnings.locator("li").first().locator("span").first().textContent())!;
    const [, sheetName, cell, row] = /^'(.+)'!([A-Z]+(\d+))$/.exec(address)!;
    const show = warnings.getByRole("button", { name: `Показать ${address}` });
    await show.click();
    const shown = warnings.getByRole("status");
    await shown.waitFor();

    // What the file holds there, read independently of the page.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    const sheet = book.getWorksheet(sheetName!)!;
    const raw = sheet.getCell(cell!).value;
    const value =
      typeof raw === "number"
        ? formatCount(raw)
        : `«${typeof raw === "object" && raw !== null && "error" in raw ? raw.error : String(raw)}»`;
    const header = [1, 2, 3, 4, 5]
      .map((r) => sheet.getRow(r).values as unknown[])
      .find((cells) => cells.some((text) => /^Наименование/.test(String(text ?? ""))))!;
    const nameColumn = header.findIndex((text) => /^Наименование/.test(String(text ?? "")));
    const school = String(sheet.getRow(Number(row)).getCell(nameColumn).value);

    expect(await shown.locator("span").allTextContents()).toEqual([
      `Лист «${sheetName}», ячейка ${cell}`,
      `Значение: ${value}`,
      `Школа: ${school}`,
    ]);
    // Pressed again, it is put away.
    await show.click();
    await shown.waitFor({ state: "detached" });
    expect(await show.getAttribute("aria-expanded")).toBe("false");
  });

  it("opens a workbook dropped anywhere on the page; a dropped non-workbook gets the chosen one's message", async () => {
    await page.locator('input[type="file"]').setInputFiles({
      name: "выгрузка.csv",
      mimeType: "text/csv",
      buffer: NOT_A_WORKBOOK,
    });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const chosenMessage = await alert.textContent();

    await dropFile("выгрузка.xlsx", XLSX_TYPE, readFileSync(SAMPLE));
    await page.getByText("Книга: выгрузка.xlsx").waitFor();
    await alert.waitFor({ state: "detached" });
    expect(await page.getByRole("combobox", { name: "Лист с результатами" }).inputValue()).toBe(
      "Результаты ОО"
    );

    await dropFile("выгрузка.csv", "text/csv", NOT_A_WORKBOOK);
    await alert.waitFor();
    expect(await alert.textContent()).toBe(chosenMessage);
    // The workbook that was open stays open.
    await page.getByText("Книга: выгрузка.xlsx").waitFor();
  });

  it("makes a template before any file is opened, and downloads it in a new workbook", async () => {
    const create = page.getByRole("button", { name: "Создать шаблон…" });
    await page.getByText(/Шаблоны для координаторов создаются без книги/).waitFor();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("button")].some(
          (button) => button.textContent === "Создать шаблон…" && !button.disabled
        ),
      undefined,
      { timeout: 30_000 }
    );
    // Nothing to analyse yet: the analyses wait for a file.
    expect(await page.getByRole("button", { name: "Выявить ШНОР", exact: true }).isEnabled()).toBe(
      false
    );
    await create.click();
    const choices = page.getByRole("group", { name: "Создать шаблон…" }).getByRole("button");
    const name = (await choices.first().textContent())!;
    await choices.first().click();
    await page.getByRole("heading", { name: `Шаблон «${name}»` }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Скачать результат" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Новая книга — Школьный радар.xlsx");
    const file = path.join(downloads, "template.xlsx");
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const visible = workbook.worksheets.filter((sheet) => sheet.state === "visible");
    const templates = visible.filter((sheet) => String(sheet.getCell("A1").value).includes(name));
    expect(templates).toHaveLength(1);
  });
});
