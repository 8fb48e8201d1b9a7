/**
 * Why a workbook file could not be read or written. The command line shows `message` to the user
 * (Russian) and exits with status 2: these are problems with the user's input, not bugs.
 */
export type WorkbookFileProblem =
  | "missing"
  | "not_a_file"
  | "legacy_xls"
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

/** The file is not an .xlsx workbook, or is damaged; `reason` says what was found. */
export function notWorkbookError(label: string, reason: string): WorkbookFileError {
  return new WorkbookFileError(
    "not_xlsx",
    label,
    `Файл ${label} не является книгой Excel (.xlsx) или повреждён (${reason}).`
  );
}

/** The result file could not be written. */
export function unwritableError(outputPath: string, error: unknown): WorkbookFileError {
  const reason = error instanceof Error ? error.message : String(error);
  return new WorkbookFileError(
    "unwritable",
    outputPath,
    `Не удалось записать файл «${outputPath}»: ${reason}.`
  );
}

/** The first bytes of an Excel 97–2003 workbook (.xls): a compound document, not a zip. */
export const LEGACY_XLS_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Refuses an .xls (often renamed .xlsx) with what to do about it, before any zip library sees it. */
export function rejectLegacyXls(bytes: Uint8Array, label: string): void {
  if (!LEGACY_XLS_SIGNATURE.every((byte, index) => bytes[index] === byte)) return;
  throw new WorkbookFileError(
    "legacy_xls",
    label,
    `Файл ${label} — книга старого формата Excel 97–2003 (.xls). Откройте её в Excel и сохраните как «Книга Excel (.xlsx)».`
  );
}
