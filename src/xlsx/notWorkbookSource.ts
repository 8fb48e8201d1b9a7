import { readFileBytes, readFileHead, sourceLabel, type WorkbookSource } from "./loadWorkbook";
import {
  damagedArchiveError,
  rejectNotWorkbookFile,
  rejectNotZipArchive,
  SNIFFED_BYTES,
  type ArchiveKind,
} from "./notWorkbookFile";
import { isCompoundFile, rejectCompoundFile, WorkbookFileError } from "./workbookFileError";

/*
 * The command line's side of notWorkbookFile.ts: the same recognition and the same Russian texts as
 * the standalone page, for a workbook given as a path. A zip or XML library's words («end of central
 * directory record signature not found») never reach the user.
 */

/**
 * Throws a `WorkbookFileError` when the file cannot be an .xlsx workbook by its first bytes: empty,
 * text, a web page, a PDF, an Excel 97–2003 workbook, an encrypted one. Only the head of a file on
 * disk is read (a national workbook is tens of megabytes), the whole file only when it is a compound
 * document, whose streams say which one it is.
 */
export async function rejectNotWorkbookSource(source: WorkbookSource): Promise<void> {
  const label = sourceLabel(source);
  const head =
    typeof source === "string"
      ? await readFileHead(source, SNIFFED_BYTES)
      : source.subarray(0, SNIFFED_BYTES);
  if (isCompoundFile(head))
    await rejectCompoundFile(
      typeof source === "string" ? await readFileBytes(source) : source,
      label
    );
  rejectNotZipArchive(head, label);
}

/**
 * What a zip archive without a workbook holds, from the main part Word or PowerPoint writes
 * (ECMA-376 Part 1, 11.3.10 and 13.3.6): enough to tell the user which program made it, without
 * listing an archive the reader has opened for its workbook parts only.
 */
export function archiveKindByMainPart(has: (part: string) => boolean): ArchiveKind {
  if (has("word/document.xml")) return "word";
  if (has("ppt/presentation.xml")) return "powerpoint";
  return "other";
}

/**
 * Why bytes that a workbook library could not load are no workbook: another program's document, or
 * a damaged archive when they look like one. For a reader whose own error text is not for the user.
 */
export function unloadableWorkbookError(bytes: Uint8Array, label: string): WorkbookFileError {
  try {
    rejectNotWorkbookFile(bytes, label);
  } catch (error) {
    if (error instanceof WorkbookFileError) return error;
    throw error;
  }
  return damagedArchiveError(label);
}
