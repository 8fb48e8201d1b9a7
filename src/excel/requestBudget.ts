/**
 * How much one `context.sync()` may carry.
 *
 * Excel on the web refuses a request or a response over 5 MB (`RequestPayloadSizeLimitExceeded`,
 * `ResponsePayloadSizeLimitExceeded`; Microsoft: "Resource limits and performance optimization for
 * Office Add-ins", section Excel add-ins) and recommends splitting the work and syncing per piece.
 * Excel on Windows and Mac has no such limit.
 *
 * The rule School Radar follows:
 * - Everything an action writes goes in ONE request when its cell values fit in the budget below —
 *   always on Windows and Mac (no limit), and on the web for any municipality-sized table.
 * - On the web, when they do not fit, table rows are written in blocks whose values fit the budget,
 *   one `context.sync()` per full request; the sheets stay hidden under temporary names until the
 *   last request, which formats them, renames them and makes them visible.
 * - The budget counts values as JSON text at 2 bytes a character (UTF-16, the worst case for the
 *   transport) and keeps 1 MB of the 5 MB for the commands themselves, formats and names.
 */
export const WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
export const WEB_VALUES_BUDGET = WEB_REQUEST_LIMIT - 1024 * 1024;
/** Reads: a response carries values and number formats; a cell costs at least this much. */
export const MIN_CELL_RESPONSE_BYTES = 16;

export interface RequestBudget {
  /** Bytes of values one request may carry (Infinity: no limit). */
  valuesPerRequest: number;
}

export const UNLIMITED: RequestBudget = { valuesPerRequest: Infinity };
export const WEB_BUDGET: RequestBudget = { valuesPerRequest: WEB_VALUES_BUDGET };

/** The budget for the platform Office reports (`Office.context.platform`). */
export function budgetForPlatform(platform: unknown): RequestBudget {
  return platform === "OfficeOnline" ? WEB_BUDGET : UNLIMITED;
}

/** Estimated request bytes of a value written to Excel: its JSON text, 2 bytes a character. */
export function valueBytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

/** Estimated bytes of one table row (a JSON array of cells), without building the JSON of the table. */
export function rowBytes(row: readonly unknown[]): number {
  let characters = 2; // [ ]
  for (const cell of row) {
    characters += 1; // comma
    if (cell === null || cell === undefined) characters += 4;
    else if (typeof cell === "string") characters += cell.length + 2 + escapes(cell);
    else characters += String(cell).length;
  }
  return characters * 2;
}

function escapes(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34 || code === 92) count += 1;
    else if (code < 32) count += 5; // \u00XX at worst
  }
  return count;
}
