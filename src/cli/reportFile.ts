import { promises as fs } from "fs";
import { analyticalReport, reportMarkdown, type WorkbookAnalysis } from "../engine";
import { unwritableError } from "../xlsx";
import type { OutputTarget } from "./outputFile";

/** `--report`: where the справка goes, refused as `--out` is (an existing file without `--force`). */
export function reportTarget(
  report: string,
  force: boolean,
  input: string,
  sources: OutputTarget["sources"]
): OutputTarget {
  return {
    out: report,
    what: "файл справки",
    force,
    input,
    sources,
    option: "--report",
    extension: ".md",
  };
}

/**
 * Writes the «Аналитическая справка» as Markdown (docs/method.md §10), UTF-8. Without `--force` the
 * file is created only if it is still not there (checked before the run, and again here: another
 * program may have made it meanwhile). A failed write exits 3, as a failed `--out` does.
 */
export async function writeReportFile(
  file: string,
  analysis: WorkbookAnalysis,
  force: boolean
): Promise<void> {
  const text = reportMarkdown(analyticalReport(analysis));
  try {
    await fs.writeFile(file, text, { encoding: "utf8", flag: force ? "w" : "wx" });
  } catch (error) {
    throw unwritableError(file, error, "--report");
  }
}
