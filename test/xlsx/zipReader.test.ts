/**
 * Our zip directory reader (src/xlsx/zip) against fflate's `unzipSync` on real files — the producer
 * fixtures, the samples, files written by ExcelJS, LibreOffice and our own copying writer (data
 * descriptors) — and on hand-built archives fflate cannot write (ZIP64): the same entries, in the
 * same order, with the same names, sizes and bytes, through the command line's reader (a file or a
 * Buffer, Node's zlib) and the page's (bytes in memory, fflate's streaming inflate). Damaged input
 * gives the reader's Russian message, never a zip library's words.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { readWorkbookSheetsFocused, writeWorkbookWithOutputs } from "../../src/xlsx";
import { ZipArchive } from "../../src/xlsx/focused/zipArchive";
import { MemoryArchive } from "../../src/xlsx/zip/memoryArchive";
import { openZipReader } from "../../src/xlsx/zip/nodeStreams";
import { ZipFormatError } from "../../src/xlsx/zip/zipReader";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { handBuiltZip, type HandEntry } from "./handBuiltZip";
import { layoutsOf, temporaryFolder, writeResultsWorkbook } from "./workbookFiles";

const ROOT = path.join(__dirname, "..", "..");
const PRODUCERS = path.join(ROOT, "test", "fixtures", "producers");
const SAMPLE = path.join(ROOT, "samples", "school-radar-sample.xlsx");
const folder = temporaryFolder();
afterAll(folder.remove);

/** Every entry through each of our readers, as name → bytes, in the directory's order. */
async function entriesRead(file: string): Promise<Map<string, Uint8Array>[]> {
  const bytes = readFileSync(file);
  const zip = await openZipReader(file);
  const names = zip.entries.map((entry) => entry.fileName);
  await zip.close();
  const viaNode = async (archive: ZipArchive) => {
    const read = new Map<string, Uint8Array>();
    for (const name of names) {
      const chunks: Buffer[] = [];
      await archive.streamBytes(
        name,
        (chunk) => chunks.push(chunk),
        () => undefined,
        1 << 12
      );
      read.set(name, Buffer.concat(chunks));
    }
    archive.close();
    return read;
  };
  const memory = await MemoryArchive.open(new Uint8Array(bytes));
  const viaMemory = new Map<string, Uint8Array>();
  for (const name of names) {
    const chunks: Uint8Array[] = [];
    await memory.streamBytes(name, (chunk) => chunks.push(chunk.slice()));
    viaMemory.set(name, Buffer.concat(chunks));
  }
  return [
    await viaNode(await ZipArchive.open(file)),
    await viaNode(await ZipArchive.open(bytes)),
    viaMemory,
  ];
}

async function expectSameAsFflate(file: string): Promise<void> {
  const expected = unzipSync(readFileSync(file));
  const zip = await openZipReader(file);
  expect(zip.entries.map((entry) => [entry.fileName, entry.uncompressedSize])).toEqual(
    Object.entries(expected).map(([name, bytes]) => [name, bytes.length])
  );
  await zip.close();
  for (const read of await entriesRead(file)) {
    expect([...read.keys()]).toEqual(Object.keys(expected));
    for (const [name, bytes] of Object.entries(expected))
      expect([name, Buffer.from(read.get(name)!).equals(Buffer.from(bytes))]).toEqual([name, true]);
  }
}

describe("the zip directory reader on real workbooks, entry for entry as fflate reads them", () => {
  it.each(["openpyxl.xlsx", "sheetjs.xlsx", "sheetjs-shared.xlsx"])("%s", async (name) => {
    await expectSameAsFflate(path.join(PRODUCERS, name));
  });

  it("the samples", async () => {
    await expectSameAsFflate(SAMPLE);
    await expectSameAsFflate(path.join(ROOT, "samples", "school-radar-functions.xlsx"));
  });

  it("a workbook written by ExcelJS, and LibreOffice's re-save of it", async () => {
    const excelJs = path.join(folder.dir, "exceljs.xlsx");
    await writeResultsWorkbook(excelJs);
    await expectSameAsFflate(excelJs);
    const work = path.join(folder.dir, "lo");
    await expectSameAsFflate(convertWithLibreOffice(excelJs, "xlsx", path.join(work, "out"), work));
  }, 120_000);

  it("our own --out, whose new parts have data descriptors (fflate's streaming Zip)", async () => {
    const out = path.join(folder.dir, "результат.xlsx");
    await writeWorkbookWithOutputs(SAMPLE, await layoutsOf(SAMPLE), out, null);
    const zip = await openZipReader(out);
    expect(zip.entries.some((entry) => (entry.flags & 8) !== 0)).toBe(true);
    await zip.close();
    await expectSameAsFflate(out);
  }, 60_000);
});

