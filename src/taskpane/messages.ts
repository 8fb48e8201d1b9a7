import { formatCount, plural, type CellValue } from "../engine";
import type { Headline } from "./actions";
import type { SheetSummary } from "./sources";
import type { HostError, HostErrorCode, StatusColumnReport } from "../host/workbookHost";

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
  /** The first read is taking too long (patientScan.ts): Excel is slow, the pane tries again. */
  scanRetrying: (attempt: number, attempts: number) => string;
  /** No attempt was answered: what happened, and what to do. */
  scanNotAnsweredTitle: string;
  scanNotAnswered: string;
  source: string;
  sourceHint: string;
  refresh: string;
  alsoRecognised: string;
  noSheets: string;
  recognised: (schools: number, procedures: number, years: number, warnings: number) => string;
  notRecognised: (reason: string) => string;
  /** A sheet recognised by its header (a social passport, a list of schools…), in a line. */
  keyed: (sheet: Extract<SheetSummary, { kind: "keyed" }>) => string;
  /** The kind of such a sheet, beside its name in the picker. */
  sheetKind: (sheet: Extract<SheetSummary, { kind: "keyed" }>) => string;
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
  /** Under a hidden sheet's error («Показать»): which sheet, and how the user shows it. */
  sheetHidden: (sheet: string, veryHidden: boolean) => string;
  /** Under the error of a protected sheet or workbook: how to remove the protection. */
  sheetProtected: string;
  invalidSettings: string;
  /** The template asked for is already in the workbook, on a sheet the user fills in. */
  templateKept: (template: string, sheet: string) => string;
  /** Above a result computed with other settings than those now in the pane. */
  outOfDateTitle: string;
  outOfDate: (action: string) => string;
  /** Said in English only: the engine's statuses, reasons and method are the official Russian terms. */
  domainNote: string | null;
  /** The switch to the other language: its name in that language, and what pressing it does. */
  otherLanguage: { language: "ru" | "en"; name: string; hint: string };
  dismiss: string;
  kept: (name: string) => string;
  /** Where the statuses went beside the source table (or why not). */
  statusColumn: (report: StatusColumnReport) => string;
  /** The print setup was not written (Excel 2019): what that means and how to fit a page by hand. */
  printSetupNotWritten: string;
  standalone: {
    title: string;
    open: string;
    opening: string;
    opened: (name: string) => string;
    download: string;
    noFileTitle: string;
    noFile: string;
    /** Over the adapter's message about a file that cannot be analysed (any reason). */
    problemTitle: string;
    /** The bundled sample: the button, and the name it opens under (so the user sees it is the example). */
    sample: string;
    sampleFileName: string;
    /** The new workbook the page starts on, where the templates can be made before a file is opened. */
    blankFileName: string;
    blankSheet: string;
    blank: string;
    /** Over the page while a file is dragged over it. */
    drop: string;
    /** «Показать» on the page: where the warning's cell is, what was read there, whose row it is. */
    shownCell: {
      place: (sheet: string, cell: string | null, row: number | null) => string;
      value: (value: CellValue) => string;
      school: (school: string | null) => string;
      notFound: string;
    };
  };
}

