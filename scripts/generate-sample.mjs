#!/usr/bin/env node
// Generates samples/school-radar-sample.xlsx: a regional export table of a FICTIONAL municipality
// («Заречный муниципальный округ») in the two-row merged header shape of seed 003, and the three
// coordinators' templates (social passport, risk questionnaire, staffing) filled in for its schools,
// for the README's quick start and the tests. Deterministic: seeded PRNGs, fixed document dates and
// fixed zip entry dates, so running it twice gives byte-identical files (a changed sample shows up in
// review).
//
// The templates are written by the compiled engine and .xlsx adapter (build/, `npm run build:cli`),
// exactly as `school-radar template` writes them, so their headers and validations cannot drift.
//
//   npm run build:cli && node scripts/generate-sample.mjs [output.xlsx]
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";

const require = createRequire(import.meta.url);
function fromBuild(module) {
  try {
    return require(`../build/${module}.js`);
  } catch (error) {
    if (error && error.code === "MODULE_NOT_FOUND") {
      process.stderr.write(
        "generate-sample: the engine is not compiled yet; run `npm run build:cli` first.\n"
      );
      process.exit(2);
    }
    throw error;
  }
}
const engine = fromBuild("engine/index");
const { appendOutputs } = fromBuild("xlsx/append/appendOutputs");
const { MemoryPackage } = fromBuild("xlsx/append/memoryPackage");

// Zip entries store local wall-clock time: pin the zone so the bytes do not depend on the machine.
process.env.TZ = "UTC";

const FIXED_DATE = new Date(Date.UTC(2025, 8, 1, 9, 0, 0));
const MUNICIPALITY = "Заречный муниципальный округ";
const RESULTS_SHEET = "Результаты ОО";
const NOTES_SHEET = "Пояснения";
const OFFICIAL_SHEET = "Список ШНОР региона";

/** Newest first, as in the seeds' tables. */
const YEARS = ["2024/2025", "2023/2024", "2022/2023"];

/**
 * The procedures of the table. `levels` are the usual shares of «2» (ВПР, ОГЭ) or of participants
 * below the minimum (ЕГЭ) for a strong, an average and a weak school; `cohort` scales the grade's
 * size to this procedure's participants (ЕГЭ base and profile split grade 11).
 */
const PROCEDURES = [
  { key: "om4", header: "ВПР ОМ 4", stage: "primary", cohort: 1, levels: [1, 4, 9] },
  { key: "ma5", header: "ВПР МА 5", stage: "basic", cohort: 1, levels: [3, 11, 21] },
  { key: "ma6", header: "ВПР МА 6", stage: "basic", cohort: 1, levels: [4, 13, 23] },
  { key: "ru5", header: "ВПР РУ 5", stage: "basic", cohort: 1, levels: [3, 10, 20] },
  { key: "ru6", header: "ВПР РУ 6", stage: "basic", cohort: 1, levels: [4, 12, 22] },
  { key: "ogeMa", header: "ОГЭ МА", stage: "basic", cohort: 0.95, levels: [2, 9, 19] },
  { key: "ogeRu", header: "ОГЭ РУ", stage: "basic", cohort: 0.95, levels: [1, 5, 12] },
  { key: "egeBase", header: "ЕГЭ МА база", stage: "senior", cohort: 0.4, levels: [0, 4, 11] },
  { key: "egeProf", header: "ЕГЭ МА профиль", stage: "senior", cohort: 0.6, levels: [2, 8, 17] },
  { key: "egeRu", header: "ЕГЭ РУ", stage: "senior", cohort: 1, levels: [0, 1, 4] },
];
const COUNTED = PROCEDURES.filter((procedure) => procedure.key !== "om4").map(
  (procedure) => procedure.key
);
const BASIC_COUNTED = ["ma5", "ma6", "ru5", "ru6", "ogeMa", "ogeRu"];

/** ОГЭ and ЕГЭ report "did not pass the minimum", ВПР the mark «2». */
const FAILING_LABEL = { ВПР: "% «2»", ОГЭ: "% «2»", ЕГЭ: "% не преодолевших минимальный порог" };
const HIGH_LABEL = "% высоких результатов";
const PARTICIPANTS_LABEL = "Число участников";

