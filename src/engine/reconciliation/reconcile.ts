import type { Warning } from "../types";
import type { ExportTable } from "../table/exportTable";
import type { IdentificationResult, SchoolStatus } from "../lowResults/identifyLowResultSchools";
import { cellAddress } from "../table/cellAddress";
import { quoteFound } from "../russianText";
import type { OfficialEntry, OfficialList } from "./officialList";
import { spellingKey, variantKey } from "./schoolNames";
import { candidateNames, roomBetween } from "./candidateNames";

/**
 * Our ШНОР against an official list (docs/method.md §9). Each entry of the list is found among the
 * table's schools by its login, else by its name — first as written, then with the usual variants
 * (`variantKey`). A name that fits two schools is ambiguous and never matched; a match by a
 * differently written name, or by name where the list's login is not the table's, is uncertain and
 * says so.
 */
export type MatchKind =
  /** The list's login is the school's. */
  | "login"
  /** The same name, whatever the case, quotes, spaces or «№5»/«№ 5». */
  | "name"
  /** The same school by the usual variants of its name (legal form, «средняя школа» = «СОШ»). */
  | "variant";

export interface ReconciledEntry {
  /** The list's entry; null for a school only we flag. */
  official: OfficialEntry | null;
  /** Index into the table's schools; null when the entry was not found (or is ambiguous). */
  school: number | null;
  match: MatchKind | null;
  /**
   * The list's login is not the one of the school its name was matched to (null when the list has no
   * login or they agree): the match is uncertain.
   */
  otherLogin: string | null;
  /** Indices of the table's schools the entry's name fits, when it fits more than one. */
  ambiguous: number[];
  /** Our status of the school; null when it is not in the table or the entry is ambiguous. */
  status: SchoolStatus | null;
}

export interface Reconciliation {
  officialSheet: string;
  /** How many schools the official list names (its entries, repeats left out). */
  listSchools: number;
  tableSheet: string;
  /** On both lists. */
  matched: ReconciledEntry[];
  /** Our ШНОР the official list does not have. */
  onlyOurs: ReconciledEntry[];
  /** The official list's schools that are not our ШНОР (ambiguous ones included). */
  onlyOfficial: ReconciledEntry[];
  warnings: Warning[];
}

/** Whether a match needs a person's check: a name written otherwise, or logins that disagree. */
export function isUncertain(entry: ReconciledEntry): boolean {
  return entry.match === "variant" || entry.otherLogin !== null;
}

export function reconcileWithOfficialList(
  list: OfficialList,
  table: ExportTable,
  identification: IdentificationResult
): Reconciliation {
  const index = schoolIndex(table);
  const { statuses } = identification;
  const claimed = new Map<number, OfficialEntry>();
  const warnings: Warning[] = [];
  const matched: ReconciledEntry[] = [];
  const onlyOfficial: ReconciledEntry[] = [];
  for (const official of list.entries) {
    const found = findSchool(official, index);
    const school = found.school;
    if (school !== null) {
      const earlier = claimed.get(school);
      if (earlier !== undefined) {
        warnings.push({
          cell: cellAddress(list.sheetName, official.row, list.columns.name ?? list.columns.login!),
          message:
            `список школ: ${quoteFound(official.name || official.login)} — та же школа таблицы, что и в строке ${earlier.row + 1} ` +
            `(${table.schools[school].name}, ${table.schools[school].login}); повторная строка не учтена`,
        });
        continue;
      }
      claimed.set(school, official);
    }
    if (found.ambiguous.length > 0) {
      // Said among the warnings too: the one place every host lists what it could not decide.
      const before = `список школ: наименование ${quoteFound(official.name)} подходит к нескольким школам таблицы — `;
      const after = "; школа не сопоставлена, укажите в списке её логин";
      warnings.push({
        cell: cellAddress(list.sheetName, official.row, list.columns.name!),
        message: `${before}${candidateNames(found.ambiguous, table, roomBetween(before, after))}${after}`,
      });
    }
    const entry: ReconciledEntry = {
      official,
      ...found,
      status: school === null ? null : statuses[school],
    };
    (entry.status === "shnor" ? matched : onlyOfficial).push(entry);
  }
  const onlyOurs: ReconciledEntry[] = [];
  for (let school = 0; school < statuses.length; school++) {
    if (statuses[school] !== "shnor" || claimed.has(school)) continue;
    onlyOurs.push({
      official: null,
      school,
      match: null,
      otherLogin: null,
      ambiguous: [],
      status: "shnor",
    });
  }
  return {
    officialSheet: list.sheetName,
    listSchools: list.entries.length,
    tableSheet: table.sheetName,
    matched,
    onlyOurs,
    onlyOfficial,
    warnings,
  };
}

interface SchoolIndex {
  byLogin: Map<string, number>;
  bySpelling: Map<string, number[]>;
  byVariant: Map<string, number[]>;
}

function schoolIndex(table: ExportTable): SchoolIndex {
  const index: SchoolIndex = { byLogin: new Map(), bySpelling: new Map(), byVariant: new Map() };
  const add = (map: Map<string, number[]>, key: string, school: number) => {
    if (key === "") return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [school]);
    else list.push(school);
  };
  table.schools.forEach((school, position) => {
    index.byLogin.set(school.key, position);
    add(index.bySpelling, spellingKey(school.name), position);
    add(index.byVariant, variantKey(school.name), position);
  });
  return index;
}

type Found = Pick<ReconciledEntry, "school" | "match" | "otherLogin" | "ambiguous">;

/**
 * By login first: the stable key. A login the table does not have is looked for by name (a typo in
 * either list), and the match then says the logins differ. Each name key decides alone: a name that
 * fits two schools as written is ambiguous, not matched by a looser key.
 */
function findSchool(official: OfficialEntry, index: SchoolIndex): Found {
  const none: Found = { school: null, match: null, otherLogin: null, ambiguous: [] };
  if (official.login !== null) {
    const school = index.byLogin.get(official.login.toLowerCase());
    if (school !== undefined) return { ...none, school, match: "login" };
  }
  if (official.name === "") return none;
  const otherLogin = official.login;
  for (const [match, map, key] of [
    ["name", index.bySpelling, spellingKey(official.name)],
    ["variant", index.byVariant, variantKey(official.name)],
  ] as const) {
    const schools = map.get(key);
    if (schools === undefined) continue;
    if (schools.length > 1) return { ...none, ambiguous: [...schools] };
    return { school: schools[0], match, otherLogin, ambiguous: [] };
  }
  return none;
}
