import { isWorkbookFileError } from "../xlsx";
import { analyzeCommand } from "./analyzeCommand";
import { templateCommand } from "./templateCommand";
import { parseCliArguments } from "./cliArguments";
import { CliInputError } from "./cliInputError";
import type { CliIo } from "./cliIo";
import { localeLanguage, USAGE, USAGE_EN } from "./usage";
import { packageVersion } from "./packageVersion";

export type { CliIo } from "./cliIo";

/**
 * The exit statuses, as the help lists them (usage.ts). An interrupt while the result is written
 * exits with 130 (SIGINT) or 143 (SIGTERM) after removing the partial file
 * (src/xlsx/removeOnInterrupt.ts); before that nothing needs removing and the signal ends the
 * process as it ends any, which the shell reports as the same 130 or 143.
 */
const EXIT = { done: 0, bug: 1, badInput: 2, cannotWrite: 3 } as const;

/**
 * The `school-radar` command line. Returns the exit status instead of exiting, so tests and the bin
 * script share it. `env` is read for the help's language only (LC_ALL, LC_MESSAGES, LANG).
 */
export async function main(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  try {
    const request = parseCliArguments(argv);
    if (request.command === "help") {
      io.stdout((request.lang ?? localeLanguage(env)) === "en" ? USAGE_EN : USAGE);
      return EXIT.done;
    }
    if (request.command === "version") {
      io.stdout(`school-radar ${packageVersion()}\n`);
      return EXIT.done;
    }
    if (request.command === "template") return await templateCommand(request, io);
    return await analyzeCommand(request, io);
  } catch (error) {
    if (error instanceof CliInputError || isWorkbookFileError(error)) {
      io.stderr(`school-radar: ${error.message}\n`);
      // The input was fine and nothing of the user's was touched; the disk or the rights were not.
      return isWorkbookFileError(error) && error.problem === "unwritable"
        ? EXIT.cannotWrite
        : EXIT.badInput;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`school-radar: внутренняя ошибка, сообщите разработчикам:\n${detail}\n`);
    return EXIT.bug;
  }
}
