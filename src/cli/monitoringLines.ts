import { CATEGORY_LABELS, PROFILE_CATEGORIES, plural, type WorkbookAnalysis } from "../engine";

/**
 * The terminal's lines for ШНОР by year and the school profile (docs/method.md §8): counts only; the
 * schools are on the sheets «ШНОР по годам» and «Профиль школ» (`--out`) and in `--json`.
 */
export function monitoringLines({ history, profile }: WorkbookAnalysis): string[] {
  const lines: string[] = [];
  if (history !== null) {
    const byYear = history.years
      .map((year, index) => `${year.label} — ${history.counts[index].shnor}`)
      .join(", ");
    const { pair, changeCounts } = history;
    const change =
      pair === null || changeCounts === null
        ? "; изменение не определено: нужны два года со статусом (результаты трёх лет подряд)"
        : `; между ${history.years[pair.from].label} и ${history.years[pair.to].label} вошли в ШНОР — ` +
          `${schools(changeCounts.entered)}, вышли — ${schools(changeCounts.left)}, остались — ${schools(changeCounts.stayed)}`;
    lines.push(`ШНОР по годам: ${byYear}${change}`);
  }
  if (profile !== null) {
    const groups = PROFILE_CATEGORIES.filter(({ category }) => profile.counts[category] > 0).map(
      ({ category }) => `${CATEGORY_LABELS[category]} — ${profile.counts[category]}`
    );
    lines.push(`Профиль школ (по степени нужды в поддержке): ${groups.join("; ")}`);
  }
  return lines;
}

function schools(count: number): string {
  return plural(count, "школа", "школы", "школ");
}