const text = (value: string) => new TextEncoder().encode(value);
const HAND_ENTRIES: HandEntry[] = [
  { name: "[Content_Types].xml", data: text("<Types/>".repeat(50)), deflate: true },
  {
    name: "xl/worksheets/sheet1.xml",
    data: text('<row r="1"/>'.repeat(3000)),
    deflate: true,
    dataDescriptor: true,
  },
  { name: "docProps/Отчёт.txt", data: text("Школьный радар") },
  { name: "xl/empty.xml", data: new Uint8Array(0), deflate: true },
  { name: "xl/stored-after.xml", data: text("stored, data descriptor"), dataDescriptor: true },
];

describe("the zip directory reader on hand-built archives", () => {
  const expectEntries = async (bytes: Buffer) => {
    const file = path.join(folder.dir, `hand-${Math.random().toString(36).slice(2)}.zip`);
    writeFileSync(file, bytes);
    for (const read of await entriesRead(file)) {
      expect([...read.keys()]).toEqual(HAND_ENTRIES.map((entry) => entry.name));
      for (const entry of HAND_ENTRIES)
        expect([entry.name, Buffer.from(read.get(entry.name)!).toString("utf8")]).toEqual([
          entry.name,
          Buffer.from(entry.data).toString("utf8"),
        ]);
    }
    const zip = await openZipReader(file);
    expect(zip.entries.map((entry) => entry.uncompressedSize)).toEqual(
      HAND_ENTRIES.map((entry) => entry.data.length)
    );
    expect(zip.entries[0]!.lastModified).toEqual(new Date(2024, 4, 17, 12, 0, 0));
    await zip.close();
  };

  it("plain records, with data descriptors on some entries and a comment after the end", async () => {
    await expectEntries(handBuiltZip(HAND_ENTRIES, { comment: "PK\u0005\u0006 не конец" }));
  });

  it("ZIP64: sizes and offsets in the extra field, the directory through the ZIP64 end record", async () => {
    const bytes = handBuiltZip(HAND_ENTRIES, { zip64: true });
    // The 32-bit fields say «see ZIP64» and the ZIP64 end record is there: the reader had to use both.
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(bytes.readUInt32LE(bytes.length - 22 + 16)).toBe(0xffffffff);
    await expectEntries(bytes);
  });
});

describe("damaged and foreign bytes", () => {
  const sample = readFileSync(SAMPLE);

  it.each([
    ["cut off before its directory", sample.subarray(0, Math.floor(sample.length / 2))],
    ["cut off inside its end record", sample.subarray(0, sample.length - 10)],
    [
      "with its directory overwritten",
      Buffer.concat([sample.subarray(0, sample.length - 400), Buffer.alloc(400, 0x41)]),
    ],
  ])("a zip %s is not opened (ZipFormatError)", async (_, bytes) => {
    await expect(ZipArchive.open(Buffer.from(bytes))).rejects.toBeInstanceOf(ZipFormatError);
    await expect(MemoryArchive.open(new Uint8Array(bytes))).rejects.toBeInstanceOf(ZipFormatError);
  });

  it("an entry whose deflated bytes are damaged fails when it is read, in both readers", async () => {
    const damaged = handBuiltZip([
      {
        name: "a.xml",
        data: text(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 10007).join()),
        deflate: true,
      },
    ]);
    // The middle of the deflated data, inside the entry (local header 30 + 5 + 8 extra bytes).
    for (let at = 60; at < 90; at++) damaged[at] = 0xff;
    const node = await ZipArchive.open(damaged);
    await expect(node.readText("a.xml")).rejects.toThrow();
    const memory = await MemoryArchive.open(new Uint8Array(damaged));
    await expect(memory.readText("a.xml")).rejects.toThrow();
  });

  it.each([
    [
      "cut off",
      () => sample.subarray(0, sample.length - 1000),
      "Файл (данные в памяти) повреждён: архив, из которого состоит книга Excel, оборван или испорчен",
    ],
    ["0 bytes", () => Buffer.alloc(0), "Файл (данные в памяти) пуст (0 байт)"],
    [
      "not a zip",
      () => Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00, 0x10, 0x20]),
      "Файл (данные в памяти) не является книгой Excel (.xlsx).",
    ],
  ])("the command line's reader says the file is %s, in Russian", async (_, bytesOf, message) => {
    const failure = await readWorkbookSheetsFocused(bytesOf(), null).catch((error) => error);
    expect(failure.problem).toBe("not_xlsx");
    expect(failure.message).toContain(message);
  });

  it("a workbook ExcelJS wrote reads the same through our reader from a Buffer as from its file", async () => {
    const file = path.join(folder.dir, "exceljs-bytes.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Лист1").getCell("A1").value = "Школа";
    await workbook.xlsx.writeFile(file);
    const values = async (source: string | Buffer) =>
      (await readWorkbookSheetsFocused(source, null)).map((sheet) => sheet.grid.values);
    expect(await values(readFileSync(file))).toEqual(await values(file));
    expect(await values(file)).toEqual([[["Школа"]]]);
  });
});
