import type { ExportTable, Procedure } from "../table/exportTable";
import type {
  IdentificationResult,
  LowResultEvidence,
} from "../lowResults/identifyLowResultSchools";
import type { SocialWellBeingResult } from "../social/assessSocialWellBeing";
import type { RiskAssessment } from "../risk/assessRiskFactors";
import type { IndicatorSummary, ShareIndicator } from "../summary/indicatorSummary";
import { DENOMINATOR_NAMES } from "../summary/indicatorSummary";
import type { Reconciliation, ReconciledEntry } from "../reconciliation/reconcile";
import { isUncertain } from "../reconciliation/reconcile";
import { ourFinding } from "../reconciliation/reconciliationLayout";
import { QUANTILE_NAMES, minimumSchoolsFor } from "../social/lowerQuantile";
import { formatIsbsh } from "../social/indexDecimals";
import { RISK_FACTORS } from "../risk/riskFactors";
import { SMALL_GROUP } from "../lowResults/identificationOptions";
import { formatPercent, plural } from "../russianText";

/**
 * «Аналитическая справка» (docs/method.md §10): what a municipal report says about the lists, in the
 * programmes' own words — the method in one paragraph, the indicators against their targets, the
 * lists (ШНОР with criteria and results, ШНСУ, ШГР), who entered and left the ШНОР list, and how the
 * list compares with the official one. One or two A4 pages, as text to paste: the sheet writes it one
 * paragraph a row, the command line as Markdown (`--report`).
 */
export type ReportBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** A numbered list's item: the number is the item's place in its list. */
  | { kind: "item"; number: number; text: string }
  | { kind: "bullet"; text: string };

export interface AnalyticalReport {
  title: string;
  /** «о выявлении …»: what the справка is about, from the parts the workbook has. */
  subject: string;
  blocks: ReportBlock[];
}

/**
 * Who entered and left the ШНОР list between two years: the shape of the analysis's status history
 * (docs/method.md §8), read structurally so that the справка needs nothing else of it.
 */
export interface ReportHistory {
  years: { label: string }[];
  pair: { from: number; to: number } | null;
  changes: readonly string[] | null;
}

export interface ReportInputs {
  table: ExportTable | null;
  identification: IdentificationResult | null;
  social: SocialWellBeingResult | null;
  risk: RiskAssessment | null;
  summary: IndicatorSummary;
  reconciliation: Reconciliation | null;
  history?: ReportHistory | null;
}

/** A list longer than this is cut, with the number left out and where the whole list is. */
export const REPORT_LIST_LIMIT = 40;
/**
 * Characters the справка gives the schools an ambiguous name of the official list fits: about twenty
 * lines of a printed page; the rest are counted, and the reconciliation sheet names as many as a cell
 * holds. A national table has a «СОШ № 1» in each of two thousand districts.
 */
const CANDIDATES_ROOM = 2_000;

const NBSP = "\u00a0";
const percent = (value: number): string => `${formatPercent(value)}${NBSP}%`;
/** A name as printed: «№» never parts from its number at a line's end. */
const printed = (name: string): string => name.replace(/№ /g, `№${NBSP}`);

