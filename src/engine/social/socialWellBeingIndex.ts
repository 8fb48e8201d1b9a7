/**
 * The index of social well-being of a school (ИСБШ, seed 001, docs/method.md §3):
 *   ИСБШ = 85 + 15 × d_higher − 20 × d_single − 65 × d_registered,
 * with d the shares (0–1) of a school's students: both parents with higher education, single-parent
 * families, on any register. 85 only shifts the scale so that the index runs from 0 to 100.
 */
export interface SocialShares {
  bothParentsHigherEducation: number;
  singleParentFamilies: number;
  onRegisters: number;
}

export interface SocialWeights {
  base: number;
  higherEducation: number;
  singleParent: number;
  registered: number;
}

export const DEFAULT_SOCIAL_WEIGHTS: SocialWeights = {
  base: 85,
  higherEducation: 15,
  singleParent: 20,
  registered: 65,
};

export function socialWellBeingIndex(
  shares: SocialShares,
  weights: SocialWeights = DEFAULT_SOCIAL_WEIGHTS
): number {
  return indexOfShares(
    shares.bothParentsHigherEducation,
    shares.singleParentFamilies,
    shares.onRegisters,
    weights
  );
}

/** The same sum on the three shares as numbers: a national ranking computes it without an object per school. */
export function indexOfShares(
  bothParentsHigherEducation: number,
  singleParentFamilies: number,
  onRegisters: number,
  weights: SocialWeights
): number {
  return (
    weights.base +
    weights.higherEducation * bothParentsHigherEducation -
    weights.singleParent * singleParentFamilies -
    weights.registered * onRegisters
  );
}

/** Counts of a social passport row. */
export interface SocialCounts {
  studentsTotal: number;
  bothParentsHigherEducation: number;
  singleParentFamilies: number;
  onRegisters: number;
}

const COUNT_NAMES: Record<Exclude<keyof SocialCounts, "studentsTotal">, string> = {
  bothParentsHigherEducation: "оба родителя с высшим образованием",
  singleParentFamilies: "из неполных семей",
  onRegisters: "состоят на учёте",
};

const COUNTED = Object.keys(COUNT_NAMES) as (keyof typeof COUNT_NAMES)[];

/** Why counts cannot give shares, and the count at fault. */
export interface CountsProblem {
  problem: string;
  field: keyof SocialCounts;
}

/**
 * Shares from counts, or the Russian reason they cannot be formed (a total of 0, a count above the
 * total, a negative or fractional count) with the field at fault. Such rows are reported, never ranked.
 */
export function sharesFromCounts(counts: SocialCounts): SocialShares | CountsProblem {
  const { studentsTotal } = counts;
  if (!Number.isInteger(studentsTotal) || studentsTotal <= 0) {
    return {
      problem: `число обучающихся должно быть целым положительным; найдено ${studentsTotal}`,
      field: "studentsTotal",
    };
  }
  for (const key of COUNTED) {
    const count = counts[key];
    if (!Number.isInteger(count) || count < 0) {
      return {
        problem: `«${COUNT_NAMES[key]}»: ожидалось целое неотрицательное число; найдено ${count}`,
        field: key,
      };
    }
    if (count > studentsTotal) {
      return {
        problem: `«${COUNT_NAMES[key]}» (${count}) больше числа обучающихся (${studentsTotal})`,
        field: key,
      };
    }
  }
  return {
    bothParentsHigherEducation: counts.bothParentsHigherEducation / studentsTotal,
    singleParentFamilies: counts.singleParentFamilies / studentsTotal,
    onRegisters: counts.onRegisters / studentsTotal,
  };
}
