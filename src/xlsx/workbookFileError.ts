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
