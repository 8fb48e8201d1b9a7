import { unzipSync } from "fflate";
import { WorkbookFileError } from "./workbookFileError";

/*
 * What a file given as a workbook really is, from its first bytes and (for a zip) the names of its
 * parts, said in the user's words before any workbook library sees it: a zip library's own text
 * («End of data reached… Corrupted zip?») tells a monitoring specialist nothing about what to do.
 */

/** The signatures of a zip archive (ECMA-376 Part 2: every Office Open XML file is one). */
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

/** The signature of a PDF document (ISO 32000-1, 7.5.2): a report sent instead of its table. */
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * Throws a `WorkbookFileError` when `bytes` cannot be an .xlsx workbook, saying what the file is and
 * what to do; returns when they may be one (a zip holding an `xl/` part). `label` is `«name»`.
 */
export function rejectNotWorkbookFile(bytes: Uint8Array, label: string): void {
  rejectNotZipArchive(bytes, label);
  rejectForeignZip(bytes, label);
}

/**
 * The bytes `rejectNotZipArchive` looks at to tell text from binary data: enough for a CSV's header
 * row or an HTML head, so a file on disk need not be read whole to be refused.
 */
export const SNIFFED_BYTES = 4096;

/**
 * Throws a `WorkbookFileError` when the file, from its first `SNIFFED_BYTES` bytes (`head`, or all of
 * it when shorter), is not a zip archive at all: empty, text, a web page, other binary data. Returns
 * for a zip archive, which may still be another program's document (see `foreignArchiveError`).
 */
export function rejectNotZipArchive(head: Uint8Array, label: string): void {
  if (head.length === 0) throw emptyFileError(label);
  if (isZipArchive(head)) return;
  if (startsWith(head, PDF_SIGNATURE))
    throw notWorkbook(
      label,
      `Файл ${label} — документ PDF, а не книга Excel: из PDF таблицу не прочитать. Возьмите ту же выгрузку в формате Excel (.xlsx) или откройте исходную таблицу в Excel и сохраните её как «Книга Excel (.xlsx)».`
    );
  rejectTextFile(head, label);
  throw notWorkbook(
    label,
    `Файл ${label} не является книгой Excel (.xlsx). Если он открывается в Excel, сохраните его как «Книга Excel (.xlsx)» и выберите сохранённый файл; иначе выберите другой файл.`
  );
}

function isZipArchive(head: Uint8Array): boolean {
  return startsWith(head, ZIP_LOCAL_FILE) || startsWith(head, ZIP_EMPTY_ARCHIVE);
}

/** Text (a CSV, an HTML table) saved under a workbook's name: what it is and how to make it one. */
function rejectTextFile(bytes: Uint8Array, label: string): void {
  const head = textHead(bytes);
  if (head !== null && /^\s*</.test(head) && /<(html|table|!doctype)\b/i.test(head))
    throw notWorkbook(
      label,
      `Файл ${label} — веб-страница (HTML), а не книга Excel: так выгружают таблицы некоторые системы. Откройте его в Excel и сохраните как «Книга Excel (.xlsx)», затем выберите сохранённый файл.`
    );
  if (head !== null) {
    // A separator in the first line: what Excel's «CSV (разделители — запятые)» and most exports write.
    const what = /^[^\n]*[;,\t]/.test(head) ? "текст с разделителями (CSV)" : "текстовый файл";
    throw notWorkbook(
      label,
      `Файл ${label} — ${what}, а не книга Excel. Откройте его в Excel, сохраните как «Книга Excel (.xlsx)» и выберите сохранённый файл.`
    );
  }
}

function emptyFileError(label: string): WorkbookFileError {
  return new WorkbookFileError(
    "not_xlsx",
    label,
    `Файл ${label} пуст (0 байт): так бывает, когда файл не был сохранён или скопирован до конца. Откройте книгу в Excel, сохраните её заново и выберите сохранённый файл.`
  );
}

/** A zip that is another Office document, or no Office document at all. */
function rejectForeignZip(bytes: Uint8Array, label: string): void {
  const parts = zipPartNames(bytes);
  if (parts === null) throw damagedArchiveError(label);
  if (parts.some((name) => name.startsWith("xl/"))) return;
  throw foreignArchiveError(
    archiveKind((prefix) => parts.some((name) => name.startsWith(prefix))),
    label
  );
}

/** What a zip archive without a workbook in it holds, from whether it has parts under a folder. */
export type ArchiveKind = "word" | "powerpoint" | "other";

function archiveKind(hasPartsUnder: (folder: string) => boolean): ArchiveKind {
  if (hasPartsUnder("word/")) return "word";
  if (hasPartsUnder("ppt/")) return "powerpoint";
  return "other";
}

/** A zip archive, whole, without a workbook in it: another Office document or any other archive. */
export function foreignArchiveError(kind: ArchiveKind, label: string): WorkbookFileError {
  if (kind === "word")
    return notWorkbook(
      label,
      `Файл ${label} — это документ Word, а не книга Excel. Выберите книгу Excel с выгрузкой результатов; таблицу из документа можно скопировать на лист Excel и сохранить книгу как .xlsx.`
    );
  if (kind === "powerpoint")
    return notWorkbook(
      label,
      `Файл ${label} — это презентация PowerPoint, а не книга Excel. Выберите книгу Excel с выгрузкой результатов.`
    );
  return notWorkbook(
    label,
    `Файл ${label} — архив ZIP, а не книга Excel. Если выгрузка лежит в архиве, распакуйте его и выберите файл .xlsx.`
  );
}

/**
 * A zip archive that cannot be read: cut off (its directory is at the end) or with a part that does
 * not inflate or parse. The library's own words (a zip or XML parser's) are never shown.
 */
export function damagedArchiveError(label: string): WorkbookFileError {
  return notWorkbook(
    label,
    `Файл ${label} повреждён: архив, из которого состоит книга Excel, оборван или испорчен (часто — файл скачан или скопирован не до конца). Возьмите исходный файл ещё раз или сохраните книгу в Excel заново.`
  );
}

/**
 * A workbook whose list of sheets names none that can be read: written by a program that got it
 * wrong, or its workbook part cut off. Excel offers to repair a damaged part when it opens the file.
 */
export function noSheetsError(label: string): WorkbookFileError {
  return notWorkbook(
    label,
    `Файл ${label} — книга Excel, в которой не найдено ни одного листа: список её листов пуст или испорчен. Откройте книгу в Excel — если он предложит восстановить её, согласитесь, — сохраните и выберите сохранённый файл.`
  );
}

/** The archive's part names, read from its directory without inflating any part; null when damaged. */
function zipPartNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** The first bytes as text when they read as UTF-8 (or one-byte Windows-1251) text; null for binary. */
function textHead(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFFED_BYTES);
  // Text has no NUL and few control characters; a binary format has many within its first bytes.
  const controls = head.filter(
    (byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d
  );
  if (head.includes(0) || controls.length > head.length / 100) return null;
  return new TextDecoder("utf-8").decode(head);
}

function notWorkbook(label: string, message: string): WorkbookFileError {
  return new WorkbookFileError("not_xlsx", label, message);
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}
