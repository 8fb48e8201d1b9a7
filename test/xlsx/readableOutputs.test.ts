/**
 * Issue 16 in the written workbook: what a specialist needs to read, filter, print and follow the
 * outputs, read back from the parts of `--out` and of the standalone page's download (the same writer
 * in memory) — row heights on wrapped rows, a print setup on every output sheet, the print names,
 * charts placed absolutely beside the table with their data out of the filter's reach, the sheet the
 * workbook opens on, and links to the evidence.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  bodyRowHeight,
  columnLetters,
  printSetup,
  tableHeaderRow,
  wrappedColumns,
  type SheetLayout,
} from "../../src/engine";
import { writeWorkbookWithOutputs } from "../../src/xlsx";
import { appendOutputs } from "../../src/xlsx/append/appendOutputs";
import { MemoryPackage } from "../../src/xlsx/append/memoryPackage";
import { printNames } from "../../src/xlsx/append/worksheetXml";
import { quoteSheetName } from "../../src/engine";
import { addWorkbookOutputs, openWorkbookBytes, workbookBytes } from "../../src/xlsx/browser";
import { layoutsOf, temporaryFolder } from "./workbookFiles";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
type Parts = Record<string, Uint8Array>;

const folder = temporaryFolder();
afterAll(folder.remove);

/** The workbook's tabs with their parts, and its defined names. */
function workbookOf(parts: Parts) {
  const workbook = strFromU8(parts["xl/workbook.xml"]!);
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => [
      /Id="([^"]+)"/.exec(tag)![1]!,
      /Target="([^"]+)"/.exec(tag)![1]!,
    ])
  );
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => ({
    name: unescape(/name="([^"]*)"/.exec(tag)![1]!),
    part: `xl/${targets.get(/r:id="([^"]+)"/.exec(tag)![1]!)!}`,
  }));
  const names = [
    ...workbook.matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?[^>]*>([^<]*)</g),
  ].map(([, name, local, formula]) => ({
    name: name!,
    localSheetId: local === undefined ? null : Number(local),
    formula: unescape(formula!),
  }));
  const activeTab = Number(/<workbookView\b[^>]*activeTab="(\d+)"/.exec(workbook)?.[1] ?? 0);
  return { sheets, names, activeTab };
}

function unescape(text: string): string {
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** `'ШНОР'!$K$7:$S$16` → zero-based rows and columns. */
function rangeOf(reference: string) {
  const match = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(reference)!;
  const column = (letters: string) =>
    [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return {
    firstRow: Number(match[2]) - 1,
    lastRow: Number(match[4] ?? match[2]) - 1,
    firstColumn: column(match[1]!),
    lastColumn: column(match[3] ?? match[1]!),
  };
}

/** The sheet's drawing part (through its relationships), or null. */
function drawingOf(parts: Parts, sheetPart: string): string | null {
  const relsPath = sheetPart.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = parts[relsPath];
  if (rels === undefined) return null;
  const target = /Target="\.\.\/drawings\/([^"]+)"/.exec(strFromU8(rels))?.[1];
  return target === undefined ? null : `xl/drawings/${target}`;
}

