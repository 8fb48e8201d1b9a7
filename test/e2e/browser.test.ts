/*
 * End to end in real headless Chromium: the production build served on 127.0.0.1, the standalone
 * page given the sample workbook, every action run, the result downloaded and read back with ExcelJS;
 * the task pane page started outside Office. Any console error and any request leaving 127.0.0.1 fail
 * the test. Screenshots of the main screens go to docs/screenshots/ when missing or when
 * UPDATE_SCREENSHOTS=1, else to test-output/screenshots/ (the committed ones stay as they are).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, productionBuild, ROOT, serveFolder } from "./builtPages";
import type { SheetGrid } from "../../src/engine";
import { seed003School30Printed } from "../fixtures/seeds";

const SAMPLE = path.join(ROOT, "samples", "school-radar-sample.xlsx");
const DOCS = path.join(ROOT, "docs", "screenshots");
const SCRATCH = path.join(ROOT, "test-output", "screenshots");

jest.setTimeout(180_000);

let browser: Browser;
let server: { origin: string; close: () => Promise<void> };
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let offsite: string[];
const downloads = mkdtempSync(path.join(os.tmpdir(), "school-radar-e2e-"));

beforeAll(async () => {
  const folder = productionBuild();
  server = await serveFolder(folder);
  browser = await launchChromium();
}, 700_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(downloads, { recursive: true, force: true });
});

beforeEach(async () => {
  consoleErrors = [];
  offsite = [];
  // A task pane is about 350–450 px wide; the screenshots show the page at that width.
  context = await browser.newContext({
    viewport: { width: 440, height: 900 },
    acceptDownloads: true,
    locale: "ru-RU",
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
});

afterEach(async () => {
  await context.close();
  expect(consoleErrors).toEqual([]);
  expect(offsite).toEqual([]);
});

async function screenshot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const update = process.env.UPDATE_SCREENSHOTS === "1";
  const scratch = path.join(SCRATCH, name);
  mkdirSync(SCRATCH, { recursive: true });
  await page.screenshot({ path: scratch, fullPage: options.fullPage ?? false });
  const committed = path.join(DOCS, name);
  if (update || !existsSync(committed)) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(scratch, committed);
  }
}

async function openSample(): Promise<void> {
  await page.goto(`${server.origin}/standalone.html`);
  await page.locator('input[type="file"]').setInputFiles(SAMPLE);
  await page.getByRole("combobox", { name: "Лист с результатами" }).waitFor();
}

/** A workbook of one sheet holding a grid's values, as a user's file would. */
async function workbookBytes(grid: SheetGrid): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(grid.sheetName);
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    })
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("the standalone page", () => {
  it("starts with an invitation to open a workbook", async () => {
    await page.goto(`${server.origin}/standalone.html`);
    await page.getByText("Откройте книгу Excel (.xlsx) с выгрузкой результатов.").waitFor();
    expect(await page.title()).toBe("Школьный радар — без установки");
    await screenshot("standalone-start.png");
  });

  it("recognises the sample's results sheet and shows the method", async () => {
    await openSample();
    const picker = page.getByRole("combobox", { name: "Лист с результатами" });
    expect(await picker.inputValue()).toBe("Результаты ОО");
    await page.getByText(/^46 школ, \d+ процедур\S* × 3 года, 1 предупреждение$/).waitFor();
    await screenshot("source-and-method.png");
  });

  it("runs every action, shows the result, and downloads a workbook with the sheets", async () => {
    await openSample();
    const actions = page.getByRole("group", { name: "Действия" }).getByRole("button");
    const labels = await actions.allTextContents();
    expect(labels[0]).toBe("Выявить ШНОР");
    for (const label of labels) {
      const button = page.getByRole("button", { name: label, exact: true });
      expect(await button.isEnabled()).toBe(true);
      await button.click();
      if ((await button.getAttribute("aria-expanded")) !== null) {
        // An action with variants (the template to create): take each in turn.
        await page.getByRole("group", { name: label }).waitFor();
        const choices = page.getByRole("group", { name: label }).getByRole("button");
        const names = await choices.allTextContents();
        expect(names.length).toBeGreaterThan(0);
        for (const [index, name] of names.entries()) {
          if (index > 0) {
            await button.click();
            await page.getByRole("group", { name: label }).waitFor();
          }
          await page.getByRole("group", { name: label }).getByRole("button", { name }).click();
          await page.getByRole("heading", { name: `Результат: ${label}` }).waitFor();
        }
        continue;
      }
      await page.getByRole("heading", { name: `Результат: ${label}` }).waitFor();
      await page.getByText(/^Записаны листы: /).waitFor();
      const shots: Record<string, string> = {
        "Выявить ШНОР": "identification-result.png",
        "Рассчитать ИСБШ": "isbsh-result.png",
        "Матрица рисков": "risk-result.png",
        "Сводка показателей": "summary-result.png",
      };
      if (shots[label]) {
        await page.getByRole("heading", { name: `Результат: ${label}` }).scrollIntoViewIfNeeded();
        await screenshot(shots[label]!);
      }
    }
    // Run «Выявить ШНОР» last so the results view shows the list with reasons.
    await page.getByRole("button", { name: "Выявить ШНОР", exact: true }).click();
    await page.getByRole("heading", { name: "Результат: Выявить ШНОР" }).waitFor();
    const shnorFilter = page.getByRole("button", { name: /^ШНОР \(\d+\)$/ });
    const flagged = Number(/\((\d+)\)/.exec((await shnorFilter.textContent())!)![1]);
    expect(flagged).toBeGreaterThan(0);
    await shnorFilter.click();
    await page
      .getByText(/^К[12]: /)
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot("results-filtered.png");
    await page.getByRole("heading", { name: /^Предупреждения: \d+$/ }).scrollIntoViewIfNeeded();
    await screenshot("warnings.png");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Скачать результат" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("school-radar-sample — Школьный радар.xlsx");
    const file = path.join(downloads, "result.xlsx");
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheets = new Map(workbook.worksheets.map((sheet) => [sheet.name, sheet]));
    expect([...sheets.keys()]).toEqual(
      expect.arrayContaining([
        "Результаты ОО",
        "ШНОР",
        "ШНОР — метод",
        "Предупреждения",
        "Школьный радар — настройки",
        // The sample carries a social passport, a risk questionnaire and staffing: every action writes.
        "ИСБШ",
        "Матрица рисков",
        "Сводка показателей",
      ])
    );
    expect(sheets.get("Школьный радар — настройки")!.state).toBe("hidden");
    const marks = workbook.definedNames.model.map((name) => name.name);
    expect(marks).toEqual(expect.arrayContaining(["SchoolRadar_shnor", "SchoolRadar_settings"]));
    // The list: one row per school of the sample, as many flagged as the pane said.
    const list = sheets.get("ШНОР")!;
    const statuses: string[] = [];
    list.eachRow((row) => {
      const login = String(row.getCell(3).value ?? "");
      if (/^sch\d+$/.test(login)) statuses.push(String(row.getCell(4).value));
    });
    expect(statuses).toHaveLength(46);
    expect(statuses.filter((status) => status === "ШНОР")).toHaveLength(flagged);
    // Run twice: replaced, not copied.
    expect([...sheets.keys()].filter((name) => /^ШНОР \(\d\)$/.test(name))).toEqual([]);
    // The charts, which ExcelJS does not write, were added to the download in the page.
    const parts = unzipSync(readFileSync(file));
    const titles = Object.keys(parts)
      .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
      .map((name) => /<a:t>([^<]*)<\/a:t>/.exec(strFromU8(parts[name]!))?.[1]);
    expect(titles.sort()).toEqual(
      [
        "ШНОР по критериям",
        "Динамика доли низких результатов по муниципалитету",
        "Результаты и социальный контекст школ",
      ].sort()
    );
  });

  it("speaks English with ?lang=en", async () => {
    await page.goto(`${server.origin}/standalone.html?lang=en`);
    await page.getByRole("button", { name: "Open an .xlsx workbook…" }).waitFor();
  });

  it("reads seed 003's one-school table as printed (two blocks, the school named in the heading)", async () => {
    await page.goto(`${server.origin}/standalone.html`);
    await page.locator('input[type="file"]').setInputFiles({
      name: "калтан.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await workbookBytes(seed003School30Printed()),
    });
    await page.getByText(/^1 школа, 8 процедур × 2 года, 1 предупреждение$/).waitFor();
    await page.getByRole("button", { name: "Выявить ШНОР", exact: true }).click();
    await page.getByRole("button", { name: "ШНОР (1)" }).waitFor();
    await page.getByText(/К1: 2019 — ВПР МА 5 \(33\s%\), ВПР РУ 6 \(31\s%\)/).first().waitFor();
    await page.getByText(/школа названа по заголовку — «МБОУ «СОШ № 30»»/).first().waitFor();
  });

  it("says so when the file is not a workbook", async () => {
    await page.goto(`${server.origin}/standalone.html`);
    await page.locator('input[type="file"]').setInputFiles({
      name: "выгрузка.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Муниципалитет;ОО;Логин\n"),
    });
    await page
      .getByRole("alert")
      .getByText(/не является книгой Excel \(\.xlsx\)/)
      .waitFor();
  });
});

describe("the task pane page outside Office", () => {
  it("starts with office.js from the package and asks to open the add-in in Excel", async () => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("Откройте надстройку в Excel.").waitFor();
    expect(requests).toEqual(expect.arrayContaining(["/assets/office-js/office.js"]));
    await screenshot("taskpane-outside-office.png");
  });
});
