import { parseArgs } from "util";
import {
  isEngineError,
  parseSchoolsTotal,
  parseTableYears,
  parseTargets,
  type Targets,
  TEMPLATE_KINDS,
  type parseIdentificationOptions,
  type Quantile,
  type TemplateKind,
} from "../engine";
import { CliInputError } from "./cliInputError";
import { nearestName } from "./nearestName";

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
  /** Lower quartile (0.25, the default) or quintile (0.2) of ИСБШ: the ШНСУ group. */
  quantile: Quantile;
  /** Workbooks holding the templates, beside the input: their sheets are read as well. */
  social: string | null;
  risk: string | null;
  staff: string | null;
  /** `--schools-total`: the municipality's number of schools, the ШНОР share's denominator. */
  schoolsTotal: number | null;
  /** `--years`: the years of a table whose columns do not name them, as typed (checked here). */
  tableYears: string | null;
  /** `--targets`: the user's targets (the documents' for the rest). */
  targets: Partial<Targets>;
  /** `--force`: replace an existing `--out` file; without it an existing file is refused. */
  force: boolean;
  /** `--official`: the official list of schools to reconcile our ШНОР with (.xlsx or .csv). */
  official: string | null;
  /** `--report`: write the «Аналитическая справка» as Markdown to this file. */
  report: string | null;
}

export interface TemplateRequest {
  command: "template";
  kind: TemplateKind | "all";
  out: string;
  /** An export table whose schools pre-fill the template. */
  from: string | null;
  /** `--force`: replace an existing file (perhaps a filled-in template); without it, refused. */
  force: boolean;
}

/** The help's language: `--lang`, else the locale (main decides), else Russian. */
export type HelpLanguage = "ru" | "en";

export type CliRequest =
  | { command: "help"; lang: HelpLanguage | null }
  | { command: "version" }
  | AnalyzeRequest
  | TemplateRequest;

const OPTIONS = {
  out: { type: "string", short: "o" },
  json: { type: "boolean" },
  edition: { type: "string" },
  threshold: { type: "string" },
  "min-participants": { type: "string" },
  year: { type: "string" },
  sheet: { type: "string" },
  quantile: { type: "string" },
  social: { type: "string" },
  risk: { type: "string" },
  staff: { type: "string" },
  "schools-total": { type: "string" },
  years: { type: "string" },
  targets: { type: "string" },
  from: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  version: { type: "boolean" },
  official: { type: "string" },
  report: { type: "string" },
} as const;

type OptionName = keyof typeof OPTIONS;

/** What follows each option that takes a value, as the help writes it: said when it is missing. */
const VALUE_OF: Partial<Record<OptionName, string>> = {
  out: "<файл.xlsx>",
  edition: "2020|2025",
  threshold: "<число>",
  "min-participants": "<число>",
  year: "<год>",
  sheet: "<имя листа>",
  quantile: "0.25|0.2",
  social: "<файл.xlsx>",
  risk: "<файл.xlsx>",
  staff: "<файл.xlsx>",
  "schools-total": "<число>",
  years: "<годы>",
  targets: "<цели>",
  from: "<выгрузка.xlsx>",
  lang: "ru|en",
  official: "<список.xlsx|.csv>",
  report: "<справка.md>",
};

type OptionValues = Partial<Record<OptionName, string | boolean>>;

/** Which options each command takes; any other is refused rather than silently ignored. */
const COMMAND_OPTIONS: Record<"analyze" | "template", OptionName[]> = {
  analyze: [
    "out",
    "json",
    "edition",
    "threshold",
    "min-participants",
    "year",
    "sheet",
    "quantile",
    "social",
    "risk",
    "staff",
    "schools-total",
    "years",
    "targets",
    "force",
    "help",
    "official",
    "report",
  ],
  template: ["out", "from", "force", "help"],
};

/** Reads the command line; anything malformed is a `CliInputError` naming what to fix. */
export function parseCliArguments(argv: string[]): CliRequest {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help === true || positionals[0] === "help")
    return { command: "help", lang: helpLanguage(text(values.lang)) };
  if (values.lang !== undefined)
    throw new CliInputError(
      "Параметр --lang выбирает язык справки и действует только с --help: school-radar --help --lang en"
    );
  if (values.version === true) return { command: "version" };
  const [command, ...rest] = positionals;
  if (command === undefined)
    throw new CliInputError("Не указана команда. Запустите: school-radar --help");
  if (command !== "analyze" && command !== "template") {
    throw new CliInputError(
      `Неизвестная команда «${command}». Доступны команды analyze и template; справка: school-radar --help`
    );
  }
  refuseForeignOptions(command, values);
  return command === "analyze" ? analyzeRequest(rest, values) : templateRequest(rest, values);
}

