/** English plural rules (one / other), as the Russian `plural` helper uses Intl.PluralRules for «ru». */
const RULES = new Intl.PluralRules("en");

/** `1 school`, `3 schools`; `plural` defaults to the noun with an «s». */
export function englishCount(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${RULES.select(count) === "one" ? noun : plural}`;
}
