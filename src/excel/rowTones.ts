import { columnLetters, type CellValue, type RowTone, type SheetLayout } from "../engine";

/**
 * Row colours of an output table. Light fills close to Excel's own "light red / green" highlight
 * presets and a neutral grey — the same colours src/xlsx/append/worksheetXml.ts writes into files.
 */
export const TONE_COLOURS: Record<Exclude<RowTone, null>, string> = {
  alert: "#FFC7CE",
  ok: "#C6EFCE",
  unknown: "#EDEDED",
};

/** Heat map (risk matrix): white for the lowest value, Excel's own colour-scale red for the highest. */
export const HEAT_COLOURS = ["#FFFFFF", "#F8696B"] as const;

/**
 * How to colour the rows: by conditional formatting on a column whose value decides the tone (the
 * status column of the ШНОР list: one rule per tone, whatever the number of schools, and the colour
 * follows the row when the user sorts or edits), or — when no column decides it — by fills on runs
 * of rows with the same tone.
 */
export type TonePlan =
  | { kind: "none" }
  | { kind: "rules"; column: number; rules: ToneRule[] }
  | { kind: "fills"; runs: ToneRun[] };

export interface ToneRule {
  tone: Exclude<RowTone, null>;
  values: CellValue[];
}

export interface ToneRun {
  tone: Exclude<RowTone, null>;
  /** Zero-based body rows [start, end). */
  start: number;
  end: number;
}

const MAX_RULE_VALUES = 8;

export function tonePlan(layout: SheetLayout): TonePlan {
  const tones = layout.rowTone;
  if (tones === undefined || tones.every((tone) => tone === null)) return { kind: "none" };
  const toneCount = new Set(tones).size;
  let best: { column: number; rules: ToneRule[]; score: number } | null = null;
  for (let column = 0; column < layout.header.length; column += 1) {
    const found = rulesFromColumn(layout.body, tones, column);
    if (found === null) continue;
    // One value per tone (the status column) beats a column that happens to agree on this data.
    const score = (found.distinct === toneCount ? 100 : 0) + found.distinct;
    if (best === null || score > best.score) best = { column, rules: found.rules, score };
  }
  if (best !== null) return { kind: "rules", column: best.column, rules: best.rules };
  return { kind: "fills", runs: toneRuns(tones) };
}

/** One tone per distinct value of the column, or null when some value appears with two tones. */
function rulesFromColumn(
  body: CellValue[][],
  tones: RowTone[],
  column: number
): { rules: ToneRule[]; distinct: number } | null {
  const toneOfValue = new Map<CellValue, RowTone>();
  for (let row = 0; row < body.length; row += 1) {
    const value = body[row]?.[column] ?? null;
    const tone = tones[row] ?? null;
    const known = toneOfValue.get(value);
    if (known === undefined) toneOfValue.set(value, tone);
    else if (known !== tone) return null;
    // A column of free text (names, reasons) would need one rule per row: not what rules are for.
    if (toneOfValue.size > MAX_RULE_VALUES) return null;
  }
  const rules: ToneRule[] = [];
  for (const [value, tone] of toneOfValue) {
    if (tone === null) continue;
    const rule = rules.find((candidate) => candidate.tone === tone);
    if (rule) rule.values.push(value);
    else rules.push({ tone, values: [value] });
  }
  return { rules, distinct: toneOfValue.size };
}

function toneRuns(tones: RowTone[]): ToneRun[] {
  const runs: ToneRun[] = [];
  tones.forEach((tone, row) => {
    const last = runs[runs.length - 1];
    if (tone === null) return;
    if (last && last.tone === tone && last.end === row) last.end = row + 1;
    else runs.push({ tone, start: row, end: row + 1 });
  });
  return runs;
}

/**
 * The rule's formula for the first body row (`=OR($D7="ШНОР")`); Excel moves the relative row down
 * the range. Formulas in rules are in the invariant (English) syntax: comma separators.
 */
export function toneRuleFormula(rule: ToneRule, column: number, firstBodyRow: number): string {
  const cell = `$${columnLetters(column)}${firstBodyRow + 1}`;
  const tests = rule.values.map((value) => `${cell}=${formulaLiteral(value)}`);
  return `=OR(${tests.join(",")})`;
}

function formulaLiteral(value: CellValue): string {
  if (value === null) return '""';
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `"${value.replace(/"/g, '""')}"`;
}
