import { TARGET_SOURCES, type Targets } from "../engine";
import type {
  IndicatorSummary,
  ShareDenominator,
  ShareIndicator,
  Warning,
  WorkbookAnalysis,
} from "../engine";
import { GIA_SUBJECTS } from "../engine";
import { LazyJsonList, type EntryText, type JsonList } from "./streamJson";
import {
  historyEntry,
  historyText,
  schoolEntry,
  schoolsText,
  zoneEntry,
  zonesText,
} from "./reportEntries";
import { isUncertain, type ReconciledEntry } from "../engine";

/**
 * The `--json` object: the shape scripts rely on, so only these fields, in this order. Numbers the
 * engine could not compute (NaN) are `null`; there are no class instances, only plain JSON.
 */
export interface JsonReport {
  /** null when the workbook has no export table (e.g. only a social passport). */
  method: {
    edition: string;
    threshold: number;
    minParticipants: number;
    referenceYear: string;
    previousYear: string | null;
    /** Russian: where the years came from and why the reference year is the one it is. */
    years: string;
    /** The method line printed beside every list (docs/method.md). */
    description: string;
  } | null;
  /** ШНОР identification, one entry per school of the export table; [] without a table. */
  schools: {
    login: string;
    name: string;
    municipality: string;
    status: string;
    criteria: number[];
    reason: string;
  }[];
  warnings: Warning[];
  /** ИСБШ and ШНСУ per school of the social passport; [] without one. */
  social: { login: string; isbsh: number | null; shnsu: boolean; reason: string }[];
  /** Risk factors present (numbers 1–10) and the risk group per school of the questionnaire. */
  risk: { login: string; factors: number[]; riskGroup: boolean }[];
  summary: JsonSummary;
  /** Context-adjusted results: needs both the export table and the social passport. */
  context: {
    login: string;
    expected: number | null;
    actual: number | null;
    residual: number | null;
    below: boolean;
  }[];
  /**
   * ШНОР by year (docs/method.md §8), one entry per school of the export table: its status in each
   * year that has a year before it (what `--year <year>` gives) and the change between the last two
   * compared years (`entered`, `left`, `stayed`, `never`, `unknown`; null with one such year). []
   * when no year has a year before it (a warning says so).
   */
  history: {
    login: string;
    statuses: Record<string, string>;
    change: string | null;
  }[];
  /** One row per school across ШНОР, ШНСУ, ШГР and the context, in order of need; [] with fewer than two sources. */
  profile: {
    login: string;
    name: string;
    category: string;
    priority: number;
    shnor: string | null;
    criteria: number[];
    change: string | null;
    isbsh: number | null;
    shnsu: boolean | null;
    riskGroup: boolean | null;
    factors: number[] | null;
    below: boolean | null;
    residual: number | null;
  }[];
  /**
   * Our ШНОР against the official list (`--official`, or a list sheet of the workbook; docs/method.md
   * §9); null without a list or without an export table. `matched` and `onlyOurs` are our logins;
   * `uncertain` the matched ones found by a name written otherwise or with another login in the list
   * (check them). `onlyOfficial` is the list's schools that are not our ШНОР: the name as the list
   * writes it, the login (ours when the school was found, else the list's, else null) and our status
   * of it (`not_shnor`, `insufficient_data`; null when the school is not in the table or its name fits
   * several schools — then `ambiguous` lists their logins).
   */
  reconciliation: {
    matched: string[];
    onlyOurs: string[];
    onlyOfficial: {
      name: string;
      login: string | null;
      ours: string | null;
      ambiguous?: string[];
    }[];
    uncertain: string[];
  } | null;
}

interface JsonShare {
  count: number;
  of: number;
  share: number | null;
  /**
   * The schools `of` counts: `schools_total` (the municipality's, as given by --schools-total),
   * `table` (the export table's), `social_passport`, `risk_questionnaire`.
   */
  denominator: ShareDenominator;
  /** Only when `share` is null because the group could not be formed: «не определена (школ меньше 4)». */
  reason?: string;
}

