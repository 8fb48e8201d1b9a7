/**
 * The entries of the report's three long lists — schools, history, risk zones — each made by one
 * function, which gives both the entry (`jsonReport`) and, with stand-ins, the template its text
 * is written from (`--json`, entryTemplate.ts).
 */
import type {
  IdentificationResult,
  RiskZone,
  SchoolStatus,
  StatusChange,
  StatusHistory,
} from "../engine";
import {
  entryJson,
  entryTemplate,
  jsonNumber,
  jsonText,
  TemplateCache,
  TEXT_SLOT,
  VALUE_SLOT,
} from "./entryTemplate";
import type { EntryText } from "./streamJson";

/** The statuses a school takes: part of a template's key is the place of its status. */
const SCHOOL_STATUSES: readonly SchoolStatus[] = ["shnor", "not_shnor", "insufficient_data"];

/** A place of a probe that holds a stand-in rather than a value. */
type Slot = typeof TEXT_SLOT | typeof VALUE_SLOT;

export function schoolEntry(
  login: string,
  name: string,
  municipality: string,
  status: SchoolStatus,
  criteria: readonly number[],
  reason: string
) {
  return { login, name, municipality, status, criteria: [...criteria], reason };
}

/** Each school's ШНОР entry; templates by status and criteria. */
export function schoolsText(identification: IdentificationResult): EntryText {
  const { schools } = identification;
  const templates = new TemplateCache<number>();
  return (index, indent, parts) => {
    const { login, name, municipality, status, criteria } = schools[index];
    const reason = identification.reasonOf(index);
    const key = schoolKey(status, criteria);
    const template =
      key < 0
        ? null
        : templates.get(key, indent, () =>
            entryTemplate(
              schoolEntry(TEXT_SLOT, TEXT_SLOT, TEXT_SLOT, status, criteria, TEXT_SLOT),
              4,
              indent
            )
          );
    if (template === null) {
      parts.push(
        entryJson(schoolEntry(login, name, municipality, status, criteria, reason), indent)
      );
      return;
    }
    parts.push(template[0], jsonText(login), template[1], jsonText(name), template[2]);
    parts.push(jsonText(municipality), template[3], jsonText(reason), template[4]);
  };
}

/**
 * A school's status and criteria as a number, in base 4: the status's place, the criteria in order,
 * then how many there are. -1 for a status or criterion outside them (none the engine gives).
 */
function schoolKey(status: SchoolStatus, criteria: readonly number[]): number {
  let key = SCHOOL_STATUSES.indexOf(status);
  if (key < 0 || criteria.length > 2) return -1;
  for (const criterion of criteria) {
    if (criterion !== 1 && criterion !== 2) return -1;
    key = key * 4 + criterion;
  }
  return key * 4 + criteria.length;
}

/** Each school's statuses keyed by year label (as `Object.fromEntries` orders them), and its change. */
export function historyEntry(
  login: string,
  history: StatusHistory,
  index: number
): { login: string; statuses: Record<string, SchoolStatus>; change: string | null } {
  const { years, statuses, changes } = history;
  return {
    login,
    statuses: Object.fromEntries(years.map((year, y) => [year.label, statuses[y][index]])),
    change: changes?.[index] ?? null,
  };
}

/** The values a history entry's change takes: a template's key is their places. */
const STATUS_CHANGES: readonly (StatusChange | null)[] = [
  null,
  "entered",
  "left",
  "stayed",
  "never",
  "unknown",
];
/** Keys stay whole numbers below 2^53 up to this many years (4 places per year). */
const KEYED_YEARS = 20;

/**
 * Templates by the statuses and the change: a few combinations in a whole table, numbered by the
 * places of the statuses and the change in their lists (no key text to make per entry). A value
 * outside them (none the engine gives) is written without a template.
 */
export function historyText(history: StatusHistory, logins: (index: number) => string): EntryText {
  const { statuses, changes } = history;
  const templates = new TemplateCache<number>();
  const keyOf = (index: number): number => {
    if (statuses.length > KEYED_YEARS) return -1;
    let key = STATUS_CHANGES.indexOf(changes?.[index] ?? null);
    for (const column of statuses) {
      const place = SCHOOL_STATUSES.indexOf(column[index]);
      if (key < 0 || place < 0) return -1;
      key = key * 4 + place;
    }
    return key;
  };
  return (index, indent, parts) => {
    const key = keyOf(index);
    const template =
      key < 0
        ? null
        : templates.get(key, indent, () =>
            entryTemplate(historyEntry(TEXT_SLOT, history, index), 1, indent)
          );
    const login = logins(index);
    if (template === null) parts.push(entryJson(historyEntry(login, history, index), indent));
    else parts.push(template[0], jsonText(login), template[1]);
  };
}

/** Numbers already as JSON has them (null for what could not be computed). */
export function zoneEntry(
  zone: RiskZone,
  login: string | Slot,
  name: string | Slot,
  value: number | null | Slot,
  mean: number | null,
  deviation: number | null
) {
  return { login, name, procedure: zone.procedure.label, value, mean, deviation };
}

/**
 * Risk zones come procedure by procedure, each with its mean and deviation: the template is kept
 * while they stay the same. `number` is how the report writes a number (null for NaN).
 */
export function zonesText(
  zones: readonly RiskZone[],
  number: (value: number) => number | null
): EntryText {
  let last: { zone: RiskZone; indent: string; template: string[] | null } | null = null;
  return (index, indent, parts) => {
    const zone = zones[index];
    const mean = number(zone.mean);
    const deviation = number(zone.deviation);
    if (
      last === null ||
      last.indent !== indent ||
      last.zone.procedure.label !== zone.procedure.label ||
      number(last.zone.mean) !== mean ||
      number(last.zone.deviation) !== deviation
    ) {
      const probe = zoneEntry(zone, TEXT_SLOT, TEXT_SLOT, VALUE_SLOT, mean, deviation);
      last = { zone, indent, template: entryTemplate(probe, 3, indent) };
    }
    const { template } = last;
    const value = number(zone.value);
    if (template === null) {
      parts.push(entryJson(zoneEntry(zone, zone.login, zone.name, value, mean, deviation), indent));
      return;
    }
    parts.push(template[0], jsonText(zone.login), template[1], jsonText(zone.name), template[2]);
    parts.push(jsonNumber(value), template[3]);
  };
}
