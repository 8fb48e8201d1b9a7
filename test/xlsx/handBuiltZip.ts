import zlib from "zlib";

/*
 * Zip archives built byte by byte (PKWARE APPNOTE 6.3.10), for what fflate cannot write: ZIP64
 * records and extra fields on a small archive, and every combination of data descriptor, stored and
 * deflated entries, to test our directory reader on them.
 */

export interface HandEntry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** CRC and sizes zero in the local header, given in a data descriptor after the data (bit 3). */
  dataDescriptor?: boolean;
}

export interface HandZipOptions {
  /** Sizes and offsets as 0xFFFFFFFF with a ZIP64 extra field, and a ZIP64 end record and locator. */
  zip64?: boolean;
  /** An archive comment after the end record. */
  comment?: string;
}

export function handBuiltZip(entries: HandEntry[], options: HandZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const stored = entry.deflate ? zlib.deflateRawSync(entry.data) : Buffer.from(entry.data);
    const crc = zlib.crc32(entry.data);
    const name = Buffer.from(entry.name, "utf8");
    const flags = (1 << 11) | (entry.dataDescriptor ? 1 << 3 : 0);
    const method = entry.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(options.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x6000, 10); // 12:00
    local.writeUInt16LE(((2024 - 1980) << 9) | (5 << 5) | 17, 12); // 17 May 2024
    if (!entry.dataDescriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(stored.length, 18);
      local.writeUInt32LE(entry.data.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    // A local extra field the directory does not have: the data starts after it all the same.
    const localExtra = Buffer.from([0xfe, 0xca, 4, 0, 1, 2, 3, 4]);
    local.writeUInt16LE(localExtra.length, 28);
    const descriptor = entry.dataDescriptor
      ? dataDescriptor(crc, stored.length, entry.data.length)
      : Buffer.alloc(0);
    parts.push(local, name, localExtra, stored, descriptor);
    central.push(centralRecord(entry, { name, flags, method, crc, stored, offset }, options));
    offset += local.length + name.length + localExtra.length + stored.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const tail: Buffer[] = [directory];
  if (options.zip64)
    tail.push(...zip64End(entries.length, directory.length, offset, offset + directory.length));
  tail.push(endRecord(entries.length, directory.length, offset, options));
  return Buffer.concat([...parts, ...tail]);
}

function dataDescriptor(crc: number, compressed: number, size: number): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(crc, 4);
  descriptor.writeUInt32LE(compressed, 8);
  descriptor.writeUInt32LE(size, 12);
  return descriptor;
}

function centralRecord(
  entry: HandEntry,
  made: {
    name: Buffer;
    flags: number;
    method: number;
    crc: number;
    stored: Buffer;
    offset: number;
  },
  options: HandZipOptions
): Buffer {
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  record.writeUInt16LE(0x031e, 4);
  record.writeUInt16LE(options.zip64 ? 45 : 20, 6);
  record.writeUInt16LE(made.flags, 8);
  record.writeUInt16LE(made.method, 10);
  record.writeUInt16LE(0x6000, 12);
  record.writeUInt16LE(((2024 - 1980) << 9) | (5 << 5) | 17, 14);
  record.writeUInt32LE(made.crc, 16);
  let extra = Buffer.alloc(0);
  if (options.zip64) {
    record.writeUInt32LE(0xffffffff, 20);
    record.writeUInt32LE(0xffffffff, 24);
    record.writeUInt32LE(0xffffffff, 42);
    // Another extra field first: the reader must walk the fields to find ZIP64's (id 1).
    const other = Buffer.from([0x55, 0x54, 5, 0, 1, 0, 0, 0, 0]);
    const zip64 = Buffer.alloc(28);
    zip64.writeUInt16LE(1, 0);
    zip64.writeUInt16LE(24, 2);
    zip64.writeBigUInt64LE(BigInt(entry.data.length), 4);
    zip64.writeBigUInt64LE(BigInt(made.stored.length), 12);
    zip64.writeBigUInt64LE(BigInt(made.offset), 20);
    extra = Buffer.concat([other, zip64]);
  } else {
    record.writeUInt32LE(made.stored.length, 20);
    record.writeUInt32LE(entry.data.length, 24);
    record.writeUInt32LE(made.offset, 42);
  }
  record.writeUInt16LE(made.name.length, 28);
  record.writeUInt16LE(extra.length, 30);
  return Buffer.concat([record, made.name, extra]);
}

function zip64End(count: number, size: number, offset: number, recordAt: number): Buffer[] {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(recordAt), 8);
  locator.writeUInt32LE(1, 16);
  return [record, locator];
}

function endRecord(count: number, size: number, offset: number, options: HandZipOptions): Buffer {
  const comment = Buffer.from(options.comment ?? "", "utf8");
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  const many = options.zip64 ? 0xffff : count;
  record.writeUInt16LE(many, 8);
  record.writeUInt16LE(many, 10);
  record.writeUInt32LE(options.zip64 ? 0xffffffff : size, 12);
  record.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  record.writeUInt16LE(comment.length, 20);
  return Buffer.concat([record, comment]);
}