/**
 * The schools. `type`: СОШ (1–11), ООШ (1–9, no ЕГЭ), НОШ (1–4); `grade` = pupils per grade in
 * grades 5–9 (grade 11 is smaller); `quality` 0 strong … 2 weak; `plan` = the deliberate story of
 * the school's results (see PLANS), so that about a fifth of schools are ШНОР by the default method.
 */
const SCHOOLS = [
  ["sch840101", "МБОУ «СОШ № 1»", "СОШ", 78, 1, "normal"],
  ["sch840102", "МАОУ «Гимназия № 2»", "СОШ", 92, 0, "normal"],
  ["sch840103", "МБОУ «СОШ № 3»", "СОШ", 64, 1, "normal"],
  ["sch840104", "МБОУ «СОШ № 4»", "СОШ", 55, 1, "single"],
  ["sch840105", "МБОУ «СОШ № 5»", "СОШ", 71, 1, "normal"],
  ["sch840106", "МАОУ «Лицей № 6»", "СОШ", 84, 0, "normal"],
  [
    "sch840107",
    "МБОУ «СОШ № 7 с углублённым изучением отдельных предметов»",
    "СОШ",
    88,
    0,
    "normal",
  ],
  ["sch840108", "МБОУ «СОШ № 8»", "СОШ", 47, 1, "normal"],
  ["sch840109", "МБОУ «ООШ № 9»", "ООШ", 26, 2, "normal"],
  ["sch840110", "МБОУ «СОШ № 10»", "СОШ", 60, 1, "normal"],
  ["sch840111", "МБОУ «СОШ № 11»", "СОШ", 42, 2, "criterion1"],
  ["sch840112", "МБОУ «СОШ № 12»", "СОШ", 66, 1, "normal"],
  ["sch840114", "МБОУ «ООШ № 14»", "ООШ", 24, 2, "sameTwice"],
  ["sch840115", "МБОУ «СОШ № 15»", "СОШ", 58, 1, "normal"],
  ["sch840116", "МАОУ «СОШ № 16»", "СОШ", 96, 0, "normal"],
  ["sch840117", "МБОУ «СОШ № 17»", "СОШ", 39, 2, "bothCriteria"],
  ["sch840118", "МБОУ «СОШ № 18»", "СОШ", 52, 1, "normal"],
  ["sch840119", "МБОУ «СОШ № 19»", "СОШ", 49, 1, "recovered"],
  ["sch840121", "МБОУ «СОШ № 21»", "СОШ", 44, 2, "twoYears"],
  ["sch840122", "МБОУ «СОШ № 22»", "СОШ", 62, 1, "normal"],
  ["sch840123", "МБОУ «СОШ № 23»", "СОШ", 57, 1, "normal"],
  ["sch840124", "МБОУ «СОШ № 24»", "СОШ", 73, 0, "normal"],
  ["sch840125", "МБОУ «СОШ № 25»", "СОШ", 35, 1, "normal"],
  ["sch840201", "МБОУ «Берёзовская СОШ»", "СОШ", 21, 1, "normal"],
  ["sch840202", "МБОУ «Сосновская СОШ»", "СОШ", 18, 1, "normal"],
  ["sch840203", "МБОУ «Луговская СОШ»", "СОШ", 16, 2, "single"],
  ["sch840204", "МБОУ «Каменская СОШ»", "СОШ", 19, 2, "twoYears"],
  ["sch840205", "МБОУ «Ольховская СОШ»", "СОШ", 23, 2, "criterion1"],
  ["sch840206", "МБОУ «Кедровская СОШ»", "СОШ", 14, 1, "smallClasses"],
  ["sch840207", "МБОУ «Рябиновская СОШ»", "СОШ", 17, 1, "normal"],
  ["sch840208", "МБОУ «Новосёловская СОШ»", "СОШ", 25, 1, "normal"],
  ["sch840209", "МБОУ «Полевская СОШ»", "СОШ", 20, 2, "sameTwice"],
  ["sch840210", "МБОУ «Ярцевская СОШ»", "СОШ", 15, 1, "normal"],
  ["sch840211", "МБОУ «Малиновская СОШ»", "СОШ", 22, 0, "normal"],
  ["sch840212", "МБОУ «Подгорненская СОШ»", "СОШ", 13, 1, "recovered"],
  ["sch840213", "МБОУ «Верхнеключевская СОШ»", "СОШ", 12, 1, "normal"],
  ["sch840301", "МБОУ «Еловская ООШ»", "ООШ", 12, 2, "twoYears"],
  ["sch840302", "МБОУ «Озёрная ООШ»", "ООШ", 9, 1, "smallClasses"],
  ["sch840303", "МБОУ «Травнинская ООШ»", "ООШ", 13, 2, "criterion1"],
  ["sch840304", "МБОУ «Вишнёвская ООШ»", "ООШ", 7, 1, "smallClasses"],
  ["sch840305", "МБОУ «Дубровская ООШ»", "ООШ", 11, 1, "single"],
  ["sch840306", "МБОУ «Гусиноозёрская ООШ»", "ООШ", 8, 1, "normal"],
  ["sch840307", "МБОУ «Заречно-Ключевская ООШ»", "ООШ", 10, 1, "patchy"],
  ["sch840401", "Кривцовская НОШ — филиал МБОУ «Берёзовская СОШ»", "НОШ", 6, 1, "normal"],
  ["sch840402", "МБОУ «Лесохимская НОШ»", "НОШ", 5, 1, "normal"],
  ["sch840126", "МБОУ «СОШ № 26»", "СОШ", 68, 1, "normal"],
].map(([login, name, type, grade, quality, plan]) => ({ login, name, type, grade, quality, plan }));

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): the same numbers on every machine and Node version.

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20250901);
const between = (low, high) => low + (high - low) * random();
const integerBetween = (low, high) => Math.floor(between(low, high + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

// ---------------------------------------------------------------------------------------------
// Each school's story: which procedure × year cells are deliberately low (≥ 30 % «2»).

/** Year indexes into YEARS: 0 = 2024/2025 (the reference year by default), 1 = 2023/2024, 2 = 2022/2023. */
const PLANS = {
  normal: () => [],
  // One low result in the reference year only: not ШНОР (neither criterion holds).
  single: (school) => [[pick(countedFor(school)), 0]],
  // Two low results in the reference year: criterion 1.
  criterion1: (school) => twoDifferent(school).map((key) => [key, 0]),
  // One low result in each of the two years, different procedures: criterion 2 of the 2020 edition only.
  twoYears: (school) => twoDifferent(school).map((key, index) => [key, index]),
  // The same procedure low in both years: criterion 2 in both editions.
  sameTwice: (school) => {
    const key = pick(countedFor(school));
    return [
      [key, 0],
      [key, 1],
    ];
  },
  bothCriteria: (school) => {
    const [first, second] = twoDifferent(school);
    return [
      [first, 0],
      [second, 0],
      [first, 1],
    ];
  },
  // Low results two and three years ago, fine since: not ШНОР now, ШНОР with --year 2023/2024.
  recovered: (school) => {
    const [first, second] = twoDifferent(school);
    return [
      [first, 1],
      [second, 2],
      [first, 2],
    ];
  },
  // High shares of «2» only in classes below 10 participants: not judged, not low.
  smallClasses: () => [],
  // Much of the reference year missing ('н/д', empty).
  patchy: () => [],
};

function countedFor(school) {
  return school.type === "СОШ" ? COUNTED : school.type === "ООШ" ? BASIC_COUNTED : [];
}

function twoDifferent(school) {
  const keys = countedFor(school);
  const first = pick(keys);
  const second = pick(keys.filter((key) => key !== first));
  return [first, second];
}

// ---------------------------------------------------------------------------------------------
// Results of one school for one procedure and year, from whole numbers of pupils so that the
// percentages are ones a real export could contain.

function hasStage(school, procedure) {
  if (procedure.stage === "primary") return true;
  if (procedure.stage === "basic") return school.type !== "НОШ";
  return school.type === "СОШ";
}

function participantsOf(school, procedure, yearIndex) {
  const gradeSize =
    school.grade * between(0.85, 1.12) * (yearIndex === 0 ? 1 : between(0.92, 1.05));
  const seniorShare = procedure.stage === "senior" ? between(0.5, 0.7) : 1;
  return Math.max(1, Math.round(gradeSize * seniorShare * procedure.cohort));
}

function resultOf(school, procedure, yearIndex, low) {
  let participants = participantsOf(school, procedure, yearIndex);
  // A deliberately low result is one the rule can count: at least 10 participants.
  if (low && participants < 10) participants = integerBetween(10, 14);
  const usual = procedure.levels[school.quality];
  const failingShare = low
    ? between(30.5, 52)
    : Math.min(27.5, Math.max(0, usual + between(-4, 6)));
  let failing = low
    ? Math.ceil((failingShare / 100) * participants)
    : Math.floor((failingShare / 100) * participants);
  if (low && failing / participants < 0.3) failing += 1;
  if (
    school.plan === "smallClasses" &&
    participants < 10 &&
    procedure.stage !== "primary" &&
    random() < 0.6
  ) {
    failing = Math.ceil(participants * between(0.34, 0.5));
  }
  const highShare = Math.max(0, 42 - 14 * school.quality - failingShare / 2 + between(-6, 6)) / 100;
  const high = Math.min(participants - failing, Math.round(highShare * participants));
  return {
    failing: percent(failing, participants),
    high: percent(high, participants),
    participants,
  };
}

function percent(count, total) {
  return Math.round((count / total) * 1000) / 10;
}

/** One school's row: identity, then every procedure × year as (% «2», % high, participants). */
function schoolRow(school) {
  const lows = new Set(PLANS[school.plan](school).map(([key, yearIndex]) => `${key}|${yearIndex}`));
  const row = [MUNICIPALITY, school.name, school.login];
  for (const procedure of PROCEDURES) {
    YEARS.forEach((_, yearIndex) => {
      if (!hasStage(school, procedure)) {
        row.push("-", "-", "-");
        return;
      }
      const result = resultOf(
        school,
        procedure,
        yearIndex,
        lows.has(`${procedure.key}|${yearIndex}`)
      );
      row.push(...missingAsExported(school, procedure, yearIndex, result));
    });
  }
  return row;
}

/** Real exports miss values: 'н/д', empty cells, now and then; the patchy school most of a year. */
function missingAsExported(school, procedure, yearIndex, result) {
  const values = [result.failing, result.high, result.participants];
  if (school.plan === "patchy" && yearIndex === 0 && procedure.key !== "ru5")
    return ["н/д", "н/д", null];
  if (school.plan === "normal" && random() < 0.025)
    return random() < 0.5 ? ["н/д", "н/д", "н/д"] : [null, null, null];
  return values;
}

// ---------------------------------------------------------------------------------------------
// The workbook.

const IDENTITY_HEADERS = ["АТЕ", "Наименование ОО", "Логин ОО"];
const TITLE =
  "Результаты оценочных процедур общеобразовательных организаций Заречного муниципального округа, " +
  "2022/2023–2024/2025 учебные годы (данные вымышлены)";

function addResultsSheet(workbook) {
  const sheet = workbook.addWorksheet(RESULTS_SHEET, {
    views: [{ state: "frozen", xSplit: 3, ySplit: 3 }],
  });
  sheet.getCell("A1").value = TITLE;
  sheet.getCell("A1").font = { bold: true, size: 12 };
  writeHeader(sheet);
  SCHOOLS.forEach((school, index) => writeSchool(sheet, 4 + index, schoolRow(school)));
  addReadingTraps(sheet);
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 46;
  sheet.getColumn(3).width = 12;
  for (let column = 4; column <= 3 + PROCEDURES.length * YEARS.length * 3; column += 1) {
    sheet.getColumn(column).width = 11;
  }
}

/** Row 2: `ВПР МА 5 2024/2025` merged over its three metric columns; row 3: the metric labels. */
function writeHeader(sheet) {
  IDENTITY_HEADERS.forEach((text, index) => {
    sheet.mergeCells(2, index + 1, 3, index + 1);
    sheet.getCell(2, index + 1).value = text;
  });
  let column = 4;
  for (const procedure of PROCEDURES) {
    const family = procedure.header.split(" ")[0];
    for (const year of YEARS) {
      sheet.mergeCells(2, column, 2, column + 2);
      sheet.getCell(2, column).value = `${procedure.header} ${year}`;
      [FAILING_LABEL[family], HIGH_LABEL, PARTICIPANTS_LABEL].forEach((label, offset) => {
        sheet.getCell(3, column + offset).value = label;
      });
      column += 3;
    }
  }
  for (const rowNumber of [2, 3]) {
    const row = sheet.getRow(rowNumber);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  }
}

function writeSchool(sheet, rowNumber, values) {
  values.forEach((value, index) => {
    const cell = sheet.getCell(rowNumber, index + 1);
    if (value === null) return;
    cell.value = value;
    if (typeof value === "number") cell.numFmt = (index - 3) % 3 === 2 ? "0" : "0.0";
  });
}

/**
 * Values a real export contains and a reader must survive: a percentage typed as text with a decimal
 * comma, one with a percent sign, and a division by zero left by a spreadsheet formula. They sit in
 * columns that do not decide any school's status.
 */
function addReadingTraps(sheet) {
  const highOf = (procedureKey, yearIndex) =>
    3 +
    PROCEDURES.findIndex((procedure) => procedure.key === procedureKey) * YEARS.length * 3 +
    yearIndex * 3 +
    2;
  const rowOf = (login) => 4 + SCHOOLS.findIndex((school) => school.login === login);
  sheet.getCell(rowOf("sch840103"), highOf("ru5", 2)).value = "24,5";
  sheet.getCell(rowOf("sch840112"), highOf("ogeRu", 1)).value = "31%";
  sheet.getCell(rowOf("sch840208"), highOf("egeProf", 2)).value = { error: "#DIV/0!" };
}

const NOTES = [
  "Пример для «Школьного радара»: вымышленные данные",
  "",
  `Лист «${RESULTS_SHEET}» повторяет форму региональной выгрузки результатов оценочных процедур: одна строка на школу, ` +
    "сначала АТЕ, наименование и логин ОО, затем для каждой процедуры и каждого учебного года три столбца — " +
    "% «2» (для ЕГЭ — % не преодолевших минимальный порог), % высоких результатов и число участников. " +
    "Шапка в две строки: название процедуры и года объединено над тремя столбцами, как в таблице МБОУ «СОШ № 30» (приказ № 828, г. Калтан).",
  `Муниципалитет «${MUNICIPALITY}», школы, логины (sch + 6 цифр) и все числа придуманы; совпадения с реальными ОО случайны.`,
  `Школ: ${SCHOOLS.length}. Учебные годы: ${[...YEARS].reverse().join(", ")}.`,
  "Процедуры: ВПР МА 5, ВПР МА 6, ВПР РУ 5, ВПР РУ 6, ОГЭ МА, ОГЭ РУ, ЕГЭ МА база, ЕГЭ МА профиль, ЕГЭ РУ — их учитывает методика " +
    "выявления ШНОР; ВПР ОМ 4 (окружающий мир, 4 класс) — процедура, которую методика не учитывает.",
  "",
  "Что намеренно есть в данных:",
  "• основные школы (ООШ) без ЕГЭ — в столбцах ЕГЭ «-»; начальные школы (НОШ, филиал) — только ВПР 4 класса;",
  "• пропуски: «н/д», «-» и пустые ячейки; у одной ООШ нет большей части данных последнего года;",
  "• малые классы (меньше 10 участников) с высокой долей «2» — такие результаты не считаются низкими;",
  "• школы с низкими результатами по критерию 1 (две процедуры в последнем году), по критерию 2 (по одной процедуре в каждом из двух лет — " +
    "разные процедуры или одна и та же) и школы, у которых низкие результаты были только раньше;",
  "• значения, записанные текстом («24,5», «31%»), и одна ошибка формулы #DIV/0! — их читатель таблицы отмечает предупреждением.",
  "",
  "Проценты — доли от числа участников (целые числа учеников), поэтому встречаются значения вроде 33,3.",
  "",
  "Листы «Социальный паспорт», «Анкета факторов риска» и «Кадровый состав» — шаблоны координатора (school-radar template all), " +
    "заполненные для тех же школ: численность обучающихся по социальным категориям (для ИСБШ и ШНСУ), параметры десяти факторов риска, " +
    "численность педагогов по группам. Сильные школы благополучнее, сельские чаще испытывают дефицит кадров; часть ответов анкеты пуста.",
  "Намеренные ошибки в шаблонах: у МБОУ «Гусиноозёрская ООШ» из неполных семей больше обучающихся, чем всего; у МБОУ «Лесохимская НОШ» " +
    "всего обучающихся 0; у МБОУ «Верхнеключевская СОШ» педагогов с категорией больше, чем педагогов. Такие строки попадают в предупреждения " +
    "и не участвуют в расчётах.",
  `Лист «${OFFICIAL_SHEET}» — официальный список ШНОР, как его присылает региональный центр оценки качества (вымышленный): ` +
    "с ним Школьный радар сверяет свой список (лист «Сверка со списком»). Он намеренно расходится с нашим, как расходятся " +
    "настоящие: одна школа записана полным наименованием и без логина, в нём есть школа, которую наши данные к ШНОР не относят " +
    "(МБОУ «СОШ № 19»: низкие результаты были годом раньше), и нет одной из наших ШНОР (МБОУ «Озёрная ООШ»: её низкие результаты — " +
    "в группах меньше 10 участников).",
  "Файл создан скриптом scripts/generate-sample.mjs; повторный запуск даёт тот же файл байт в байт.",
];

function addNotesSheet(workbook) {
  const sheet = workbook.addWorksheet(NOTES_SHEET);
  sheet.getColumn(1).width = 140;
  NOTES.forEach((line, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  sheet.getCell("A1").font = { bold: true, size: 12 };
}

// ---------------------------------------------------------------------------------------------
// The coordinators' templates, filled in. A second PRNG, so the results above do not change when
// the templates do. Each school gets a social and a staffing profile from its quality (0 strong … 2
// weak) and whether it is a village school (logins 8402xx–8404xx); a few rows are deliberately
// inconsistent so that the warnings sheet shows what the reader does with them.

const templateRandom = mulberry32(20250902);
const tBetween = (low, high) => low + (high - low) * templateRandom();
const tInteger = (low, high) => Math.floor(tBetween(low, high + 1));

const isVillage = (school) => !school.login.startsWith("sch8401");
const GRADES = { СОШ: 11, ООШ: 9, НОШ: 4 };

const students = new Map();
/** Pupils of the school, drawn once: the social passport and the staffing agree on the school's size. */
function studentsOf(school) {
  if (!students.has(school.login))
    students.set(
      school.login,
      Math.round(school.grade * GRADES[school.type] * tBetween(0.9, 1.05))
    );
  return students.get(school.login);
}

/** Share ranges by quality (strong, average, weak); villages shift some of them. */
function socialRow(school) {
  const total = studentsOf(school);
  const q = school.quality;
  const village = isVillage(school);
  const count = (low, high) => Math.round(total * tBetween(low, high));
  const values = {
    studentsTotal: total,
    bothParentsHigherEducation: count(
      ...[
        [0.32, 0.48],
        [0.14, 0.28],
        [0.05, 0.14],
      ][q].map((x) => (village ? x * 0.6 : x))
    ),
    oneParentHigherEducation: count(0.15, 0.3),
    singleParentFamilies: count(
      ...[
        [0.1, 0.2],
        [0.16, 0.28],
        [0.24, 0.38],
      ][q]
    ),
    registeredKdn: count(0, [0.006, 0.012, 0.025][q]),
    onRegisters: count(
      ...[
        [0.004, 0.015],
        [0.01, 0.035],
        [0.03, 0.07],
      ][q]
    ),
    largeFamilies: count(village ? 0.18 : 0.08, village ? 0.32 : 0.18),
    nonNativeRussian: count(0, village ? 0.12 : 0.05),
    bothParentsUnemployed: count(0.01, village ? 0.09 : 0.04),
    parentWithDisability: count(0.01, 0.04),
    fosterFamilies: count(0.005, 0.03),
    sociallyDangerous: count(0, [0.005, 0.012, 0.025][q]),
    poorHousing: count(village ? 0.2 : 0.02, village ? 0.55 : 0.1),
  };
  // Deliberate mistakes: more pupils from single-parent families than pupils; a total of 0.
  if (school.login === "sch840306") values.singleParentFamilies = total + 7;
  if (school.login === "sch840402") values.studentsTotal = 0;
  return values;
}

/** A parameter's value on the risky or the safe side of its default threshold. */
function parameterValue(parameter, risky) {
  const { scale, direction, threshold } = parameter;
  if (scale === "count") return risky ? tInteger(1, 3) : 0;
  if (scale === "score") {
    const value = risky ? tBetween(1.5, threshold - 0.2) : tBetween(threshold + 0.1, 5);
    return Math.round(value * 10) / 10;
  }
  const value =
    direction === "below"
      ? risky
        ? tBetween(Math.max(0, threshold - 30), threshold - 2)
        : tBetween(threshold + 2, Math.min(100, threshold + 35))
      : risky
        ? tBetween(threshold + 2, Math.min(100, threshold + 30))
        : tBetween(Math.max(0, threshold - 25), threshold - 1);
  return Math.round(value);
}

/**
 * One school's answers: each factor is "leaning" risky with a probability that grows with weakness
 * and in villages (teacher shortage and parents' involvement more so); a leaning factor has most of
 * its parameters on the risky side, others only now and then. A few answers are left blank.
 */
function riskRow(school) {
  const q = school.quality;
  const village = isVillage(school);
  const row = {};
  for (const factor of engine.RISK_FACTORS) {
    let chance = [0.005, 0.015, 0.2][q] + (village ? 0.02 : 0);
    if (factor.number === 2 && village) chance += 0.2;
    if (factor.number === 10 && q === 2) chance += 0.15;
    const leaning = templateRandom() < chance;
    for (const parameter of factor.parameters) {
      const blank = templateRandom() < 0.04;
      const risky = templateRandom() < (leaning ? 0.8 : 0.005);
      row[parameter.code] = blank ? null : parameterValue(parameter, risky);
    }
  }
  return row;
}

function staffingRow(school) {
  const teachers = Math.max(4, Math.round(studentsOf(school) / (isVillage(school) ? 8 : 13)));
  const count = (low, high) => Math.round(teachers * tBetween(low, high));
  const values = {
    teachersTotal: teachers,
    pensionAge: count(0.08, isVillage(school) ? 0.3 : 0.2),
    under30: count(0.02, 0.12),
    experience0to3: count(0.04, 0.15),
    qualificationCategory: count(
      ...[
        [0.86, 0.97],
        [0.76, 0.9],
        [0.62, 0.82],
      ][school.quality]
    ),
    currentTraining: count(0.6, 0.95),
  };
  // A deliberate mistake: more teachers with a category than teachers.
  if (school.login === "sch840213") values.qualificationCategory = teachers + 2;
  return values;
}

const TEMPLATE_ROWS = {
  "social-passport": socialRow,
  "risk-questionnaire": riskRow,
  staffing: staffingRow,
};

/** Field keys of each template in column order, from the readers' schemas. */
const TEMPLATE_FIELDS = {
  "social-passport": engine.SOCIAL_PASSPORT_FIELDS,
  "risk-questionnaire": engine.RISK_QUESTIONNAIRE.fields,
  staffing: engine.STAFFING_FIELDS,
};

/**
 * Each template as `school-radar template <kind> --from` writes it, with the cells filled in: added
 * to the workbook's bytes by the product's own writer, as a coordinator's filled-in sheets would be.
 */
async function withTemplateSheets(bytes) {
  const schools = SCHOOLS.map(({ login, name }) => ({ login, name }));
  const layouts = engine.TEMPLATE_KINDS.map((kind) => {
    const layout = engine.templateLayout(kind, schools);
    const body = SCHOOLS.map((school) => {
      const values = TEMPLATE_ROWS[kind](school);
      return [
        school.login,
        school.name,
        ...TEMPLATE_FIELDS[kind].map((field) => values[field.key] ?? null),
      ];
    });
    return { ...layout, body };
  });
  const pkg = new MemoryPackage(new Uint8Array(bytes));
  await appendOutputs(pkg, layouts);
  return pkg.bytes();
}

// ---------------------------------------------------------------------------------------------
// The official list the municipality reconciles with: the region's list of ШНОР, which differs from
// ours as real ones do (see NOTES). Written by hand, no random numbers: the results above decide
// which schools are ours, and the tests check the differences.

const OFFICIAL_TITLE =
  "Перечень общеобразовательных организаций с низкими образовательными результатами, " +
  "2024/2025 учебный год (региональный центр оценки качества; данные вымышлены)";
const OFFICIAL_ROWS = [
  ["МБОУ «СОШ № 11»", "sch840111"],
  ['МБОУ "ООШ №14"', "sch840114"],
  ["МБОУ «СОШ № 17»", "sch840117"],
  [
    "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 21»",
    null,
  ],
  ["МБОУ «СОШ № 19»", "sch840119"],
  ["МБОУ «Каменская СОШ»", "sch840204"],
  ["МБОУ «Ольховская СОШ»", "sch840205"],
  ["МБОУ «Кедровская СОШ»", "sch840206"],
  ["МБОУ «Полевская СОШ»", "sch840209"],
  ["МБОУ «Еловская ООШ»", "sch840301"],
  ["МБОУ «Травнинская ООШ»", "sch840303"],
  ["МБОУ «Вишнёвская ООШ»", "sch840304"],
];

function addOfficialSheet(workbook) {
  const sheet = workbook.addWorksheet(OFFICIAL_SHEET);
  sheet.getCell("A1").value = OFFICIAL_TITLE;
  sheet.getCell("A1").font = { bold: true };
  const header = sheet.getRow(3);
  ["№ п/п", "Муниципалитет", "Наименование ОО", "Логин ОО"].forEach((text, index) => {
    header.getCell(index + 1).value = text;
  });
  header.font = { bold: true };
  OFFICIAL_ROWS.forEach(([name, login], index) => {
    const row = sheet.getRow(4 + index);
    row.getCell(1).value = index + 1;
    row.getCell(2).value = MUNICIPALITY;
    row.getCell(3).value = name;
    if (login !== null) row.getCell(4).value = login;
  });
  sheet.getColumn(1).width = 7;
  sheet.getColumn(2).width = 28;
  sheet.getColumn(3).width = 60;
  sheet.getColumn(4).width = 12;
}

function buildWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Школьный радар";
  workbook.lastModifiedBy = "Школьный радар";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  addResultsSheet(workbook);
  addNotesSheet(workbook);
  addOfficialSheet(workbook);
  return workbook;
}

/** ExcelJS stamps every zip entry with the current time; re-pack with one fixed date. */
async function withFixedEntryDates(bytes) {
  const zip = await JSZip.loadAsync(bytes);
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    fixed.file(name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return fixed.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const output = process.argv[2] ?? path.join(here, "..", "samples", "school-radar-sample.xlsx");
  const bytes = await withTemplateSheets(await buildWorkbook().xlsx.writeBuffer());
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(output, await withFixedEntryDates(Buffer.from(bytes)));
  process.stdout.write(
    `Пример записан: ${path.relative(process.cwd(), output)} (школ: ${SCHOOLS.length})\n`
  );
}

await main();
