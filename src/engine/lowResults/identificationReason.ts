import type { SchoolYear } from "../table/exportTable";
import type { IdentificationOptions } from "./identificationOptions";
import type {
  IdentificationMethod,
  JudgedResult,
  RuleYears,
  SchoolStatus,
} from "./identifyLowResultSchools";
import type { SchoolJudgement } from "./schoolJudgement";
import { formatPercent, plural } from "../russianText";
import { SMALL_GROUP } from "./identificationOptions";
import { isLowResult } from "./lowResult";

/** `ВПР МА 5 (40 %), ЕГЭ МА база (50 %, 6 участников — малая группа)` */
function listResults(results: JudgedResult[], withYear = false): string {
  let text = "";
  for (const result of results) {
    if (text !== "") text += ", ";
    const year = withYear ? ` ${result.year.label}` : "";
    text += `${result.procedure.label}${year} (${formatPercent(result.failing!)}\u00a0%${groupSize(result)})`;
  }
  return text;
}

/** «меньше 10 участников», «меньше 21 участника»: the genitive after «меньше». */
function fewerThan(count: number): string {
  return plural(count, "участника", "участников", "участников");
}

/** A small group is named as such (docs/method.md §2): 30 % of a class of 6 is two pupils. */
function groupSize(result: JudgedResult): string {
  const { participants } = result;
  if (participants === null || participants >= SMALL_GROUP) return "";
  return `, ${plural(participants, "участник", "участника", "участников")} — малая группа`;
}

function yearLows(year: SchoolYear, lows: JudgedResult[]): string {
  return lows.length > 0 ? `${year.label} — ${listResults(lows)}` : noLows(year);
}

/**
 * «2019 — низких результатов нет», made once per year: most schools of a table have no low result,
 * and their reasons are then one text, shared rather than made again for each.
 */
function noLows(year: SchoolYear): string {
  let text = NO_LOWS.get(year);
  if (text === undefined) NO_LOWS.set(year, (text = `${year.label} — низких результатов нет`));
  return text;
}
const NO_LOWS = new WeakMap<SchoolYear, string>();

/** The same procedure low in both years (2025 edition): `ВПР МА 5 — 2019 (40 %), 2018 (35 %)`. */
function listRepeated(judgement: SchoolJudgement): string {
  return judgement.reference.low
    .flatMap((later) => {
      const earlier = judgement.previous.low.find(
        (result) => result.procedure.id === later.procedure.id
      );
      if (earlier === undefined) return [];
      const percent = (result: JudgedResult) =>
        `${result.year.label} (${formatPercent(result.failing!)}\u00a0%${groupSize(result)})`;
      return [`${later.procedure.label} — ${percent(later)}, ${percent(earlier)}`];
    })
    .join("; ");
}

function criteriaText(
  judgement: SchoolJudgement,
  years: RuleYears,
  settings: IdentificationOptions
): string {
  const parts: string[] = [];
  if (judgement.criteria.includes(1))
    parts.push(`К1: ${yearLows(years.reference, judgement.reference.low)}`);
  if (judgement.criteria.includes(2)) {
    parts.push(
      settings.edition === "2025"
        ? `К2: ${listRepeated(judgement)}`
        : `К2: ${yearLows(years.reference, judgement.reference.low)}; ${yearLows(years.previous!, judgement.previous.low)}`
    );
  }
  return parts.join(". ");
}

function notFlaggedText(
  judgement: SchoolJudgement,
  years: RuleYears,
  settings: IdentificationOptions
): string {
  const { reference, previous } = judgement;
  if (reference.low.length === 0 && previous.low.length === 0) return nothingLow(years);
  const lows = years.previous
    ? `${yearLows(years.reference, reference.low)}; ${yearLows(years.previous, previous.low)}`
    : yearLows(years.reference, reference.low);
  const differentProcedures =
    settings.edition === "2025" && reference.low.length > 0 && previous.low.length > 0
      ? " (в редакции 2025 г. критерий 2 требует одну и ту же процедуру в обоих годах)"
      : "";
  return `Критерии не выполнены: ${lows}${differentProcedures}`;
}

/** The reason of a school with no low result in either year: one text for the run's years. */
function nothingLow(years: RuleYears): string {
  let text = NOTHING_LOW.get(years);
  if (text === undefined) {
    const lows = years.previous
      ? `${noLows(years.reference)}; ${noLows(years.previous)}`
      : noLows(years.reference);
    NOTHING_LOW.set(years, (text = `Критерии не выполнены: ${lows}`));
  }
  return text;
}
const NOTHING_LOW = new WeakMap<RuleYears, string>();

