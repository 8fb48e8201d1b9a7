/** `school-radar --help`: commands and options with the method's defaults (docs/method.md §2–§6). */
export const USAGE = `Школьный радар — выявление школ с низкими образовательными результатами (ШНОР)
по таблице результатов ВПР, ОГЭ и ЕГЭ из региональной выгрузки (.xlsx); индекс социального
благополучия (ИСБШ) и школы в неблагоприятных социальных условиях (ШНСУ), факторы риска и
группа риска (ШГР), сводка показателей и результаты с учётом социального контекста — по листам
шаблонов (социальный паспорт, анкета факторов риска, кадровый состав).

Запуск:
  school-radar analyze <книга.xlsx> [параметры]
  school-radar template <social-passport|risk-questionnaire|staffing|all> --out <файл.xlsx>
                        [--from <выгрузка.xlsx>] [--force]
  school-radar --help [--lang en]
  school-radar --version

Параметры analyze:
  --out <результат.xlsx>    записать копию книги с листами результатов («ШНОР», «ШНОР — метод»,
                            «ШНОР по годам», «ИСБШ», «Матрица рисков», «Факторы → школы»,
                            «Сводка показателей», «Динамика по школам», «Результаты и контекст»,
                            «Профиль школ», «Сверка со списком», «Аналитическая справка»,
                            «Предупреждения» — те, для которых есть данные); исходная книга
                            не изменяется; папка должна существовать (новая не создаётся)
  --force                   заменить существующий файл --out или --report (без --force
                            он не перезаписывается)
  --json                    вывести результат одним объектом JSON (и ничего больше)
  --edition 2020|2025       редакция правил: 2020 — критерий 2 по любым процедурам в каждом
                            из двух лет (по умолчанию); 2025 — по одной и той же процедуре
  --threshold <число>       порог низкого результата,\u00a0% «2» (по умолчанию 30, сравнение ≥);
                            в процентах: 30, а не 0,3 (значение меньше 1 — с предупреждением)
  --min-participants <число>
                            отложить результаты групп меньше этого числа участников; школа,
                            статус которой от них зависит, — «недостаточно данных»
                            (по умолчанию 0: учитываются все результаты, как в документах;
                            группы меньше 10 отмечены «малая группа»)
  --year <год>              отчётный («предыдущий») учебный год: 2025, 2024/2025 или 2024-25
                            (по умолчанию — последний год с результатами не меньше половины
                            учитываемых процедур)
  --sheet <имя листа>       лист с таблицей (по умолчанию — лист, где найдено больше всего школ)
  --years <годы>            годы таблицы без заголовков, например 2018,2019; позднейший — отчётный
                            (по умолчанию — годы из заголовков столбцов или из названия над таблицей)
  --schools-total <число>   всего школ в муниципалитете: доля ШНОР считается от этого числа, когда
                            в таблице не все школы (по умолчанию — от школ таблицы); не меньше
                            числа школ в таблице
  --targets <цели>          цели сводки, например «шнор=12; гиа=4; категория=80» (любые из трёх);
                            по умолчанию цели документов: ШНОР ≤ 15\u00a0% (Новокузнецк), ГИА ниже
                            порога ≤ 5\u00a0% (Назаровский район), категория ≥ 85\u00a0% (Кузбасс)
  --quantile 0.25|0.2       группа ШНСУ: нижний квартиль (0.25, по умолчанию) или нижний
                            квинтиль (0.2) школ по ИСБШ; принимаются также 25, 20, «квартиль»,
                            «квинтиль»
  --social <файл.xlsx>      социальный паспорт в отдельной книге
  --risk <файл.xlsx>        анкета факторов риска в отдельной книге
  --staff <файл.xlsx>       кадровый состав в отдельной книге
                            (лист из такой книги важнее листа того же вида во входной книге)
  --official <список.xlsx|.csv>
                            официальный список ШНОР (логины и/или наименования ОО) для сверки
                            с нашим: совпадают, только у нас, только в списке (лист «Сверка со
                            списком», «reconciliation» в --json); CSV — с «;» или «,», UTF-8 или
                            Windows-1251. Без параметра сверяется лист книги, где есть только
                            логин и/или наименование ОО (и №, территория, примечание)
  --report <справка.md>     записать «Аналитическую справку» (метод, показатели, перечни ШНОР,
                            ШНСУ, ШГР, сверка) в Markdown — для отчёта в Word; существующий
                            файл без --force не перезаписывается

Параметры template:
  --out <файл.xlsx>         новая книга с шаблоном; папка должна существовать
  --force                   заменить существующий файл (без --force заполненный шаблон
                            не затирается)
  --from <выгрузка.xlsx>    заполнить строки логинами и наименованиями школ из таблицы результатов
  all                       все три шаблона в одной книге

  -h, --help                эта справка; --help --lang en — справка на английском (или при
                            LANG/LC_ALL, начинающихся с en)
  --version                 версия программы

Критерии ШНОР (методика ФИОКО): низкий результат — не меньше порога участников получили «2» (ВПР)
или не преодолели минимальный порог (ОГЭ, ЕГЭ; результаты до пересдач, без выпускников прошлых
лет). Учитываются ВПР МА 5, МА 6, РУ 5, РУ 6, ОГЭ МА, ОГЭ РУ, ЕГЭ МА (база, профиль), ЕГЭ РУ.
К1 — низкие результаты не менее чем по двум процедурам в отчётном году;
К2 — низкие результаты в каждом из двух последних лет.
ИСБШ = 85 + 15 × доля «оба родителя с высшим» − 20 × доля из неполных семей − 65 × доля на учёте.
Книга только с социальным паспортом (или другим шаблоном) — тоже допустимый вход: тогда ШНОР
не определяются («method»: null, «schools»: [] в --json).

Коды завершения:
  0    готово
  1    внутренняя ошибка программы — сообщите разработчикам
  2    ошибка во входных данных или параметрах; ничего не записано
  3    не удалось записать файл (нет прав, нет места на диске, файл открыт в другой программе);
       временный файл удалён, существующий файл не тронут
  130  прервано: Ctrl+C (SIGINT); недописанный файл результата не остаётся
  143  прервано: сигнал SIGTERM (kill); недописанный файл результата не остаётся
`;