export interface JsonSummary {
  shnor: (JsonShare & { target: number }) | null;
  shnsu: JsonShare | null;
  riskGroup: JsonShare | null;
  belowMinimum: {
    procedure: string;
    year: string;
    value: number | null;
    weighted: boolean;
    target: number;
  }[];
  dynamics: {
    procedure: string;
    values: { year: string; value: number | null }[];
    arrows: string[];
  }[];
  riskZones: {
    login: string;
    name: string;
    procedure: string;
    value: number | null;
    mean: number | null;
    deviation: number | null;
  }[];
  staffing: { label: string; share: number | null; target: number | null }[];
  /** Share of schools whose ГИА share below the minimum fell, per subject and pair of years (docs/method.md §8). */
  positiveDynamics: {
    subject: string;
    previousYear: string;
    year: string;
    procedures: string[];
    count: number;
    of: number;
    share: number | null;
    steadyAtZero: number;
  }[];
  /** Worst quarter's mean low share minus the best quarter's, per counted procedure and year. */
  gap: {
    procedure: string;
    values: {
      year: string;
      value: number | null;
      worst: number | null;
      best: number | null;
      schools: number;
    }[];
    arrows: string[];
  }[];
  /** The municipality's % высоких результатов per procedure and year. */
  highResults: {
    procedure: string;
    values: { year: string; value: number | null; weighted: boolean }[];
    arrows: string[];
  }[];
}

/** The report as plain JSON data: what `--json` prints, parsed (the tests compare the two). */
export function jsonReport(analysis: WorkbookAnalysis): JsonReport {
  return reportWith(analysis, (items, entry) => Array.from(items, entry)) as JsonReport;
}

/**
 * The same report with its per-school lists lazy: each entry (and its reason text, which the engine
 * makes when read) is made as `writeJsonInPieces` writes it, so the national report's 80,000 entries
 * never exist at once.
 */
export function jsonReportToStream(analysis: WorkbookAnalysis): object {
  return reportWith(analysis, lazyMap);
}

/**
 * How a report's lists are made from the engine's: mapped at once, or lazily. `text`, when given,
 * writes an entry's JSON text directly for the lazy list (the entry's very JSON.stringify text).
 */
type ListOf = <S, T>(
  items: ArrayLike<S>,
  entry: (item: S, index: number) => T,
  text?: EntryText
) => JsonList<T>;

function lazyMap<S, T>(
  items: ArrayLike<S>,
  entry: (item: S, index: number) => T,
  text?: EntryText
): JsonList<T> {
  // The length read once: some engine lists are made on demand, behind a Proxy (listOnDemand.ts).
  return new LazyJsonList(items.length, (index) => entry(items[index], index), text);
}

function reportWith(analysis: WorkbookAnalysis, list: ListOf): object {
  const { identification, social } = analysis;
  const method = identification?.method;
  return {
    method: method
      ? {
          edition: method.edition,
          threshold: method.threshold,
          minParticipants: method.minParticipants,
          referenceYear: method.referenceYear,
          previousYear: method.previousYear,
          years: method.years,
          description: method.description,
        }
      : null,
    // The reasons are asked for entry by entry, as each is written (schoolEvidence.ts).
    schools:
      identification === null
        ? []
        : list(
            identification.schools,
            ({ login, name, municipality, status, criteria }, index) =>
              schoolEntry(
                login,
                name,
                municipality,
                status,
                criteria,
                identification.reasonOf(index)
              ),
            schoolsText(identification)
          ),
    warnings: analysis.warnings.map(({ cell, message }) => ({ cell, message })),
    social:
      social === null
        ? []
        : list(social.schools, (school, index) => ({
            login: school.login,
            isbsh: number(school.isbsh),
            shnsu: school.shnsu,
            reason: social.reasonOf(index),
          })),
    risk: list(analysis.risk?.schools ?? [], (school) => ({
      login: school.login,
      factors: [...school.factors],
      riskGroup: school.riskGroup,
    })),
    summary: jsonSummary(analysis.summary, list),
    context: list(analysis.context?.schools ?? [], (school) => ({
      login: school.login,
      expected: number(school.expected),
      actual: number(school.resultsIndex),
      residual: number(school.residual),
      below: school.below,
    })),
    history: historyList(analysis, list),
    profile: list(analysis.profile?.schools ?? [], (school) => ({
      login: school.login,
      name: school.name,
      category: school.category,
      priority: school.priority,
      shnor: school.shnor,
      criteria: [...school.criteria],
      change: school.change,
      isbsh: number(school.isbsh),
      shnsu: school.shnsu,
      riskGroup: school.riskGroup,
      factors: school.factors === null ? null : [...school.factors],
      below: school.below,
      residual: number(school.residual),
    })),
    reconciliation: reconciliationReport(analysis),
  };
}