function refuseForeignOptions(command: "analyze" | "template", values: OptionValues): void {
  const foreign = (Object.keys(values) as OptionName[]).filter(
    (name) => values[name] !== undefined && !COMMAND_OPTIONS[command].includes(name)
  );
  if (foreign.length > 0) {
    throw new CliInputError(
      `Параметр ${foreign.map((name) => `--${name}`).join(", ")} не относится к команде ${command}. Справка: school-radar --help`
    );
  }
}

function analyzeRequest(rest: string[], values: OptionValues): AnalyzeRequest {
  if (rest.length !== 1) {
    throw new CliInputError(
      rest.length === 0
        ? "Не указан файл книги: school-radar analyze <input.xlsx>"
        : `Ожидался один файл книги, получено ${rest.length}: ${rest.join(", ")}`
    );
  }
  const out = text(values.out);
  if (out !== null) requireXlsx(out, "Файл результата");
  const report = text(values.report);
  if (report !== null && !/\.md$/i.test(report))
    throw new CliInputError(`Файл справки (--report) должен иметь расширение .md: «${report}»`);
  if (values.force === true && out === null && report === null)
    throw new CliInputError(
      "Параметр --force разрешает заменить существующий файл результата или справки и действует только вместе с --out <результат.xlsx> или --report <справка.md>"
    );
  return {
    command: "analyze",
    input: rest[0]!,
    out,
    json: values.json === true,
    options: {
      edition: text(values.edition) ?? undefined,
      threshold: text(values.threshold) ?? undefined,
      minParticipants: text(values["min-participants"]) ?? undefined,
      year: text(values.year) ?? undefined,
    },
    sheet: text(values.sheet),
    quantile: parseQuantile(text(values.quantile)),
    social: text(values.social),
    risk: text(values.risk),
    staff: text(values.staff),
    schoolsTotal: schoolsTotalOption(text(values["schools-total"])),
    tableYears: tableYearsOption(text(values.years)),
    targets: targetsOption(text(values.targets)),
    force: values.force === true,
    official: text(values.official),
    report,
  };
}

/** `--schools-total`: validated by the engine (the pane's field says the same), before any file is read. */
function schoolsTotalOption(raw: string | null): number | null {
  if (raw === null) return null;
  const total = parseSchoolsTotal(raw);
  if (isEngineError(total)) throw new CliInputError(`Неверный параметр: ${total.message}`);
  return total;
}

/** `--years`: checked by the engine's parser; the text goes on as typed, the option the engine takes. */
function tableYearsOption(raw: string | null): string | null {
  if (raw === null) return null;
  const years = parseTableYears(raw);
  if (isEngineError(years)) throw new CliInputError(`Неверный параметр: ${years.message}`);
  return raw;
}

/** `--targets «шнор=12; гиа=4»`: checked by the engine's parser, the same as the pane's field. */
function targetsOption(raw: string | null): Partial<Targets> {
  if (raw === null) return {};
  const targets = parseTargets(raw);
  if (isEngineError(targets)) throw new CliInputError(`Неверный параметр: ${targets.message}`);
  return targets;
}

function templateRequest(rest: string[], values: OptionValues): TemplateRequest {
  const kinds = [...TEMPLATE_KINDS, "all"].join(", ");
  if (rest.length !== 1) {
    throw new CliInputError(
      rest.length === 0
        ? `Не указан вид шаблона: school-radar template <${TEMPLATE_KINDS.join("|")}|all> --out <файл.xlsx>`
        : `Ожидался один вид шаблона, получено ${rest.length}: ${rest.join(", ")}`
    );
  }
  const kind = rest[0]!;
  if (kind !== "all" && !(TEMPLATE_KINDS as string[]).includes(kind)) {
    throw new CliInputError(`Неизвестный вид шаблона «${kind}». Доступны: ${kinds}`);
  }
  const out = text(values.out);
  if (out === null) {
    throw new CliInputError(
      `Не указан файл шаблона: school-radar template ${kind} --out <файл.xlsx>`
    );
  }
  requireXlsx(out, "Файл шаблона");
  return {
    command: "template",
    kind: kind as TemplateKind | "all",
    out,
    from: text(values.from),
    force: values.force === true,
  };
}

