import { plural } from "../engine";
import type { Headline } from "./actions";
import type { HostErrorCode, StatusColumnReport } from "./host";

/**
 * The pane's own words in Russian (default) and English. What the engine writes — statuses, reasons,
 * warnings, the output sheets — stays Russian: it is the method's language and goes into the
 * workbook that is sent on.
 */
export interface Messages {
  language: "ru" | "en";
  title: string;
  tagline: string;
  outsideOfficeTitle: string;
  outsideOffice: string;
  reading: string;
  source: string;
  sourceHint: string;
  refresh: string;
  alsoRecognised: string;
  noSheets: string;
  recognised: (schools: number, procedures: number, years: number, warnings: number) => string;
  notRecognised: (reason: string) => string;
  emptySheet: string;
  schools: (count: number) => string;
  settings: string;
  settingsStored: string;
  /** The link to the help page's §2, where the rule and its readings are explained. */
  methodHelp: string;
  threshold: string;
  thresholdHint: string;
  edition: string;
  edition2020: string;
  edition2025: string;
  referenceYear: string;
  latestYear: string;
  minParticipants: string;
  minParticipantsHint: string;
  quantile: string;
  quartile: string;
  quintile: string;
  schoolsTotal: string;
  schoolsTotalHint: string;
  targets: string;
  targetsHint: string;
  tableYears: string;
  tableYearsHint: string;
  riskThresholds: string;
  actions: string;
  choose: string;
  running: (action: string) => string;
  phase: Record<"read" | "compute" | "write", string>;
  step: (done: number, total: number) => string;
  results: string;
  /** The result's heading: `ШНОР: 9 из 46 школ`, not the button's label. */
  headline: (headline: Headline) => string;
  /** The sheets written, each as `«name»`. */
  written: (sheets: string[]) => string;
  renamed: (requested: string, used: string) => string;
  filter: string;
  filterAll: string;
  shown: (shown: number, total: number) => string;
  noRows: string;
  warnings: (count: number) => string;
  noWarnings: string;
  showCell: string;
  moreWarnings: (count: number) => string;
  error: string;
  hostErrors: Record<HostErrorCode, string>;
  invalidSettings: string;
  dismiss: string;
  kept: (name: string) => string;
  /** Where the statuses went beside the source table (or why not). */
  statusColumn: (report: StatusColumnReport) => string;
  standalone: {
    title: string;
    open: string;
    opening: string;
    opened: (name: string) => string;
    download: string;
    noFileTitle: string;
    noFile: string;
  };
}

