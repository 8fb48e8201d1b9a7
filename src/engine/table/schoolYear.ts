import type { SchoolYear } from "./exportTable";

// `2018/2019`, `2018-2019`, `2018–19`, `2018/19`: a school year named by its two calendar years.
const SCHOOL_YEAR = /(?<!\d)(20\d\d)\s*[/\-–—]\s*(20\d\d|\d\d)(?!\d)/;
// `2019`: the spring of a school year, which is when ВПР, ОГЭ and ЕГЭ are written.
const CALENDAR_YEAR = /(?<!\d)(20\d\d)(?!\d)/;

/** Finds a year in header text; returns it with the matched text so the caller can strip it. */
export function findSchoolYear(text: string): { year: SchoolYear; match: string } | null {
  const pair = SCHOOL_YEAR.exec(text);
  if (pair) {
    const start = Number(pair[1]);
    const end =
      pair[2].length === 2 ? Math.floor(start / 100) * 100 + Number(pair[2]) : Number(pair[2]);
    if (end === start + 1) return { year: { label: `${start}/${end}`, end }, match: pair[0] };
  }
  const single = CALENDAR_YEAR.exec(text);
  return single ? { year: { label: single[1], end: Number(single[1]) }, match: single[0] } : null;
}

/** Parses a year the user typed (`2019`, `2018/2019`, `2018-19`); null when it is not one. */
export function parseSchoolYear(text: string): SchoolYear | null {
  const found = findSchoolYear(text.trim());
  return found && found.match.length === text.trim().length ? found.year : null;
}
