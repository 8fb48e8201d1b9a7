import {
  isUncertain,
  matchNote,
  ourFinding,
  plural,
  type ReconciledEntry,
  type WorkbookAnalysis,
} from "../engine";

/** Differences shown in the terminal before «… и ещё N»; the sheet «Сверка со списком» has them all. */
const SHOWN = 5;

/**
 * The reconciliation with the official list, for the terminal: the counts, then each difference and
 * each match to check, with what our data says (docs/method.md §9).
 */
export function reconciliationLines({
  reconciliation,
  table,
  identification,
}: WorkbookAnalysis): string[] {
  if (reconciliation === null || table === null || identification === null) return [];
  const { matched, onlyOurs, onlyOfficial } = reconciliation;
  const name = (entry: ReconciledEntry) =>
    entry.school === null
      ? entry.official!.name || entry.official!.login!
      : table.schools[entry.school].name;
  const lines = [
    ...onlyOurs.map(
      (entry) => `  только у нас: ${name(entry)} — ${ourFinding(entry, table, identification)}`
    ),
    ...onlyOfficial.map(
      (entry) =>
        `  только в списке: ${entry.official!.name || entry.official!.login} — ${ourFinding(entry, table, identification)}`
    ),
    ...matched
      .filter(isUncertain)
      .map(
        (entry) =>
          `  сопоставлено: ${entry.official!.name} → ${name(entry)} (${matchNote(entry, table)})`
      ),
  ];
  const more =
    lines.length > SHOWN
      ? [`  … и ещё ${lines.length - SHOWN} (лист «Сверка со списком», см. --out)`]
      : [];
  return [
    `Сверка со списком «${reconciliation.officialSheet}» (${plural(reconciliation.listSchools, "школа", "школы", "школ")}): ` +
      `совпадают ${matched.length}, только у нас ${onlyOurs.length}, только в списке ${onlyOfficial.length}`,
    ...lines.slice(0, SHOWN),
    ...more,
  ];
}
