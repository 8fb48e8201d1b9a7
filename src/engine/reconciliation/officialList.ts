import type { CellValue, EngineError, SheetGrid, Warning } from "../types";
import { cellAddress, quotedSheetName } from "../table/cellAddress";
import { cellText } from "../table/cellValue";
import { readHeaderText } from "../table/headerText";
import { normalizeText, quoteFound } from "../russianText";
import { engineError } from "../engineError";
import { spellingKey } from "./schoolNames";

/**
 * An official list of schools (docs/method.md §9): the region's or Rosobrnadzor's list of ШНОР that
 * the municipality checks its own against. One school a row, by login, by name, or both; other
 * columns (numbering, territory, notes) are kept out of the way.
 */
export interface OfficialEntry {
  /** The name as the list writes it ("" when the list has only logins). */
  name: string;
  /** `sch…`/`edu…`, or null when the list has no login for the school. */
  login: string | null;
  /** Zero-based sheet row. */
  row: number;
}

export interface OfficialList {
  sheetName: string;
  /** Zero-based sheet row of the header. */
  headerRow: number;
  /** Zero-based sheet columns of the login and the name, where the list has them. */
  columns: { login?: number; name?: number };
  entries: OfficialEntry[];
  /** The user named this sheet (or file) as the list; otherwise it was recognised by its header. */
  chosen: boolean;
  warnings: Warning[];
}

const LOGIN = /^(sch|edu)\d{4,}$/i;
const HEADER_SEARCH_ROWS = 20;
const LOGIN_HEADER = /логин|login|код оо|идентификатор оо/;
const NAME_HEADER =
  /^(?:полное |краткое |сокращенное )?(?:наименование|название)|^(?:оо|школа|школы|name|school|school name|образовательная организация|общеобразовательная организация|общеобразовательное учреждение|организация|учреждение)$/;
/**
 * The other columns an official list has: numbering, territory, the criterion or the source of the
 * listing, notes. A sheet with other columns (contacts, a director's name) is not taken for a list
 * unless the user names it: a list of every school's telephone is not a list of ШНОР.
 */
const LIST_COLUMN =
  /^(?:№|n|no|п\/п)|номер|муницип|(?<![а-я])(?:мо|ате|го|мр)(?![а-я])|район|округ|регион|субъект|территор|населен|критери|признак|основани|примечани|комментари|источник|статус|(?<![а-я])год(?![а-я])|тип|вид оо|категори/;
const TOTAL_ROW = /^(?:итого|всего)/;

/** What the reader looks for, as every message names it. */
export const OFFICIAL_LIST_HEADERS =
  "столбец логина ОО («Логин», «Логин ОО», «login») или наименования ОО («Наименование ОО», «Название», «ОО», «Школа»)";

/** How every message of the reader begins; a caller naming a file instead (`--official`) drops it. */
export function onSheet(sheetName: string): string {
  return `На листе «${sheetName}» `;
}

interface Header {
  row: number;
  login?: number;
  name?: number;
  /** A header cell that is neither an identity nor a list's usual column (the first one). */
  other?: string;
  /** A header cell naming a procedure: a results table, never a list. */
  procedure?: string;
}

/**
 * Reads a list of schools. `chosen`: the user named the sheet, so any header with a login or a name
 * column will do; otherwise the header must have nothing but a list's usual columns and no results
 * (the other readers' sheets are tried before this one).
 */
export function readOfficialList(grid: SheetGrid, chosen: boolean): OfficialList | EngineError {
  const header = findHeader(grid);
  const where = quotedSheetName(grid.sheetName);
  const refused = (reason: string) =>
    engineError("no_table", `${onSheet(grid.sheetName)}${reason}`, where);
  if (header === null) {
    return refused(
      `не найден список школ: в первых ${HEADER_SEARCH_ROWS} строках нет заголовка — ожидался ${OFFICIAL_LIST_HEADERS}`
    );
  }
  if (!chosen && (header.procedure !== undefined || header.other !== undefined)) {
    return refused(
      `не список школ: кроме логина и наименования есть столбец ${quoteFound(header.procedure ?? header.other)}`
    );
  }
  const warnings: Warning[] = [];
  const entries = readEntries(grid, header, warnings);
  if (entries.length === 0) {
    return refused(
      `не найден список школ: под строкой заголовков (строка ${header.row + 1}) нет ни одной школы`
    );
  }
  return {
    sheetName: grid.sheetName,
    headerRow: header.row,
    columns: {
      ...(header.login === undefined ? {} : { login: header.login }),
      ...(header.name === undefined ? {} : { name: header.name }),
    },
    entries,
    chosen,
    warnings,
  };
}

/** The first of the first rows with a login or a name header. */
function findHeader(grid: SheetGrid): Header | null {
  const firstRow = grid.origin?.row ?? 0;
  const firstColumn = grid.origin?.column ?? 0;
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const header: Header = { row: firstRow + index };
    (grid.values[index] ?? []).forEach((cell, at) => {
      const text = cellText(cell);
      if (text === "" || text.length > 200) return;
      const normal = normalizeText(text);
      const column = firstColumn + at;
      if (header.login === undefined && normal.length <= 40 && LOGIN_HEADER.test(normal))
        header.login = column;
      else if (header.name === undefined && normal.length <= 80 && NAME_HEADER.test(normal))
        header.name = column;
      else if (readHeaderText(text).procedure !== null) header.procedure ??= text;
      else if (!LIST_COLUMN.test(normal)) header.other ??= text;
    });
    if (header.login !== undefined || header.name !== undefined) return header;
  }
  return null;
}

function readEntries(grid: SheetGrid, header: Header, warnings: Warning[]): OfficialEntry[] {
  const firstRow = grid.origin?.row ?? 0;
  const firstColumn = grid.origin?.column ?? 0;
  const entries: OfficialEntry[] = [];
  // A school listed twice: by its login, or by its name when the list has no login for it.
  const seen = new Map<string, number>();
  for (let index = header.row - firstRow + 1; index < grid.values.length; index++) {
    const cells = grid.values[index] ?? [];
    const row = firstRow + index;
    const at = (column: number | undefined): CellValue =>
      column === undefined ? null : (cells[column - firstColumn] ?? null);
    const name = cellText(at(header.name));
    const loginText = cellText(at(header.login));
    if (name === "" && loginText === "") continue;
    if (!LOGIN.test(loginText) && TOTAL_ROW.test(normalizeText(name))) continue;
    let login: string | null = null;
    if (LOGIN.test(loginText)) login = loginText;
    else if (loginText !== "" && !/^[-–—]$/.test(loginText)) {
      warnings.push({
        cell: cellAddress(grid.sheetName, row, header.login!),
        message: `список школ: ожидался логин ОО вида sch123456 или edu123456; найдено ${quoteFound(loginText)}; школа сверяется по наименованию`,
      });
    }
    if (login === null && name === "") continue;
    const key = login !== null ? login.toLowerCase() : `name:${spellingKey(name)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      warnings.push({
        cell: cellAddress(grid.sheetName, row, login !== null ? header.login! : header.name!),
        message: `список школ: ${quoteFound(login ?? name)} уже есть в строке ${earlier + 1}; повторная строка не учтена`,
      });
      continue;
    }
    seen.set(key, row);
    entries.push({ name, login, row });
  }
  return entries;
}
