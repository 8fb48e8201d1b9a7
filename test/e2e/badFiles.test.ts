/*
 * The standalone page, in real headless Chromium at a narrow pane's width (320 px), given files it
 * cannot analyse: each gets its own Russian message saying what the file is and what to do — never a
 * zip or XML library's English — and no message widens the page into a horizontal scroll.
 */
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, productionBuild, serveFolder } from "./builtPages";

jest.setTimeout(120_000);

const TITLE = "Этот файл нельзя проанализировать";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let browser: Browser;
let server: { origin: string; close: () => Promise<void> };
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await serveFolder(productionBuild());
  browser = await launchChromium();
}, 700_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  consoleErrors = [];
  // The narrowest task pane Excel shows (320 px), the width at which wrapping matters most.
  context = await browser.newContext({ viewport: { width: 320, height: 700 }, locale: "ru-RU" });
  // Nothing leaves the machine: only the test's own server answers.
  await context.route("**/*", (route) =>
    route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort()
  );
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(`${server.origin}/standalone.html`);
});

afterEach(async () => {
  await context.close();
  expect(consoleErrors).toEqual([]);
});

/** A Word document (.docx) as Word writes its smallest one: the parts that make it a document. */
function wordDocumentBytes(): Buffer {
  return Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
      ),
      "word/document.xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Справка о результатах ВПР</w:t></w:r></w:p></w:body></w:document>'
      ),
    })
  );
}

/** A workbook written by ExcelJS with the given rows on one sheet (none: an empty sheet). */
async function workbookBytes(sheetName: string, rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function give(name: string, buffer: Buffer, mimeType = XLSX_TYPE): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

/** The problem's bar, once shown: its title, then its text on a line of its own. */
async function problemShown(): Promise<string> {
  const alert = page.getByRole("alert").filter({ hasText: TITLE });
  await alert.waitFor();
  const [title, ...text] = (await alert.innerText()).split("\n").filter((line) => line.trim());
  expect(title).toBe(TITLE);
  return text.join(" ").trim();
}

/** The page fits its width: no horizontal scroll bar at 320 px. */
async function expectNoHorizontalScroll(): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(clientWidth).toBeLessThanOrEqual(320);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** No English beyond the names of formats and programs the message tells the user about. */
function expectNoLibraryText(text: string): void {
  const rest = text.replace(/\b(excel|csv|html|word|powerpoint|zip|xlsx)\b/gi, "");
  expect(rest).not.toMatch(/[A-Za-z]{2,}/);
}

const BAD_FILES: [
  string,
  () => Promise<{ name: string; buffer: Buffer; type?: string }>,
  string,
][] = [
  [
    "a .csv text",
    async () => ({
      name: "выгрузка.csv",
      type: "text/csv",
      buffer: Buffer.from("Муниципалитет;ОО;Логин ОО\nКалтанский;МБОУ «СОШ № 1»;sch420001\n"),
    }),
    "Файл «выгрузка.csv» — текст с разделителями (CSV), а не книга Excel. Откройте его в Excel, сохраните как «Книга Excel (.xlsx)» и выберите сохранённый файл.",
  ],
  [
    "a file of 0 bytes",
    async () => ({ name: "выгрузка.xlsx", buffer: Buffer.alloc(0) }),
    "Файл «выгрузка.xlsx» пуст (0 байт): так бывает, когда файл не был сохранён или скопирован до конца. Откройте книгу в Excel, сохраните её заново и выберите сохранённый файл.",
  ],
  [
    "a Word document renamed .xlsx",
    async () => ({ name: "справка.xlsx", buffer: wordDocumentBytes() }),
    "Файл «справка.xlsx» — это документ Word, а не книга Excel. Выберите книгу Excel с выгрузкой результатов; таблицу из документа можно скопировать на лист Excel и сохранить книгу как .xlsx.",
  ],
  [
    "a workbook with no data",
    async () => ({ name: "новая.xlsx", buffer: await workbookBytes("Лист1", []) }),
    "В книге «новая.xlsx» нет данных: все её листы пусты. Выберите книгу с выгрузкой результатов или вставьте таблицу на лист, сохраните книгу и откройте её снова.",
  ],
];

describe("a file the page cannot analyse", () => {
  it.each(BAD_FILES)("%s gets its own Russian message", async (_, make, message) => {
    const file = await make();
    await give(file.name, file.buffer, file.type);
    const shown = await problemShown();
    expect(shown).toBe(message);
    // Not «не является книгой Excel (.xlsx) или повреждён» over an empty workbook or a .csv.
    expect(shown).not.toMatch(/повреждён/);
    expectNoLibraryText(shown);
    await expectNoHorizontalScroll();
  });

  it("wraps a long message with a long file name inside a 320 px page", async () => {
    const name =
      "Выгрузка_результатов_ВПР_2024_года_по_всем_общеобразовательным_организациям_муниципалитета_окончательная.csv";
    await give(name, Buffer.from("a;b;c\n1;2;3\n"), "text/csv");
    expect(await problemShown()).toContain(`Файл «${name}» — текст с разделителями (CSV)`);
    await expectNoHorizontalScroll();
    // The bar itself stays inside the page, its text wrapped onto several lines.
    const bar = await page.getByRole("alert").filter({ hasText: TITLE }).boundingBox();
    expect(bar!.x + bar!.width).toBeLessThanOrEqual(320);
    expect(bar!.height).toBeGreaterThan(60);
  });
});

describe("a workbook with no table the page recognises", () => {
  it("says why in one sentence, under the sheet it is about, and still offers the templates", async () => {
    const rows = [["Протокол совещания руководителей"], ["Присутствовали: 12 человек"]];
    await give("протокол.xlsx", await workbookBytes("Заметки", rows));
    const reason =
      "На листе «Заметки» не найдена таблица результатов: ожидались заголовки вида «ВПР МА 5 2019» и «% «2»» (или строки без заголовка в порядке выгрузки: муниципалитет, ОО, логин sch…, 16 пар значений).";
    await page.getByText(reason, { exact: true }).waitFor();
    // Said once: not after «Таблица результатов не найдена» again, nor anywhere else on the page.
    const text = await page.locator("main").innerText();
    expect(text.match(/не найдена/gi)).toHaveLength(1);
    expect(text).not.toMatch(/Таблица результатов не найдена/);
    expect(await page.getByRole("button", { name: "Выявить ШНОР", exact: true }).isEnabled()).toBe(
      false
    );
    expect(await page.getByRole("button", { name: "Создать шаблон…" }).isEnabled()).toBe(true);
    await expectNoHorizontalScroll();
  });
});
