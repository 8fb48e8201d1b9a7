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
