import {
  analyzeWorkbook,
  isEngineError,
  parseIdentificationOptions,
  type IdentificationOptions,
  type WorkbookAnalysis,
} from "../engine";
import { writeWorkbookWithOutputs, type OutputWorkbookReport } from "../xlsx";
import type { AnalyzeRequest } from "./cliArguments";
import { CliInputError } from "./cliInputError";
import type { CliIo } from "./cliIo";
import { humanSummary } from "./humanSummary";
import { jsonReport } from "./jsonReport";
import { writeJsonInPieces } from "./streamJson";
import { readAnalysisInputs, noDataMessage } from "./analysisInputs";

/**
 * `school-radar analyze`: read the workbook (and the template files given beside it), run every part
 * of the engine the data allows (ШНОР, ИСБШ/ШНСУ, risk factors, summary, context), optionally write
 * the result workbook.
 */
export async function analyzeCommand(request: AnalyzeRequest, io: CliIo): Promise<number> {
  const analysis = await analyzeInputs(request);
  const written: OutputWorkbookReport | null =
    request.out === null
      ? null
      : await writeWorkbookWithOutputs(request.input, analysis.layouts, request.out);
  await report(request, analysis, written, io);
  return 0;
}

/**
 * Reads and analyses; the sheets read stay inside this function, so they can be freed before the
 * report is written (on a national table, the cells are a few hundred megabytes' worth of peak).
 */
async function analyzeInputs(request: AnalyzeRequest): Promise<WorkbookAnalysis> {
  const options = identificationOptions(request);
  const inputs = await readAnalysisInputs(request);
  const analysis = analyzeWorkbook(inputs, {
    identification: options,
    quantile: request.quantile,
    exportSheet: request.sheet,
    layouts: request.out !== null,
  });
  if (isEngineError(analysis)) {
    throw new CliInputError(
      analysis.code === "no_table" && request.sheet === null
        ? noDataMessage(inputs)
        : analysis.message
    );
  }
  return analysis;
}

async function report(
  request: AnalyzeRequest,
  analysis: WorkbookAnalysis,
  written: OutputWorkbookReport | null,
  io: CliIo
): Promise<void> {
  if (request.json) {
    await writeJsonInPieces(jsonReport(analysis), io.stdout);
    await io.stdout("\n");
    // stdout carries the JSON object alone; where the workbook went is a note for the person.
    if (written !== null) io.stderr(`Результат записан: ${written.outputPath}\n`);
  } else {
    io.stdout(humanSummary({ inputPath: request.input, analysis, written }) + "\n");
  }
}

/** Validated before the file is read, so a mistyped option fails at once. */
function identificationOptions(request: AnalyzeRequest): IdentificationOptions {
  const options = parseIdentificationOptions(request.options);
  if (isEngineError(options)) throw new CliInputError(`Неверный параметр: ${options.message}`);
  return options;
}
