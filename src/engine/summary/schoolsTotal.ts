import type { EngineError, Warning } from "../types";
import type { IdentificationResult } from "../lowResults/identifyLowResultSchools";
import { engineError } from "../engineError";
import { plural, quoteFound } from "../russianText";
import { quotedSheetName } from "../table/cellAddress";

/**
 * The municipality's number of schools, as the user gives it (docs/method.md §6). The programmes' target is a
 * share of ШНОР «от общего количества ОО муниципалитета», but a table may list only some schools:
 * seed 002's appendix lists the 15 flagged ones, and the share of its table is 100 %. Only the user
 * knows the total, so it is asked for, never guessed.
 */

/** Where to give the number, named the same in every host's messages. */
const WHERE_TO_GIVE =
  "--schools-total N в командной строке или поле «Всего школ в муниципалитете» в области задач";

/**
 * With this many schools or more, a table whose every school is ШНОР is taken for a list of the
 * flagged schools only. With one or two, a small municipality whose schools are all ШНОР is as likely.
 */
export const FLAGGED_LIST_MIN_SCHOOLS = 3;

/**
 * The number as a person typed it: a whole number of at least 1 (`120`, `1 200`). Empty text is an
 * error here; a host whose field may stay empty treats empty as «not given» before calling this.
 */
export function parseSchoolsTotal(text: string): number | EngineError {
  // Digit groups («1 200», with a non-breaking space as Excel writes them) are one number.
  const digits = text.trim().replace(/(?<=\d)[\s\u00a0](?=\d{3}(?!\d))/g, "");
  const total = Number(digits);
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(total) || total < 1) {
    return engineError(
      "bad_option",
      `всего школ в муниципалитете: ожидалось целое число не меньше 1; найдено ${quoteFound(text)}`
    );
  }
  return total;
}

/**
 * The total against the table it is the total of: a municipality cannot have fewer schools than its
 * table lists, so such a total is a typing slip or the wrong table, and no share is made from it.
 */
export function checkSchoolsTotal(
  schoolsTotal: number,
  table: { sheetName: string; schools: number }
): EngineError | null {
  if (!Number.isSafeInteger(schoolsTotal) || schoolsTotal < 1) {
    return engineError(
      "bad_option",
      `всего школ в муниципалитете: ожидалось целое число не меньше 1; найдено «${schoolsTotal}»`
    );
  }
  if (schoolsTotal >= table.schools) return null;
  return engineError(
    "bad_option",
    `всего школ в муниципалитете: указано ${schoolsTotal}, а в таблице листа «${table.sheetName}» ` +
      `${plural(table.schools, "школа", "школы", "школ")} — школ муниципалитета не может быть меньше, ` +
      `чем в его таблице. Укажите число всех школ муниципалитета (не меньше ${table.schools}) ` +
      "или не указывайте его — тогда доля ШНОР считается от школ таблицы."
  );
}

/**
 * A table whose every school is ШНОР is most likely the list of flagged schools (seed 002's
 * appendix), not the municipality's schools: then its 100 % says nothing of the target, and the user
 * is told so and how to give the total. Not when the total is given: then the share is already of it.
 */
export function flaggedListWarnings(
  identification: IdentificationResult,
  sheetName: string,
  schoolsTotal: number | null
): Warning[] {
  const listed = identification.statuses.length;
  if (
    schoolsTotal !== null ||
    listed < FLAGGED_LIST_MIN_SCHOOLS ||
    identification.counts.shnor !== listed
  )
    return [];
  return [
    {
      cell: quotedSheetName(sheetName),
      message:
        `ожидалась таблица всех школ муниципалитета, а в таблице ${plural(listed, "школа", "школы", "школ")}, ` +
        "и все они — ШНОР: похоже, это список только выявленных школ. " +
        "Доля ШНОР (100\u00a0%) посчитана от школ таблицы, а не от всех школ муниципалитета; " +
        `чтобы сравнить её с целью, укажите число всех школ муниципалитета: ${WHERE_TO_GIVE}`,
    },
  ];
}