function chartPartsOf(parts: Parts, drawingPart: string): string[] {
  const rels = strFromU8(parts[drawingPart.replace(/([^/]+)$/, "_rels/$1.rels")]!);
  return [...rels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map(
    ([, name]) => `xl/charts/${name}`
  );
}

describe.each([
  [
    "--out",
    async (layouts: SheetLayout[]) => {
      const out = path.join(folder.dir, "результат.xlsx");
      await writeWorkbookWithOutputs(SAMPLE, layouts, out, null);
      return unzipSync(readFileSync(out));
    },
  ],
  [
    "the standalone page's download",
    async (layouts: SheetLayout[]) => {
      const bytes = new Uint8Array(readFileSync(SAMPLE));
      const opened = await openWorkbookBytes(bytes.buffer, "school-radar-sample.xlsx");
      await addWorkbookOutputs(opened, layouts);
      return unzipSync(await workbookBytes(opened));
    },
  ],
])("the workbook of %s", (_, write) => {
  let layouts: SheetLayout[];
  let parts: Parts;
  let book: ReturnType<typeof workbookOf>;
  const sheetOf = (layout: SheetLayout) => {
    const index = book.sheets.findIndex((sheet) => sheet.name === layout.name);
    expect(index).toBeGreaterThanOrEqual(0);
    return { index, xml: strFromU8(parts[book.sheets[index]!.part]!) };
  };

  beforeAll(async () => {
    layouts = await layoutsOf(SAMPLE);
    parts = await write(layouts);
    book = workbookOf(parts);
  }, 60_000);

  it("opens on the ШНОР list, the only selected tab", () => {
    const shnor = layouts.find((layout) => layout.opensHere)!;
    expect(shnor.name).toBe("ШНОР");
    expect(layouts.filter((layout) => layout.opensHere)).toHaveLength(1);
    expect(book.activeTab).toBe(sheetOf(shnor).index);
    const selected = book.sheets.filter((sheet) =>
      /<sheetView\b[^>]*tabSelected="1"/.test(strFromU8(parts[sheet.part]!))
    );
    expect(selected.map((sheet) => sheet.name)).toEqual(["ШНОР"]);
  });

  it("lists ШНОР first, then «недостаточно данных», then the rest", () => {
    const shnor = layouts.find((layout) => layout.name === "ШНОР")!;
    const statuses = shnor.body.map((row) => row[3]);
    const groups = statuses.map((status) =>
      status === "ШНОР" ? 0 : status === "недостаточно данных" ? 1 : 2
    );
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(new Set(groups)).toEqual(new Set([0, 1, 2]));
    // Where the reference year had nothing to judge, the count says so instead of 0.
    const unjudged = shnor.body.filter((row) => row[5] === "—");
    expect(unjudged.length).toBeGreaterThan(0);
    expect(new Set(unjudged.map((row) => row[3]))).toEqual(new Set(["недостаточно данных"]));
  });

  it("gives every wrapped row the engine's height, and the preamble's long lines their lines", () => {
    for (const layout of layouts) {
      const { xml } = sheetOf(layout);
      const heights = new Map(
        [...xml.matchAll(/<row r="(\d+)"([^>]*)>/g)].map(([, row, attributes]) => [
          Number(row) - 1,
          /ht="([\d.]+)" customHeight="1"/.exec(attributes!)?.[1],
        ])
      );
      const wrapped = wrappedColumns(layout);
      const first = tableHeaderRow(layout) + 1;
      layout.body.forEach((values, index) => {
        const height = bodyRowHeight(values, wrapped);
        expect([layout.name, index, heights.get(first + index)]).toEqual([
          layout.name,
          index,
          height === null ? undefined : String(height),
        ]);
      });
    }
    const shnor = sheetOf(layouts.find((layout) => layout.name === "ШНОР")!).xml;
    // The method's description (row 3) wraps across the table's columns, merged.
    expect(shnor).toMatch(/<row r="3" ht="(?:[4-9]\d|\d{3})" customHeight="1">/);
    expect(shnor).toContain('<mergeCell ref="A3:I3"/>');
    // A reason of several lines: a row of 45 pt or more.
    expect(shnor).toMatch(/<row r="\d+" ht="(?:4[5-9]|[5-9]\d|\d{3})" customHeight="1">/);
  });

  it("sets up every output sheet to print: A4, one page wide, the header on every page, a footer", () => {
    for (const layout of layouts) {
      const { index, xml } = sheetOf(layout);
      const setup = printSetup(layout);
      expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(xml).toContain(
        `<pageSetup paperSize="9" orientation="${setup.orientation}" fitToWidth="1" fitToHeight="0"/>`
      );
      expect(xml).toContain("<oddFooter>&amp;C&amp;A — стр. &amp;P из &amp;N</oddFooter>");
      const local = book.names.filter((name) => name.localSheetId === index);
      const expected = printNames(setup, quoteSheetName(layout.name));
      expect(local).toEqual(
        expect.arrayContaining([
          { name: "_xlnm.Print_Area", localSheetId: index, formula: expected.printArea },
          { name: "_xlnm.Print_Titles", localSheetId: index, formula: expected.printTitles },
        ])
      );
    }
    const shnor = layouts.find((layout) => layout.name === "ШНОР")!;
    expect(printSetup(shnor).orientation).toBe("landscape");
    expect(printNames(printSetup(shnor), "'ШНОР'").printTitles).toBe("'ШНОР'!$6:$6");
  });

  it("anchors charts absolutely beside the table, their data out of the filter's reach, hidden cells plotted", () => {
    const withCharts = layouts.filter((layout) => (layout.charts ?? []).length > 0);
    expect(withCharts.map((layout) => layout.name)).toEqual(
      expect.arrayContaining(["ШНОР", "Сводка показателей", "Результаты и контекст"])
    );
    for (const layout of withCharts) {
      const { index } = sheetOf(layout);
      const drawing = strFromU8(parts[drawingOf(parts, book.sheets[index]!.part)!]!);
      const anchors = [...drawing.matchAll(/<xdr:twoCellAnchor editAs="([^"]+)">/g)];
      expect(anchors.map(([, editAs]) => editAs)).toEqual(layout.charts!.map(() => "absolute"));
      const headerRow = tableHeaderRow(layout);
      const filterLast = headerRow + Math.max(layout.body.length, 1);
      const fromColumns = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col>/g)];
      fromColumns.forEach(([, column]) =>
        expect(Number(column)).toBeGreaterThan(layout.header.length - 1)
      );
      for (const chartPart of chartPartsOf(parts, drawingOf(parts, book.sheets[index]!.part)!)) {
        const chart = strFromU8(parts[chartPart]!);
        expect(chart).toContain('<c:plotVisOnly val="0"/>');
        for (const [, reference] of chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)) {
          const range = rangeOf(unescape(reference!));
          // Outside the table's columns, only below the rows its filter covers.
          if (range.firstColumn >= layout.header.length)
            expect([layout.name, range.firstRow > filterLast]).toEqual([layout.name, true]);
        }
      }
      for (const block of layout.blocks ?? []) expect(block.row).toBeGreaterThan(filterLast + 1);
    }
  });

  it("links each school's «Ячейка» to its evidence, and each warning to its cell", () => {
    const shnor = layouts.find((layout) => layout.name === "ШНОР")!;
    const { xml } = sheetOf(shnor);
    const links = [...xml.matchAll(/<hyperlink ref="([A-Z]+)(\d+)" location="([^"]+)"\/>/g)];
    expect(links).toHaveLength(shnor.body.length);
    const first = tableHeaderRow(shnor) + 1;
    links.forEach(([, column, row, location], index) => {
      expect(column).toBe(columnLetters(shnor.links!.column));
      expect(Number(row) - 1).toBe(first + index);
      expect(unescape(location!)).toBe(shnor.links!.targets[index]);
      expect(unescape(location!)).toMatch(/^'Результаты ОО'![A-Z]+\d+$/);
    });
    // No relationship is needed for a place inside the workbook.
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    const warnings = layouts.find((layout) => layout.name === "Предупреждения")!;
    const warningLinks = [
      ...sheetOf(warnings).xml.matchAll(/<hyperlink ref="A\d+" location="([^"]+)"/g),
    ];
    expect(warningLinks.length).toBeGreaterThan(0);
    const sheetNames = new Set(book.sheets.map((sheet) => sheet.name));
    for (const [, location] of warningLinks) {
      const sheet = /^'((?:[^']|'')+)'!/.exec(unescape(location!))![1]!.replace(/''/g, "'");
      expect(sheetNames.has(sheet)).toBe(true);
    }
  });
});

