import { promises as fs } from "fs";
import path from "path";
import type { CellValue, SheetGrid } from "../engine";
import { CliInputError } from "./cliInputError";

/**
 * A small, careful reader of the CSV files a region sends lists in (`--official список.csv`): what
 * Excel writes when a Russian user saves «CSV (разделители — запятые)» — `;` between fields,
 * Windows-1251 text — and what other programs write: `,` or a tab, UTF-8 with or without its byte
 * order mark, UTF-16 with one (Excel's «Текст Юникод»). Quoted fields may hold the separator, line
 * breaks and doubled quotes. Every value is text: a list's logins and names are never numbers.
 */

/** Text of the file's bytes: the byte order mark says the encoding, else UTF-8 if it is valid, else Windows-1251. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0xef, 0xbb, 0xbf))
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
  if (starts(0xff, 0xfe))
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (starts(0xfe, 0xff))
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // Not UTF-8: the Russian Windows code page, which Excel uses for CSV on a Russian system.
    return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "Windows-1251" };
  }
}

const SEPARATORS = [";", "\t", ","] as const;

/**
 * The separator of the first non-empty line (the header), outside quotes: the most frequent of `;`,
 * tab and `,` (a tie goes to `;`, what Russian Excel writes). None of them: one column — a list of
 * names alone, whose commas («…, филиал») are then part of the names.
 */
export function detectSeparator(text: string): string | null {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  let seenText = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) {
      if (seenText) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    else if (char.trim() !== "") seenText = true;
  }
  let best: string | null = null;
  for (const separator of SEPARATORS)
    if (counts.get(separator)! > (best === null ? 0 : counts.get(best)!)) best = separator;
  return best;
}

/** The rows of CSV text: RFC 4180 quoting, any line ending; a blank line is an empty row. */
export function parseCsv(text: string, separator: string | null): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index++;
      continue;
    }
    if (char === '"' && field.trim() === "") {
      // A quote opens a quoted field only at the field's start; elsewhere it is text («"СОШ" №5»).
      field = "";
      quoted = true;
    } else if (char === separator) endField();
    else if (char === "\r" || char === "\n") {
      endRow();
      if (char === "\r" && text[index + 1] === "\n") index++;
    } else field += char;
    index++;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/**
 * A CSV file as a sheet the engine reads. Its name is the one Excel gives a CSV's only sheet — the
 * file's name without the extension — with the file in brackets, as the other files' sheets are named
 * (`[список.csv]список`), so that a warning's address says which file it is about.
 */
export async function readCsvSheet(file: string, option: string): Promise<SheetGrid> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliInputError(
      code === "ENOENT"
        ? `${option}: Файл «${file}» не найден.`
        : code === "EISDIR"
          ? `${option}: «${file}» — это папка, а не файл.`
          : `${option}: Не удалось прочитать файл «${file}» (${code ?? String(error)}).`
    );
  }
  const { text } = decodeCsvBytes(bytes);
  if (text.trim() === "") throw new CliInputError(`${option}: Файл «${file}» пуст.`);
  const rows = parseCsv(text, detectSeparator(text));
  const values: CellValue[][] = rows.map((cells) =>
    cells.map((cell) => (cell.trim() === "" ? null : cell))
  );
  const base = path.basename(file);
  return { sheetName: `[${base}]${path.parse(base).name}`, values };
}
