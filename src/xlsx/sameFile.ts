import { promises as fs } from "fs";
import path from "path";

/**
 * True when two paths name the same file: the same resolved path, or (when both exist) the same
 * device and inode, which also catches symbolic and hard links and case-insensitive file systems.
 */
export async function isSameFile(first: string, second: string): Promise<boolean> {
  if (path.resolve(first) === path.resolve(second)) return true;
  const [firstStat, secondStat] = await Promise.all([statOrNull(first), statOrNull(second)]);
  if (firstStat === null || secondStat === null) return false;
  return firstStat.dev === secondStat.dev && firstStat.ino === secondStat.ino;
}

async function statOrNull(filePath: string): Promise<{ dev: number; ino: number } | null> {
  try {
    return await fs.stat(filePath);
  } catch {
    // A file that does not exist yet cannot be the input.
    return null;
  }
}
