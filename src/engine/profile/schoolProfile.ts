import type { ExportTable } from "../table/exportTable";
import type { IdentificationResult, SchoolStatus } from "../lowResults/identifyLowResultSchools";
import type { StatusChange, StatusHistory } from "../lowResults/statusHistory";
import type { SocialWellBeingResult } from "../social/assessSocialWellBeing";
import type { RiskAssessment } from "../risk/assessRiskFactors";
import type { ContextAdjustedResult } from "../context/contextAdjustedResults";

/**
 * One profile per school (docs/method.md §8): what the workbook says about a school in one row —
 * ШНОР and its criteria, the change of that status over the years, ИСБШ and ШНСУ, ШГР and its
 * factors, results against the social context — and the category the programmes target, named.
 */

/**
 * The categories, in order of need (the sheet's rows and `priority` follow it). The programmes are
 * written for schools with low results and schools in unfavourable social conditions (Калтан, № 828;
 * Назаровский район): a school that is both comes first; then low results; then unfavourable
 * conditions together with risk factors, unfavourable conditions alone, and risk factors alone
 * (ШГР: prevention before results fall); then a school no group holds whose results are clearly
 * below what its context predicts; then one whose ШНОР status could not be decided; then the rest.
 */
export type ProfileCategory =
  | "shnor_and_shnsu"
  | "shnor"
  | "shnsu_and_risk_group"
  | "shnsu"
  | "risk_group"
  | "below_expected"
  | "insufficient_data"
  | "none";

export const PROFILE_CATEGORIES: { category: ProfileCategory; label: string }[] = [
  { category: "shnor_and_shnsu", label: "ШНОР и ШНСУ одновременно" },
  { category: "shnor", label: "ШНОР" },
  { category: "shnsu_and_risk_group", label: "ШНСУ и ШГР одновременно" },
  { category: "shnsu", label: "ШНСУ" },
  { category: "risk_group", label: "ШГР" },
  { category: "below_expected", label: "Результаты ниже ожидаемых при социальном контексте" },
  { category: "insufficient_data", label: "Недостаточно данных для решения о ШНОР" },
  { category: "none", label: "Не входит в группы" },
];

export const CATEGORY_LABELS = Object.fromEntries(
  PROFILE_CATEGORIES.map(({ category, label }) => [category, label])
) as Record<ProfileCategory, string>;

/** A field is null when its source is not in the workbook or does not list the school. */
export interface SchoolProfile {
  login: string;
  name: string;
  category: ProfileCategory;
  /** 1 for the first category of `PROFILE_CATEGORIES`, and so on. */
  priority: number;
  shnor: SchoolStatus | null;
  criteria: (1 | 2)[];
  /** Between the two compared years of «ШНОР по годам». */
  change: StatusChange | null;
  isbsh: number | null;
  shnsu: boolean | null;
  riskGroup: boolean | null;
  /** Numbers (1–10) of the risk factors present. */
  factors: number[] | null;
  /** Results clearly below those expected for the school's ИСБШ. */
  below: boolean | null;
  /** Results index minus the expected one. */
  residual: number | null;
}

export interface SchoolProfiles {
  /** In the order of need: category, then more risk factors, then further below the expected results. */
  schools: SchoolProfile[];
  counts: Record<ProfileCategory, number>;
  /** What the profile was made from: the sheets' parts present. */
  parts: { shnor: boolean; history: boolean; social: boolean; risk: boolean; context: boolean };
}

export interface ProfileInputs {
  table: ExportTable | null;
  identification: IdentificationResult | null;
  history: StatusHistory | null;
  social: SocialWellBeingResult | null;
  risk: RiskAssessment | null;
  context: ContextAdjustedResult | null;
}

/**
 * The profiles, when at least two of the three sources are in the workbook (results table, social
 * passport, risk questionnaire): with one, the profile would be that one list again. Schools are
 * matched by login, case aside; a school listed in only one source has the others' fields null.
 */
