/**
 * Our sheets' XML is encoded a row at a time into a buffer (src/xlsx/append/xmlBytes.ts) that the
 * file writer is lent again and again: each piece must be the UTF-8 of what was written, a row
 * larger than the buffer included, and the file must hold every piece as it was, though the buffer
 * is written over as soon as the next piece is asked for.
 */
import path from "path";
import { readFileSync } from "fs";
import JSZip from "jszip";
import { PIECE_BYTES, XmlBytes } from "../../src/xlsx/append/xmlBytes";
import { ZipSink } from "../../src/xlsx/append/zipPackage";
import { temporaryFolder } from "./workbookFiles";

const folder = temporaryFolder();
afterAll(folder.remove);

/** Rows of Cyrillic, markup and a character outside the BMP, some longer than the buffer. */
const rows = Array.from(
  { length: 400 },
  (_, index) =>
    `<row r="${index}"><c><is><t>${"Школа № 1 & 😀 ".repeat(index % 7 === 0 ? 3000 : 1 + index)}</t></is></c></row>`
);

describe("sheet XML encoded into a reused buffer", () => {
  it("gives the UTF-8 of the text written, copies of their own when not lent", () => {
    const out = new XmlBytes();
    const pieces: Uint8Array[] = [];
    for (const row of rows) {
      out.text(row);
      if (out.size >= PIECE_BYTES) pieces.push(out.take());
    }
    pieces.push(out.take());
    expect(Buffer.concat(pieces).equals(Buffer.from(rows.join(""), "utf8"))).toBe(true);
  });

  it("a lone surrogate half is written as U+FFFD, as TextEncoder writes it", () => {
    const out = new XmlBytes();
    out.text("a\uD800b\uDC00");
    expect(Buffer.from(out.take())).toEqual(
      Buffer.from(new TextEncoder().encode("a\uD800b\uDC00"))
    );
  });

  it("lent pieces, written over after each is taken, reach the file as they were", async () => {
    function* lentPieces(): Generator<Uint8Array> {
      const out = new XmlBytes(true);
      for (const row of rows) {
        out.text(row);
        if (out.size >= PIECE_BYTES) yield out.take();
      }
      yield out.take();
    }
    const file = path.join(folder.dir, "лист.zip");
    const sink = ZipSink.toFile(file);
    await sink.addPieces("sheet.xml", lentPieces());
    await sink.finish();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const written = await zip.file("sheet.xml")!.async("nodebuffer");
    expect(written.equals(Buffer.from(rows.join(""), "utf8"))).toBe(true);
  });
});
