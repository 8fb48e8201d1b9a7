import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import {
  COMPOUND_FILE_SIGNATURE,
  isCompoundFile,
  notWorkbookError,
  rejectCompoundFile,
  WorkbookFileError,
} from "./workbookFileError";

/** A workbook as a path on disk or the bytes of one (tests, uploads). */
export type WorkbookSource = string | Buffer;

/**
 * `rejectCompoundFile` for a file on disk: only the signature's bytes are read, and the whole file
 * only when it is a compound document.
 */
export async function rejectCompoundFileOnDisk(path: string): Promise<void> {
  if (isCompoundFile(await readFileHead(path, COMPOUND_FILE_SIGNATURE.length)))
    await rejectCompoundFile(await readFileBytes(path), sourceLabel(path));
}

/**
 * Loads a workbook with ExcelJS, turning every way a user's file can be wrong into a
 * `WorkbookFileError` with a Russian message; ExcelJS's own errors (zip internals) mean nothing to
 * a monitoring specialist.
 */
export async function loadWorkbook(source: WorkbookSource): Promise<ExcelJS.Workbook> {
  const label = sourceLabel(source);
  const bytes = typeof source === "string" ? await readFileBytes(source) : source;
  await rejectCompoundFile(bytes, label);
  // Loaded on first use: the command line reads through the focused reader and needs ExcelJS only
  // to write a result workbook; requiring it costs ~0.2 s at start-up.
  const { default: ExcelJSModule } = await import("exceljs");
  const workbook = new ExcelJSModule.Workbook();
  try {
    // ExcelJS types its parameter with its own `Buffer` declaration, which Node's Buffer does not match.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (error) {
    throw notWorkbookError(label, errorText(error));
  }
  if (workbook.worksheets.length === 0) {
    // A zip that is not a workbook (a .docx, an archive) loads as a workbook without sheets.
    throw notWorkbookError(label, "в архиве нет книги Excel: не найден xl/workbook.xml");
  }
  return workbook;
}

export function sourceLabel(source: WorkbookSource): string {
  return typeof source === "string" ? `«${source}»` : "(данные в памяти)";
}

export async function readFileBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw unreadableFileError(path, error);
  }
}

/**
 * The first `length` bytes of a file (fewer when it is shorter), with the same errors as
 * `readFileBytes`: enough to recognise the file's format without reading the rest.
 */
export async function readFileHead(path: string, length: number): Promise<Buffer> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, "r");
    const head = Buffer.alloc(length);
    const { bytesRead } = await handle.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  } catch (error) {
    throw unreadableFileError(path, error);
  } finally {
    await handle?.close();
  }
}

function unreadableFileError(path: string, error: unknown): WorkbookFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new WorkbookFileError("missing", path, `Файл «${path}» не найден.`);
  if (code === "EISDIR") {
    return new WorkbookFileError(
      "not_a_file",
      path,
      `«${path}» — это папка, а не файл книги Excel.`
    );
  }
  return new WorkbookFileError(
    "missing",
    path,
    `Не удалось прочитать файл «${path}»: ${errorText(error)}.`
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