export function schoolProfiles(inputs: ProfileInputs): SchoolProfiles | null {
  const { table, identification, history, social, risk, context } = inputs;
  const shnorKnown = table !== null && identification !== null;
  const sources = [shnorKnown, social !== null, risk !== null].filter(Boolean).length;
  if (sources < 2) return null;
  const profiles = new Map<string, SchoolProfile>();
  const profileOf = (login: string, name: string): SchoolProfile => {
    const key = login.toLowerCase();
    let profile = profiles.get(key);
    if (profile === undefined) {
      profile = {
        login,
        name,
        category: "none",
        priority: 0,
        shnor: null,
        criteria: [],
        change: null,
        isbsh: null,
        shnsu: null,
        riskGroup: null,
        factors: null,
        below: null,
        residual: null,
      };
      profiles.set(key, profile);
    }
    return profile;
  };
  if (shnorKnown) {
    const { statuses, schools } = identification;
    const changes = history?.changes ?? null;
    table.schools.forEach((school, index) => {
      const profile = profileOf(school.login, school.name);
      if (profile.shnor !== null) return;
      profile.shnor = statuses[index];
      // Only a flagged school has criteria: the others' result objects are not made for them.
      if (statuses[index] === "shnor") profile.criteria = [...schools[index].criteria];
      profile.change = changes?.[index] ?? null;
    });
  }
  for (const school of social?.schools ?? []) {
    const profile = profileOf(school.login, school.name);
    if (profile.shnsu !== null) continue;
    profile.isbsh = school.isbsh;
    profile.shnsu = school.shnsu;
  }
  for (const school of risk?.schools ?? []) {
    const profile = profileOf(school.login, school.name);
    if (profile.riskGroup !== null) continue;
    profile.riskGroup = school.riskGroup;
    profile.factors = [...school.factors];
  }
  // Without the line (too few schools), nobody is below it: unknown, not «в пределах».
  if (context?.line)
    for (const school of context.schools) {
      const profile = profileOf(school.login, school.name);
      if (profile.below !== null) continue;
      profile.below = school.below;
      profile.residual = Number.isFinite(school.residual) ? school.residual : null;
    }
  const counts = Object.fromEntries(
    PROFILE_CATEGORIES.map(({ category }) => [category, 0])
  ) as Record<ProfileCategory, number>;
  const listed = [...profiles.values()];
  for (const profile of listed) {
    profile.category = categoryOf(profile);
    profile.priority =
      PROFILE_CATEGORIES.findIndex((item) => item.category === profile.category) + 1;
    counts[profile.category]++;
  }
  return {
    schools: orderByNeed(listed),
    counts,
    parts: {
      shnor: shnorKnown,
      history: history?.changes != null,
      social: social !== null,
      risk: risk !== null,
      context: Boolean(context?.line),
    },
  };
}

export function categoryOf(
  profile: Pick<SchoolProfile, "shnor" | "shnsu" | "riskGroup" | "below">
): ProfileCategory {
  const shnor = profile.shnor === "shnor";
  const shnsu = profile.shnsu === true;
  const riskGroup = profile.riskGroup === true;
  if (shnor && shnsu) return "shnor_and_shnsu";
  if (shnor) return "shnor";
  if (shnsu && riskGroup) return "shnsu_and_risk_group";
  if (shnsu) return "shnsu";
  if (riskGroup) return "risk_group";
  if (profile.below === true) return "below_expected";
  if (profile.shnor === "insufficient_data") return "insufficient_data";
  return "none";
}

/**
 * By category; within one, more risk factors first, then the results further below the expected
 * ones (a smaller residual; none last); then as the sources list them (the table's order first).
 * A stable sort keeps that last order.
 */
function orderByNeed(profiles: SchoolProfile[]): SchoolProfile[] {
  return profiles.sort(
    (a, b) =>
      a.priority - b.priority ||
      (b.factors?.length ?? 0) - (a.factors?.length ?? 0) ||
      byResidual(a.residual, b.residual)
  );
}

function byResidual(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return a - b;
}
