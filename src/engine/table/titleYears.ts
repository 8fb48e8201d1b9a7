import type { EngineError } from "../types";
import type { SchoolYear } from "./exportTable";
import { engineError } from "../engineError";
import { quoteFound } from "../russianText";

/**
 * The data years a heading above a table names: «Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов» names two,
 * «Итоги ВПР 2018–2019 гг.» two, «2018/2019 учебный год» one (a school year). A heading also carries
 * years that are not data years — the date of an order («от 09.12.2020», «от 9 декабря 2020 г.») and
 * its number («№ 1351») — and those must never become one (docs/method.md §1): they are cut out first.
 */
const MONTHS =
  "январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]";

const NOT_DATA_YEARS: RegExp[] = [
  // 09.12.2020, 9.12.20, 2020-12-09
  /(?<!\d)\d{1,2}[./]\d{1,2}[./](?:20)?\d\d(?!\d)/g,
  /(?<!\d)20\d\d-\d\d-\d\d(?!\d)/g,
  // 9 декабря 2020 (г., года)
  new RegExp(`(?<!\\d)\\d{1,2}\\s+(?:${MONTHS})\\s+20\\d\\d(?!\\d)`, "g"),
  // «от … 2020 г.»: an act's date in words or digits, up to its year
  /(?<![а-я])от\s+[^,;()«»"№\d]{0,20}20\d\d\s*г(?:ода|\.)?/g,
  // № 1351, № 828-р, N 12/2020
  /(?:№|(?<![a-zа-я])n\s*(?=\d))\s*[\w./-]+/g,
];

// 2018/2019, 2018/19, 2018-19: one school year. 2018–2019 before «уч…»: one school year too.
const SCHOOL_YEAR = /(?<!\d)(20\d\d)\s*(?:\/\s*(20\d\d|\d\d)|[-–—]\s*(\d\d))(?!\d)/g;
const SCHOOL_YEAR_WORDS = /(?<!\d)(20\d\d)\s*[-–—]\s*(20\d\d)(?=\s*(?:уч|уг|у\.\s*г))/g;
// 2018–2019 (гг.): the years from the first to the last.
const RANGE = /(?<!\d)(20\d\d)\s*[-–—]\s*(20\d\d)(?!\d)/g;
const CALENDAR_YEAR = /(?<!\d)(20\d\d)(?!\d)/g;

/** The data years a heading names, oldest first; empty when it names none. */
export function findTitleYears(raw: string): SchoolYear[] {
  let text = raw
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s\u00a0]+/g, " ");
  for (const pattern of NOT_DATA_YEARS) text = text.replace(pattern, " ");
  const found = new Map<number, SchoolYear>();
  const add = (year: SchoolYear): void => {
    if (!found.has(year.end)) found.set(year.end, year);
  };
  const take = (pattern: RegExp, onMatch: (match: RegExpExecArray) => boolean): void => {
    text = text.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      return onMatch(match) ? " " : (match[0] as string);
    });
  };
  take(SCHOOL_YEAR_WORDS, (m) => schoolYear(Number(m[1]), m[2], add));
  take(SCHOOL_YEAR, (m) => schoolYear(Number(m[1]), m[2] ?? m[3], add));
  take(RANGE, (m) => {
    const [first, last] = [Number(m[1]), Number(m[2])];
    if (last <= first || last - first > 10) return false;
    for (let year = first; year <= last; year++) add({ label: String(year), end: year });
    return true;
  });
  for (const match of text.matchAll(CALENDAR_YEAR)) add({ label: match[1], end: Number(match[1]) });
  return [...found.values()].sort((a, b) => a.end - b.end);
}

/** 2018/2019 or 2018/19 is a school year only when the second year follows the first. */
function schoolYear(start: number, second: string, add: (year: SchoolYear) => void): boolean {
  const end = second.length === 2 ? Math.floor(start / 100) * 100 + Number(second) : Number(second);
  if (end !== start + 1) return false;
  add({ label: `${start}/${end}`, end });
  return true;
}

/**
 * The years of a table as the user typed them (`--years`, the pane's field): «2018, 2019»,
 * «2018 и 2019», «2018–2019», «2019». Oldest first.
 */
export function parseTableYears(text: string): SchoolYear[] | EngineError {
  const trimmed = text.trim();
  const years = findTitleYears(trimmed);
  const leftover = trimmed
    .toLowerCase()
    .replace(/(?<!\d)20\d\d(?:\s*[/\-–—]\s*(?:20)?\d\d)?(?!\d)/g, "")
    .replace(/[\s,;]+|(?<![а-я])(?:и|гг?\.?|годы?|годов)(?![а-я])/g, "");
  if (years.length === 0 || leftover !== "") {
    return engineError(
      "bad_option",
      `годы таблицы: ожидались годы через запятую, например «2018, 2019» (позднейший — отчётный); найдено ${quoteFound(text)}`
    );
  }
  return years;
}