export const RU: Messages = {
  language: "ru",
  title: "Школьный радар",
  tagline:
    "Находит школы с низкими образовательными результатами (ШНОР) по выгрузке оценочных процедур и объясняет по каждой школе, почему она в списке.",
  outsideOfficeTitle: "Откройте надстройку в Excel.",
  outsideOffice:
    "Эта страница работает внутри Excel (на компьютере или в Excel в Интернете); в обычном окне браузера она не может читать листы книги. Без установки надстройки откройте книгу на странице standalone.html.",
  reading: "Чтение книги…",
  scanRetrying: (attempt, attempts) =>
    `Excel долго не отвечает — так бывает в Excel в Интернете, пока книга с множеством формул пересчитывается. Читаем книгу ещё раз: попытка ${attempt} из ${attempts}.`,
  scanNotAnsweredTitle: "Excel не ответил на чтение книги.",
  scanNotAnswered:
    "Подождите, пока Excel закончит пересчёт формул, и нажмите «Обновить». Если ответа всё нет, закройте область задач «Школьный радар» и откройте её снова; в Excel в Интернете — обновите страницу браузера (F5) и снова откройте надстройку.",
  source: "Лист с результатами",
  sourceHint: "Таблица выгрузки: логин ОО, наименование, «% «2»» по процедурам и годам.",
  refresh: "Обновить",
  alsoRecognised: "Также распознано в книге",
  noSheets: "В книге нет листов с данными.",
  recognised: (schools, procedures, years, warnings) =>
    `${plural(schools, "школа", "школы", "школ")}, ${plural(procedures, "процедура", "процедуры", "процедур")} × ${plural(years, "год", "года", "лет")}, ${plural(warnings, "предупреждение", "предупреждения", "предупреждений")}`,
  // The engine's reason is most often a sentence of its own («На листе «…» не найдена таблица
  // результатов: ожидались…»): said as it is, not after the same words again.
  notRecognised: (reason) =>
    /^На листе /.test(reason)
      ? `${reason.replace(/\.$/, "")}.`
      : `Таблица результатов не найдена: ${reason}.`,
  keyed: ({ label, note }) => `${label}: ${note}`,
  sheetKind: ({ label }) => label,
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
    range_too_large: "Лист слишком велик: Excel не отдал его значения даже небольшими частями.",
    sheet_missing: "Выбранного листа больше нет в книге; нажмите «Обновить».",
    sheet_protected:
      "Лист или книга защищены, и Excel не дал их изменить: в книге ничего не изменено.",
    not_xlsx: "Файл не является книгой Excel (.xlsx) или повреждён.",
    host_failed: "Excel сообщил об ошибке.",
    sheet_hidden: "Ячейка на скрытом листе: Excel показывает только ячейки видимых листов.",
    sheet_very_hidden: "Ячейка на скрытом листе: Excel показывает только ячейки видимых листов.",
  },
  sheetProtected:
    "Снимите защиту («Рецензирование» → «Снять защиту листа»; если защищена структура книги — «Рецензирование» → «Защитить книгу») и запустите действие снова.",
  sheetHidden: (sheet, veryHidden) =>
    veryHidden
      ? `Лист «${sheet}» скрыт так, что его нет в списке «Показать…» Excel (очень скрытый лист). Показать его можно только в редакторе Visual Basic (Alt+F11, свойство листа Visible) в Excel для Windows или Mac; затем нажмите «Показать» у предупреждения ещё раз.`
      : `Лист «${sheet}» скрыт. Чтобы показать его, щёлкните правой кнопкой мыши по ярлыку любого листа, выберите «Показать…» и лист «${sheet}», затем нажмите «Показать» у предупреждения ещё раз.`,
  invalidSettings:
    "Исправьте отмеченные параметры метода: пока они неверны, действия, которые по ним считают, недоступны.",
  templateKept: (template, sheet) =>
    template === sheet
      ? `Лист «${sheet}» с этим шаблоном уже есть в книге и оставлен как есть: его заполняете вы.`
      : `Шаблон «${template}» уже есть в книге на листе «${sheet}» и оставлен как есть: этот лист заполняете вы.`,
  outOfDateTitle: "Результат устарел",
  outOfDate: (action) =>
    `Параметры изменены после расчёта, а ниже — результат с прежними; чтобы пересчитать, нажмите «${action}» снова.`,
  domainNote: null,
  otherLanguage: {
    language: "en",
    name: "English",
    hint: "Switch the interface to English",
  },
  dismiss: "Закрыть",
  kept: (name) =>
    `Лист «${name}» уже есть в книге и заполняется пользователем — оставлен как есть.`,
  statusColumn: ({ sheet, column, occupied, notWritten }) =>
    notWritten === "sheet_protected"
      ? `Лист «${sheet}» защищён, и Excel не даёт менять его ячейки — статусы ШНОР рядом с таблицей не записаны (они на листе «ШНОР»). Чтобы записать их, снимите защиту («Рецензирование» → «Снять защиту листа») и запустите действие снова.`
      : notWritten === "excel_refused"
        ? `Списки записаны, но статусы ШНОР рядом с таблицей на листе «${sheet}» Excel записать не дал (они на листе «ШНОР»). Чтобы записать их, нажмите «Обновить» и запустите действие снова.`
        : occupied === null
          ? `Статусы ШНОР записаны в столбец ${column} листа «${sheet}» рядом с таблицей.`
          : column === null
            ? `Столбец ${occupied} рядом с таблицей на листе «${sheet}» занят вашими данными, а свободного столбца правее нет — статусы ШНОР на этот лист не записаны (они на листе «ШНОР»).`
            : `Столбец ${occupied} рядом с таблицей на листе «${sheet}» занят вашими данными — статусы ШНОР записаны в свободный столбец ${column} того же листа.`,
  printSetupNotWritten:
    "Эта версия Excel не даёт надстройкам задавать параметры печати, поэтому списки напечатаются с настройками Excel по умолчанию; чтобы лист уместился на страницу по ширине, выберите «Разметка страницы» → «Вписать» → «Ширина: 1 страница».",
  standalone: {
    title: "Школьный радар — без установки",
    open: "Открыть книгу .xlsx…",
    opening: "Открывается книга…",
    opened: (name) => `Книга: ${name}`,
    download: "Скачать результат",
    noFileTitle: "Откройте книгу Excel (.xlsx) с выгрузкой результатов.",
    problemTitle: "Этот файл нельзя проанализировать",
    noFile:
      "Книга обрабатывается здесь, в браузере: данные никуда не отправляются. Результат — копия книги с листами надстройки — скачивается кнопкой «Скачать результат»; исходный файл не изменяется.",
    sample: "Попробовать на примере",
    sampleFileName: "Пример — Заречный муниципальный округ.xlsx",
    blankFileName: "Новая книга.xlsx",
    blankSheet: "Лист1",
    blank:
      "Файл можно и перетащить на страницу. Шаблоны для координаторов создаются без книги: «Создать шаблон…» запишет шаблон в новую книгу, которую можно скачать.",
    drop: "Отпустите файл, чтобы открыть книгу",
    shownCell: {
      place: (sheet, cell, row) =>
        cell !== null
          ? `Лист «${sheet}», ячейка ${cell}`
          : row !== null
            ? `Лист «${sheet}», строка ${row}`
            : `Лист «${sheet}»`,
      value: (value) =>
        value === null || value === ""
          ? "Значение: ячейка пуста"
          : typeof value === "number"
            ? `Значение: ${formatCount(value)}`
            : typeof value === "boolean"
              ? `Значение: ${value ? "ИСТИНА" : "ЛОЖЬ"}`
              : `Значение: «${shortText(value)}»`,
      school: (school) =>
        school === null
          ? "Школа: строка не относится ни к одной школе таблицы."
          : `Школа: ${school}`,
      notFound: "Этого листа нет среди прочитанных при запуске: нажмите «Обновить» и повторите.",
    },
  },
};

/** A cell's text cut at 60 characters, so that one long cell cannot fill the pane. */
export function shortText(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * The text under a host error's title: the host's own words (often Excel's English), except where the
 * pane has better ones — for a hidden sheet, its name and how to show it (the detail is the name);
 * for a protected one, how to remove the protection.
 */
export function hostErrorDetail(messages: Messages, error: HostError): string {
  if (error.code === "sheet_hidden" || error.code === "sheet_very_hidden") {
    return messages.sheetHidden(error.detail, error.code === "sheet_very_hidden");
  }
  // Excel's «You cannot perform the requested operation» says less than how to remove the protection.
  if (error.code === "sheet_protected") return messages.sheetProtected;
  return error.detail;
}

/** English when the display language is English (`en`, `en-US`, `en-GB`…), Russian otherwise. */
export function languageOf(displayLanguage: string | null | undefined): Messages["language"] {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "ru";
}

// The engine's (its warnings agree their counts too); kept importable from here for the pane's code.
export { plural };
