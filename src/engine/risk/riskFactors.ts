/**
 * The ten risk factors of the federal "500+" profile with the parameters seed 001 lists for each
 * («фактор риска / параметры анализа»). Thresholds are this product's documented defaults, not a
 * federal norm: the user edits them on the settings sheet («Пороги факторов риска»).
 *
 * Each parameter has a scale (per cent, a 1–5 score, a count of people) and a direction: the risk is
 * when the value is above the threshold (`above`, e.g. vacancies > 0) or below it (`below`, e.g. a share
 * of teachers trained < 70 %). Seed 001 lists the parameters only, with no rule for combining them, and
 * names a school under «Дефицит педагогических кадров» for a shortage of teachers alone: so by default a
 * factor is present when any of its parameters is at risk (docs/method.md §4). The user may choose the
 * stricter rule on the thresholds sheet: at least half of the parameters that have data (one of one,
 * one of two, two of three or four, three of five or six).
 */
export type RiskDirection = "above" | "below";
export type RiskScale = "percent" | "score" | "count";

/** How a factor's parameters at risk make it present: any one of them, or at least half of those with data. */
export type FactorPresenceRule = "any" | "half";

export interface RiskParameter {
  /** `Ф2.1`: factor and parameter number, also the start of the questionnaire's column header. */
  code: string;
  label: string;
  scale: RiskScale;
  direction: RiskDirection;
  threshold: number;
}

export interface RiskFactor {
  number: number;
  name: string;
  parameters: RiskParameter[];
}

const factor = (
  number: number,
  name: string,
  parameters: Omit<RiskParameter, "code">[]
): RiskFactor => ({
  number,
  name,
  parameters: parameters.map((parameter, index) => ({
    ...parameter,
    code: `Ф${number}.${index + 1}`,
  })),
});
const p = (
  label: string,
  scale: RiskScale,
  direction: RiskDirection,
  threshold: number
): Omit<RiskParameter, "code"> => ({
  label,
  scale,
  direction,
  threshold,
});