export function analyticalReport(inputs: ReportInputs): AnalyticalReport {
  const blocks: ReportBlock[] = [];
  let section = 0;
  const heading = (text: string) => blocks.push({ kind: "heading", text: `${++section}. ${text}` });
  const paragraph = (text: string) => blocks.push({ kind: "paragraph", text });
  const { table, identification, social, risk } = inputs;

  paragraph(sourceSentence(inputs));
  heading("Методика");
  for (const text of methodParagraphs(inputs)) paragraph(text);
  const indicators = indicatorLines(inputs);
  if (indicators.length > 0) {
    heading("Показатели");
    for (const text of indicators) blocks.push({ kind: "bullet", text });
  }
  if (identification !== null && table !== null) {
    heading("Школы с низкими образовательными результатами (ШНОР)");
    shnorBlocks(identification, table, blocks);
  }
  if (social !== null) {
    heading("Школы, функционирующие в неблагоприятных социальных условиях (ШНСУ)");
    paragraph(shnsuParagraph(social));
  }
  if (risk !== null) {
    heading("Школы группы риска (ШГР)");
    for (const text of riskGroupParagraphs(risk)) paragraph(text);
  }
  const history = inputs.history ?? null;
  if (history !== null && history.pair !== null && history.changes !== null && table !== null) {
    heading("Изменения в перечне ШНОР");
    paragraph(historyParagraph(history, table));
  }
  if (inputs.reconciliation !== null && identification !== null && table !== null) {
    heading("Сверка с официальным списком");
    reconciliationBlocks(inputs.reconciliation, table, identification, blocks);
  }
  paragraph(
    "Перечни описывают результаты и условия работы школ и указывают, каким школам нужна адресная поддержка; " +
      "результаты ВПР не предназначены для оценки работы педагогов."
  );
  return { title: "Аналитическая справка", subject: subjectOf(inputs), blocks };
}

