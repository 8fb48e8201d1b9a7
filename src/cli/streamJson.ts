/**
 * Writes `JSON.stringify(report, null, 2)` in pieces, each array of the top-level object one element
 * at a time, so the whole text never exists at once. The national report is 26 million characters,
 * held twice (the string, then its UTF-8 bytes): about 90 MB of a run's peak memory for nothing.
 * The output is the same text, character for character (test/cli/streamJson.test.ts).
 */
export function writeJsonInPieces(
  report: object,
  write: (text: string) => void,
  pieceLength = 1 << 20
): void {
  let buffer = "";
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length >= pieceLength) {
      write(buffer);
      buffer = "";
    }
  };
  const entries = Object.entries(report).filter(([, value]) => stringifies(value));
  emit("{");
  entries.forEach(([key, value], index) => {
    emit(`${index === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length > 0) {
      emit("[");
      value.forEach((item, itemIndex) =>
        emit(`${itemIndex === 0 ? "" : ","}\n    ${indented(item, "    ")}`)
      );
      emit("\n  ]");
    } else {
      emit(indented(value, "  "));
    }
  });
  emit(entries.length === 0 ? "}" : "\n}");
  if (buffer !== "") write(buffer);
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
