import { rmSync } from "fs";
import path from "path";

/**
 * Files to remove if the process is stopped (Ctrl-C, `kill`) before it finishes them: the result
 * workbook is written under a hidden `.partial` name and renamed when complete, and a stop in between
 * would otherwise leave tens of megabytes of an unreadable file beside the user's.
 */
const pending = new Set<string>();
const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
let listening = false;

function removePendingAndExit(signal: NodeJS.Signals): void {
  for (const file of pending) rmSync(file, { force: true });
  process.exit(EXIT_CODES[signal] ?? 1);
}

/** Registers `file` until the returned function is called (when the file is complete or removed). */
export function removeOnInterrupt(file: string): () => void {
  pending.add(file);
  if (!listening) {
    listening = true;
    for (const signal of Object.keys(EXIT_CODES) as NodeJS.Signals[])
      process.on(signal, removePendingAndExit);
  }
  return () => {
    pending.delete(file);
  };
}

/**
 * The hidden name a file is written under until it is complete: in the same folder, so that the
 * rename to the real name stays on one disk and replaces the file in one step.
 */
export function partialPath(outputPath: string): string {
  return path.join(
    path.dirname(path.resolve(outputPath)),
    `.${path.basename(outputPath)}.${process.pid}.partial`
  );
}
