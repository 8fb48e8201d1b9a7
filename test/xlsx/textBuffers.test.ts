/**
 * Generated XML goes to the deflater encoded into a few reused buffers, a slice of 65,536 characters
 * at a time (src/xlsx/append/textBuffers.ts, zipPackage.ts): a part must come out as its text's UTF-8
 * whatever falls on a slice's edge — a character outside the BMP (a surrogate pair) included — and a
 * buffer must not be overwritten while zlib still holds it (many slices, written faster than deflated).
 */
import path from "path";
import { readFileSync } from "fs";
import JSZip from "jszip";
import { ZipSink } from "../../src/xlsx/append/zipPackage";
import { TEXT_SLICE } from "../../src/xlsx/append/textBuffers";
import { temporaryFolder } from "./workbookFiles";

const folder = temporaryFolder();
afterAll(folder.remove);

async function written(pieces: string[]): Promise<Buffer> {
  const file = path.join(folder.dir, `часть-${Math.random()}.zip`);
  const sink = ZipSink.toFile(file);
  await sink.addPieces("part.xml", pieces);
  await sink.finish();
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file("part.xml")!.async("nodebuffer");
}

describe("a new part's text, encoded in reused buffers", () => {
  it("keeps a surrogate pair that straddles a slice's edge", async () => {
    const text = "я".repeat(TEXT_SLICE - 1) + "😀" + "конец";
    expect((await written([text])).equals(Buffer.from(text, "utf8"))).toBe(true);
  });

  it("is the UTF-8 of many pieces of different text, none overwritten before it is deflated", async () => {
    const pieces = Array.from(
      { length: 60 },
      (_, index) =>
        `<row r="${index}">${String.fromCharCode(0x410 + (index % 32)).repeat(TEXT_SLICE + index)}</row>`
    );
    expect((await written(pieces)).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });
});