function reconciliationReport(analysis: WorkbookAnalysis): JsonReport["reconciliation"] {
  const { reconciliation, table } = analysis;
  if (reconciliation === null || table === null) return null;
  const login = (entry: ReconciledEntry) =>
    entry.school === null ? (entry.official?.login ?? null) : table.schools[entry.school].login;
  return {
    matched: reconciliation.matched.map((entry) => login(entry)!),
    onlyOurs: reconciliation.onlyOurs.map((entry) => login(entry)!),
    onlyOfficial: reconciliation.onlyOfficial.map((entry) => ({
      name: entry.official!.name,
      login: login(entry),
      ours: entry.status,
      ...(entry.ambiguous.length > 0
        ? { ambiguous: entry.ambiguous.map((school) => table.schools[school].login) }
        : {}),
    })),
    uncertain: reconciliation.matched.filter(isUncertain).map((entry) => login(entry)!),
  };
}

/** Each school's statuses keyed by year label, made as the entry is written. */
function historyList(analysis: WorkbookAnalysis, list: ListOf): JsonList<unknown> {
  const { history, table } = analysis;
  if (history === null || table === null) return [];
  const { schools } = table;
  return list(
    schools,
    (school, index) => historyEntry(school.login, history, index),
    historyText(history, (index) => schools[index].login)
  );
}

function jsonSummary(summary: IndicatorSummary, list: ListOf): object {
  // The denominator last: the fields scripts read before it (the target too) stay where they were.
  const share = (indicator: ShareIndicator | null, target?: { target: number }) =>
    indicator === null
      ? null
      : {
          count: indicator.count,
          of: indicator.of,
          share: number(indicator.share),
          ...target,
          denominator: indicator.denominator,
          ...(indicator.undetermined === undefined ? {} : { reason: indicator.undetermined }),
        };
  return {
    shnor: summary.shnor === null ? null : share(summary.shnor, { target: summary.shnor.target }),
    shnsu: share(summary.shnsu),
    riskGroup: share(summary.riskGroup),
    belowMinimum: summary.belowMinimum.map((item) => ({
      procedure: item.procedure.label,
      year: item.year.label,
      value: number(item.value),
      weighted: item.weighted,
      // The target is the one share's over all these exams (docs/method.md §6); kept per exam, as
      // scripts read it here.
      target: summary.targets.values.belowMinimumShare,
    })),
    dynamics: summary.dynamics.map((item) => ({
      procedure: item.procedure.label,
      values: item.values.map((value) => ({ year: value.year.label, value: number(value.value) })),
      arrows: [...item.arrows],
    })),
    riskZones: list(
      summary.riskZones,
      (zone) =>
        zoneEntry(
          zone,
          zone.login,
          zone.name,
          number(zone.value),
          number(zone.mean),
          number(zone.deviation)
        ),
      zonesText(summary.riskZones, number)
    ),
    staffing: summary.staffing.map((item) => ({
      label: item.label,
      share: number(item.share),
      target: item.target,
    })),
    // Last, so the keys scripts read before it keep their places: each target with where it is from.
    targets: Object.fromEntries(
      (Object.keys(summary.targets.values) as (keyof Targets)[]).map((key) => [
        key,
        {
          value: summary.targets.values[key],
          source: summary.targets.userSet.includes(key) ? "user" : TARGET_SOURCES[key],
        },
      ])
    ),
    // Appended after the keys scripts already read (docs/method.md §8).
    ...programmeSummary(summary),
  };
}

function programmeSummary({ programme }: IndicatorSummary): object {
  return {
    positiveDynamics: programme.positiveDynamics.map((item) => ({
      subject: GIA_SUBJECTS.find((subject) => subject.subject === item.subject)!.name,
      previousYear: item.previous.label,
      year: item.year.label,
      procedures: item.procedures.map((procedure) => procedure.label),
      count: item.improved,
      of: item.schools,
      share: number(item.share),
      steadyAtZero: item.steadyAtZero,
    })),
    gap: programme.gaps.map((item) => ({
      procedure: item.procedure.label,
      values: item.values.map((value) => ({
        year: value.year.label,
        value: number(value.value),
        worst: number(value.worst),
        best: number(value.best),
        schools: value.schools,
      })),
      arrows: [...item.arrows],
    })),
    highResults: programme.highResults.map((item) => ({
      procedure: item.procedure.label,
      values: item.values.map((value) => ({
        year: value.year.label,
        value: number(value.value),
        weighted: value.weighted,
      })),
      arrows: [...item.arrows],
    })),
  };
}

/** JSON has no NaN or Infinity: what the engine could not compute is null. */
function number(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}