describe("a workbook saved with another sheet selected", () => {
  /** The sample as Excel saves it: its first sheet the active, selected one. */
  function selectedInput(): Uint8Array {
    const parts = unzipSync(readFileSync(SAMPLE));
    const sheet = "xl/worksheets/sheet1.xml";
    parts[sheet] = strToU8(
      strFromU8(parts[sheet]!).replace("<sheetView ", '<sheetView tabSelected="1" ')
    );
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]!).replace(
        "<sheets>",
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
      )
    );
    return zipSync(parts);
  }

  it("unselects it, changing nothing else of its part, in the file and in memory alike", async () => {
    const input = selectedInput();
    expect(strFromU8(unzipSync(input)["xl/worksheets/sheet1.xml"]!)).toContain('tabSelected="1"');
    const layouts = await layoutsOf(SAMPLE);
    const memory = new MemoryPackage(input);
    await appendOutputs(memory, layouts);
    const inMemory = unzipSync(memory.bytes());
    const inputFile = path.join(folder.dir, "выбран первый лист.xlsx");
    writeFileSync(inputFile, input);
    const out = path.join(folder.dir, "выбран первый лист — результат.xlsx");
    await writeWorkbookWithOutputs(inputFile, layouts, out, null);
    const fromFile = unzipSync(readFileSync(out));
    for (const parts of [inMemory, fromFile]) {
      const original = strFromU8(unzipSync(input)["xl/worksheets/sheet1.xml"]!);
      expect(strFromU8(parts["xl/worksheets/sheet1.xml"]!)).toBe(
        original.replace(' tabSelected="1"', "")
      );
      const book = workbookOf(parts);
      expect(book.sheets[book.activeTab]!.name).toBe("ШНОР");
    }
    expect(Object.keys(inMemory)).toEqual(Object.keys(fromFile));
    for (const name of Object.keys(fromFile))
      expect([name, inMemory[name]]).toEqual([name, fromFile[name]]);
  });
});
