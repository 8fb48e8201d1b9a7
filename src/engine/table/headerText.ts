import type { Procedure, ProcedureFamily, SchoolYear } from "./exportTable";
import { normalizeText } from "../russianText";
import { findSchoolYear } from "./schoolYear";

/** What one column holds for one procedure × year. */
export type Metric = "failing" | "high" | "participants" | "average";

/** Identity fields of a school row. */
export type IdentityField = "municipality" | "name" | "login";

/** What a column's header text says, as far as it can be read. */
export interface HeaderMeaning {
  procedure: Procedure | null;
  year: SchoolYear | null;
  metric: Metric | null;
  identity: IdentityField | null;
}

// JavaScript's \b does not know Cyrillic letters, so word edges are spelled out.
const edge = (body: string): RegExp => new RegExp(`(?<![а-яa-z0-9])(?:${body})(?![а-яa-z0-9])`);

const FAMILIES: [ProcedureFamily, RegExp][] = [
  ["ВПР", edge("впр")],
  ["ОГЭ", edge("огэ|гиа-?9")],
  ["ЕГЭ", edge("егэ|гиа-?11")],
  ["КДР", edge("кдр")],
  ["НИКО", edge("нико")],
  ["PISA", edge("pisa|пиза")],
];

const MATH = edge("ма|мат\\.?|математик[а-я]*");
const RUSSIAN = edge("ру|рус\\.?|русск[а-я]*(?: язык[а-я]*)?|р\\.я\\.");
const BASE_LEVEL = /баз/;
const PROFILE_LEVEL = /проф/;

const METRICS: [Metric, RegExp][] = [
  [
    "failing",
    /"2"|%\s*2(?!\d)|отметк[а-я]* 2(?!\d)|дво[ей]к|неудовл|не\s*преодол|не\s*сдал|ниже\s*мин|не\s*набрал/,
  ],
  ["high", /высок|"4"\s*и\s*"5"|на\s*4\s*и\s*5/],
  ["participants", /участ|кол-?во|количеств|числ[оа]|чел\./],
  ["average", /средн|ср\.\s*(балл|отм)/],
];

const IDENTITIES: [IdentityField, RegExp][] = [
  ["login", /логин|login|код\s*оо|идентификатор/],
  ["municipality", /муницип|(?<![а-я])(мо|ате|мр|го)(?![а-я])|район|округ|территор/],
  ["name", /наименован|название|(?<![а-я])оо(?![а-я])|школ|образовательн|организаци|учреждени/],
];

/**
 * Real headers are a few words («ВПР МА 5 2018/2019 % «2»», a long subject name, four header rows
 * joined). A longer text is a note or pasted data, not a header — and the patterns below would spend
 * seconds on a cell of megabytes (a 10 MB cell took 15 s), so such text is not read at all.
 */
export const MAX_HEADER_TEXT = 1000;

const NO_MEANING: HeaderMeaning = { procedure: null, year: null, metric: null, identity: null };

/** Reads one column's header text (all header rows joined). */
export function readHeaderText(raw: string): HeaderMeaning {
  if (raw.length > MAX_HEADER_TEXT) return { ...NO_MEANING };
  const text = normalizeText(raw);
  const family = FAMILIES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
  const metric = METRICS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
  const found = findSchoolYear(text);
  if (family === null) {
    const identity = IDENTITIES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
    return {
      procedure: null,
      year: found?.year ?? null,
      metric,
      identity: metric ? null : identity,
    };
  }
  const rest = stripNonSubjectWords(text, found?.match);
  return {
    procedure: describeProcedure(family, rest),
    year: found?.year ?? null,
    metric,
    identity: null,
  };
}

// Words that describe the metric or fill the header, not the subject: removed before the subject is read.
const FILLER = new RegExp(
  [
    '%?\\s*"[2-5]"(\\s*и\\s*"[2-5]")?',
    "%\\s*2(?!\\d)",
    "на\\s*4\\s*и\\s*5",
    "[а-я]*(высок|участ|кол-?во|количеств|числ[оа]|чел\\.|средн|ср\\.|балл|отметк|результат|доля|процент|дво[ей]к|неудовл|преодол|сдал|набрал|минимал|порог|ниже)[а-я]*\\.?",
    "(?<![а-я])(не|по|и|в|из)(?![а-я])",
  ].join("|"),
  "g"
);

/** Removes the year, the family and the metric words so that subject and grade remain. */
function stripNonSubjectWords(text: string, yearText: string | undefined): string {
  let rest = yearText ? text.replace(yearText, " ") : text;
  for (const [, pattern] of FAMILIES) rest = rest.replace(pattern, " ");
  return rest
    .replace(FILLER, " ")
    .replace(/[%(),;:/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function describeProcedure(family: ProcedureFamily, rest: string): Procedure {
  const gradeMatch =
    /(?<!\d)(1[01]|[1-9])\s*(?:-?\s*(?:й|го))?\s*(?:кл(?:асс[а-я]*|\.)?)?(?!\d)/.exec(rest);
  const grade = family === "ОГЭ" || family === "ЕГЭ" || !gradeMatch ? null : Number(gradeMatch[1]);
  const subjectText = (gradeMatch ? rest.replace(gradeMatch[0], " ") : rest).trim();
  const subject = MATH.test(subjectText)
    ? "МА"
    : RUSSIAN.test(subjectText)
      ? "РУ"
      : otherSubject(subjectText);
  const level =
    family === "ЕГЭ" && subject === "МА"
      ? BASE_LEVEL.test(subjectText)
        ? "база"
        : PROFILE_LEVEL.test(subjectText)
          ? "профиль"
          : null
      : null;
  const label = [family, subject, grade ?? "", level ?? ""].filter((part) => part !== "").join(" ");
  return {
    id: label,
    family,
    subject,
    grade,
    level,
    label,
    countedForLowResults: isCountedForLowResults(family, subject, grade),
  };
}

/** Subjects other than mathematics and Russian keep their own spelling, tidied. */
function otherSubject(text: string): string {
  const words = text.replace(/[."]/g, " ").replace(/\s+/g, " ").trim();
  if (words === "") return "?";
  return words.length <= 3 ? words.toUpperCase() : words.charAt(0).toUpperCase() + words.slice(1);
}

/** docs/method.md §2: ВПР mathematics and Russian in grades 5 and 6, ОГЭ and ЕГЭ in both subjects. */
function isCountedForLowResults(
  family: ProcedureFamily,
  subject: string,
  grade: number | null
): boolean {
  if (subject !== "МА" && subject !== "РУ") return false;
  if (family === "ВПР") return grade === 5 || grade === 6;
  return family === "ОГЭ" || family === "ЕГЭ";
}

/** The procedure for a known family/subject/grade, used by the headerless seed-002 convention. */
export function procedureFromParts(family: ProcedureFamily, subjectWords: string): Procedure {
  return describeProcedure(family, normalizeText(subjectWords));
}
