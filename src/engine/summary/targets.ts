import type { EngineError } from "../types";
import { engineError } from "../engineError";
import { formatPercent, quoteFound } from "../russianText";

/**
 * The targets the summary compares with (docs/method.md §6). They are the source documents' own —
 * one municipality's or one region's — not a federal norm, so each is the user's to change (the
 * pane, `--targets`), and each is printed with where it comes from.
 */
export interface Targets {
  /** Share of ШНОР among the municipality's schools, at most (per cent). */
  shnorShare: number;
  /** Share of ОГЭ and ЕГЭ participants below the minimum in Russian and mathematics, at most. */
  belowMinimumShare: number;
  /** Share of teachers with the first or highest category, at least. */
  categoryShare: number;
}

export const DEFAULT_TARGETS: Targets = { shnorShare: 15, belowMinimumShare: 5, categoryShare: 85 };

/** Where each default comes from, by the documents' own titles. */
export const TARGET_SOURCES: Record<keyof Targets, string> = {
  shnorShare: "программа Новокузнецка, приказ КОиН от 09.12.2020 №\u00a01351",
  belowMinimumShare: "программа Назаровского района на 2021–2024 годы",
  categoryShare:
    "региональный показатель, приведённый в программе Калтанского городского округа (приказ №\u00a0828)",
};

/** The names a person types for each target in `--targets` (and the pane's field). */
const TARGET_NAMES: [keyof Targets, RegExp][] = [
  ["shnorShare", /^(шнор|shnor)$/],
  ["belowMinimumShare", /^(гиа|gia|минимум|minimum)$/],
  ["categoryShare", /^(категория|category)$/],
];

/** The targets in use: the user's where given, the documents' otherwise, and which is which. */
export interface TargetsInUse {
  values: Targets;
  /** The targets the user set (so the sheet says «задано пользователем» instead of the source). */
  userSet: (keyof Targets)[];
}

export function targetsInUse(given: Partial<Targets> = {}): TargetsInUse {
  const userSet = (Object.keys(given) as (keyof Targets)[]).filter(
    (key) => given[key] !== undefined
  );
  return { values: { ...DEFAULT_TARGETS, ...given }, userSet };
}

/**
 * Targets as typed: «шнор=12; гиа=4; категория=80» (or shnor, gia, category; a comma or a semicolon
 * between them; a decimal comma in the number). Each a per cent from 0 to 100.
 */
export function parseTargets(text: string): Partial<Targets> | EngineError {
  const targets: Partial<Targets> = {};
  const parts = text
    .split(/[;\n]|,(?=\s*[a-zа-яё])/i)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  for (const part of parts) {
    const match = /^([^=:]+)[=:]\s*(\d+(?:[.,]\d+)?)\s*%?$/.exec(part);
    const key = match && TARGET_NAMES.find(([, name]) => name.test(match[1].trim().toLowerCase()));
    const value = match ? Number(match[2].replace(",", ".")) : NaN;
    if (!match || !key || !(value >= 0 && value <= 100)) {
      return engineError(
        "bad_option",
        `цели: ожидалось «шнор=15; гиа=5; категория=85» (любые из трёх, проценты от 0 до 100); найдено ${quoteFound(part)}`
      );
    }
    targets[key[0]] = value;
  }
  if (parts.length === 0)
    return engineError(
      "bad_option",
      "цели: ожидалось «шнор=15; гиа=5; категория=85»; найдено пустое значение"
    );
  return targets;
}

/** «не более 15 % (программа Новокузнецка, …)» or «не более 12 % (задано пользователем)». */
export function targetText(targets: TargetsInUse, key: keyof Targets): string {
  const bound = key === "categoryShare" ? "не менее" : "не более";
  const source = targets.userSet.includes(key) ? "задано пользователем" : TARGET_SOURCES[key];
  return `${bound} ${formatPercent(targets.values[key])}\u00a0% (${source})`;
}
