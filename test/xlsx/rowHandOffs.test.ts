/**
 * The order in which a large sheet's hand-offs are started (src/xlsx/append/rowHandOffs.ts): each
 * block left to the other thread is started before this thread makes the block in front of it, so
 * this thread's rows go on at once instead of waiting behind it (where, on the national workbook,
 * they lived long enough to fill the old generation). The pieces come out in the sheet's order.
 */
import type { CellValue, SheetLayout } from "../../src/engine";
import { EMPTY_STYLESHEET, OutputStyles } from "../../src/xlsx/append/outputStyles";
import { withHandOffsWritten, type RowsWriter } from "../../src/xlsx/append/rowHandOffs";
import {
  bodyRowsBytes,
  layoutStyles,
  toneIndex,
  worksheetPieces,
  type RowsHandOff,
} from "../../src/xlsx/append/worksheetXml";

const BLOCK = 5;

/** A layout of `count` rows whose rows record when the writer of this sheet reads them. */
function layoutOf(count: number, reads: number[]): SheetLayout {
  const rows: CellValue[][] = Array.from({ length: count }, (_, r) => [`Школа ${r}`, r]);
  return {
    name: "Проверка",
    marker: "school-radar:test-hand-offs",
    preamble: ["Заголовок"],
    header: ["ОО", "Число"],
    body: new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads.push(Number(key));
        return Reflect.get(target, key, receiver);
      },
    }),
    columns: [{ width: 30 }, { width: 8 }],
  };
}

/** A writer answering at once with the rows written as this thread writes them, noting each start. */
function recordingWriter(started: RowsHandOff[], events: string[]): RowsWriter {
  return {
    write: (layout, handOff) => {
      started.push(handOff);
      events.push(`start ${handOff.from}`);
      const rows = Array.from({ length: handOff.to - handOff.from }, (_, i) => [
        ...layout.body[handOff.from + i]!,
      ]);
      const tones = rows.map((_, i) => toneIndex(layout.rowTone?.[handOff.from + i]));
      return Promise.resolve(bodyRowsBytes(rows, tones, handOff.from, handOff.format));
    },
    stop: () => Promise.resolve(),
  };
}

/** A sheet's pieces (UTF-8 bytes, each a copy of its own) as its text. */
function sheetText(pieces: Iterable<unknown>): string {
  return Buffer.concat([...pieces].map((piece) => piece as Uint8Array)).toString("utf8");
}

describe("a large sheet's blocks handed to another thread", () => {
  it("each is started before the block in front of it is made, the sheet the same", async () => {
    const reads: number[] = [];
    const layout = layoutOf(4 * BLOCK + 2, reads);
    const styles = layoutStyles(layout, new OutputStyles(EMPTY_STYLESHEET));
    const oneThread = sheetText(worksheetPieces(layout, styles));

    reads.length = 0;
    const started: RowsHandOff[] = [];
    const events: string[] = [];
    const pieces: string[] = [];
    const writer = recordingWriter(started, events);
    for await (const piece of withHandOffsWritten(
      worksheetPieces(layout, styles, undefined, BLOCK),
      layout,
      writer
    )) {
      const text = Buffer.from(piece).toString("utf8");
      if (text.includes(`<row r="${3 + 1 + BLOCK}"`)) events.push("piece 1");
      pieces.push(text);
    }

    expect(pieces.join("")).toBe(oneThread);
    expect(started.map(({ from, to }) => [from, to])).toEqual([
      [BLOCK, 2 * BLOCK],
      [3 * BLOCK, 4 * BLOCK],
    ]);
    // The writer reads its block's rows as it starts it, this thread as it makes its own: the block
    // handed off is started before any row of the block in front of it (rows 0…4, then 10…14) is made.
    expect(reads.indexOf(BLOCK)).toBeLessThan(reads.indexOf(0));
    expect(reads.indexOf(3 * BLOCK)).toBeLessThan(reads.indexOf(2 * BLOCK));
    // …and not earlier: the second block is started after the first's XML has gone on.
    expect(events).toContain("piece 1");
    expect(events.indexOf(`start ${3 * BLOCK}`)).toBeGreaterThan(events.indexOf("piece 1"));
  });

  it("a layout with fewer rows than a block hands nothing off", async () => {
    const layout = layoutOf(BLOCK, []);
    const styles = layoutStyles(layout, new OutputStyles(EMPTY_STYLESHEET));
    const started: RowsHandOff[] = [];
    const pieces: Uint8Array[] = [];
    for await (const piece of withHandOffsWritten(
      worksheetPieces(layout, styles, undefined, BLOCK),
      layout,
      recordingWriter(started, [])
    ))
      pieces.push(piece);
    expect(started).toEqual([]);
    expect(sheetText(pieces)).toBe(sheetText(worksheetPieces(layout, styles)));
  });
});
