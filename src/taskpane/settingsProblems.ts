import { checkSchoolsTotal, isEngineError, parseIdentificationOptions } from "../engine";
import { schoolsTotalOf, tableYearsOf, targetsOf, type PaneSettings } from "./settings";
import type { SourceCandidate } from "./sources";

/**
 * The engine's message about each field of the method as typed, or null when the field is fine: each
 * is shown under its own field, so the user sees which one to correct.
 */
export interface SettingsProblems {
  threshold: string | null;
  minParticipants: string | null;
  edition: string | null;
  referenceYear: string | null;
  tableYears: string | null;
  schoolsTotal: string | null;
  targets: string | null;
}

/**
 * Each field checked on its own by the engine's parsers (the command line's rules and words): the
 * option parser stops at the first bad option, so it is given one option at a time.
 */
export function settingsProblems(
  settings: PaneSettings,
  source: SourceCandidate | undefined
): SettingsProblems {
  const tableYears = tableYearsOf(settings);
  const targets = targetsOf(settings);
  return {
    threshold: optionProblem({ threshold: settings.threshold }),
    minParticipants: optionProblem({ minParticipants: settings.minParticipants }),
    edition: optionProblem({ edition: settings.edition }),
    referenceYear:
      settings.referenceYear === "" ? null : optionProblem({ year: settings.referenceYear }),
    tableYears: isEngineError(tableYears) ? tableYears.message : null,
    schoolsTotal: schoolsTotalProblem(settings, source),
    targets: isEngineError(targets) ? targets.message : null,
  };
}

export function hasSettingsProblem(problems: SettingsProblems): boolean {
  return Object.values(problems).some((problem) => problem !== null);
}

function optionProblem(raw: Parameters<typeof parseIdentificationOptions>[0]): string | null {
  const parsed = parseIdentificationOptions(raw);
  return isEngineError(parsed) ? parsed.message : null;
}

function schoolsTotalProblem(
  settings: PaneSettings,
  source: SourceCandidate | undefined
): string | null {
  const total = schoolsTotalOf(settings);
  if (total === null) return null;
  if (isEngineError(total)) return total.message;
  // Said at the field, before a run: the chosen table's schools are already counted.
  if (source?.recognition.kind !== "export") return null;
  const table = { sheetName: source.name, schools: source.recognition.schools };
  return checkSchoolsTotal(total, table)?.message ?? null;
}
