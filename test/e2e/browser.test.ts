/*
 * End to end in real headless Chromium: the production build served on 127.0.0.1, the standalone
 * page given the sample workbook, every action run, the result downloaded and read back with ExcelJS;
 * the task pane page started outside Office. Any console error and any request leaving 127.0.0.1 fail
 * the test — but office.js from Microsoft's CDN, which the task pane page loads by default: the test
 * routes that URL to the same files in the @microsoft/office-js package, so the production page runs
 * unchanged with no network. Screenshots of the main screens go to docs/screenshots/ when missing or when
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
/** Microsoft's CDN folder of office.js (webpack.config.js), and the npm package's copy of its files. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS_PACKAGE = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
/** What the result's heading says after each action: the result, not the button's label. */
const RESULT_HEADINGS: Record<string, RegExp> = {
  "Выявить ШНОР": /^ШНОР: \d+ из \d+ школ/,
  "Рассчитать ИСБШ": /^ШНСУ: \d+ из \d+ школ/,
  "Матрица рисков": /^ШГР: \d+ из \d+ школ/,
  "Сводка показателей": /^Вне цели: \d+ из \d+ показател/,
  "ШНОР по годам": /^ШНОР: \d+ из \d+ школ/,
  "Профиль школ": /^В группах поддержки: \d+ из \d+ школ/,
  "Сверка со списком": /^Совпадают со списком: \d+ из \d+ школ/,
  // The report's heading is the first of its lists: ШНОР when the workbook has a results table.
  "Аналитическая справка": /^(ШНОР|ШНСУ|ШГР): \d+ из \d+ школ/,
};

jest.setTimeout(180_000);

let browser: Browser;
let server: { origin: string; close: () => Promise<void> };
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let offsite: string[];
const downloads = mkdtempSync(path.join(os.tmpdir(), "school-radar-e2e-"));

/** The built pages served (productionBuild: dist/ or the tests' own build). */
let builtFolder: string;

beforeAll(async () => {
  const folder = productionBuild();
  builtFolder = folder;
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
  // Registered after the route above, so it runs first (Playwright: later routes take precedence).
  await context.route(
    (url) => url.href.startsWith(OFFICE_JS_CDN),
    (route) => {
      const url = route.request().url();
      const file = path.join(
        OFFICE_JS_PACKAGE,
        new URL(url).pathname.slice("/lib/1/hosted".length)
      );
      if (!file.startsWith(OFFICE_JS_PACKAGE + path.sep) || !existsSync(file)) {
        offsite.push(url);
        return route.abort();
      }
      return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
    }
  );
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
  // Not the picker alone: before a file the page is on its new empty workbook, which has one too.
  await page.getByText("Книга: school-radar-sample.xlsx").waitFor();
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
          await page.getByRole("heading", { name: `Шаблон «${name}»` }).waitFor();
        }
        continue;
      }
      await page.getByRole("heading", { name: RESULT_HEADINGS[label] }).waitFor();
      await page.getByText(/^Записаны листы: /).waitFor();
      const shots: Record<string, string> = {
        "Выявить ШНОР": "identification-result.png",
        "Рассчитать ИСБШ": "isbsh-result.png",
        "Матрица рисков": "risk-result.png",
        "Сводка показателей": "summary-result.png",
      };
      if (shots[label]) {
        await page.getByRole("heading", { name: RESULT_HEADINGS[label] }).scrollIntoViewIfNeeded();
        await screenshot(shots[label]!);
      }
    }
    // Run «Выявить ШНОР» last so the results view shows the list with reasons.
    await page.getByRole("button", { name: "Выявить ШНОР", exact: true }).click();
    await page.getByRole("heading", { name: RESULT_HEADINGS["Выявить ШНОР"] }).waitFor();
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
        "Число ШНОР по годам",
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
    await page
      .getByText(/К1: 2019 — ВПР МА 5 \(33\s%\), ВПР РУ 6 \(31\s%\)/)
      .first()
      .waitFor();
    await page
      .getByText(/школа названа по заголовку — «МБОУ «СОШ № 30»»/)
      .first()
      .waitFor();
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
      .getByText(/— текст с разделителями \(CSV\), а не книга Excel/)
      .waitFor();
  });
});

describe("the task pane page outside Office", () => {
  /** The office.js the built page loads: Microsoft's CDN, or assets/office-js/ when self-hosted. */
  function officeJsUrl(): string {
    const html = readFileSync(path.join(builtFolder, "taskpane.html"), "utf8");
    const src = /<script\b[^>]*\ssrc="?([^"\s>]*office\.js)/.exec(html)![1]!;
    return new URL(src, `${server.origin}/taskpane.html`).href;
  }

  // office.js (its o15apptofilemappingtable.js) frames Microsoft's telemetry proxy 3 s after it
  // loads; the page's policy (default-src 'self', no frame-src) blocks that, and Chromium reports the
  // block as a console error. Expected, and nothing left the machine (no request reached the route).
  afterEach(async () => {
    await page.close();
    consoleErrors = consoleErrors.filter(
      (error) =>
        !error.startsWith(
          "Framing 'https://telemetryservice.firstpartyapps.oaspapps.com/' violates the following Content Security Policy directive"
        )
    );
  });

  it("starts with office.js (Microsoft's CDN, served here from the package) and asks to open the add-in in Excel", async () => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("Откройте надстройку в Excel.").waitFor();
    expect(requests).toEqual(expect.arrayContaining([officeJsUrl()]));
    // The page's startup notice is gone: the pane rendered in its place.
    expect(await page.locator("#startup-notice").count()).toBe(0);
    await screenshot("taskpane-outside-office.png");
  });

  it("says it could not start, and why, when office.js cannot be loaded (a closed network)", async () => {
    const officeJs = officeJsUrl();
    await context.route(
      (url) => url.href === officeJs,
      (route) => route.abort()
    );
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("Школьный радар не запустился.").waitFor({ state: "visible" });
    await page.getByText(/appsforoffice\.microsoft\.com/).waitFor({ state: "visible" });
    // The one error is the script that did not load: no script of ours failed for want of it (the
    // functions bundle's CustomFunctions calls included).
    expect(consoleErrors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
    consoleErrors = [];
  });
});