/** `school-radar --help --lang en` (or an English locale): the same help, in English. */
export const USAGE_EN = `School Radar — identifies schools with low educational results (ШНОР)
from the table of ВПР, ОГЭ and ЕГЭ results in a regional export (.xlsx); the social well-being
index (ИСБШ) and schools in adverse social conditions (ШНСУ), risk factors and the risk group
(ШГР), the indicator summary and results in their social context — from the template sheets
(social passport, risk factor questionnaire, staffing).

Usage:
  school-radar analyze <workbook.xlsx> [options]
  school-radar template <social-passport|risk-questionnaire|staffing|all> --out <file.xlsx>
                        [--from <export.xlsx>] [--force]
  school-radar --help [--lang ru|en]
  school-radar --version

analyze options:
  --out <result.xlsx>       write a copy of the workbook with the result sheets («ШНОР»,
                            «ШНОР — метод», «ШНОР по годам», «ИСБШ», «Матрица рисков»,
                            «Факторы → школы», «Сводка показателей», «Динамика по школам»,
                            «Результаты и контекст», «Профиль школ», «Сверка со списком»,
                            «Аналитическая справка», «Предупреждения» — those the data allows);
                            the input is never modified; the folder must exist (none is created)
  --force                   replace an existing --out or --report file (without --force it is
                            not overwritten)
  --json                    print the result as one JSON object (and nothing else)
  --edition 2020|2025       edition of the rules: 2020 — criterion 2 by any procedures in each of
                            the two years (default); 2025 — by the same procedure
  --threshold <number>      low-result threshold, % of «2» (default 30, compared with ≥);
                            in per cent: 30, not 0.3 (a value below 1 is warned about)
  --min-participants <number>
                            set aside results of groups with fewer participants; a school whose
                            status depends on them is «недостаточно данных»
                            (default 0: every result counts, as in the documents; groups
                            under 10 are marked «малая группа»)
  --year <year>             reporting school year: 2025, 2024/2025 or 2024-25
                            (default: the latest year with results for at least half of the
                            counted procedures)
  --sheet <sheet name>      the sheet with the table (default: the one with the most schools)
  --years <years>           years of a table without headers, e.g. 2018,2019; the latest is the
                            reporting year (default: from the column headers or the title above)
  --schools-total <number>  schools in the municipality: the ШНОР share is of this number when
                            the table lists only some (default: of the table's schools); not
                            fewer than the table's schools
  --targets <targets>       the summary's targets, e.g. «шнор=12; гиа=4; категория=80» (any of
                            the three); default the documents': ШНОР ≤ 15 % (Novokuznetsk), ГИА
                            below the minimum ≤ 5 % (Nazarovo), category ≥ 85 % (Kuzbass)
  --quantile 0.25|0.2       the ШНСУ group: lower quartile (0.25, default) or lower quintile (0.2)
                            of schools by ИСБШ; 25, 20, «квартиль», «квинтиль» are accepted too
  --social <file.xlsx>      social passport in a separate workbook
  --risk <file.xlsx>        risk factor questionnaire in a separate workbook
  --staff <file.xlsx>       staffing in a separate workbook
                            (a sheet from such a workbook wins over one of its kind in the input)
  --official <list.xlsx|.csv>
                            the official list of ШНОР (logins and/or school names) to reconcile
                            ours with: matched, only ours, only in the list (sheet «Сверка со
                            списком», «reconciliation» in --json); CSV with «;» or «,», UTF-8 or
                            Windows-1251. Without it, a sheet of the workbook holding only logins
                            and/or names (and numbering, territory, notes) is reconciled
  --report <report.md>      write the «Аналитическая справка» (method, indicators, the ШНОР,
                            ШНСУ, ШГР lists, reconciliation) as Markdown, for a report in Word;
                            an existing file is not overwritten without --force

template options:
  --out <file.xlsx>         a new workbook with the template; the folder must exist
  --force                   replace an existing file (without --force a filled-in template is kept)
  --from <export.xlsx>      fill the rows with the logins and names of the export table's schools
  all                       all three templates in one workbook

  -h, --help                this help; --lang ru|en chooses its language (default: Russian, or
                            English when LC_ALL, LC_MESSAGES or LANG starts with en)
  --version                 the program's version

ШНОР criteria (ФИОКО method): a low result — at least the threshold share of participants got «2»
(ВПР) or did not pass the minimum score (ОГЭ, ЕГЭ; results before retakes, without graduates of
earlier years). Counted: ВПР МА 5, МА 6, РУ 5, РУ 6, ОГЭ МА, ОГЭ РУ, ЕГЭ МА (base, profile), ЕГЭ РУ.
К1 — low results in at least two procedures in the reporting year;
К2 — low results in each of the last two years.
ИСБШ = 85 + 15 × share «both parents with higher education» − 20 × share from single-parent
families − 65 × share on a register.
A workbook with only a social passport (or another template) is valid input too: then no ШНОР is
identified («method»: null, «schools»: [] in --json).

Messages and results are in Russian, as the method and the reports are.

Exit status:
  0    done
  1    internal error — please report it to the developers
  2    bad input or options; nothing was written
  3    the file could not be written (no rights, disk full, file open in another program);
       the temporary file is removed, an existing file is left as it was
  130  interrupted: Ctrl+C (SIGINT); no partly written result file is left
  143  interrupted: SIGTERM (kill); no partly written result file is left
`;

/** English when the locale says so (LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads them). */
export function localeLanguage(env: NodeJS.ProcessEnv): "ru" | "en" {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "ru";
}
