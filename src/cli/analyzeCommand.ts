import {
  identificationLayouts,
  identifyLowResultSchools,
  isEngineError,
  parseIdentificationOptions,
  type IdentificationOptions,
} from "../engine";
import { readWorkbookSheets, writeWorkbookWithOutputs, type OutputWorkbookReport } from "../xlsx";
import type { AnalyzeRequest } from "./cliArguments";
import { chooseExportTable } from "./chooseExportTable";
import { CliInputError } from "./cliInputError";
import type { CliIo } from "./cliIo";
import { humanSummary } from "./humanSummary";
import { jsonReport } from "./jsonReport";

/** `school-radar analyze`: read the workbook, identify ШНОР, optionally write the result workbook. */
export async function analyzeCommand(request: AnalyzeRequest, io: CliIo): Promise<number> {
  const options = identificationOptions(request);
  const sheets = await readWorkbookSheets(request.input);
  const table = chooseExportTable(sheets, request.sheet);
  const result = identifyLowResultSchools(table, options);
  if (isEngineError(result)) throw new CliInputError(result.message);
  const written: OutputWorkbookReport | null =
    request.out === null
      ? null
      : await writeWorkbookWithOutputs(
          request.input,
          identificationLayouts(result, table),
          request.out
        );
  if (request.json) {
    io.stdout(JSON.stringify(jsonReport(result, table), null, 2) + "\n");
    // stdout carries the JSON object alone; where the workbook went is a note for the person.
    if (written !== null) io.stderr(`Результат записан: ${written.outputPath}\n`);
  } else {
    io.stdout(humanSummary({ inputPath: request.input, table, result, written }) + "\n");
  }
  return 0;
}

/** Validated before the file is read, so a mistyped option fails at once. */
function identificationOptions(request: AnalyzeRequest): IdentificationOptions {
  const options = parseIdentificationOptions(request.options);
  if (isEngineError(options)) throw new CliInputError(`Неверный параметр: ${options.message}`);
  return options;
}
