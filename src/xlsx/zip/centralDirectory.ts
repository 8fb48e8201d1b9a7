import type { RandomAccessSource } from "./randomAccess";

/*
 * The central directory of a zip archive (PKWARE APPNOTE 6.3.10, sections 4.3.6–4.3.16 and 4.5.3),
 * read by our own ~100 lines instead of a library's. fflate, which writes our archives and reads in
 * the browser, can only unzip a whole archive (every entry inflated into memory: the national
 * workbook's 130 MB sheet at once) and has no random access to one entry; yauzl, which did this on
 * the command line, is Node-only. The format is fully specified and an .xlsx uses little of it: one
 * disk, no encryption, entries stored or deflated, ZIP64 for large sheets.
 */

/** One entry as its central directory record describes it. */
export interface ZipEntry {
  /** Its name as stored (a part name, `xl/worksheets/sheet1.xml`). */
  fileName: string;
  /** 0 stored, 8 deflated. */
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where its local header begins. */
  localHeaderOffset: number;
  /** Bit 3: its CRC and sizes follow the data (a data descriptor); the directory's are used. */
  flags: number;
  /** Its DOS date and time as a local date. */
  lastModified: Date;
}

/** The bytes are not a zip archive we can read (cut off, damaged, another kind of zip). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_RECORD = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_EXTRA = 0x0001;
const ENCRYPTED = 1;
const UTF8_NAMES = 1 << 11;

/** The archive's entries in directory order. */
export async function readCentralDirectory(source: RandomAccessSource): Promise<ZipEntry[]> {
  const end = await findEndRecord(source);
  const records = await source.read(end.offset, end.size);
  if (records.length !== end.size) throw new ZipFormatError("каталог архива обрезан");
  const view = viewOf(records);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < end.count; index++) {
    if (at + 46 > records.length || view.getUint32(at, true) !== CENTRAL_RECORD)
      throw new ZipFormatError("запись каталога архива испорчена");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > records.length) throw new ZipFormatError("запись каталога архива обрезана");
    entries.push(entryOfRecord(view, records, at, nameLength, extraLength));
    at = next;
  }
  return entries;
}

/** Where an entry's data begins: after its local header, whose name and extra field may differ. */
export async function entryDataOffset(
  source: RandomAccessSource,
  entry: ZipEntry
): Promise<number> {
  const header = await source.read(entry.localHeaderOffset, 30);
  const view = viewOf(header);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_HEADER)
    throw new ZipFormatError(`нет заголовка части ${entry.fileName}`);
  const start = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + entry.compressedSize > source.size)
    throw new ZipFormatError(`часть ${entry.fileName} обрезана`);
  return start;
}

interface EndRecord {
  /** Offset and size of the central directory, and its number of entries. */
  offset: number;
  size: number;
  count: number;
}

/** The end of central directory record (searched back over a comment), and its ZIP64 form. */
async function findEndRecord(source: RandomAccessSource): Promise<EndRecord> {
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const view = viewOf(tail);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (view.getUint32(at, true) !== EOCD) continue;
    const disk = view.getUint16(at + 4, true);
    const count = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
      return zip64EndRecord(source, tailStart + at);
    if (disk !== 0) throw new ZipFormatError("архив из нескольких томов");
    return checked({ offset, size, count }, source.size);
  }
  throw new ZipFormatError("не найден конец каталога архива");
}

async function zip64EndRecord(source: RandomAccessSource, eocdAt: number): Promise<EndRecord> {
  if (eocdAt < 20) throw new ZipFormatError("нет указателя каталога ZIP64");
  const locator = viewOf(await source.read(eocdAt - 20, 20));
  if (locator.getUint32(0, true) !== ZIP64_LOCATOR)
    throw new ZipFormatError("нет указателя каталога ZIP64");
  const recordAt = uint64(locator, 8);
  const record = viewOf(await source.read(recordAt, 56));
  if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_EOCD)
    throw new ZipFormatError("конец каталога ZIP64 испорчен");
  const end = { count: uint64(record, 32), size: uint64(record, 40), offset: uint64(record, 48) };
  return checked(end, source.size);
}

function checked(end: EndRecord, archiveSize: number): EndRecord {
  // Every record is at least 46 bytes: a count the directory cannot hold is a damaged record.
  if (end.offset + end.size > archiveSize || end.count * 46 > end.size)
    throw new ZipFormatError("каталог архива за его концом");
  return end;
}

function entryOfRecord(
  view: DataView,
  records: Uint8Array,
  at: number,
  nameLength: number,
  extraLength: number
): ZipEntry {
  const flags = view.getUint16(at + 8, true);
  const compressionMethod = view.getUint16(at + 10, true);
  const name = records.subarray(at + 46, at + 46 + nameLength);
  const fileName = entryName(name, (flags & UTF8_NAMES) !== 0);
  if ((flags & ENCRYPTED) !== 0) throw new ZipFormatError(`часть ${fileName} зашифрована`);
  if (compressionMethod !== 0 && compressionMethod !== 8)
    throw new ZipFormatError(`часть ${fileName} сжата способом ${compressionMethod}`);
  const sizes = {
    uncompressedSize: view.getUint32(at + 24, true),
    compressedSize: view.getUint32(at + 20, true),
    localHeaderOffset: view.getUint32(at + 42, true),
  };
  const extra = records.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
  return {
    fileName,
    compressionMethod,
    crc32: view.getUint32(at + 16, true),
    ...zip64Sizes(sizes, extra),
    flags,
    lastModified: dosDate(view.getUint16(at + 14, true), view.getUint16(at + 12, true)),
  };
}

type Sizes = Pick<ZipEntry, "uncompressedSize" | "compressedSize" | "localHeaderOffset">;

/**
 * Sizes and offset from the ZIP64 extra field (APPNOTE 4.5.3): it holds, in this order, only those
 * of the three whose 32-bit field in the record is 0xFFFFFFFF.
 */
function zip64Sizes(sizes: Sizes, extra: Uint8Array): Sizes {
  const view = viewOf(extra);
  for (let at = 0; at + 4 <= extra.length;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      const result = { ...sizes };
      let field = at + 4;
      for (const key of ["uncompressedSize", "compressedSize", "localHeaderOffset"] as const) {
        if (sizes[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + length) throw new ZipFormatError("поле ZIP64 обрезано");
        result[key] = uint64(view, field);
        field += 8;
      }
      return result;
    }
    at += 4 + length;
  }
  return sizes;
}

/**
 * A name: UTF-8 when bit 11 says so (Excel, LibreOffice and our writer set it for non-ASCII), else
 * code page 437, which for the ASCII names of an .xlsx is the same thing.
 */
function entryName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8 || bytes.every((byte) => byte < 0x80)) return new TextDecoder("utf-8").decode(bytes);
  return Array.from(bytes, (byte) =>
    byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]
  ).join("");
}

const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

/** A DOS date and time (2-second resolution, local time) as a Date. */
function dosDate(date: number, time: number): Date {
  return new Date(
    1980 + (date >> 9),
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2
  );
}

/** A little-endian 64-bit count; beyond 2^53 it cannot be an offset into a real file. */
function uint64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
  if (!Number.isSafeInteger(value)) throw new ZipFormatError("размер ZIP64 вне допустимого");
  return value;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
