/**
 * A large output sheet is written on two threads (src/xlsx/append/rowsOnWorker.ts): every other
 * block of body rows is written by a worker. The sheet must be the same bytes as written on one
 * thread — rows of every kind of value, tones, data blocks beside the table — and a worker that
 * fails leaves its blocks to the main thread. The worker is the compiled one (build/, rebuilt here
 * when stale); blocks are made a few rows long so that small layouts are cut into many.
 */
import path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { readFileSync } from "fs";
import type { CellValue, SheetLayout } from "../../src/engine";
import { writeWorkbookWithOutputs } from "../../src/xlsx";
import { EMPTY_STYLESHEET, OutputStyles } from "../../src/xlsx/append/outputStyles";
import { RowsWorker, rowsOnWorkerScript } from "../../src/xlsx/append/rowsOnWorker";
import { withHandOffsWritten } from "../../src/xlsx/append/rowHandOffs";
import { layoutStyles, worksheetPieces } from "../../src/xlsx/append/worksheetXml";
import { ensureCliBuilt } from "../cli/builtCli";
import { propertyParameters } from "../robustness/arbitraries";
import { layoutsOf, temporaryFolder } from "./workbookFiles";

const ROOT = path.join(__dirname, "..", "..");
const WORKER = path.join(ROOT, "build", "xlsx", "append", "rowsWorker.js");
const SAMPLE = path.join(ROOT, "samples", "school-radar-sample.xlsx");
const folder = temporaryFolder();
afterAll(folder.remove);
beforeAll(() => ensureCliBuilt(), 180_000);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.constantFrom("МБОУ «СОШ № 1»", "a & b < c", " пробелы  ", "строка\nвторая", "_x0041_", "↑"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(NaN)
);

/** A layout of `rows` rows × 5 columns with tones, and a data block beside its first rows. */
const layoutOf = (
  rows: CellValue[][],
  tones: ("alert" | "ok" | "unknown" | null)[]
): SheetLayout => ({
  name: "Проверка",
  marker: "school-radar:test-rows",
  preamble: ["Заголовок", "Вторая строка"],
  header: ["ОО", "A", "B", "C", "D"],
  body: rows,
  columns: [
    { width: 30, wrap: true },
    { width: 8, numberFormat: "0.0" },
    { width: 8 },
    { width: 8 },
    { width: 8 },
  ],
  rowTone: tones,
  blocks: [
    {
      row: 4,
      column: 6,
      values: [
        ["Год", "Доля"],
        ["2024", 1.5],
        ["2025", 2],
      ],
      columns: [{ width: 8 }, { width: 8, numberFormat: "0.0" }],
    },
  ],
});

/** The sheet's XML as bytes, written on one thread or with every other block of `block` rows on the worker. */
async function sheetBytes(
  layout: SheetLayout,
  worker?: RowsWorker,
  block = 3
): Promise<{ bytes: Buffer; handOffs: number }> {
  const styles = layoutStyles(layout, new OutputStyles(EMPTY_STYLESHEET));
  if (worker === undefined) {
    const pieces = [...worksheetPieces(layout, styles)] as Uint8Array[];
    return { bytes: Buffer.concat(pieces), handOffs: 0 };
  }
  const pieces = worksheetPieces(layout, styles, undefined, block);
  const parts: Buffer[] = [];
  let handOffs = 0;
  const counted = {
    write: (...request: Parameters<RowsWorker["write"]>) => {
      handOffs++;
      return worker.write(...request);
    },
    stop: () => worker.stop(),
  };
  for await (const piece of withHandOffsWritten(pieces, layout, counted))
    parts.push(Buffer.from(piece));
  return { bytes: Buffer.concat(parts), handOffs };
}

describe("an output sheet written on two threads is the sheet written on one", () => {
  it("any rows, tones and a data block beside them, byte for byte", async () => {
    const worker = new RowsWorker(WORKER);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 0, maxLength: 60 }),
          fc.array(fc.constantFrom("alert" as const, "ok" as const, "unknown" as const, null), {
            minLength: 60,
            maxLength: 60,
          }),
          fc.integer({ min: 1, max: 9 }),
          async (rows, tones, block) => {
            const layout = layoutOf(rows, tones.slice(0, rows.length));
            const one = await sheetBytes(layout);
            const two = await sheetBytes(layout, worker, block);
            expect(two.bytes.equals(one.bytes)).toBe(true);
            if (rows.length > 2 * block + 4) expect(two.handOffs).toBeGreaterThan(0);
          }
        ),
        propertyParameters(200)
      );
    } finally {
      await worker.stop();
    }
  }, 120_000);

  it("a worker that cannot start leaves every block to the main thread, the same bytes", async () => {
    const worker = new RowsWorker(path.join(folder.dir, "нет.js"));
    const rows = Array.from({ length: 40 }, (_, r) => [`Школа ${r}`, r, r / 3, "→", null]);
    const layout = layoutOf(
      rows,
      rows.map(() => null)
    );
    const two = await sheetBytes(layout, worker);
    expect(two.bytes.equals((await sheetBytes(layout)).bytes)).toBe(true);
    await worker.stop();
  });

  it("the sample's result workbook: every part the same on two threads as on one", async () => {
    const layouts = await layoutsOf(SAMPLE);
    const one = path.join(folder.dir, "одна.xlsx");
    const two = path.join(folder.dir, "две.xlsx");
    await writeWorkbookWithOutputs(SAMPLE, layouts, one, null);
    await writeWorkbookWithOutputs(SAMPLE, layouts, two, rowsOnWorkerScript(WORKER, 0, 4));
    const [a, b] = await Promise.all(
      [one, two].map(async (file) => JSZip.loadAsync(readFileSync(file)))
    );
    expect(Object.keys(b!.files)).toEqual(Object.keys(a!.files));
    for (const name of Object.keys(a!.files))
      expect([name, await b!.file(name)!.async("string")]).toEqual([
        name,
        await a!.file(name)!.async("string"),
      ]);
  }, 60_000);
});
