/** A1-style column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The sheet name as Excel writes it in a reference: always quoted, inner quotes doubled. */
export function quotedSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** `'Лист1'!D7` for zero-based row and column, the form Excel's Name Box and `getRange` accept. */
export function cellAddress(sheetName: string, row: number, column: number): string {
  return `${quotedSheetName(sheetName)}!${columnLetters(column)}${row + 1}`;
}

/** `'Лист1'!7:7`, a whole row, for warnings about a row rather than one cell. */
export function rowAddress(sheetName: string, row: number): string {
  return `${quotedSheetName(sheetName)}!${row + 1}:${row + 1}`;
}

/**
 * Where a hyperlink to `reference` leads: the cell itself (`'Лист1'!D7`), the first cell of a range
 * or of a row (`'Лист1'!7:7` → `'Лист1'!A7`), A1 of a whole sheet (`'Лист1'`). Null for anything
 * else: a link that goes nowhere is worse than none.
 */
export function linkTarget(reference: string): string | null {
  const match = /^('(?:[^']|'')+')(?:!(.*))?$/.exec(reference.trim());
  if (match === null) return null;
  const [, sheet, place] = match;
  if (place === undefined || place === "") return `${sheet}!A1`;
  const cell = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/.exec(place);
  if (cell !== null) return `${sheet}!${cell[1]}${cell[2]}`;
  const row = /^\$?(\d+):\$?\d+$/.exec(place);
  return row === null ? null : `${sheet}!A${row[1]}`;
}
