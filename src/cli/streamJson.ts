/**
 * Writes `JSON.stringify(report, null, 2)` in pieces, each array of the top-level object one element
 * at a time, so the whole text never exists at once. The national report is 26 million characters,
 * held twice (the string, then its UTF-8 bytes): about 90 MB of a run's peak memory for nothing.
 * The output is the same text, character for character (test/cli/streamJson.test.ts).
 */
export async function writeJsonInPieces(
  report: object,
  write: (text: string) => void | Promise<void>,
  pieceLength = 1 << 20
): Promise<void> {
  let buffer = "";
  // A pipe takes writes faster than it drains: without waiting, every piece would queue in memory.
  let drained: void | Promise<void> = undefined;
  const emit = async (text: string): Promise<void> => {
    buffer += text;
    if (buffer.length >= pieceLength) {
      await drained;
      drained = write(buffer);
      buffer = "";
    }
  };
  const entries = Object.entries(report).filter(([, value]) => stringifies(value));
  await emit("{");
  for (const [index, [key, value]] of entries.entries()) {
    await emit(`${index === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length > 0) {
      await emit("[");
      for (let item = 0; item < value.length; item++)
        await emit(`${item === 0 ? "" : ","}\n    ${indented(value[item], "    ")}`);
      await emit("\n  ]");
    } else {
      await emit(indented(value, "  "));
    }
  }
  await emit(entries.length === 0 ? "}" : "\n}");
  await drained;
  if (buffer !== "") await write(buffer);
}

/** What JSON.stringify writes for a value nested at `indent` (arrays write `null` for the rest). */
function indented(value: unknown, indent: string): string {
  // JSON text has no raw line breaks inside strings (they are escaped), so every "\n" is layout.
  return (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${indent}`);
}

/** Whether an object's property appears in JSON.stringify's output at all. */
function stringifies(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}
