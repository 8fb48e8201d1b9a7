import {
  isEngineError,
  parseSchoolsTotal,
  parseTableYears,
  parseTargets,
  type CellValue,
  type Targets,
  type EngineError,
  type SheetGrid,
  type SheetLayout,
} from "../engine";

/**
 * The method as the user set it in the pane. Kept as typed (strings) and validated by the engine's
 * own option parser when an action runs, so the pane and the command line share rules and messages.
 */
export interface PaneSettings {
  /** The sheet with the export table; null: let the pane choose. */
  sourceSheet: string | null;
  edition: "2020" | "2025";
  threshold: string;
  minParticipants: string;
  /** `""`: the method's default, the latest year with results for at least half of the procedures. */
  referenceYear: string;
  /** The ШНСУ group: the lower quartile (`0.25`) or quintile (`0.2`) of ИСБШ. */
  quantile: "0.25" | "0.2";
  /** The municipality's number of schools, the ШНОР share's denominator; `""`: the table's schools. */
  schoolsTotal: string;
  /** The summary's targets as typed («шнор=12; гиа=4»); `""`: the documents' targets. */
  targets: string;
  /** The years of a table whose columns do not name them («2018, 2019»); `""`: from the headers. */
  tableYears: string;
  /**
   * The sheet holding the official list to reconcile with (docs/method.md §9); null: a sheet whose
   * header has only a login and/or a name column, if there is one.
   */
  officialSheet: string | null;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  sourceSheet: null,
  edition: "2020",
  threshold: "30",
  minParticipants: "0",
  referenceYear: "",
  quantile: "0.25",
  schoolsTotal: "",
  targets: "",
  tableYears: "",
  officialSheet: null,
};

/**
 * Where the settings live: a hidden sheet of ours in the workbook. Chosen over Office's document
 * settings (Excel.SettingCollection / Office.context.document.settings) because those sit in the
 * file's web-extension part, which a copy made by the command line or the standalone page (ExcelJS)
 * drops, and over a custom XML part for the same reason; a sheet survives every host, is read in the
 * same request as the data, and a person can unhide it and see the method.
 */
export const SETTINGS_MARKER = "school-radar:settings";
export const SETTINGS_MARK = "SchoolRadar_settings";
export const SETTINGS_SHEET = "Школьный радар — настройки";

const KEYS: Record<Exclude<keyof PaneSettings, never>, string> = {
  sourceSheet: "Лист с результатами",
  edition: "Редакция правил",
  threshold: "Порог низкого результата,\u00a0%",
  minParticipants: "Минимум участников",
  referenceYear: "Отчётный год",
  quantile: "Группа ШНСУ (доля школ)",
  schoolsTotal: "Всего школ в муниципалитете",
  targets: "Цели сводки",
  tableYears: "Годы таблицы (если не указаны в заголовках)",
  officialSheet: "Официальный список ШНОР (лист)",
};

export function settingsLayout(settings: PaneSettings): SheetLayout {
  const rows: CellValue[][] = (Object.keys(KEYS) as (keyof PaneSettings)[]).map((key) => [
    key,
    KEYS[key],
    settings[key] ?? "",
  ]);
  return {
    name: SETTINGS_SHEET,
    marker: SETTINGS_MARKER,
    preamble: [
      "Школьный радар — параметры метода, с которыми получены листы результатов",
      "Надстройка читает этот лист при открытии книги; изменяйте параметры в области задач.",
    ],
    header: ["Ключ", "Параметр", "Значение"],
    body: rows,
    columns: [{ width: 16 }, { width: 32 }, { width: 40 }],
  };
}

/** The stored settings from the sheet's values; unknown or malformed entries keep their defaults. */
export function settingsFromGrid(grid: SheetGrid | null): Partial<PaneSettings> {
  if (grid === null) return {};
  const found: Partial<PaneSettings> = {};
  for (const row of grid.values) {
    const key = row[0];
    const value = row[2];
    if (typeof key !== "string" || !(key in KEYS)) continue;
    const text = value === null || value === undefined ? "" : String(value).trim();
    if (key === "edition") {
      if (text === "2020" || text === "2025") found.edition = text;
    } else if (key === "quantile") {
      if (text === "0.25" || text === "0.2") found.quantile = text;
    } else if (key === "sourceSheet" || key === "officialSheet") {
      found[key] = text === "" ? null : text;
    } else {
      found[
        key as
          | "threshold"
          | "minParticipants"
          | "referenceYear"
          | "schoolsTotal"
          | "tableYears"
          | "targets"
      ] = text;
    }
  }
  return found;
}

/**
 * The municipality's number of schools as the engine takes it: null when the field is empty (the
 * share is then of the table's schools), the engine's message when it is not a whole number.
 */
export function schoolsTotalOf(settings: PaneSettings): number | null | EngineError {
  return settings.schoolsTotal.trim() === "" ? null : parseSchoolsTotal(settings.schoolsTotal);
}

/** The summary's targets as the engine takes them: none typed keeps the documents' targets. */
export function targetsOf(settings: PaneSettings): Partial<Targets> | EngineError {
  return settings.targets.trim() === "" ? {} : parseTargets(settings.targets);
}

/** The table's years as typed, for the engine: null when empty, the parser's message when unreadable. */
/**
 * The reference-year choices of a table whose columns name no years, once the user names them: the
 * two latest, or the one named and the year before — as the reader lays the headerless export out.
 */
export function userYearLabels(text: string): string[] {
  const years = parseTableYears(text);
  if (isEngineError(years)) return [];
  const later = years[years.length - 1];
  return years.length > 1
    ? years.slice(-2).map((year) => year.label)
    : [String(later.end - 1), later.label];
}

export function tableYearsOf(settings: PaneSettings): string | null | EngineError {
  if (settings.tableYears.trim() === "") return null;
  const years = parseTableYears(settings.tableYears);
  return isEngineError(years) ? years : settings.tableYears;
}
