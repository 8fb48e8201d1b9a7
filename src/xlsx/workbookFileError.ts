/**
 * Why a workbook file could not be read or written. The command line shows `message` to the user
 * (Russian) and exits with status 2 (problems with the user's input, not bugs), or 3 for `unwritable`:
 * the input was fine, the disk or the rights were not.
 */
export type WorkbookFileProblem =
  | "missing"
  | "not_a_file"
  | "legacy_xls"
  | "encrypted"
  | "not_xlsx"
  | "empty"
  | "same_as_input"
  | "unwritable"
  | "exists";

export class WorkbookFileError extends Error {
  readonly problem: WorkbookFileProblem;
  readonly path: string;

  constructor(problem: WorkbookFileProblem, path: string, message: string) {
    super(message);
    this.name = "WorkbookFileError";
    this.problem = problem;
    this.path = path;
  }
}

export function isWorkbookFileError(error: unknown): error is WorkbookFileError {
  return error instanceof WorkbookFileError;
}

/**
 * The result file could not be written. A system error is said by its code, never by its message:
 * Node's message names the hidden `.partial` file, which the user never asked for and never sees.
 */
export function unwritableError(
  outputPath: string,
  error: unknown,
  option = "--out"
): WorkbookFileError {
  return new WorkbookFileError(
    "unwritable",
    outputPath,
    `Не удалось записать файл «${outputPath}»: ${writeFailureReason(error)}. ` +
      "Проверьте, что файл не открыт в другой программе, что в папке можно писать и на диске есть место, " +
      `или укажите другой файл в ${option}.`
  );
}

/** What the file system answered, by the codes a user can act on (disk full, no rights, file open). */
const WRITE_FAILURES: Record<string, string> = {
  EACCES: "нет прав на запись",
  EPERM: "запись запрещена системой (нет прав или файл открыт в другой программе)",
  EBUSY: "файл занят другой программой",
  EROFS: "диск доступен только для чтения",
  ENOSPC: "на диске нет места",
  EDQUOT: "исчерпана дисковая квота",
  EFBIG: "превышен допустимый размер файла",
  ENOENT: "папка не найдена",
  ENOTDIR: "часть пути — файл, а не папка",
  EISDIR: "на месте файла — папка",
  ENAMETOOLONG: "слишком длинное имя файла",
  EIO: "ошибка ввода-вывода на диске",
};

function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && /^E[A-Z0-9]+$/.test(code))
    return WRITE_FAILURES[code] ?? `системная ошибка ${code}`;
  // Not the file system's: the writer's own (an unusual workbook part), with no temporary name in it.
  return error instanceof Error ? error.message : String(error);
}

/** The result would replace the workbook it is made from. */
export function sameAsInputError(outputPath: string): WorkbookFileError {
  return new WorkbookFileError(
    "same_as_input",
    outputPath,
    `Файл результата «${outputPath}» совпадает с исходной книгой; исходная книга не изменяется — укажите другой файл в --out.`
  );
}

/**
 * The first bytes of a compound document (OLE), not a zip: what an Excel 97–2003 workbook (.xls) is,
 * and also a workbook encrypted with a password to open (Office keeps the encrypted .xlsx inside
 * one, [MS-OFFCRYPTO] 2.3.4) and a Word or PowerPoint 97–2003 document.
 */
export const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(head: Uint8Array): boolean {
  return COMPOUND_FILE_SIGNATURE.every((byte, index) => head[index] === byte);
}

/**
 * Refuses a compound document (often renamed .xlsx) before any zip library sees it, saying what it
 * is and what to do: each case needs something else of the user. `bytes` is the whole file; its
 * streams are listed by SheetJS's `cfb`, loaded only for such a file.
 */
export async function rejectCompoundFile(bytes: Uint8Array, label: string): Promise<void> {
  if (!isCompoundFile(bytes)) return;
  throw compoundFileError(await compoundStreams(bytes), label);
}

/** The names of the document's streams, or null when it cannot be read as a compound document. */
async function compoundStreams(bytes: Uint8Array): Promise<Set<string> | null> {
  const CFB = await import("cfb");
  try {
    return new Set(CFB.parse(bytes).FileIndex.map((entry) => entry.name));
  } catch {
    return null;
  }
}

function compoundFileError(streams: Set<string> | null, label: string): WorkbookFileError {
  if (streams?.has("EncryptedPackage")) {
    return new WorkbookFileError(
      "encrypted",
      label,
      `Книга ${label} защищена паролем на открытие (зашифрована), и прочитать её нельзя. Откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля, очистите поле), сохраните и запустите анализ снова.`
    );
  }
  if (streams !== null && !streams.has("Workbook") && !streams.has("Book")) {
    return new WorkbookFileError("not_xlsx", label, oldOfficeDocumentMessage(streams, label));
  }
  // A workbook stream, or a compound document too damaged to list (most often an .xls cut short).
  return new WorkbookFileError(
    "legacy_xls",
    label,
    `Файл ${label} — книга старого формата Excel 97–2003 (.xls). Откройте её в Excel и сохраните как «Книга Excel (.xlsx)».`
  );
}

/** A compound document that is no workbook, named by its main stream ([MS-DOC] 2.1.1, [MS-PPT] 2.1.1). */
function oldOfficeDocumentMessage(streams: Set<string>, label: string): string {
  if (streams.has("WordDocument"))
    return `Файл ${label} — документ Word 97–2003 (.doc), а не книга Excel. Выберите книгу Excel с выгрузкой результатов; таблицу из документа можно скопировать на лист Excel и сохранить книгу как .xlsx.`;
  if (streams.has("PowerPoint Document"))
    return `Файл ${label} — презентация PowerPoint 97–2003 (.ppt), а не книга Excel. Выберите книгу Excel с выгрузкой результатов.`;
  return `Файл ${label} — документ Microsoft Office 97–2003, но не книга Excel. Выберите книгу Excel с выгрузкой результатов.`;
}