function insufficientText(
  judgement: SchoolJudgement,
  years: RuleYears,
  settings: IdentificationOptions
): string {
  const setAside = judgement.reference.small
    .concat(judgement.previous.small)
    .filter((result) => isLowResult(result.failing!, settings.threshold));
  const undecided = judgement.reference.low.length > 0 && judgement.previous.usable === 0;
  if (setAside.length > 0 && !undecided) {
    return (
      `Недостаточно данных: статус зависит от низких результатов малых групп, отложенных минимумом участников (${settings.minParticipants}): ` +
      `${listResults(setAside, true)}; с ними школа отнесена бы к ШНОР`
    );
  }
  if (judgement.reference.usable === 0)
    return `Недостаточно данных: нет результатов ${years.reference.label} по учитываемым процедурам`;
  const previous = years.previous
    ? `результатов ${years.previous.label}`
    : "результатов предыдущего года";
  return (
    `Недостаточно данных: в ${years.reference.label} один низкий результат (${listResults(judgement.reference.low)}), ` +
    `а ${previous} для проверки критерия 2 нет`
  );
}

/**
 * Notes on what was not judged: too few participants, and counted procedures without data; "" for
 * none (most schools: no list to make for them).
 */
function dataNotes(
  judgement: SchoolJudgement,
  years: RuleYears,
  settings: IdentificationOptions
): string {
  const { reference, previous } = judgement;
  let notes = "";
  if (reference.small.length + previous.small.length > 0) {
    const list = reference.small
      .concat(previous.small)
      .map((result) => `${result.procedure.label} ${result.year.label} (${result.participants})`)
      .join(", ");
    notes = `Не учтены (меньше ${fewerThan(settings.minParticipants)}): ${list}`;
  }
  const { missing } = reference;
  if (missing.length > 0 && reference.usable + reference.small.length > 0) {
    const labels = missing.map((procedure) => procedure.label).join(", ");
    notes += `${notes === "" ? "" : ". "}Нет данных за ${years.reference.label}: ${labels}`;
  }
  return notes;
}

export function explainSchool(
  status: SchoolStatus,
  judgement: SchoolJudgement,
  years: RuleYears,
  settings: IdentificationOptions
): string {
  const main =
    status === "shnor"
      ? criteriaText(judgement, years, settings)
      : status === "insufficient_data"
        ? insufficientText(judgement, years, settings)
        : notFlaggedText(judgement, years, settings);
  const notes = dataNotes(judgement, years, settings);
  return notes === "" ? main : `${main}. ${notes}`;
}

/**
 * «Отчётный год 2019, предыдущий 2018: годы — из заголовков столбцов.» Years the table does not name
 * keep their stand-in labels in quotes, so the sentence does not read «отчётный год последний год».
 */
function yearsSentence(method: IdentificationMethod): string {
  const known = /\d/.test(method.referenceYear);
  const label = (year: string) => (known ? year : `«${year}»`);
  const previous = method.previousYear === null ? "нет в таблице" : label(method.previousYear);
  return `Отчётный год ${label(method.referenceYear)}, предыдущий — ${previous}: ${method.years}.`;
}

/** The method in Russian, printed beside every list the product writes (docs/method.md §7). */
export function describeMethod(method: IdentificationMethod): string {
  const previous = method.previousYear ?? "предыдущий год (нет в таблице)";
  const criterionTwo =
    method.edition === "2020"
      ? `К2 — хотя бы в одной процедуре в каждом из двух лет (${method.referenceYear} и ${previous})`
      : `К2 — в одной и той же процедуре в каждом из двух лет (${method.referenceYear} и ${previous})`;
  const small = !method.participantCountsUsed
    ? "в таблице нет числа участников, малые группы не отмечены"
    : method.minParticipants > 0
      ? `результаты групп меньше ${fewerThan(method.minParticipants)} отложены, и школа, статус которой от них зависит, — «недостаточно данных»`
      : `учитываются все результаты, как в документах; результат группы меньше ${SMALL_GROUP} участников отмечен «малая группа»`;
  return (
    `Методика ФИОКО выявления школ с низкими образовательными результатами, редакция ${method.edition} г. ` +
    `Низкий результат — доля «2» (для ОГЭ и ЕГЭ — не преодолевших минимальный порог) не менее ${formatPercent(method.threshold)}\u00a0%. ` +
    `К1 — низкие результаты не менее чем в двух процедурах за ${method.referenceYear}; ${criterionTwo}. ` +
    `Учитываются ВПР по математике и русскому языку в 5 и 6 классах, ОГЭ и ЕГЭ по математике и русскому языку ` +
    `(основной период, без пересдач и выпускников прошлых лет); ${small}. ` +
    `${yearsSentence(method)} ` +
    `Подробнее о методе — справка «Методика», docs/method.md, §2.`
  );
}
