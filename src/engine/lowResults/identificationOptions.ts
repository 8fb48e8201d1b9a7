import type { EngineError } from "../types";
import { engineError } from "../engineError";
import { quoteFound } from "../russianText";
import { parseSchoolYear } from "../table/schoolYear";

/** `2020`: the seeds' wording (criterion 2: any procedure in each year); `2025`: the same procedure in both years. */
export type RuleEdition = "2020" | "2025";

export interface IdentificationOptions {
  edition: RuleEdition;
  /** A result is low when the share of «2» is at least this many percentage points. */
  threshold: number;
  /**
   * 0 by default: every result counts, as in the source documents (docs/method.md §2); a low result
   * of a small group is only marked. Above 0, results of fewer participants are set aside (where the
   * table has counts), and a school whose status depends on them is «недостаточно данных».
   */
  minParticipants: number;
  /** The "previous school year" of the method, as a label (`2019`, `2018/2019`); latest in the data when absent. */
  referenceYear?: string;
}

export const DEFAULT_IDENTIFICATION_OPTIONS: IdentificationOptions = {
  edition: "2020",
  threshold: 30,
  minParticipants: 0,
};

/** A group of fewer participants is marked «малая группа» in the reasons (docs/method.md §2). */
export const SMALL_GROUP = 10;

export interface RawIdentificationOptions {
  edition?: string;
  threshold?: string;
  minParticipants?: string;
  year?: string;
}

/** Validates options as a person typed them (command line, task pane); Russian messages. */
export function parseIdentificationOptions(
  raw: RawIdentificationOptions
): IdentificationOptions | EngineError {
  const options: IdentificationOptions = { ...DEFAULT_IDENTIFICATION_OPTIONS };
  if (raw.edition !== undefined) {
    if (raw.edition !== "2020" && raw.edition !== "2025") {
      return engineError(
        "bad_option",
        `редакция правил: ожидалось 2020 или 2025; найдено ${quoteFound(raw.edition)}`
      );
    }
    options.edition = raw.edition;
  }
  if (raw.threshold !== undefined) {
    const threshold = Number(raw.threshold.trim().replace(",", ".").replace(/%$/, ""));
    if (
      raw.threshold.trim() === "" ||
      !Number.isFinite(threshold) ||
      threshold <= 0 ||
      threshold > 100
    ) {
      return engineError(
        "bad_option",
        `порог низкого результата: ожидалось число больше 0 и не больше 100; найдено ${quoteFound(raw.threshold)}`
      );
    }
    options.threshold = threshold;
  }
  if (raw.minParticipants !== undefined) {
    const minimum = Number(raw.minParticipants.trim());
    if (raw.minParticipants.trim() === "" || !Number.isInteger(minimum) || minimum < 0) {
      return engineError(
        "bad_option",
        `минимум участников: ожидалось целое неотрицательное число; найдено ${quoteFound(raw.minParticipants)}`
      );
    }
    options.minParticipants = minimum;
  }
  if (raw.year !== undefined) {
    if (parseSchoolYear(raw.year) === null) {
      return engineError(
        "bad_option",
        `отчётный год: ожидалось «2019», «2018/2019» или «2018-19»; найдено ${quoteFound(raw.year)}`
      );
    }
    options.referenceYear = raw.year.trim();
  }
  return options;
}