export const RISK_FACTORS: RiskFactor[] = [
  factor(1, "Низкий уровень оснащения школы", [
    p("Состояние классов и кабинетов, балл 1–5", "score", "below", 3),
    p("Обеспеченность учебными материалами,\u00a0%", "percent", "below", 80),
    p("Оснащённость цифровым оборудованием,\u00a0%", "percent", "below", 70),
    p("Качество интернет-соединения, балл 1–5", "score", "below", 3),
  ]),
  factor(2, "Дефицит педагогических кадров", [
    p("Вакансии педагогов, чел.", "count", "above", 0),
    p("Вакансии психологов, логопедов, социальных педагогов, чел.", "count", "above", 0),
    p("Вакансии вспомогательного персонала, чел.", "count", "above", 0),
  ]),
  factor(3, "Недостаточная предметная и методическая компетентность педагогических работников", [
    p(
      "Доля педагогов, прошедших оценку профессиональных компетенций,\u00a0%",
      "percent",
      "below",
      30
    ),
    p("Доля педагогов, прошедших самооценку компетенций,\u00a0%", "percent", "below", 50),
    p("Доля родителей, неудовлетворённых качеством обучения,\u00a0%", "percent", "above", 20),
    p("Оценка обучающимися качества преподавания, балл 1–5", "score", "below", 3.5),
    p("Уровень дисциплины в школе, балл 1–5", "score", "below", 3.5),
    p("Использование учителями цифровых образовательных ресурсов,\u00a0%", "percent", "below", 50),
  ]),
  factor(4, "Риски низкой адаптивности учебного процесса", [
    p(
      "Учёт индивидуальных возможностей обучающихся (доля учителей),\u00a0%",
      "percent",
      "below",
      50
    ),
    p("Использование формирующего оценивания (доля учителей),\u00a0%", "percent", "below", 50),
    p(
      "Использование современных педагогических технологий (доля учителей),\u00a0%",
      "percent",
      "below",
      50
    ),
  ]),
  factor(5, "Несформированность внутришкольной системы повышения квалификации", [
    p("Качество профессионального взаимодействия учителей, балл 1–5", "score", "below", 3),
    p("Доля учителей, вовлечённых в наставничество,\u00a0%", "percent", "below", 20),
    p(
      "Доля учителей, прошедших курсы по своим профессиональным потребностям,\u00a0%",
      "percent",
      "below",
      70
    ),
    p(
      "Доля учителей с профессиональным сопровождением после курсов,\u00a0%",
      "percent",
      "below",
      30
    ),
  ]),
  factor(6, "Высокая доля обучающихся с рисками учебной неуспешности", [
    p(
      "Доля классов, где более 30\u00a0% обучающихся из малообеспеченных семей,\u00a0%",
      "percent",
      "above",
      20
    ),
    p(
      "Доля обучающихся, которым рекомендованы дополнительные занятия,\u00a0%",
      "percent",
      "above",
      15
    ),
  ]),
  factor(7, "Высокая доля обучающихся с ОВЗ", [
    p("Доля обучающихся с ОВЗ,\u00a0%", "percent", "above", 10),
    p("Доля учителей, неуверенных в работе с обучающимися с ОВЗ,\u00a0%", "percent", "above", 30),
  ]),
  factor(8, "Низкое качество преодоления языковых и культурных барьеров", [
    p("Доля обучающихся, для которых русский язык не родной,\u00a0%", "percent", "above", 10),
    p(
      "Доля обучающихся, для которых русский язык не язык повседневного общения,\u00a0%",
      "percent",
      "above",
      5
    ),
    p("Охват таких обучающихся дополнительными занятиями,\u00a0%", "percent", "below", 50),
  ]),
  factor(9, "Пониженный уровень качества школьной образовательной и воспитательной среды", [
    p("Доля обучающихся, регулярно подвергающихся буллингу,\u00a0%", "percent", "above", 5),
    p("Отношения в педагогическом коллективе (по ответам учителей), балл 1–5", "score", "below", 3),
    p("Уровень мотивации обучающихся, балл 1–5", "score", "below", 3),
    p("Системность профориентационной деятельности, балл 1–5", "score", "below", 3),
    p(
      "Распространённость деструктивных педагогических практик (доля ответов обучающихся),\u00a0%",
      "percent",
      "above",
      10
    ),
  ]),
  factor(10, "Низкий уровень вовлечённости родителей", [
    p("Невовлечённость родителей в учебный процесс,\u00a0%", "percent", "above", 30),
    p("Поддержка родителями детей в учёбе, балл 1–5", "score", "below", 3),
    p("Доля родителей, регулярно посещающих родительские собрания,\u00a0%", "percent", "below", 50),
  ]),
];

export const ALL_RISK_PARAMETERS: RiskParameter[] = RISK_FACTORS.flatMap(
  (factor) => factor.parameters
);

/** The label without its scale (`, %`, `, балл 1–5`, `, чел.`), for text that shows the scale elsewhere. */
export function labelWithoutScale(label: string): string {
  return label.replace(/,\s*(%|балл 1–5|чел\.)$/, "");
}

/** The value is on the risky side of its threshold (strictly: a threshold value itself is not a risk). */
export function isParameterAtRisk(
  value: number,
  parameter: Pick<RiskParameter, "direction" | "threshold">
): boolean {
  return isOnRiskySide(value, parameter.direction === "above", parameter.threshold);
}

/**
 * `isParameterAtRisk` with the direction decided once: the risk matrix judges a parameter's whole
 * column, and comparing the direction's text for each of 50,000 values made that loop six times slower.
 */
export function isOnRiskySide(value: number, riskAbove: boolean, threshold: number): boolean {
  return riskAbove ? value > threshold : value < threshold;
}

/** Whether a factor is present, given how many of its parameters have data and how many are at risk. */
export function isFactorPresent(
  atRisk: number,
  withData: number,
  rule: FactorPresenceRule = "any"
): boolean {
  return meetsPresenceRule(atRisk, withData, rule === "half");
}

/**
 * `isFactorPresent` with the rule decided once, as `isOnRiskySide`: the matrix asks this for every school
 * and factor. Under the stricter rule at least half of the parameters with data (rounded up) are at risk.
 */
export function meetsPresenceRule(atRisk: number, withData: number, halfNeeded: boolean): boolean {
  return halfNeeded ? withData > 0 && atRisk >= Math.ceil(withData / 2) : atRisk > 0;
}
