import {
  analyzeRecognised,
  isEngineError,
  recognizeSheets,
  parseIdentificationOptions,
  type IdentificationOptions,
  type WorkbookAnalysis,
} from "../engine";
import { writeWorkbookWithOutputs, type OutputWorkbookReport } from "../xlsx";
import type { AnalyzeRequest } from "./cliArguments";
import { CliInputError } from "./cliInputError";
import type { CliIo } from "./cliIo";
import { humanSummary } from "./humanSummary";
import { jsonReportToStream } from "./jsonReport";
import { writeJsonInPieces } from "./streamJson";
import { readAnalysisInputs, noDataMessage } from "./analysisInputs";
import { refuseUnsafeOutput, type OutputTarget } from "./outputFile";
import { optionWarnings } from "./optionWarnings";
import { reportTarget, writeReportFile } from "./reportFile";

/**
 * `school-radar analyze`: read the workbook (and the template files given beside it), run every part
 * of the engine the data allows (ШНОР, ИСБШ/ШНСУ, risk factors, summary, context), optionally write
 * the result workbook.
 */
export async function analyzeCommand(request: AnalyzeRequest, io: CliIo): Promise<number> {
  const options = identificationOptions(request);
  const warnings = optionWarnings(request.options, options);
  // At once, on stderr: a run on a national table takes a while, and stdout may go to a file.
  if (!request.json)
    for (const { cell, message } of warnings)
      io.stderr(`school-radar: предупреждение (${cell}): ${message}\n`);
  if (request.out !== null) await refuseUnsafeOutput(outputTarget(request, request.out));
  if (request.report !== null)
    await refuseUnsafeOutput(
      reportTarget(request.report, request.force, request.input, sourcesOf(request))
    );
  const analysis = await analyzeInputs(request, options);
  const written: OutputWorkbookReport | null =
    request.out === null
      ? null
      : await writeWorkbookWithOutputs(request.input, analysis.layouts, request.out);
  // In --json the option's warnings lead the list, in the form the engine's take; the summary
  // lists what the data gave (its heading says those values were not counted).
  const reported = request.json
    ? { ...analysis, warnings: [...warnings, ...analysis.warnings] }
    : analysis;
  await report(request, reported, written, io);
  if (request.report !== null) {
    await writeReportFile(request.report, analysis, request.force);
    // With --json stdout carries the JSON alone, as for --out.
    await (request.json ? io.stderr : io.stdout)(
      `Аналитическая справка записана: ${request.report}\n`
    );
  }
  return 0;
}

/**
 * Reads and analyses. The sheets read are let go as soon as they are recognised, before the analyses
 * run: on a national table the cells are 60 MB of the run's peak memory that nothing reads again.
 */
async function analyzeInputs(
  request: AnalyzeRequest,
  options: IdentificationOptions
): Promise<WorkbookAnalysis> {
  const found = recognizeSheets(
    await readAnalysisInputs(request),
    request.sheet,
    request.tableYears
  );
  const analysis = analyzeRecognised(found, {
    identification: options,
    quantile: request.quantile,
    exportSheet: request.sheet,
    layouts: request.out !== null,
    schoolsTotal: request.schoolsTotal,
    tableYears: request.tableYears,
    targets: request.targets,
  });
  if (isEngineError(analysis)) {
    throw new CliInputError(
      analysis.code === "no_table" && request.sheet === null
        ? noDataMessage(found.sheets)
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
    await writeJsonInPieces(jsonReportToStream(analysis), io.stdout);
    await io.stdout("\n");
    // stdout carries the JSON object alone; where the workbook went is a note for the person.
    if (written !== null) io.stderr(`Результат записан: ${written.outputPath}\n`);
  } else {
    io.stdout(humanSummary({ inputPath: request.input, analysis, written }) + "\n");
  }
}

function outputTarget(request: AnalyzeRequest, out: string): OutputTarget {
  const sources = sourcesOf(request);
  return { out, what: "файл результата", force: request.force, input: request.input, sources };
}

/** The files besides the workbook that the run reads: never replaced by what it writes. */
function sourcesOf(request: AnalyzeRequest): OutputTarget["sources"] {
  return (["social", "risk", "staff", "official"] as const).flatMap((option) => {
    const file = request[option];
    return file === null ? [] : [{ file, option: `--${option}` }];
  });
}

/** Validated before the file is read, so a mistyped option fails at once. */
function identificationOptions(request: AnalyzeRequest): IdentificationOptions {
  const options = parseIdentificationOptions(request.options);
  if (isEngineError(options)) throw new CliInputError(`Неверный параметр: ${options.message}`);
  return options;
}
