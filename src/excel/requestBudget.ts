/**
 * How much one `context.sync()` may carry.
 *
 * Excel on the web refuses a request or a response over 5 MB (`RequestPayloadSizeLimitExceeded`,
 * `ResponsePayloadSizeLimitExceeded`), and on every platform a range is limited to five million cells
 * for get operations (`RangeExceedsLimit`; on Mac the read may instead give `values` as null,
 * OfficeDev/office-js#4783). Microsoft: «Excel JavaScript API performance optimization», section
 * «Payload size limit best practices»,
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#payload-size-limit-best-practices,
 * and «Read or write to a large range using the Excel JavaScript API»,
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-large: split big
 * ranges into row blocks, and on a limit error retry with smaller blocks.
 *
 * The rule School Radar follows:
 * - Every command an action queues is counted (requestBatch.ts, commandMeter.ts): values, formats,
 *   fills, conditional formats, validations, charts, names. On the web a request is synced before the
 *   next command would take it over the byte budget; on every platform, before the values it writes
 *   would pass the cell budget.
 * - Everything an action writes goes in ONE request when it fits: always on Windows and Mac for a
 *   region's tables (see DESKTOP_CELLS), and on the web for any municipality-sized table. When it does
 *   not, the sheets stay hidden under temporary names until the last request, which renames and shows
 *   them: a request refused for its size leaves nothing visible, and the write is tried again in
 *   smaller pieces (writeInPieces.ts).
 * - Bytes are JSON text at 2 bytes a character (UTF-16, the worst case for the transport); 1 MB of
 *   the 5 MB is kept back for what the estimate cannot see (ids, object paths it folds together).
 */
export const WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
export const WEB_VALUES_BUDGET = WEB_REQUEST_LIMIT - 1024 * 1024;
/** Reads: a response carries values and number formats; a cell costs at least this much. */
export const MIN_CELL_RESPONSE_BYTES = 16;
/** Excel's documented limit on the cells of one range read (all platforms). */
export const EXCEL_READ_CELL_LIMIT = 5_000_000;
/**
 * Cells of values one request may read or write, on every platform. Two fifths of the documented
 * five-million-cell read limit: a block loads values AND number formats, and Microsoft advises
 * blocks well under the limit rather than at it. Large enough that a region's action still takes
 * one request to read and one to write on Windows and Mac (50,000 schools × 40 columns is 2,000,000
 * cells), so splitting starts only where Excel would refuse.
 */
export const DESKTOP_CELLS = 2_000_000;

export interface RequestBudget {
  /** Estimated bytes of every command one request may carry (Infinity: no limit). */
  bytesPerRequest: number;
  /** Cells of values one request may read or write. */
  cellsPerRequest: number;
}

/** Excel on Windows and Mac: no byte limit, the cell budget. */
export const DESKTOP_BUDGET: RequestBudget = {
  bytesPerRequest: Infinity,
  cellsPerRequest: DESKTOP_CELLS,
};
/** @deprecated the old name of DESKTOP_BUDGET: Windows and Mac have a cell limit too. */
export const UNLIMITED = DESKTOP_BUDGET;
export const WEB_BUDGET: RequestBudget = {
  bytesPerRequest: WEB_VALUES_BUDGET,
  cellsPerRequest: DESKTOP_CELLS,
};

/** The budget for the platform Office reports (`Office.context.platform`). */
export function budgetForPlatform(platform: unknown): RequestBudget {
  return platform === "OfficeOnline" ? WEB_BUDGET : DESKTOP_BUDGET;
}

/** The same budget halved: the next try after Excel refused a request as too large. */
export function halved(budget: RequestBudget): RequestBudget {
  return {
    bytesPerRequest: budget.bytesPerRequest / 2,
    cellsPerRequest: Math.max(1, Math.floor(budget.cellsPerRequest / 2)),
  };
}

/**
 * Estimated request bytes of one queued command besides its arguments: about 160 characters of JSON
 * (an action with its ids and type, and the object path it acts on), at 2 bytes a character.
 */
export const COMMAND_BYTES = 2 * 160;

/** Estimated request bytes of one command with these arguments. */
export function commandBytes(argument: unknown): number {
  return COMMAND_BYTES + (argument === undefined ? 0 : valueBytes(argument));
}

/** Estimated request bytes of a value written to Excel: its JSON text, 2 bytes a character. */
export function valueBytes(value: unknown): number {
  return (JSON.stringify(value) ?? "").length * 2;
}

/** Estimated bytes of one table row (a JSON array of cells), without building the JSON of the table. */
export function rowBytes(row: readonly unknown[]): number {
  let characters = 2; // [ ]
  // A row of number formats is mostly one text ("General"): measured once, not once a cell.
  let previous: string | null = null;
  let previousCharacters = 0;
  for (const cell of row) {
    characters += 1; // comma
    if (cell === null || cell === undefined) characters += 4;
    else if (typeof cell === "string") {
      if (cell !== previous) {
        previous = cell;
        previousCharacters = cell.length + 2 + escapes(cell);
      }
      characters += previousCharacters;
    } else if (typeof cell === "number" && Number.isInteger(cell) && cell >= 0 && cell < 1e21)
      characters += digits(cell); // counts and codes: no text made for them
    else if (typeof cell === "number" && !Number.isFinite(cell))
      characters += 4; // null
    else characters += String(cell).length;
  }
  return characters * 2;
}

/** Digits of a whole number from 0 to 10^21 (below it, String() writes every digit). */
function digits(whole: number): number {
  let count = 1;
  for (let power = 10; whole >= power && count < 21; power *= 10) count += 1;
  return count;
}

/**
 * Characters JSON adds to a text: `\"`, `\\`, `\u00XX` at worst for a control character, and `\uXXXX`
 * for a surrogate without its pair (well-formed JSON.stringify writes it escaped; a pair stays).
 */
function escapes(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34 || code === 92) count += 1;
    else if (code < 32)
      count += 5; // \u00XX at worst
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
      else count += 5;
    }
  }
  return count;
}
