import {
  CUT,
  isPlainCellSink,
  NOT_PLAIN,
  PlainCell,
  readPlainCell,
  type PlainCellSink,
} from "./plainCell";
import { WorksheetScanner } from "./worksheetScanner";
import type { XmlByteStream, XmlHandler } from "./xmlHandler";

/**
 * A worksheet read from its UTF-8 bytes as they are inflated. Nearly every cell of a sheet is plain —
 * `<c r="D2" s="1"><v>38.5</v></c>` — and those are read here, from the bytes, straight into the
 * handler (plainCell.ts): decoding 130 MB of a national table's XML into text, only to step through
 * the text again, cost most of its reading. Everything else (rows, formulas, inline strings, merged
 * ranges, comments, CDATA) is decoded, by one streaming decoder so that a character cut between two
 * pieces comes out whole, and read by the worksheet scanner as text.
 *
 * A `<c ` is only a cell where markup may start: not inside a comment, a CDATA section, a
 * processing instruction or another tag. The scanner knows, having been given everything before it:
 * a plain cell is taken only when the scanner holds nothing unfinished (`pending`); else its bytes
 * go to the scanner with the rest. A plain cell cut by a piece's end is kept and read whole with the
 * next piece. A handler that takes no plain cells gets every event from the scanner.
 */
export class WorksheetBytes implements XmlByteStream {
  private readonly scanner: WorksheetScanner;
  /** The handler again when it takes plain cells in one call (SheetCells does), else null. */
  private readonly sink: PlainCellSink | null;
  private readonly cell = new PlainCell();
  /** Byte order marks are dropped here, once, at the document's start (see `start`). */
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  /** Whether the decoder may hold the start of a character (the bytes it took last ended a piece). */
  private decoding = false;
  /** Whether the document's first bytes, where a byte order mark may be, have been seen. */
  private started = false;
  /** Bytes a piece's end cut: a plain cell's start, or the document's first bytes, too few to tell. */
  private tail: Uint8Array | null = null;

  constructor(handler: XmlHandler) {
    this.scanner = new WorksheetScanner(handler);
    this.sink = isPlainCellSink(handler) ? handler : null;
  }

  write(piece: Uint8Array): void {
    if (piece.length === 0) return;
    const bytes = plainBytes(piece);
    if (!this.started) this.start(bytes, false);
    else if (this.tail !== null) this.afterTail(bytes);
    else this.scan(bytes, 0, false);
  }

  end(): void {
    if (!this.started) this.start(new Uint8Array(0), true);
    else if (this.tail !== null) {
      const tail = this.tail;
      this.tail = null;
      this.scan(tail, 0, true);
    }
    const rest = this.decoder.decode();
    this.decoding = false;
    this.scanner.write(rest);
    this.scanner.end();
  }

  /** The document's first bytes: a byte order mark is no text (as `TextDecoder` drops it by default). */
  private start(bytes: Uint8Array, atEnd: boolean): void {
    const head = this.tail === null ? bytes : joined(this.tail, bytes);
    this.tail = null;
    if (head.length < BYTE_ORDER_MARK.length && !atEnd) {
      this.tail = head.slice();
      return;
    }
    this.started = true;
    const mark = BYTE_ORDER_MARK.every((byte, index) => head[index] === byte);
    this.scan(head, mark ? BYTE_ORDER_MARK.length : 0, atEnd);
  }

  /**
   * The plain cell the last piece cut, read with the start of `bytes` (only as much of them as a
   * plain cell can take: not the whole piece copied), then the rest of `bytes`.
   */
  private afterTail(bytes: Uint8Array): void {
    const tail = this.tail!;
    this.tail = null;
    const head = joined(tail, bytes.subarray(0, Math.min(bytes.length, MAX_PLAIN_CELL)));
    const end = readPlainCell(head, 0, head.length, this.cell);
    if (end > 0) {
      this.deliver();
      this.scan(bytes, end - tail.length, false);
    } else if (end === CUT && head.length < MAX_PLAIN_CELL) {
      this.tail = head;
    } else {
      // No plain cell after all: its bytes are the start of what the scanner reads next.
      this.give(tail, 0, tail.length, false);
      this.scan(bytes, 0, false);
    }
  }

  /** Reads `bytes` from `start`: plain cells here, the runs of bytes between them by the scanner. */
  private scan(bytes: Uint8Array, start: number, atEnd: boolean): void {
    const length = bytes.length;
    /** The start of the bytes not yet given to the scanner. */
    let from = start;
    if (this.sink !== null) {
      let at = start;
      for (;;) {
        // After a plain cell the next one usually starts at once: no search for it.
        const tag = bytes[at] === LT ? at : bytes.indexOf(LT, at);
        if (tag < 0) break;
        let end = readPlainCell(bytes, tag, length, this.cell);
        if (end === CUT && (atEnd || length - tag >= MAX_PLAIN_CELL)) end = NOT_PLAIN;
        if (end === NOT_PLAIN) {
          at = tag + 1;
          continue;
        }
        // A plain cell's markup, if the `<` starts markup: the scanner, given all before it, knows.
        // Right after a plain cell (the usual case) it has been given nothing new and holds nothing.
        if (tag > from || this.decoding || this.scanner.pending) {
          this.give(bytes, from, tag, true);
          from = tag;
          if (this.scanner.pending) {
            at = tag + 1;
            continue;
          }
        }
        if (end === CUT) {
          this.tail = bytes.slice(tag);
          return;
        }
        this.deliver();
        from = at = end;
      }
    }
    this.give(bytes, from, length, false);
  }

  /**
   * Hands `bytes[from..to)` to the scanner as text. `beforeMarkup` when a `<` follows them in this
   * piece: no character runs on past a `<`, so whatever the decoder holds is decoded now, and text at
   * the end is whole. Otherwise the piece ends there, and the decoder keeps a cut character.
   */
  private give(bytes: Uint8Array, from: number, to: number, beforeMarkup: boolean): void {
    if (beforeMarkup) {
      const text =
        from === to && !this.decoding ? "" : this.decoder.decode(bytes.subarray(from, to));
      this.decoding = false;
      this.scanner.writeBeforeMarkup(text);
    } else if (from < to) {
      const text = this.decoder.decode(bytes.subarray(from, to), STREAM);
      this.decoding = true;
      this.scanner.write(text);
    }
  }

  private deliver(): void {
    const { row, column, style, sharedString, value } = this.cell;
    this.sink!.plainCell(row, column, style, sharedString, value);
  }
}

const LT = 60;
const STREAM = { stream: true };
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
/**
 * Bytes a plain cell may take, at most, to be kept whole across pieces: `<c r="XFD1048576"
 * s="65535" t="n"><v>` and a number take under 100. A longer one (digits without end) is read by the
 * general path instead, so what is kept stays small.
 */
const MAX_PLAIN_CELL = 1024;

/**
 * The bytes as a `Uint8Array` itself, not a subclass (Node's `Buffer`): the bytes this reader joins
 * are `Uint8Array`s, and a loop reading two kinds of array runs slower than one reading one kind.
 */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype
    ? bytes
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function joined(first: Uint8Array, second: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(first.length + second.length);
  bytes.set(first);
  bytes.set(second, first.length);
  return bytes;
}
