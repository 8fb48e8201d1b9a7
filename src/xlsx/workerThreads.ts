import { existsSync } from "fs";
import os from "os";
import path from "path";

/**
 * The compiled worker script `name` in `folder`, when the command line may use a second thread:
 * null on a one-core machine, when SCHOOL_RADAR_THREADS=1 (the benchmark compares the two), or when
 * there is no compiled script beside the caller (under ts-jest the callers are TypeScript sources,
 * and their tests name the compiled worker themselves). One rule for reading and for writing.
 */
export function workerScriptIfThreads(folder: string, name: string): string | null {
  if (process.env.SCHOOL_RADAR_THREADS === "1" || os.availableParallelism() < 2) return null;
  const script = path.join(folder, name);
  return existsSync(script) ? script : null;
}
