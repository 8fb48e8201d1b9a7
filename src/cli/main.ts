import { isWorkbookFileError } from "../xlsx";
import { analyzeCommand } from "./analyzeCommand";
import { templateCommand } from "./templateCommand";
import { parseCliArguments } from "./cliArguments";
import { CliInputError } from "./cliInputError";
import type { CliIo } from "./cliIo";
import { USAGE } from "./usage";

export type { CliIo } from "./cliIo";

/**
 * The `school-radar` command line. Returns the exit status instead of exiting, so tests and the bin
 * script share it: 0 done, 2 bad input (arguments, options, the file or its content), 1 a bug.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const request = parseCliArguments(argv);
    if (request.command === "help") {
      io.stdout(USAGE);
      return 0;
    }
    if (request.command === "template") return await templateCommand(request, io);
    return await analyzeCommand(request, io);
  } catch (error) {
    if (error instanceof CliInputError || isWorkbookFileError(error)) {
      io.stderr(`school-radar: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`school-radar: внутренняя ошибка, сообщите разработчикам:\n${detail}\n`);
    return 1;
  }
}
