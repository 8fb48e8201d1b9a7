/**
 * Writes `JSON.stringify(report, null, 2)` in pieces, so the whole text never exists at once. The
 * national report is 26 million characters, held twice (the string, then its UTF-8 bytes): about
 * 90 MB of a run's peak memory for nothing. Lists go out one element at a time, and a list may be any
 * iterable (a lazy `JsonList`), so its entries are made as they are written rather than all at once.
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
  await writeValue(report, "", OBJECT_LEVELS, emit);
  await drained;
  if (buffer !== "") await write(buffer);
}

/** A list the report writes element by element: an array, or entries made as they are read. */
export type JsonList<T> = readonly T[] | Iterable<T>;

/** Objects this deep are written member by member (the report and its summary); deeper, whole. */
const OBJECT_LEVELS = 2;

async function writeValue(
  value: unknown,
  indent: string,
  objectLevels: number,
  emit: (text: string) => Promise<void>
): Promise<void> {
  if (isList(value)) return writeList(value, indent, emit);
  if (objectLevels > 0 && isPlainObject(value))
    return writeObject(value, indent, objectLevels - 1, emit);
  await emit(indented(value, indent));
}

async function writeList(
  list: Iterable<unknown>,
  indent: string,
  emit: (text: string) => Promise<void>
): Promise<void> {
  let first = true;
  for (const item of list) {
    await emit(`${first ? "[" : ","}\n${indent}  ${indented(item, `${indent}  `)}`);
    first = false;
  }
  await emit(first ? "[]" : `\n${indent}]`);
}

async function writeObject(
  object: object,
  indent: string,
  objectLevels: number,
  emit: (text: string) => Promise<void>
): Promise<void> {
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    if (!stringifies(value)) continue;
    await emit(`${first ? "{" : ","}\n${indent}  ${JSON.stringify(key)}: `);
    await writeValue(value, `${indent}  `, objectLevels, emit);
    first = false;
  }
  await emit(first ? "{}" : `\n${indent}}`);
}

/** Arrays, and iterables that are not strings or objects JSON would serialise some other way. */
function isList(value: unknown): value is Iterable<unknown> {
  if (Array.isArray(value)) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function" &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}

/** An object JSON.stringify writes member by member (no `toJSON` of its own to consult). */
function isPlainObject(value: unknown): value is object {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/** What JSON.stringify writes for a value nested at `indent` (arrays write `null` for the rest). */
function indented(value: unknown, indent: string): string {
  // JSON text has no raw line breaks inside strings (they are escaped), so every "\n" is layout.
  const text = JSON.stringify(value, null, 2) ?? "null";
  return indent === "" || !text.includes("\n") ? text : text.replace(/\n/g, `\n${indent}`);
}

/** Whether an object's property appears in JSON.stringify's output at all. */
function stringifies(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}