const RU: Messages = {
  language: "ru",
  title: "Школьный радар",
  tagline:
    "Находит школы с низкими образовательными результатами (ШНОР) по выгрузке оценочных процедур и объясняет по каждой школе, почему она в списке.",
  outsideOfficeTitle: "Откройте надстройку в Excel.",
  outsideOffice:
    "Эта страница работает внутри Excel (на компьютере или в Excel в Интернете); в обычном окне браузера она не может читать листы книги. Без установки надстройки откройте книгу на странице standalone.html.",
  reading: "Чтение книги…",
  source: "Лист с результатами",
  sourceHint: "Таблица выгрузки: логин ОО, наименование, «% «2»» по процедурам и годам.",
  refresh: "Обновить",
  alsoRecognised: "Также распознано в книге",
  noSheets: "В книге нет листов с данными.",
  recognised: (schools, procedures, years, warnings) =>
    `${plural(schools, "школа", "школы", "школ")}, ${plural(procedures, "процедура", "процедуры", "процедур")} × ${plural(years, "год", "года", "лет")}, ${plural(warnings, "предупреждение", "предупреждения", "предупреждений")}`,
  notRecognised: (reason) => `Таблица результатов не найдена: ${reason}`,
  emptySheet: "Лист пуст.",
  schools: (count) => plural(count, "школа", "школы", "школ"),
  settings: "Метод",
  methodHelp: "Как считается (справка, §2)",
  settingsStored:
    "Параметры сохраняются в книге (скрытый лист «Школьный радар — настройки») при каждом запуске, чтобы следующий пользователь видел тот же метод.",
  threshold: "Порог низкого результата,\u00a0% «2»",
  thresholdHint: "Результат низкий, если доля «2» не меньше порога (≥).",
  edition: "Редакция правил",
  edition2020: "2020: критерий 2 — любые процедуры в каждом из двух лет",
  edition2025: "2025: критерий 2 — одна и та же процедура в обоих годах",
  referenceYear: "Отчётный год",
  latestYear: "последний год с результатами не меньше половины процедур",
  minParticipants: "Минимум участников",
  minParticipantsHint:
    "0 — учитываются все результаты, как в документах (группы меньше 10 отмечены). Больше 0 — меньшие группы откладываются, а школа, чей статус от них зависит, — «недостаточно данных».",
  quantile: "Группа ШНСУ по ИСБШ",
  quartile: "нижний квартиль (25\u00a0% школ)",
  quintile: "нижний квинтиль (20\u00a0% школ)",
  targets: "Цели сводки",
  targetsHint:
    "Например: шнор=12; гиа=4; категория=80. Пусто — цели документов: ШНОР не более 15\u00a0% (Новокузнецк), ГИА ниже порога не более 5\u00a0% (Назаровский район), категория не менее 85\u00a0% (Кузбасс).",
  schoolsTotal: "Всего школ в муниципалитете",
  schoolsTotalHint:
    "Если в таблице не все школы (например, только ШНОР), доля ШНОР считается от этого числа. Пусто — от школ таблицы.",
  tableYears: "Годы таблицы (если не указаны в заголовках)",
  tableYearsHint:
    "Например: 2018, 2019; позднейший — отчётный. Пусто — годы из заголовков столбцов или из названия над таблицей.",
  riskThresholds:
    "Пороги параметров факторов риска — на листе «Пороги факторов риска»: он создаётся при первом расчёте матрицы и дальше принадлежит вам.",
  actions: "Действия",
  choose: "Какой шаблон:",
  running: (action) => `Выполняется: ${action}`,
  phase: { read: "чтение листов", compute: "расчёт", write: "запись листов" },
  step: (done, total) => (total > 0 ? `${done} из ${total}` : ""),
  results: "Результат",
  headline: (headline) =>
    headline.kind === "schools"
      ? `${headline.group}: ${headline.count} из ${plural(headline.of, "школы", "школ", "школ")}`
      : headline.kind === "indicators"
        ? `Вне цели: ${headline.offTarget} из ${plural(headline.of, "показателя", "показателей", "показателей")}`
        : `Шаблон «${headline.name}»`,
  written: (sheets) =>
    sheets.length === 1 ? `Записан лист ${sheets[0]}.` : `Записаны листы: ${sheets.join(", ")}.`,
  renamed: (requested, used) =>
    `Лист «${requested}» в книге уже есть и создан не надстройкой — результат записан на лист «${used}».`,
  filter: "Показать",
  filterAll: "Все",
  shown: (shown, total) => `Показано ${shown} из ${total}; полный список — на листе.`,
  noRows: "Нет школ с таким статусом.",
  warnings: (count) => `Предупреждения: ${count}`,
  noWarnings: "Предупреждений нет: все значения прочитаны.",
  showCell: "Показать",
  moreWarnings: (count) => `…и ещё ${count}; все — на листе «Предупреждения».`,
  error: "Не удалось выполнить действие",
  hostErrors: {
    cell_edit_mode: "Excel в режиме редактирования ячейки: нажмите Enter или Esc и повторите.",
    workbook_changed: "Книга изменилась во время работы; нажмите «Обновить» и повторите.",
    payload_too_large: "Данных больше, чем Excel в Интернете принимает за один запрос.",
    sheet_missing: "Выбранного листа больше нет в книге; нажмите «Обновить».",
    not_xlsx: "Файл не является книгой Excel (.xlsx) или повреждён.",
    host_failed: "Excel сообщил об ошибке.",
  },
  invalidSettings: "Проверьте параметры метода",
  dismiss: "Закрыть",
  kept: (name) =>
    `Лист «${name}» уже есть в книге и заполняется пользователем — оставлен как есть.`,
  statusColumn: ({ sheet, column, occupied }) =>
    occupied === null
      ? `Статусы ШНОР записаны в столбец ${column} листа «${sheet}» рядом с таблицей.`
      : column === null
        ? `Столбец ${occupied} рядом с таблицей на листе «${sheet}» занят вашими данными, а свободного столбца правее нет — статусы ШНОР на этот лист не записаны (они на листе «ШНОР»).`
        : `Столбец ${occupied} рядом с таблицей на листе «${sheet}» занят вашими данными — статусы ШНОР записаны в свободный столбец ${column} того же листа.`,
  standalone: {
    title: "Школьный радар — без установки",
    open: "Открыть книгу .xlsx…",
    opening: "Открывается книга…",
    opened: (name) => `Книга: ${name}`,
    download: "Скачать результат",
    noFileTitle: "Откройте книгу Excel (.xlsx) с выгрузкой результатов.",
    noFile:
      "Книга обрабатывается здесь, в браузере: данные никуда не отправляются. Результат — копия книги с листами надстройки — скачивается кнопкой «Скачать результат»; исходный файл не изменяется.",
  },
};

