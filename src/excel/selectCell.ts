import { HostError } from "../host/workbookHost";
import { sheetOfReference } from "../engine";

/** `'Результаты ОО'!CE34` → the sheet name and `CE34`; null for anything else. */
export function splitAddress(address: string): { sheet: string; cells: string } | null {
  const bang = address.lastIndexOf("!");
  const sheet = sheetOfReference(address);
  if (sheet === null || bang < 0) return null;
  const cells = address.slice(bang + 1);
  return /^\$?[A-Z]{0,3}\$?\d*(:\$?[A-Z]{0,3}\$?\d*)?$/i.test(cells) && cells !== ""
    ? { sheet, cells }
    : null;
}

/**
 * Shows the cell a warning is about: activates its sheet and selects it. The sheet's visibility is
 * read first (a sync of its own): Excel cannot activate a hidden sheet or select on it, so the user
 * is told which sheet is hidden and how to show it (`sheet_hidden`, the detail its name) instead.
 */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<boolean> {
  const parts = splitAddress(address);
  if (parts === null) return false;
  const worksheet = context.workbook.worksheets.getItem(parts.sheet);
  worksheet.load("name, visibility");
  await context.sync();
  if (worksheet.visibility !== "Visible") {
    const code = worksheet.visibility === "VeryHidden" ? "sheet_very_hidden" : "sheet_hidden";
    throw new HostError(code, worksheet.name);
  }
  worksheet.activate();
  worksheet.getRange(parts.cells).select();
  await context.sync();
  return true;
}
