import type { CellValue } from "../engine";

/** Excel gives an empty cell as "": the engine's "no value" is null, as the .xlsx reader gives it. */
export function cellRow(row: unknown[]): CellValue[] {
  return row.map((value) =>
    value === "" || value === undefined ? null : (value as Exclude<CellValue, null>)
  );
}

export function formatRow(row: unknown[]): (string | null)[] {
  return row.map((format) => (typeof format === "string" ? format : null));
}

/** Appends rows one by one: a block's hundred thousand rows are too many arguments for `push(...)`. */
export function appendRows<T>(target: T[], rows: readonly T[]): void {
  for (const row of rows) target.push(row);
}