function subjectOf({ identification, social, risk }: ReportInputs): string {
  const shnsu = "школ, функционирующих в неблагоприятных социальных условиях (ШНСУ)";
  const parts = [
    identification ? "школ с низкими образовательными результатами (ШНОР)" : null,
    social ? shnsu : null,
    risk ? "школ группы риска (ШГР)" : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return "о выявлении школ, которым нужна поддержка";
  const last = parts.pop()!;
  if (parts.length === 0) return `о выявлении ${last}`;
  // A participial phrase after its noun is set off on both sides: «…условиях (ШНСУ), и школ…».
  const comma = parts[parts.length - 1] === shnsu ? "," : "";
  return `о выявлении ${parts.join(", ")}${comma} и ${last}`;
}

function sourceSentence({ table, social, risk }: ReportInputs): string {
  const sources: string[] = [];
  if (table !== null) {
    const years = table.years.map((year) => year.label);
    const span =
      years.length > 1
        ? `${years[0]}–${years[years.length - 1]} учебные годы`
        : `${years[0]} учебный год`;
    sources.push(
      `итоги оценочных процедур (лист «${table.sheetName}»: ${plural(table.schools.length, "школа", "школы", "школ")}, ${span})`
    );
  }
  if (social !== null) sources.push("социальный паспорт школ");
  if (risk !== null) sources.push("анкета факторов риска");
  return `Источник данных: ${sources.join("; ")}.`;
}

/** «ВПР по математике (5 и 6 классы) и русскому языку (5 и 6 классы), ОГЭ …»: the counted procedures present. */
function proceduresInWords(procedures: Procedure[]): string {
  const counted = procedures.filter((procedure) => procedure.countedForLowResults);
  const families = (["ВПР", "ОГЭ", "ЕГЭ"] as const).flatMap((family) => {
    const subjects = (["МА", "РУ"] as const).flatMap((subject) => {
      const own = counted.filter((p) => p.family === family && p.subject === subject);
      if (own.length === 0) return [];
      const word = subject === "МА" ? "математике" : "русскому языку";
      const grades = own.flatMap((p) => (p.grade === null ? [] : [p.grade])).sort((a, b) => a - b);
      const levels = own.flatMap((p) => (p.level === null ? [] : [p.level]));
      if (grades.length > 0)
        return [`${word} (${grades.join(" и ")} ${grades.length > 1 ? "классы" : "класс"})`];
      if (levels.length > 1) return [`${word} (базовый и профильный уровни)`];
      if (levels.length === 1)
        return [`${word} (${levels[0] === "база" ? "базовый" : "профильный"} уровень)`];
      return [word];
    });
    return subjects.length === 0 ? [] : [`${family} по ${subjects.join(" и ")}`];
  });
  return families.join(", ");
}

/**
 * The ШНОР method in one paragraph, ШНСУ and ШГР in a second: one paragraph of all three would be
 * taller than a row may grow (rowHeights.ts), and a cut paragraph prints cut.
 */
function methodParagraphs({ table, identification, social, risk }: ReportInputs): string[] {
  const paragraphs: string[] = [];
  const sentences: string[] = [];
  if (identification !== null && table !== null) {
    const { method } = identification;
    const threshold = percent(method.threshold);
    const previous = method.previousYear;
    const criterion2 =
      method.edition === "2025"
        ? `по одной и той же оценочной процедуре в каждом из двух учебных годов${previous ? ` (${previous} и ${method.referenceYear})` : ""}`
        : `хотя бы по одной оценочной процедуре в каждом из двух учебных годов${previous ? ` (${previous} и ${method.referenceYear})` : ""}`;
    sentences.push(
      `Выявление ШНОР проведено по методике ФИОКО (редакция правил ${method.edition} г.). Под «низкими результатами» ` +
        `понимаются результаты оценочной процедуры, при которых не менее ${threshold} от общего числа участников получили отметку «2» (ВПР) ` +
        "или не преодолели минимальный порог (ОГЭ, ЕГЭ). К ШНОР отнесены общеобразовательные организации, " +
        `удовлетворяющие хотя бы одному из критериев: 1) не менее чем по двум оценочным процедурам в ${method.referenceYear} ` +
        `учебном году зафиксированы низкие результаты; 2) ${criterion2} зафиксированы низкие результаты.`,
      `Анализ проведён по результатам ${proceduresInWords(table.procedures)}; результаты ОГЭ и ЕГЭ — до пересдач, без выпускников прошлых лет.`,
      `${method.years.charAt(0).toLocaleUpperCase("ru")}${method.years.slice(1)}.`,
      method.minParticipants > 0 && method.participantCountsUsed
        ? `Результаты групп менее ${plural(method.minParticipants, "участника", "участников", "участников")} не учитывались; ` +
            "школы, статус которых от них зависит, отнесены к «недостаточно данных»."
        : method.participantCountsUsed
          ? `Учтены все результаты, как в методике; результаты групп менее ${SMALL_GROUP} участников отмечены звёздочкой.`
          : "Числа участников в таблице нет: малые группы не отмечены."
    );
    paragraphs.push(sentences.splice(0).join(" "));
  }
  if (social !== null) {
    sentences.push(
      `ШНСУ — школы ${social.quantile === 0.25 ? "нижнего квартиля (25\u00a0%)" : "нижнего квинтиля (20\u00a0%)"} распределения по индексу ` +
        "социального благополучия школы: ИСБШ = 85 + 15 × «доля обучающихся из семей, где оба родителя имеют высшее образование» " +
        "− 20 × «доля обучающихся из неполных семей» − 65 × «доля обучающихся, состоящих на различных видах учёта»."
    );
  }
  if (risk !== null) {
    sentences.push(
      "ШГР — школы, в которых выявлен хотя бы один из десяти факторов риска снижения образовательных результатов " +
        `(рисковый профиль проекта «500+»)${risk.lowResultsKnown ? " и которые не отнесены к ШНОР" : ""}.`
    );
  }
  if (sentences.length > 0) paragraphs.push(sentences.join(" "));
  return paragraphs;
}

/** «26,1 % (12 из 46 — от школ таблицы результатов)» */
function shareText(indicator: ShareIndicator): string {
  return `${percent(indicator.share!)} (${indicator.count} из ${indicator.of} — ${DENOMINATOR_NAMES[indicator.denominator]})`;
}

/** «, что выше целевого показателя (не более 15 %)»: a share against a ceiling. */
function againstCeiling(value: number, target: number): string {
  return value > target
    ? `, что выше целевого показателя (не более ${percent(target)})`
    : `, что не превышает целевой показатель (не более ${percent(target)})`;
}

function indicatorLines({ summary }: ReportInputs): string[] {
  const lines: string[] = [];
  const { shnor, shnsu, riskGroup, belowMinimumTotal: total } = summary;
  if (shnor !== null && shnor.share !== null)
    lines.push(`доля ШНОР — ${shareText(shnor)}${againstCeiling(shnor.share, shnor.target)};`);
  if (shnsu !== null)
    lines.push(
      shnsu.share !== null ? `доля ШНСУ — ${shareText(shnsu)};` : `доля ШНСУ ${shnsu.undetermined};`
    );
  if (riskGroup !== null && riskGroup.share !== null)
    lines.push(`доля ШГР — ${shareText(riskGroup)};`);
  if (total !== null) {
    lines.push(
      `доля участников ОГЭ и ЕГЭ по русскому языку и математике, не преодолевших минимальный порог, в ${total.year.label} — ` +
        `${percent(total.value)}${total.weighted ? "" : " (невзвешенное среднее долей школ: нет числа участников)"}` +
        `${againstCeiling(total.value, total.target)};`
    );
  }
  for (const item of summary.staffing) {
    if (item.share === null || item.target === null) continue;
    const label = item.label.charAt(0).toLocaleLowerCase("ru") + item.label.slice(1);
    lines.push(
      `${label} — ${percent(item.share)}${item.share < item.target ? `, что ниже целевого показателя (${percent(item.target)})` : `, что не ниже целевого показателя (${percent(item.target)})`};`
    );
  }
  if (lines.length > 0) {
    const last = lines.length - 1;
    lines[last] = `${lines[last].slice(0, -1)}.`;
  }
  return lines;
}

/** «ВПР МА 5 (50 %), ЕГЭ РУ (38,7 %*)»: one year's low results, a small group starred. */
function lowsOfYear(lows: LowResultEvidence[]): string {
  return lows
    .map((low) => {
      const small = low.participants !== null && low.participants < SMALL_GROUP ? "*" : "";
      return `${low.procedure.label} (${percent(low.failing)}${small})`;
    })
    .join(", ");
}

/**
 * «критерии 1 и 2: 2024/2025 — ВПР МА 6 (31,6 %), ОГЭ РУ (48,5 %); 2023/2024 — ОГЭ РУ (35,7 %)» for
 * the school at this place of the table.
 */
export function shnorEvidence(identification: IdentificationResult, index: number): string {
  const school = identification.schools[index];
  const criteria =
    school.criteria.length > 1
      ? `критерии ${school.criteria.join(" и ")}`
      : `критерий ${school.criteria[0] ?? "—"}`;
  const years: string[] = [];
  const byYear = new Map<string, LowResultEvidence[]>();
  for (const low of identification.evidenceOf(index).lowResults) {
    const list = byYear.get(low.year.label);
    if (list === undefined) {
      byYear.set(low.year.label, [low]);
      years.push(low.year.label);
    } else list.push(low);
  }
  return `${criteria}: ${years.map((year) => `${year} — ${lowsOfYear(byYear.get(year)!)}`).join("; ")}`;
}

/** «12 общеобразовательных организаций»: the count agreeing with its noun (and the verb before it). */
function organisations(count: number): { verb: string; noun: string; which: string } {
  const noun = plural(
    count,
    "общеобразовательная организация",
    "общеобразовательные организации",
    "общеобразовательных организаций"
  );
  const form = new Intl.PluralRules("ru").select(count);
  return {
    verb: form === "one" ? "выявлена" : form === "few" ? "выявлены" : "выявлено",
    noun,
    which: form === "one" ? "в которой" : "в которых",
  };
}

function shnorBlocks(
  identification: IdentificationResult,
  table: ExportTable,
  blocks: ReportBlock[]
): void {
  const { method, statuses } = identification;
  const flagged: number[] = [];
  const undecided: number[] = [];
  statuses.forEach((status, school) => {
    if (status === "shnor") flagged.push(school);
    else if (status === "insufficient_data") undecided.push(school);
  });
  const years = method.previousYear
    ? `${method.previousYear} и ${method.referenceYear} учебных годов`
    : `${method.referenceYear} учебного года`;
  if (flagged.length === 0) {
    blocks.push({
      kind: "paragraph",
      text: `По результатам оценочных процедур ${years} школ с низкими образовательными результатами не выявлено.`,
    });
  } else {
    const { verb, noun, which } = organisations(flagged.length);
    blocks.push({
      kind: "paragraph",
      text: `По результатам оценочных процедур ${years} ${verb} ${noun}, ${which} зафиксированы низкие образовательные результаты обучающихся:`,
    });
    let small = false;
    flagged.slice(0, REPORT_LIST_LIMIT).forEach((school, index) => {
      const identified = identification.schools[school];
      const evidence = shnorEvidence(identification, school);
      small ||= evidence.includes("*");
      blocks.push({
        kind: "item",
        number: index + 1,
        text: `${printed(identified.name)} — ${evidence}${index === flagged.length - 1 ? "." : ";"}`,
      });
    });
    if (flagged.length > REPORT_LIST_LIMIT)
      blocks.push({
        kind: "paragraph",
        text: `… и ещё ${plural(flagged.length - REPORT_LIST_LIMIT, "школа", "школы", "школ")}: полный перечень — на листе «ШНОР».`,
      });
    if (small)
      blocks.push({
        kind: "paragraph",
        text: `* Результат группы менее ${SMALL_GROUP} участников: учтён, как в методике, но выводы по нему требуют осторожности.`,
      });
  }
  if (undecided.length > 0) {
    blocks.push({
      kind: "paragraph",
      text:
        `Недостаточно данных для вывода — ${plural(undecided.length, "школа", "школы", "школ")}: ` +
        `${namesList(
          undecided.map((school) => table.schools[school].name),
          "«ШНОР»"
        )}.`,
    });
  }
}

/** Names joined for a sentence, cut at the limit with the number left out and where to find them. */
function namesList(names: string[], sheet: string): string {
  const shown = names.slice(0, REPORT_LIST_LIMIT).map(printed).join(", ");
  return names.length > REPORT_LIST_LIMIT
    ? `${shown} … и ещё ${names.length - REPORT_LIST_LIMIT} (полный перечень — на листе ${sheet})`
    : shown;
}

/** «отнесена 1 школа», «отнесены 3 школы»: the verb agrees with the count. */
function assigned(count: number): string {
  return new Intl.PluralRules("ru").select(count) === "one" ? "отнесена" : "отнесены";
}

function shnsuParagraph(social: SocialWellBeingResult): string {
  const quantile = QUANTILE_NAMES[social.quantile];
  if (social.threshold === null) {
    return (
      `Группа ШНСУ (${quantile}) не выделена: ИСБШ рассчитан для ${plural(social.counts.ranked, "школы", "школ", "школ")}, ` +
      `а нужно не меньше ${minimumSchoolsFor(social.quantile)}.`
    );
  }
  const group = social.schools.filter((school) => school.shnsu);
  const threshold = formatIsbsh(social.threshold, social.indexDecimals);
  const text =
    group.length === 0
      ? `В группу ШНСУ (${quantile}, ИСБШ не выше ${threshold}) школы не вошли.`
      : `К ШНСУ ${assigned(group.length)} ${plural(group.length, "школа", "школы", "школ")} (${quantile}, ИСБШ не выше ${threshold}): ` +
        `${namesList(
          group.map(
            (school) => `${school.name} (${formatIsbsh(school.isbsh!, social.indexDecimals)})`
          ),
          "«ИСБШ»"
        )}.`;
  return social.groupSizeWarning === null ? text : `${text} Внимание: ${social.groupSizeWarning}.`;
}

function riskGroupParagraphs(risk: RiskAssessment): string[] {
  const group = risk.schools.filter((school) => school.riskGroup);
  if (group.length === 0) return ["Школ группы риска не выявлено."];
  const rule = risk.lowResultsKnown
    ? "выявлены факторы риска, школа не входит в ШНОР"
    : "ШНОР не определялись: в группу вошли все школы с факторами риска";
  const paragraphs = [
    `К ШГР ${assigned(group.length)} ${plural(group.length, "школа", "школы", "школ")} (${rule}; в скобках — номера факторов): ` +
      `${namesList(
        group.map((school) => `${school.name} (${school.factors.join(", ")})`),
        "«Матрица рисков»"
      )}.`,
  ];
  const frequent = risk.byFactor
    .filter((item) => item.riskGroup.length > 0)
    .sort((a, b) => b.riskGroup.length - a.riskGroup.length || a.factor.number - b.factor.number)
    .slice(0, 3)
    .map(
      (item) =>
        `${item.factor.number} «${item.factor.name}» (${plural(item.riskGroup.length, "школа", "школы", "школ")})`
    );
  if (frequent.length > 0)
    paragraphs.push(
      `Чаще всего в ШГР выявлены факторы ${frequent.join(", ")}; всего факторов в профиле — ${RISK_FACTORS.length}.`
    );
  return paragraphs;
}

function historyParagraph(history: ReportHistory, table: ExportTable): string {
  const pair = history.pair!;
  const from = history.years[pair.from].label;
  const to = history.years[pair.to].label;
  const of = (change: string) =>
    history.changes!.flatMap((value, school) =>
      value === change ? [table.schools[school].name] : []
    );
  const entered = of("entered");
  const left = of("left");
  const part = (verb: [string, string], where: string, names: string[]) => {
    if (names.length === 0) return `${where} не ${verb[1]} ни одна школа`;
    const one = new Intl.PluralRules("ru").select(names.length) === "one";
    return (
      `${where} ${one ? verb[0] : verb[1]} ${plural(names.length, "школа", "школы", "школ")}: ` +
      namesList(names, "«ШНОР по годам»")
    );
  };
  return (
    `По сравнению с ${from} учебным годом (статусы определены по тем же правилам) в ${to} учебном году ` +
    `${part(["вошла", "вошли"], "в перечень ШНОР", entered)}; ${part(["вышла", "вышли"], "из перечня", left)}.`
  );
}

function reconciliationBlocks(
  reconciliation: Reconciliation,
  table: ExportTable,
  identification: IdentificationResult,
  blocks: ReportBlock[]
): void {
  const { matched, onlyOurs, onlyOfficial, listSchools } = reconciliation;
  blocks.push({
    kind: "paragraph",
    text:
      `Перечень ШНОР сверен с официальным списком (лист «${reconciliation.officialSheet}»` +
      `, ${plural(listSchools, "школа", "школы", "школ")}): ` +
      `${new Intl.PluralRules("ru").select(matched.length) === "one" ? "совпадает" : "совпадают"} ` +
      `${plural(matched.length, "школа", "школы", "школ")}; только в нашем перечне — ${onlyOurs.length}; ` +
      `только в официальном списке — ${onlyOfficial.length}.`,
  });
  const name = (entry: ReconciledEntry) =>
    printed(
      entry.school === null
        ? entry.official!.name || entry.official!.login!
        : table.schools[entry.school].name
    );
  for (const entry of onlyOurs.slice(0, REPORT_LIST_LIMIT))
    blocks.push({
      kind: "bullet",
      text: `${name(entry)} — только в нашем перечне: ${shnorEvidence(identification, entry.school!)};`,
    });
  for (const entry of onlyOfficial.slice(0, REPORT_LIST_LIMIT)) {
    const official = printed(entry.official!.name || entry.official!.login!);
    blocks.push({
      kind: "bullet",
      text:
        entry.ambiguous.length > 0
          ? `${official} — в официальном списке; ${ourFinding(entry, table, identification, CANDIDATES_ROOM)};`
          : `${official} — только в официальном списке: ${ourFinding(entry, table, identification)};`,
    });
  }
  for (const entry of matched.filter(isUncertain).slice(0, REPORT_LIST_LIMIT)) {
    const official = printed(entry.official!.name || entry.official!.login!);
    blocks.push({
      kind: "bullet",
      text: `${official} — сопоставлена с ${name(entry)} ${entry.match === "variant" ? "по наименованию, записанному иначе" : "по наименованию при разных логинах"}: проверьте;`,
    });
  }
  const last = blocks[blocks.length - 1];
  if (last.kind === "bullet") last.text = `${last.text.slice(0, -1)}.`;
}
