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
  // Synchronous unless a piece goes out: an `await` per list entry cost a microtask each (hundreds
  // of thousands of entries in the national report).
  const emit: Emit = (text) => {
    buffer += text;
    if (buffer.length < pieceLength) return undefined;
    const previous = drained;
    const piece = buffer;
    buffer = "";
    if (previous === undefined) {
      drained = write(piece);
      return undefined;
    }
    return previous.then(() => {
      drained = write(piece);
    });
  };
  const listBatch = Math.max(1, Math.min(MAX_BATCH, Math.floor(pieceLength / BATCH_ENTRY_CHARS)));
  await writeValue(report, "", OBJECT_LEVELS, emit, listBatch);
  await drained;
  if (buffer !== "") await write(buffer);
}

/** A list the report writes element by element: an array, or entries made as they are read. */
export type JsonList<T> = readonly T[] | Iterable<T>;

/**
 * `length` entries made as they are written, each from its place: a loop over places, where an
 * iterable's generator cost a step per entry (the national report has 130,000 of them). A list may
 * also write an entry's JSON text itself (`entryText`), when it can do so faster than JSON.stringify
 * with indentation; it must be that very text (test/cli/jsonReport.test.ts).
 */
export class LazyJsonList<T> implements Iterable<T> {
  constructor(
    readonly length: number,
    readonly entry: (index: number) => T,
    readonly entryText?: EntryText
  ) {}

  *[Symbol.iterator](): Iterator<T> {
    for (let index = 0; index < this.length; index++) yield this.entry(index);
  }
}

/**
 * Pushes onto `parts` the pieces of entry `index` as JSON.stringify(entry, null, 2) writes it nested
 * at `indent`. Pieces, not one string: a batch's pieces are joined at once into one flat string,
 * where strings added piece by piece make a rope of small strings that lives until its piece of
 * output is written, and costs the garbage collector and the encoding more than the adding saved.
 */
export type EntryText = (index: number, indent: string, parts: string[]) => void;

/** Objects this deep are written member by member (the report and its summary); deeper, whole. */
const OBJECT_LEVELS = 2;

/** Adds text to the piece being made; a promise when the piece went out and the pipe must drain. */
type Emit = (text: string) => Promise<void> | undefined;

/**
 * List entries are stringified this many at a time (one JSON.stringify call for the batch, not one
 * per entry): at most 256, and fewer when pieces are short, so that a batch (entries of the national
 * report run to a few hundred characters) stays a small part of a piece.
 */
const MAX_BATCH = 256;
const BATCH_ENTRY_CHARS = 4096;

async function writeValue(
  value: unknown,
  indent: string,
  objectLevels: number,
  emit: Emit,
  listBatch: number
): Promise<void> {
  if (isList(value)) return writeList(value, indent, emit, listBatch);
  if (objectLevels > 0 && isPlainObject(value))
    return writeObject(value, indent, objectLevels - 1, emit, listBatch);
  await emit(indented(value, indent));
}

async function writeList(
  list: Iterable<unknown>,
  indent: string,
  emit: Emit,
  listBatch: number
): Promise<void> {
  if (list instanceof LazyJsonList) return writeLazyList(list, indent, emit, listBatch);
  let first = true;
  let batch: unknown[] = [];
  for (const item of list) {
    batch.push(item);
    if (batch.length < listBatch) continue;
    await emit(`${first ? "[" : ","}${listEntries(batch, indent)}`);
    first = false;
    batch = [];
  }
  if (batch.length > 0) {
    await emit(`${first ? "[" : ","}${listEntries(batch, indent)}`);
    first = false;
  }
  await emit(first ? "[]" : `\n${indent}]`);
}

async function writeLazyList(
  list: LazyJsonList<unknown>,
  indent: string,
  emit: Emit,
  listBatch: number
): Promise<void> {
  const { length, entryText } = list;
  if (length === 0) return void (await emit("[]"));
  const entryIndent = `${indent}  `;
  const separator = `,\n${entryIndent}`;
  for (let start = 0; start < length; start += listBatch) {
    const end = Math.min(length, start + listBatch);
    let text: string;
    if (entryText === undefined) {
      const entries: unknown[] = [];
      for (let index = start; index < end; index++) entries.push(list.entry(index));
      text = listEntries(entries, indent);
    } else {
      const parts: string[] = [];
      for (let index = start; index < end; index++) {
        parts.push(index === start ? `\n${entryIndent}` : separator);
        entryText(index, entryIndent, parts);
      }
      text = parts.join("");
    }
    await emit(start === 0 ? `[${text}` : `,${text}`);
  }
  await emit(`\n${indent}]`);
}

async function writeObject(
  object: object,
  indent: string,
  objectLevels: number,
  emit: Emit,
  listBatch: number
): Promise<void> {
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    if (!stringifies(value)) continue;
    await emit(`${first ? "{" : ","}\n${indent}  ${JSON.stringify(key)}: `);
    await writeValue(value, `${indent}  `, objectLevels, emit, listBatch);
    first = false;
  }
  await emit(first ? "{}" : `\n${indent}}`);
}

/**
 * `\n<indent>  entry,\n<indent>  entry…`: the entries as JSON.stringify writes them inside a list at
 * `indent`, from one call. The batch is stringified nested in as many one-element lists as `indent`
 * has levels, so JSON.stringify indents the entries itself (no second pass to re-indent them), and
 * the enclosing lists' brackets and layout, whose lengths are known, are cut off.
 */
function listEntries(entries: unknown[], indent: string): string {
  const levels = indent.length / 2;
  let nested: unknown = entries;
  for (let level = 0; level < levels; level++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  let before = 1; // the batch's own "["
  let after = indent.length + 2; // its "\n<indent>]"
  for (let level = 0; level < levels; level++) {
    before += 2 + 2 * (level + 1); // "[\n" and the next level's indentation
    after += 2 + 2 * level; // "\n", this level's indentation, "]"
  }
  return text.slice(before, text.length - after);
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