const EN: Messages = {
  language: "en",
  title: "School Radar",
  tagline:
    "Finds schools with low educational results (ШНОР) in regional assessment exports and explains, school by school, why each is on the list.",
  outsideOfficeTitle: "Open the add-in in Excel.",
  outsideOffice:
    "This page runs inside Excel (desktop or Excel on the web); in a plain browser tab it cannot read the workbook. Without installing the add-in, open a workbook on standalone.html.",
  reading: "Reading the workbook…",
  source: "Results sheet",
  sourceHint: "The export table: school login, name, “% «2»” per procedure and year.",
  refresh: "Refresh",
  alsoRecognised: "Also recognised in the workbook",
  noSheets: "The workbook has no sheets with data.",
  recognised: (schools, procedures, years, warnings) =>
    `${schools} schools, ${procedures} procedures × ${years} years, ${warnings} warnings`,
  notRecognised: (reason) => `No results table found: ${reason}`,
  emptySheet: "The sheet is empty.",
  schools: (count) => `${count} schools`,
  settings: "Method",
  methodHelp: "How it is computed (help, §2, in Russian)",
  settingsStored:
    "The parameters are stored in the workbook (hidden sheet «Школьный радар — настройки») on every run, so the next user sees the same method.",
  threshold: "Low-result threshold, % «2»",
  thresholdHint: "A result is low when the share of «2» is at least the threshold (≥).",
  edition: "Rule edition",
  edition2020: "2020: criterion 2 — any procedures in each of the two years",
  edition2025: "2025: criterion 2 — the same procedure in both years",
  referenceYear: "Reference year",
  latestYear: "latest year with results for at least half of the procedures",
  minParticipants: "Minimum participants",
  minParticipantsHint:
    "0: every result counts, as in the documents (groups under 10 are marked). Above 0: smaller groups are set aside, and a school whose status depends on them is “not enough data”.",
  quantile: "ШНСУ group by ИСБШ",
  quartile: "lower quartile (25 % of schools)",
  quintile: "lower quintile (20 % of schools)",
  targets: "Summary targets",
  targetsHint:
    "E.g. шнор=12; гиа=4; категория=80. Empty: the documents' targets: ШНОР at most 15 % (Novokuznetsk), ГИА below the minimum at most 5 % (Nazarovo), category at least 85 % (Kuzbass).",
  schoolsTotal: "Schools in the municipality",
  schoolsTotalHint:
    "When the table lists only some schools (e.g. only ШНОР), the ШНОР share is of this number. Empty: of the table's schools.",
  tableYears: "Table years (if the headers do not name them)",
  tableYearsHint:
    "E.g. 2018, 2019; the latest is the reference year. Empty: the years in the column headers or the title above the table.",
  riskThresholds:
    "Risk-factor thresholds are on the «Пороги факторов риска» sheet: created with the first risk matrix, yours to edit from then on.",
  actions: "Actions",
  choose: "Which template:",
  running: (action) => `Running: ${action}`,
  phase: { read: "reading sheets", compute: "computing", write: "writing sheets" },
  step: (done, total) => (total > 0 ? `${done} of ${total}` : ""),
  results: "Result",
  headline: (headline) =>
    headline.kind === "schools"
      ? `${headline.group}: ${headline.count} of ${headline.of} ${headline.of === 1 ? "school" : "schools"}`
      : headline.kind === "indicators"
        ? `Off target: ${headline.offTarget} of ${headline.of} ${headline.of === 1 ? "indicator" : "indicators"}`
        : `Template «${headline.name}»`,
  written: (sheets) =>
    sheets.length === 1 ? `Sheet written: ${sheets[0]}.` : `Sheets written: ${sheets.join(", ")}.`,
  renamed: (requested, used) =>
    `A sheet «${requested}» not made by the add-in already exists — the result went to «${used}».`,
  filter: "Show",
  filterAll: "All",
  shown: (shown, total) => `Showing ${shown} of ${total}; the full list is on the sheet.`,
  noRows: "No schools with this status.",
  warnings: (count) => `Warnings: ${count}`,
  noWarnings: "No warnings: every value was read.",
  showCell: "Show",
  moreWarnings: (count) => `…and ${count} more; all are on the «Предупреждения» sheet.`,
  error: "The action failed",
  hostErrors: {
    cell_edit_mode: "Excel is editing a cell: press Enter or Esc and try again.",
    workbook_changed: "The workbook changed meanwhile; press Refresh and try again.",
    payload_too_large: "More data than Excel on the web accepts in one request.",
    sheet_missing: "The chosen sheet is no longer in the workbook; press Refresh.",
    not_xlsx: "The file is not an Excel workbook (.xlsx) or is damaged.",
    host_failed: "Excel reported an error.",
  },
  invalidSettings: "Check the method's parameters",
  dismiss: "Dismiss",
  kept: (name) =>
    `The sheet «${name}» is already in the workbook and filled in by the user — left as it is.`,
  statusColumn: ({ sheet, column, occupied }) =>
    occupied === null
      ? `The ШНОР statuses were written to column ${column} of «${sheet}», beside the table.`
      : column === null
        ? `Column ${occupied} beside the table on «${sheet}» holds your data and there is no free column further right — the statuses were not written there (they are on the «ШНОР» sheet).`
        : `Column ${occupied} beside the table on «${sheet}» holds your data — the ШНОР statuses went to the free column ${column} of the same sheet.`,
  standalone: {
    title: "School Radar — no installation",
    open: "Open an .xlsx workbook…",
    opening: "Opening the workbook…",
    opened: (name) => `Workbook: ${name}`,
    download: "Download the result",
    noFileTitle: "Open an Excel workbook (.xlsx) with the results export.",
    noFile:
      "The workbook is processed here, in the browser: no data is sent anywhere. The result — a copy of the workbook with the add-in's sheets — is downloaded with “Download the result”; the original file is not changed.",
  },
};

/** English when the display language is English (`en`, `en-US`, `en-GB`…), Russian otherwise. */
export function messagesFor(displayLanguage: string | null | undefined): Messages {
  return /^en\b/i.test(displayLanguage ?? "") ? EN : RU;
}

// The engine's (its warnings agree their counts too); kept importable from here for the pane's code.
export { plural };
