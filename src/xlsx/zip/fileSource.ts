import { promises as fs } from "fs";
import type { RandomAccessSource } from "./randomAccess";

/**
 * An archive on disk, read piece by piece through one file handle: the national workbook's 24 MB
 * are never all in memory (when they were read into a buffer first, they stayed there all run).
 */
export async function fileSource(path: string): Promise<RandomAccessSource> {
  const handle = await fs.open(path, "r");
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset, length) {
        const wanted = Math.max(0, Math.min(length, size - offset));
        const buffer = Buffer.allocUnsafe(wanted);
        let filled = 0;
        while (filled < wanted) {
          const { bytesRead } = await handle.read(buffer, filled, wanted - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
