/*
 * Reading on Excel on the web in blocks sized from the rows already read (src/excel/readBlocks.ts):
 * the blocks fill what a 5 MB response holds instead of a fixed per-cell guess, and a block of rows
 * wider than any before is read again in halves — a response over 5 MB never reaches the pane.
 */
import {
  CELL_RESPONSE_ESTIMATE,
  planReadBlocks,
  RowWidths,
  type UsedRange,
} from "../../src/excel/readBlocks";
import { createExcelHost, WEB_BUDGET, WEB_REQUEST_LIMIT } from "../../src/excel";
import { rowBytes } from "../../src/excel/requestBudget";
import { fakeExcel, FakeWorkbook } from "./fakeExcel";

const SHEET = "Результаты ОО";

/** A table of `rows` × `columns`: a header, then numbers with one decimal, as an export has them. */
function exportLike(model: FakeWorkbook, rows: number, columns: number): void {
  const sheet = model.sheet(SHEET);
  sheet.fill([Array.from({ length: columns }, (_, column) => `Показатель ${column + 1} % «2»`)]);
  sheet.generated = {
    rect: { row: 1, column: 0, rows: rows - 1, columns },
    at: (row, column) => ((row * 7 + column * 13) % 1000) / 10,
  };
}

function webHost(model: FakeWorkbook) {
  const excel = fakeExcel(model, { payloadLimit: WEB_REQUEST_LIMIT });
  return { excel, host: createExcelHost({ budget: WEB_BUDGET, run: excel.run }) };
}

describe("a row's bytes (requestBudget.ts rowBytes), which size the blocks and the writes", () => {
  const CELLS: unknown[] = [
    0,
    7,
    10,
    99,
    12345,
    2 ** 53,
    1e20,
    1e21,
    -3,
    12.5,
    0.1 + 0.2,
    -0.25,
    NaN,
    true,
    false,
    null,
    "",
    "General",
    "General",
    "0.0%",
    'кавычки "внутри"',
    "\\ черта",
    "строка\nперевод",
    "\u0001",
    "МБОУ «СОШ № 5»",
    "😀",
    "\ud800 одинокий",
  ];

  it("is never below the row's JSON at 2 bytes a character, and exact but for one comma", () => {
    let state = 12;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 5_000; trial += 1) {
      const row = Array.from({ length: 1 + Math.floor(next() * 30) }, () => {
        const cell = CELLS[Math.floor(next() * CELLS.length)];
        return cell === undefined || next() < 0.3 ? Math.floor(next() * 1e6) / 10 : cell;
      });
      const json = 2 * JSON.stringify(row).length;
      expect(rowBytes(row)).toBeGreaterThanOrEqual(json);
      // Control characters are counted at their longest escape: exact elsewhere.
      const controls = row.some(
        (cell) =>
          typeof cell === "string" && [...cell].some((character) => character.charCodeAt(0) < 32)
      );
      if (!controls) expect(rowBytes(row)).toBe(json + 2);
    }
  });
});

describe("the blocks of a read on the web", () => {
  it("plans from a row's measured bytes: fewer, fuller requests than the per-cell guess", () => {
    const used: UsedRange[] = [{ sheet: SHEET, row: 0, column: 0, rows: 50_000, columns: 93 }];
    const guessed = planReadBlocks(used, WEB_BUDGET);
    const measured = planReadBlocks(used, WEB_BUDGET, () => 93 * CELL_RESPONSE_ESTIMATE * 0.4);
    expect(measured.length).toBeLessThan(guessed.length / 2);
    for (const plan of [guessed, measured])
      expect(plan.flat().reduce((sum, block) => sum + block.rows, 0)).toBe(50_000);
  });

  it("takes a block's mean row, not its widest (a header), and doubles it when refused", () => {
    const widths = new RowWidths();
    const range = { sheet: SHEET, columns: 3 };
    expect(widths.bytes(range)).toBe(3 * CELL_RESPONSE_ESTIMATE);
    const header = ["очень длинный заголовок столбца".repeat(10), "б", "в"];
    const rows = Array.from({ length: 99 }, () => [1, 2, 3]);
    const formats = Array.from({ length: 100 }, () => ["General", "General", "General"]);
    widths.measure(SHEET, [header, ...rows], formats);
    const mean = widths.bytes(range);
    expect(mean).toBeLessThan(2 * JSON.stringify(header).length);
    expect(mean).toBeGreaterThan(2 * JSON.stringify([[1, 2, 3], formats[0]]).length);
    widths.refused(range);
    expect(widths.bytes(range)).toBe(2 * mean);
  });

  it("reads a national table in half the requests, every response within 5 MB", async () => {
    const model = new FakeWorkbook([SHEET]);
    exportLike(model, 50_000, 93);
    const { excel, host } = webHost(model);
    const grid = (await host.read([SHEET])).sheets[0]!.grid!;
    expect(grid.values).toHaveLength(50_000);
    expect(grid.values[49_999]![92]).toBe(((49_999 * 7 + 92 * 13) % 1000) / 10);
    // The one-request read is refused (35 MB), then the blocks: none refused, none over 5 MB.
    const [whole, ...blocks] = excel.stats.responseBytes;
    expect(whole).toBeGreaterThan(WEB_REQUEST_LIMIT);
    expect(Math.max(...blocks)).toBeLessThanOrEqual(WEB_REQUEST_LIMIT);
    // …and full: each block but the first and last carries more than 3 MB (the budget is 4 MB).
    const reads = blocks.slice(-excel.stats.cellsRead.length); // after the listing and the sizes
    expect(Math.min(...reads.slice(1, -1))).toBeGreaterThan(3 * 1024 * 1024);
    const guessed = planReadBlocks(
      [{ sheet: SHEET, row: 0, column: 0, rows: 50_000, columns: 93 }],
      WEB_BUDGET
    ).length;
    expect(reads.length).toBeLessThanOrEqual(guessed / 2);
    console.log(
      `web, 50,000 × 93 read: ${reads.length} block requests (${guessed} at ` +
        `${CELL_RESPONSE_ESTIMATE} bytes a cell), largest response ${Math.max(...blocks)} bytes`
    );
  }, 120_000);

  it("reads rows far wider than the first blocks' in halves, never a response over 5 MB", async () => {
    const model = new FakeWorkbook([SHEET]);
    exportLike(model, 30_000, 20);
    // From row 20,000 on, a long comment in every row: rows ten times as wide as those above.
    const sheet = model.sheet(SHEET);
    for (let row = 20_000; row < 30_000; row += 1)
      sheet.setCell(row, 19, { value: `Комментарий ${row}: ${"к".repeat(600)}` });
    const { excel, host } = webHost(model);
    const grid = (await host.read([SHEET])).sheets[0]!.grid!;
    expect(grid.values).toHaveLength(30_000);
    expect(grid.values[29_999]![19]).toBe(`Комментарий 29999: ${"к".repeat(600)}`);
    expect(grid.values[19_999]![19]).toBe(((19_999 * 7 + 19 * 13) % 1000) / 10);
    const given = excel.stats.responseBytes.filter((bytes) => bytes <= WEB_REQUEST_LIMIT);
    const refused = excel.stats.responseBytes.length - given.length;
    // The one-request read, and the block that first met the wide rows: read again in halves.
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(refused).toBeLessThanOrEqual(4);
  }, 120_000);
});
