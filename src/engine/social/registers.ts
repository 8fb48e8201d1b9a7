import type { SheetGrid } from "../types";
import type { SocialPassport } from "./socialPassport";
import { cellAddress, columnLetters } from "../table/cellAddress";
import { cellText } from "../table/cellValue";
import { formatPercent, quoteFound } from "../russianText";

/**
 * d_registered of ИСБШ is the share on any register (docs/method.md §3). A passport may give the total, or
 * only the separate registers, or both; whichever the columns' order, the same d must come out.
 */
const REGISTER_PARTS = ["registeredInSchool", "registeredKdn", "registeredPolice"] as const;

type RegisterPart = (typeof REGISTER_PARTS)[number];

const TOTAL = "onRegisters";
const TOTAL_LABEL = "«Состоят на учёте (ВШУ, КДН, полиция)»";

/**
 * The total column is used when there is one (a part above it in a row is a contradiction, reported);
 * without it, the parts make up «Состоят на учёте», with a warning that says how far to trust it.
 */
export function readRegisters(grid: SheetGrid, passport: SocialPassport): void {
  // Sheet order for what the messages list; the values never depend on it.
  const parts = REGISTER_PARTS.filter((part) => passport.columns[part] !== undefined).sort(
    (a, b) => passport.columns[a] - passport.columns[b]
  );
  if (parts.length === 0) return;
  if (passport.columns[TOTAL] !== undefined) checkPartsAgainstTotal(grid, passport, parts);
  else sumRegisters(grid, passport, parts);
}

/** A column's header as the sheet writes it, with its letter: «На учёте в ПДН» (F). */
function columnName(grid: SheetGrid, passport: SocialPassport, key: string): string {
  const column = passport.columns[key];
  const header = grid.values[passport.headerRow - (grid.origin?.row ?? 0)] ?? [];
  return `${quoteFound(cellText(header[column - (grid.origin?.column ?? 0)]))} (${columnLetters(column)})`;
}

const isShare = (passport: SocialPassport, key: string): boolean => passport.shares.includes(key);

const shown = (value: number, share: boolean): string =>
  String(value).replace(".", ",") + (share ? "\u00a0%" : "");

function checkPartsAgainstTotal(
  grid: SheetGrid,
  passport: SocialPassport,
  parts: RegisterPart[]
): void {
  const totals = passport.fieldValues[TOTAL];
  const share = isShare(passport, TOTAL);
  for (const part of parts) {
    // A count and a share are not compared: the total students would have to be trusted first.
    if (isShare(passport, part) !== share) continue;
    const values = passport.fieldValues[part];
    for (let row = 0; row < values.length; row++) {
      if (!(values[row] > totals[row])) continue;
      passport.warnings.push({
        cell: cellAddress(passport.sheetName, passport.rows[row].row, passport.columns[part]),
        message:
          `социальный паспорт, ${columnName(grid, passport, part)}: ожидалось не больше значения общего столбца ` +
          `${columnName(grid, passport, TOTAL)} — ${shown(totals[row], share)}, ведь он включает каждый вид учёта; ` +
          `найдено ${shown(values[row], share)}. Для ИСБШ взят общий столбец — проверьте оба значения`,
      });
    }
  }
}

/**
 * «Состоят на учёте» as the sum of the separate registers. Counts add up; where some part is a share,
 * every part is taken in per cent (a count over the row's students). Summed in one fixed order of
 * the registers, so that no order of columns changes even the last digit.
 */
function sumRegisters(grid: SheetGrid, passport: SocialPassport, parts: RegisterPart[]): void {
  const names = parts.map((part) => columnName(grid, passport, part));
  passport.warnings.push({
    cell: cellAddress(passport.sheetName, passport.headerRow, passport.columns[parts[0]]),
    message: sumMessage(names),
  });
  const inPercent = parts.some((part) => isShare(passport, part));
  const students = passport.fieldValues.studentsTotal;
  const sum = new Float64Array(passport.rows.length);
  for (const part of REGISTER_PARTS) {
    if (!parts.includes(part)) continue;
    const values = passport.fieldValues[part];
    const asPercent = inPercent && !isShare(passport, part);
    for (let row = 0; row < sum.length; row++)
      sum[row] += asPercent ? percentOf(values[row], students[row]) : values[row];
  }
  // Problems of a row (a missing part) are then reported by the analysis at this column: the first part.
  passport.columns[TOTAL] = passport.columns[parts[0]];
  if (inPercent) {
    passport.shares.push(TOTAL);
    overHundred(passport, sum, names.join(", "));
  }
  passport.fieldValues[TOTAL] = sum;
  passport.rows.forEach((row, index) => (row.values[TOTAL] = sum[index]));
}

function sumMessage(names: string[]): string {
  const expected = `социальный паспорт: ожидался общий столбец ${TOTAL_LABEL}`;
  const whatToDo = `Добавьте столбец ${TOTAL_LABEL} с числом обучающихся, состоящих на учёте хотя бы одного вида`;
  if (names.length === 1) {
    return (
      `${expected}; найден только столбец ${names[0]}, и доля состоящих на учёте для ИСБШ взята из него. ` +
      `Другие виды учёта не указаны: доля может быть занижена, а ИСБШ — завышен. ${whatToDo}`
    );
  }
  return (
    `${expected}; найдены только отдельные виды учёта, и доля состоящих на учёте для ИСБШ взята как сумма столбцов ${names.join(", ")}. ` +
    "Это верхняя оценка: ребёнок, состоящий на учёте нескольких видов, учтён несколько раз, и ИСБШ может быть занижен. " +
    `${whatToDo}, чтобы ИСБШ был точным`
  );
}

/** A count in per cent of the row's students; NaN when the two do not make a share. */
function percentOf(count: number, students: number): number {
  return Number.isInteger(students) && students > 0 && count <= students
    ? (count / students) * 100
    : NaN;
}

/** Shares of the registers that add up to more than 100 %: no share at all, said at the row. */
function overHundred(passport: SocialPassport, sum: Float64Array, names: string): void {
  for (let row = 0; row < sum.length; row++) {
    if (!(sum[row] > 100)) continue;
    passport.warnings.push({
      cell: cellAddress(passport.sheetName, passport.rows[row].row, passport.columns[TOTAL]),
      message:
        `социальный паспорт: ожидалась сумма долей по видам учёта (${names}) не больше 100\u00a0%; ` +
        `найдено ${formatPercent(sum[row])}\u00a0%. Доля состоящих на учёте не рассчитана — проверьте значения`,
    });
    sum[row] = NaN;
  }
}
