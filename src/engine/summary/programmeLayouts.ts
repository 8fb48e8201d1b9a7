import type { CellValue } from "../types";
import type { SchoolYear } from "../table/exportTable";
import { formatPercent, plural } from "../russianText";
import { SMALL_GROUP } from "../lowResults/identificationOptions";
import { lowShareName } from "./lowShareNames";
import {
  GAP_MIN_SCHOOLS,
  GIA_SUBJECTS,
  type PositiveDynamics,
  type ProcedureGap,
  type ProgrammeIndicators,
} from "./programmeIndicators";

/**
 * The rows «Сводка показателей» gives the indicators of programmeIndicators.ts (docs/method.md §8),
 * in its columns: section, indicator, year, value, target, met / trend. The targets are words —
 * «рост», «сокращение» — as the programmes set them, with no number; «да»/«нет» says whether the
 * value moved that way since the year before.
 */
export function programmeRows(programme: ProgrammeIndicators): CellValue[][] {
  return [
    ...programme.positiveDynamics.map((item) => positiveDynamicsRow(item, programme)),
    ...programme.gaps.flatMap(gapRows),
    ...programme.highResults.flatMap((item) =>
      item.values.map((value, index): CellValue[] => [
        "Высокие результаты",
        `${item.procedure.label}:\u00a0% высоких результатов по муниципалитету${value.weighted ? "" : " (среднее по школам)"}`,
        value.year.label,
        value.value,
        null,
        index === 0 ? "" : (item.arrows[index - 1] ?? ""),
      ])
    ),
  ];
}

const subjectOf = (item: PositiveDynamics) =>
  GIA_SUBJECTS.find((subject) => subject.subject === item.subject)!;

/** The share against the pair of years before it: «рост» is the programme's target. */
function positiveDynamicsRow(item: PositiveDynamics, programme: ProgrammeIndicators): CellValue[] {
  const before = programme.positiveDynamics.find(
    (other) => other.subject === item.subject && other.year.end === item.previous.end
  );
  const met =
    before === undefined || before.share === null || item.share === null
      ? ""
      : item.share > before.share
        ? "да"
        : "нет";
  const atZero =
    item.steadyAtZero > 0
      ? `; ещё у ${plural(item.steadyAtZero, "школы", "школ", "школ")} доля 0\u00a0% в оба года — снижаться некуда`
      : "";
  return [
    "ГИА",
    `Доля школ с положительной динамикой результатов ГИА по ${subjectOf(item).genitive},\u00a0% ` +
      `(${item.previous.label} → ${item.year.label}: доля не преодолевших минимальный порог снизилась у ${item.improved} ` +
      `из ${plural(item.schools, "школы", "школ", "школ")} с результатами ${item.procedures.map((procedure) => procedure.label).join(", ")} в оба года${atZero})`,
    item.year.label,
    item.share,
    "рост",
    met,
  ];
}

/** A procedure's gap year by year; from the second year with a gap on, whether it narrowed. */
function gapRows(gap: ProcedureGap): CellValue[][] {
  let earlier: number | null = null;
  return gap.values.map((value) => {
    const quarter = Math.floor(value.schools / 4);
    const label =
      value.value === null
        ? `${gap.procedure.label}: разрыв между школами с наиболее высокими и наиболее низкими результатами не определён — ` +
          `школ со значением ${value.schools}, нужно не меньше ${GAP_MIN_SCHOOLS}`
        : `${gap.procedure.label}: разрыв между школами с наиболее высокими и наиболее низкими результатами, п.\u00a0п. ` +
          `(${lowShareName(gap.procedure)}: среднее по ${plural(quarter, "школе", "школам", "школам")} с наибольшей долей — ` +
          `${formatPercent(value.worst!)}\u00a0%, по ${plural(quarter, "школе", "школам", "школам")} с наименьшей — ${formatPercent(value.best!)}\u00a0%; ` +
          `из ${plural(value.schools, "школы", "школ", "школ")} со значением)`;
    const compared = value.value !== null && earlier !== null;
    // ↓ (at least a point narrower) is the programme's «сокращение»; → and ↑ are not.
    const met = compared
      ? Math.round((value.value! - earlier!) * 1e9) / 1e9 <= -1
        ? "да"
        : "нет"
      : "";
    if (value.value !== null) earlier = value.value;
    return ["Разрыв", label, value.year.label, value.value, compared ? "сокращение" : null, met];
  });
}

/**
 * What the sheet says above its table about these rows: each indicator's source by its title
 * (docs/method.md, «Источники»), its target and how it is computed; and, with fewer than three
 * years, that the monitoring the source asks for is deeper.
 */
export function programmeNotes(programme: ProgrammeIndicators, years: SchoolYear[]): string[] {
  const notes: string[] = [];
  if (programme.positiveDynamics.length > 0)
    notes.push(
      "Положительная динамика ГИА — показатель программы Назаровского района «Повышение качества образования в общеобразовательных организациях Назаровского района» на 2021–2024 годы: " +
        "«рост доли школ, достигших положительной динамики в результатах ГИА (ОГЭ, ЕГЭ) по математике и русскому языку»; цель — рост доли. " +
        "У школы положительная динамика по предмету, если доля участников, не преодолевших минимальный порог, по ОГЭ и ЕГЭ этого предмета вместе " +
        "снизилась от года к году не меньше чем на 1\u00a0п.\u00a0п. (берутся только экзамены, результаты которых у школы есть в оба года; доля — с учётом числа участников, если оно есть у каждого значения, иначе среднее по экзаменам). " +
        "Доля — от школ с результатами в оба года; «Выполнено» — выросла ли она по сравнению с предыдущей парой лет."
    );
  if (programme.gaps.length > 0)
    notes.push(
      "Разрыв — задача 4 программы Новокузнецка (приказ КОиН от 09.12.2020 №\u00a01351): «сокращение разрыва в результатах обученности между общеобразовательными организациями " +
        "с наиболее высокими и наиболее низкими образовательными результатами»; цель — сокращение. По каждой учитываемой процедуре и году: средняя доля низких результатов " +
        "четверти школ с наибольшей долей минус средняя доля четверти школ с наименьшей, в п.\u00a0п. Четверть, а не одна лучшая и одна худшая школа: " +
        "тогда разрыв зависел бы от двух школ и менялся бы вместе с ними; по процедурам, а не индексом результатов: индекс стандартизован по каждому году, " +
        `его разброс от года к году не меняется, и сокращения он не покажет. Результаты групп меньше ${SMALL_GROUP} участников не учитываются (как в зонах риска); ` +
        `нужно не меньше ${GAP_MIN_SCHOOLS} школ со значением. «Выполнено» — сократился ли разрыв не меньше чем на 1\u00a0п.\u00a0п. к предыдущему году.`
    );
  if (programme.highResults.length > 0)
    notes.push(
      "% высоких результатов по годам — Положение о муниципальной системе оценки качества образования города Горячий Ключ (приказ от 26.02.2021 №\u00a041): " +
        "мониторинг подготовки обучающихся высокого уровня, анализ результатов по годам на глубину не менее 3 лет; цели нет. " +
        "Значение по муниципалитету — с учётом числа участников, где оно есть у всех школ, иначе среднее по школам. " +
        "Здесь стрелки — о доле высоких результатов: ↑ — выросла (лучше), ↓ — снизилась." +
        (years.length < 3
          ? ` В таблице ${plural(years.length, "год", "года", "лет")} — меньше трёх, которых просит источник.`
          : "")
    );
  return notes;
}