/**
 * `--quantile`: the share of schools with the lowest ИСБШ that form the ШНСУ group. Accepts the
 * fraction (0.25, 0,2), the per cent (25, 20 %) or the word (квартиль, квинтиль).
 */
export function parseQuantile(raw: string | null): Quantile {
  if (raw === null) return 0.25;
  const typed = raw.trim().toLocaleLowerCase("ru").replace(",", ".").replace(/\s*%$/, "");
  if (["0.25", "25", "квартиль", "quartile"].includes(typed)) return 0.25;
  if (["0.2", "0.20", "20", "квинтиль", "quintile"].includes(typed)) return 0.2;
  throw new CliInputError(
    `Неверный параметр: --quantile (группа ШНСУ): ожидалось 0.25 (нижний квартиль) или 0.2 (нижний квинтиль); найдено «${raw}»`
  );
}

function requireXlsx(file: string, what: string): void {
  // The file is always an .xlsx workbook; under another extension Excel refuses or warns on opening it.
  if (!/\.xlsx$/i.test(file))
    throw new CliInputError(`${what} должен иметь расширение .xlsx: «${file}»`);
}

function text(value: string | boolean | undefined): string | null {
  return typeof value === "string" ? value : null;
}

/** `--lang`: the help's language; the locale decides when it is not given. */
function helpLanguage(raw: string | null): HelpLanguage | null {
  if (raw === null) return null;
  const typed = raw.trim().toLowerCase();
  if (typed === "ru" || typed === "en") return typed;
  throw new CliInputError(
    `Неверный параметр: --lang (язык справки): ожидалось ru или en; найдено «${raw}»`
  );
}

function parseOrExplain(argv: string[]) {
  // A lenient pass first: its tokens say which option went wrong and how, in the user's words.
  const { tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) if (token.kind === "option") explainOption(token, argv);
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // A case explainOption does not cover (none is known): util.parseArgs says it in English.
    // Duck-typed: under jest, node's own errors come from another realm and fail `instanceof Error`.
    const detail = (error as { message?: unknown }).message ?? String(error);
    throw new CliInputError(
      `Неверные аргументы командной строки: ${detail}\nСправка: school-radar --help`
    );
  }
}

interface OptionToken {
  name: string;
  rawName: string;
  index: number;
  value?: string;
  inlineValue?: boolean;
}

/** Refuses an unknown option, a missing value, or a value given to a switch, saying which and how to fix it. */
function explainOption(token: OptionToken, argv: string[]): void {
  const known = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name as OptionName] : null;
  if (known === null) throw unknownOption(argv[token.index]!.split("=")[0]!);
  if (known.type === "boolean" && token.value !== undefined) {
    throw new CliInputError(
      `Параметр ${token.rawName} не принимает значения; найдено «${argv[token.index]}». Укажите просто ${token.rawName}`
    );
  }
  if (known.type !== "string") return;
  if (token.value === undefined) {
    throw new CliInputError(
      `Не указано значение параметра ${token.rawName}: ожидалось ${token.rawName} ${VALUE_OF[token.name as OptionName] ?? "<значение>"}. Справка: school-radar --help`
    );
  }
  // `--min-participants -1`: a value that looks like an option is most often a forgotten value.
  if (!token.inlineValue && token.value.startsWith("-")) {
    throw new CliInputError(
      `Не указано значение параметра ${token.rawName}: следом идёт «${token.value}», а это похоже на параметр. ` +
        `Если «${token.value}» — значение, напишите ${token.rawName}=${token.value}`
    );
  }
}

/** «Неизвестный параметр --treshold. Возможно, имелся в виду --threshold?» */
function unknownOption(typed: string): CliInputError {
  const near = nearestName(typed.replace(/^-+/, ""), Object.keys(OPTIONS));
  const hint = near === null ? "" : ` Возможно, имелся в виду --${near}?`;
  return new CliInputError(`Неизвестный параметр ${typed}.${hint} Справка: school-radar --help`);
}
