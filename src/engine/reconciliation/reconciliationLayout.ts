import type { CellValue } from "../types";
import type { ExportTable } from "../table/exportTable";
import type { IdentificationResult } from "../lowResults/identifyLowResultSchools";
import type { RowTone, SheetLayout } from "../sheetLayout";
import { STATUS_LABELS } from "../lowResults/identificationLayouts";
import { plural } from "../russianText";
import { isUncertain, type ReconciledEntry, type Reconciliation } from "./reconcile";
import { candidateNames, roomBetween } from "./candidateNames";

export const RECONCILIATION_MARKER = "school-radar:reconciliation";

/** How names are compared, said beside the list (docs/method.md §9). */
export const NAME_RULE =
  "Школы сопоставляются по логину ОО, а где его нет или он не найден — по наименованию без учёта регистра, кавычек, " +
  "пробелов, ё/е, записи «№\u00a05»/«№5», формы учреждения (МБОУ, МАОУ …) и записи типа школы («средняя " +
  "общеобразовательная школа», «средняя школа» = СОШ, «основная …» = ООШ). Наименование, подходящее к нескольким " +
  "школам таблицы, не сопоставляется; совпадение по наименованию, записанному иначе, отмечено «проверьте».";

/** What the entry's school is to us, in words: the sheet's last column, the report and `--json`'s reader. */
export function ourFinding(
  entry: ReconciledEntry,
  table: ExportTable,
  identification: IdentificationResult,
  /** Characters the names of an ambiguous entry's schools may take: by default what a cell leaves. */
  room?: number
): string {
  if (entry.ambiguous.length > 0) {
    const [before, after] = [
      "наименование подходит к нескольким школам таблицы: ",
      "; сверьте по логину",
    ];
    const names = candidateNames(entry.ambiguous, table, room ?? roomBetween(before, after));
    return `${before}${names}${after}`;
  }
  if (entry.school === null) return "школы нет в таблице";
  const reason = identification.reasonOf(entry.school);
  if (entry.status === "shnor") return reason;
  const lowered = reason.charAt(0).toLocaleLowerCase("ru") + reason.slice(1);
  return entry.status === "not_shnor" ? `по нашим данным ${lowered}` : lowered;
}

/** How the entry was found in the table: «по логину», «по наименованию, записанному иначе — проверьте». */
export function matchNote(entry: ReconciledEntry, table: ExportTable): string {
  if (entry.ambiguous.length > 0)
    return `неоднозначно: наименование подходит к ${plural(entry.ambiguous.length, "школе", "школам", "школам")}`;
  if (entry.official === null) return "нет в официальном списке";
  if (entry.school === null) return "не найдена в таблице";
  const by =
    entry.match === "login"
      ? "по логину"
      : entry.match === "name"
        ? "по наименованию"
        : "по наименованию, записанному иначе — проверьте";
  return entry.otherLogin === null
    ? by
    : `${by}; логин в списке ${entry.otherLogin}, в таблице ${table.schools[entry.school].login} — проверьте`;
}

/** The three groups as the sheet and the report name them. */
export function groupLabel(entry: ReconciledEntry): string {
  if (entry.official === null) return "только в нашем списке";
  if (entry.status === "shnor") return "совпадает";
  return entry.ambiguous.length > 0 ? "неоднозначно" : "только в официальном списке";
}

function tone(entry: ReconciledEntry): RowTone {
  if (entry.ambiguous.length > 0) return "unknown";
  if (entry.official !== null && entry.status === "shnor")
    return isUncertain(entry) ? "unknown" : "ok";
  return "alert";
}

/** «Совпадают: 10 (1 — проверьте); только в нашем списке: 2; только в официальном: 2 (неоднозначных: 1).» */
export function reconciliationCounts(reconciliation: Reconciliation): string {
  const { matched, onlyOurs, onlyOfficial } = reconciliation;
  const uncertain = matched.filter(isUncertain).length;
  const ambiguous = onlyOfficial.filter((entry) => entry.ambiguous.length > 0).length;
  return (
    `Совпадают: ${matched.length}${uncertain > 0 ? ` (из них ${uncertain} — по наименованию, записанному иначе, или с разными логинами: проверьте)` : ""}; ` +
    `только в нашем списке: ${onlyOurs.length}; только в официальном списке: ${onlyOfficial.length}` +
    `${ambiguous > 0 ? ` (из них с неоднозначным наименованием: ${ambiguous})` : ""}.`
  );
}

/** «Сверка со списком»: every school of either list, the group it falls in, and why. */
export function reconciliationLayout(
  reconciliation: Reconciliation,
  table: ExportTable,
  identification: IdentificationResult
): SheetLayout {
  const entries = [
    ...reconciliation.matched,
    ...reconciliation.onlyOurs,
    ...reconciliation.onlyOfficial,
  ];
  const body: CellValue[][] = entries.map((entry) => {
    const school = entry.school === null ? null : table.schools[entry.school];
    return [
      groupLabel(entry),
      entry.official === null ? "" : entry.official.name || entry.official.login,
      school?.name ?? "",
      school?.login ?? entry.official?.login ?? "",
      matchNote(entry, table),
      entry.status === null ? "нет в таблице" : STATUS_LABELS[entry.status],
      ourFinding(entry, table, identification),
    ];
  });
  return {
    name: "Сверка со списком",
    marker: RECONCILIATION_MARKER,
    preamble: [
      "Школьный радар — сверка списка ШНОР с официальным списком",
      `Официальный список: лист «${reconciliation.officialSheet}», школ: ${reconciliation.listSchools}. ` +
        `Наш список: лист «${reconciliation.tableSheet}», ШНОР: ${identification.counts.shnor}.`,
      reconciliationCounts(reconciliation),
      NAME_RULE,
      identification.method.description,
      "Расхождение — повод сверить данные и основания, а не оценка школы: список описывает результаты и указывает, каким школам нужна поддержка.",
    ],
    header: [
      "Результат сверки",
      "ОО в официальном списке",
      "ОО в нашей таблице",
      "Логин",
      "Сопоставление",
      "Статус по нашим данным",
      "Обоснование по нашим данным",
    ],
    body,
    columns: [
      { width: 22, wrap: true },
      { width: 34, wrap: true },
      { width: 34, wrap: true },
      { width: 12 },
      { width: 28, wrap: true },
      { width: 16, wrap: true },
      { width: 80, wrap: true },
    ],
    rowTone: entries.map(tone),
  };
}
