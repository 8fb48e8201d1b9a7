import { parseArgs } from "util";
import type { parseIdentificationOptions } from "../engine";
import { CliInputError } from "./cliInputError";

/** The option strings `parseIdentificationOptions` accepts (the engine does not export the type by name). */
export type RawIdentificationOptions = Parameters<typeof parseIdentificationOptions>[0];

export interface AnalyzeRequest {
  command: "analyze";
  input: string;
  out: string | null;
  json: boolean;
  /** Option strings as typed; the engine validates them (one place for the rules and messages). */
  options: RawIdentificationOptions;
  sheet: string | null;
}

export type CliRequest = { command: "help" } | AnalyzeRequest;

const OPTIONS = {
  out: { type: "string", short: "o" },
  json: { type: "boolean" },
  edition: { type: "string" },
  threshold: { type: "string" },
  "min-participants": { type: "string" },
  year: { type: "string" },
  sheet: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Reads the command line; anything malformed is a `CliInputError` naming what to fix. */
export function parseCliArguments(argv: string[]): CliRequest {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help === true || positionals[0] === "help") return { command: "help" };
  const [command, ...rest] = positionals;
  if (command === undefined)
    throw new CliInputError("Не указана команда. Запустите: school-radar --help");
  if (command !== "analyze") {
    throw new CliInputError(
      `Неизвестная команда «${command}». Доступна команда analyze; справка: school-radar --help`
    );
  }
  if (rest.length !== 1) {
    throw new CliInputError(
      rest.length === 0
        ? "Не указан файл книги: school-radar analyze <input.xlsx>"
        : `Ожидался один файл книги, получено ${rest.length}: ${rest.join(", ")}`
    );
  }
  const out = values.out ?? null;
  if (out !== null && !/\.xlsx$/i.test(out)) {
    // The copy is always an .xlsx workbook; under another extension Excel refuses or warns on opening it.
    throw new CliInputError(`Файл результата должен иметь расширение .xlsx: «${out}»`);
  }
  return {
    command: "analyze",
    input: rest[0]!,
    out,
    json: values.json === true,
    options: {
      edition: values.edition,
      threshold: values.threshold,
      minParticipants: values["min-participants"],
      year: values.year,
    },
    sheet: values.sheet ?? null,
  };
}

function parseOrExplain(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // util.parseArgs reports unknown options and missing values in English; say it in the user's words.
    // Duck-typed: under jest, node's own errors come from another realm and fail `instanceof Error`.
    const detail = (error as { message?: unknown }).message ?? String(error);
    throw new CliInputError(
      `Неверные аргументы командной строки: ${detail}\nСправка: school-radar --help`
    );
  }
}
