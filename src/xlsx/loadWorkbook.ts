import { promises as fs } from "fs";
import { WorkbookFileError } from "./workbookFileError";

/** A workbook as a path on disk or the bytes of one (tests, uploads). */
export type WorkbookSource = string | Buffer;

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
    `Не удалось прочитать файл «${path}»: ${readFailureReason(code)}. ` +
      "Проверьте, что файл доступен вам для чтения и не заблокирован другой программой, и запустите команду снова."
  );
}

/**
 * What the file system answered, by the codes a user can act on. Said by its code, never by Node's
 * message («EACCES: permission denied, open …»), which is English.
 */
const READ_FAILURES: Record<string, string> = {
  EACCES: "нет прав на чтение",
  EPERM: "чтение запрещено системой (нет прав или файл открыт в другой программе)",
  EBUSY: "файл занят другой программой",
  ENOTDIR: "часть пути — файл, а не папка",
  ENAMETOOLONG: "слишком длинное имя файла",
  ELOOP: "символические ссылки на пути к файлу образуют цикл",
  EMFILE: "открыто слишком много файлов",
  EIO: "ошибка ввода-вывода на диске",
};

function readFailureReason(code: string | undefined): string {
  if (code === undefined) return "неизвестная ошибка чтения";
  return READ_FAILURES[code] ?? `системная ошибка ${code}`;
}
