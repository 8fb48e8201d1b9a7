/**
 * The bad-input table's cases (test/robustness/badInput.test.ts): each writes one bad input file and
 * says what the command line must answer. test/xlsx/focusedReader.test.ts reads the same files
 * through both readers.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import {
  compoundDocument,
  convertedByLibreOffice,
  ENCRYPTED_WORKBOOK_STREAMS,
  FLAT_HEADER,
  fixtureWith,
  minimalXlsx,
  workbookWith,
  xmlRow,
} from "./badInputFiles";

export interface Warning {
  cell: string;
  message: string;
}

export interface BadInputCase {
  name: string;
  /** Writes the input file (or folder) at the given path. */
  make: (input: string) => Promise<void> | void;
  /** The input's file name, when it matters (a folder, a sheet name). */
  fileName?: string;
  /** Options after `analyze <input>`. */
  options?: (input: string, dir: string) => string[];
  code: 0 | 2;
  /** Exit 2: stderr exactly, with `<input>` for the input's path. */
  stderr?: string;
  /** Exit 0: warnings that must be among the report's, exactly. */
  warnings?: Warning[];
  /** Exit 0: the report must have no warnings but these. */
  onlyTheseWarnings?: boolean;
  /** Exit 0: statuses of some schools, by login. */
  statuses?: Record<string, string>;
  /** Longer than the default time limit (a million rows, megabytes of text). */
  timeout?: number;
}

const S = "'Выгрузка'";
const value = (procedure: string, metric: string, reading: string) =>
  `${procedure}, ${metric}: ${reading}; значение не учтено`;
const PERCENT = "ожидалось: процент от 0 до 100";
const COUNT = "ожидалось: целое неотрицательное число";
const cellEdit =
  (edits: Record<string, ExcelJS.CellValue>) =>
  (input: string): Promise<void> =>
    fixtureWith(input, (sheet) => {
      for (const [address, cellValue] of Object.entries(edits))
        sheet.getCell(address).value = cellValue;
    });
const notXlsx = (reason: string) =>
  `school-radar: Файл «<input>» не является книгой Excel (.xlsx) или повреждён (${reason}).\n`;
const LEGACY_XLS =
  "school-radar: Файл «<input>» — книга старого формата Excel 97–2003 (.xls). Откройте её в Excel и сохраните как «Книга Excel (.xlsx)».\n";
const noTable = (sheet: string, why: string) =>
  "school-radar: В книге не найдена таблица результатов оценочных процедур (логин ОО, наименование, " +
  `столбцы «% «2»» по процедурам и годам).\n  «${sheet}»: ${why}\n` +
  "Нет и листов шаблонов (социальный паспорт, анкета факторов риска, кадровый состав): " +
  "school-radar template all --out <файл.xlsx>\n";
const NO_TABLE_ON_SHEET = (sheet: string) =>
  `На листе «${sheet}» не найдена таблица результатов: ожидались заголовки вида «ВПР МА 5 2019» и «% «2»» ` +
  "(или строки без заголовка в порядке выгрузки: муниципалитет, ОО, логин sch…, 16 пар значений)";

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export const CASES: BadInputCase[] = [
  // —— not a workbook at all: refused with status 2 ——
  {
    name: "a CSV text file renamed .xlsx",
    make: (input) => writeFileSync(input, "Логин ОО;% «2»\nsch900001;40\n"),
    code: 2,
    stderr: notXlsx("это не zip-архив, в котором хранится книга .xlsx, или файл обрезан"),
  },
  {
    name: "a PDF renamed .xlsx",
    make: (input) => writeFileSync(input, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
    code: 2,
    stderr: notXlsx("это не zip-архив, в котором хранится книга .xlsx, или файл обрезан"),
  },
  {
    name: "an empty file (0 bytes)",
    make: (input) => writeFileSync(input, ""),
    code: 2,
    stderr: notXlsx("это не zip-архив, в котором хранится книга .xlsx, или файл обрезан"),
  },
  {
    name: "an Excel 97–2003 workbook (.xls, saved by LibreOffice) renamed .xlsx",
    make: (input) => convertedByLibreOffice(input, "выгрузка.xlsx", fixtureWith, "xls"),
    code: 2,
    stderr: LEGACY_XLS,
    timeout: 120_000,
  },
  {
    name: "the first bytes of an .xls only (a file cut short) renamed .xlsx",
    make: (input) =>
      writeFileSync(
        input,
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
      ),
    code: 2,
    stderr: LEGACY_XLS,
  },
  {
    name: "a workbook encrypted with a password to open",
    make: (input) => compoundDocument(input, ENCRYPTED_WORKBOOK_STREAMS),
    code: 2,
    stderr:
      "school-radar: Книга «<input>» защищена паролем на открытие (зашифрована), и прочитать её нельзя. Откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля, очистите поле), сохраните и запустите анализ снова.\n",
  },
  {
    // LibreOffice here has Calc only (no Writer to save a .doc): the container is built with cfb.
    name: "a Word 97–2003 document (.doc) renamed .xlsx",
    make: (input) =>
      compoundDocument(input, {
        WordDocument: new Uint8Array(128).fill(0x20),
        "1Table": new Uint8Array(32),
      }),
    code: 2,
    stderr: notXlsx("это документ Microsoft Office 97–2003, но не книга Excel"),
  },
  {
    name: "a Word document (.docx) renamed .xlsx",
    make: async (input) =>
      writeFileSync(
        input,
        await zipOf({
          "[Content_Types].xml":
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
          "word/document.xml":
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
        })
      ),
    code: 2,
    stderr: notXlsx("в архиве нет книги Excel: не найден xl/workbook.xml"),
  },
  {
    name: "a zip archive of text files",
    make: async (input) => writeFileSync(input, await zipOf({ "readme.txt": "Результаты ВПР" })),
    code: 2,
    stderr: notXlsx("в архиве нет книги Excel: не найден xl/workbook.xml"),
  },
  {
    name: "a workbook cut off in the middle (an interrupted download)",
    make: async (input) => {
      await fixtureWith(input);
      const bytes = readFileSync(input);
      writeFileSync(input, bytes.subarray(0, bytes.length >> 1));
    },
    code: 2,
    stderr: notXlsx("это не zip-архив, в котором хранится книга .xlsx, или файл обрезан"),
  },
  {
    name: "a file that does not exist",
    make: () => undefined,
    code: 2,
    stderr: "school-radar: Файл «<input>» не найден.\n",
  },
  {
    name: "a folder named like a workbook",
    make: (input) => mkdirSync(input),
    code: 2,
    stderr: "school-radar: «<input>» — это папка, а не файл книги Excel.\n",
  },
  // —— a workbook without a usable table: refused with status 2 ——
  {
    name: "an empty workbook (one empty sheet)",
    make: (input) => workbookWith(input, (workbook) => workbook.addWorksheet("Лист1")),
    code: 2,
    stderr: "school-radar: Книга «<input>» пуста: ни на одном листе нет данных.\n",
  },
  {
    name: "a workbook of notes, without a results table",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Заметки");
        sheet.addRow(["План работы на сентябрь"]);
        sheet.addRow(["1. Совещание директоров", "05.09"]);
      }),
    code: 2,
    stderr: noTable("Заметки", NO_TABLE_ON_SHEET("Заметки")),
  },
  {
    name: "a header without a single school row",
    make: (input) => fixtureWith(input, undefined, []),
    code: 2,
    stderr: noTable("Выгрузка", "нет ни одной школы"),
  },
  {
    name: "only procedures the method does not count (ВПР ОМ 4, КДР)",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Выгрузка");
        sheet.addRow(["Логин ОО", "ВПР ОМ 4 2025 % «2»", "КДР ЧГ 4 2025 % «2»"]);
        sheet.addRow(["sch900001", 40, 35]);
      }),
    code: 2,
    stderr:
      "school-radar: В таблице листа «Выгрузка» нет процедур, которые учитывает методика (ВПР МА/РУ 5 и 6 классов, ОГЭ и ЕГЭ по математике и русскому языку)\n",
  },
  {
    name: "every % «2» of the counted procedures is «-»",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Выгрузка");
        sheet.addRow(FLAT_HEADER);
        sheet.addRow(["МО", "СОШ № 1", "sch900001", "-", "-"]);
        sheet.addRow(["МО", "СОШ № 2", "sch900002", "н/д", null]);
      }),
    code: 2,
    stderr:
      "school-radar: В таблице листа «Выгрузка» нет ни одного значения «% «2»» по учитываемым процедурам\n",
  },
  // —— the result file: refused before anything is written ——
  {
    name: "--out is a link to the input",
    make: (input) => fixtureWith(input),
    options: (input, dir) => {
      const link = path.join(dir, "ссылка.xlsx");
      symlinkSync(input, link);
      return ["--out", link];
    },
    code: 2,
    stderr:
      "school-radar: Файл результата «<dir>/ссылка.xlsx» совпадает с исходной книгой; исходная книга не изменяется — укажите другой файл в --out.\n",
  },
  // —— bad cells: read with warnings (status 0), never as zeros ——
  {
    name: "text in a number cell",
    make: cellEdit({ D4: "сорок" }),
    code: 0,
    warnings: [
      {
        cell: `${S}!D4`,
        message: value("ВПР МА 5 2024/2025", "% «2»", `${PERCENT}; найдено «сорок»`),
      },
    ],
    onlyTheseWarnings: true,
    statuses: { sch900001: "not_shnor" },
  },
  {
    name: "a percentage above 100",
    make: cellEdit({ J5: 130 }),
    code: 0,
    warnings: [
      {
        cell: `${S}!J5`,
        message: value("ВПР РУ 5 2024/2025", "% «2»", `${PERCENT}; найдено «130»`),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a negative percentage",
    make: cellEdit({ H6: -5 }),
    code: 0,
    warnings: [
      {
        cell: `${S}!H6`,
        message: value("ВПР МА 5 2023/2024", "% высоких результатов", `${PERCENT}; найдено «-5»`),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a negative participant count",
    make: cellEdit({ F4: -25 }),
    code: 0,
    warnings: [
      {
        cell: `${S}!F4`,
        message: value("ВПР МА 5 2024/2025", "число участников", `${COUNT}; найдено «-25»`),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a fractional participant count",
    make: cellEdit({ L4: "24,5" }),
    code: 0,
    warnings: [
      {
        cell: `${S}!L4`,
        message: value("ВПР РУ 5 2024/2025", "число участников", `${COUNT}; найдено «24,5»`),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "the same login twice",
    make: cellEdit({ C5: "sch900001" }),
    code: 0,
    warnings: [
      {
        cell: `${S}!C5`,
        message: "школа «sch900001» уже есть в строке 4; повторная строка не прочитана",
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a login in two municipalities",
    make: cellEdit({ C5: "sch900001", A5: "Заречный район" }),
    code: 0,
    warnings: [
      {
        cell: `${S}!C5`,
        message:
          "логин «sch900001» уже есть в строке 4 в муниципалитете «Приречный район», а здесь указан муниципалитет «Заречный район»: один логин в двух муниципалитетах; повторная строка не прочитана",
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a formula that errs (#DIV/0!)",
    make: cellEdit({ D4: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue }),
    code: 0,
    warnings: [
      {
        cell: `${S}!D4`,
        message: value(
          "ВПР МА 5 2024/2025",
          "% «2»",
          `${PERCENT}; найдена ошибка формулы «#DIV/0!»`
        ),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "formulas without a calculated result (a file no spreadsheet has calculated)",
    make: cellEdit({
      D4: { formula: "E4*2" } as ExcelJS.CellValue,
      G4: { formula: "H4*2" } as ExcelJS.CellValue,
      D5: { sharedFormula: "D4" } as ExcelJS.CellValue,
    }),
    code: 0,
    warnings: [
      {
        cell: `${S}!D4`,
        message:
          "формулы без вычисленного значения (ячеек: 3, первая — эта) прочитаны как пустые. " +
          "Откройте книгу в Excel или LibreOffice, сохраните её, чтобы формулы были вычислены, и запустите анализ снова",
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "an error cell (#N/A)",
    make: cellEdit({ S5: { error: "#N/A" } as ExcelJS.CellErrorValue }),
    code: 0,
    warnings: [
      {
        cell: `${S}!S5`,
        message: value("ОГЭ МА 2023/2024", "% «2»", `${PERCENT}; найдена ошибка формулы «#N/A»`),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a TRUE in a number cell",
    make: cellEdit({ D6: true }),
    code: 0,
    warnings: [
      {
        cell: `${S}!D6`,
        message: value(
          "ВПР МА 5 2024/2025",
          "% «2»",
          `${PERCENT}; найдено логическое значение «ИСТИНА»`
        ),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a date in a number cell",
    make: cellEdit({ D6: new Date(Date.UTC(2025, 4, 20)) }),
    code: 0,
    warnings: [
      {
        cell: `${S}!D6`,
        message: value("ВПР МА 5 2024/2025", "% «2»", `${PERCENT}; найдено «2025-05-20»`),
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "merged cells across one school's results",
    make: (input) => fixtureWith(input, (sheet) => sheet.mergeCells("D4:F4")),
    code: 0,
    warnings: [
      {
        cell: `${S}!D4:F4`,
        message:
          "ожидалось: отдельное значение в каждой ячейке результатов; найдены объединённые ячейки — учтено только значение первой ячейки (D4), остальные ячейки диапазона не учтены",
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "merged cells down the results of three schools",
    make: (input) => fixtureWith(input, (sheet) => sheet.mergeCells("D4:D6")),
    code: 0,
    warnings: [
      {
        cell: `${S}!D4:D6`,
        message:
          "ожидалось: отдельное значение в каждой ячейке результатов; найдены объединённые ячейки — учтено только значение первой ячейки (D4), остальные ячейки диапазона не учтены",
      },
    ],
    onlyTheseWarnings: true,
    // sch900002's 30 % in D5 is no longer read: one low result is gone with it.
    statuses: { sch900001: "shnor", sch900002: "not_shnor" },
  },
  {
    name: "a municipality merged down its schools (fine)",
    make: (input) => fixtureWith(input, (sheet) => sheet.mergeCells("A4:A8")),
    code: 0,
    warnings: [],
    onlyTheseWarnings: true,
    statuses: { sch900001: "shnor", sch900002: "shnor" },
  },
  {
    name: "a 10 MB string in a result cell",
    make: cellEdit({ D4: "x".repeat(10_000_000) }),
    code: 0,
    warnings: [
      {
        cell: `${S}!D4`,
        message: value("ВПР МА 5 2024/2025", "% «2»", `${PERCENT}; найдено «${"x".repeat(60)}…»`),
      },
    ],
    onlyTheseWarnings: true,
    timeout: 30_000,
  },
  {
    name: "a 10 MB string in a header cell",
    make: cellEdit({ D3: `% «2» ${"ы ".repeat(5_000_000)}` }),
    code: 0,
    warnings: [
      {
        cell: `${S}!D3`,
        message: `ожидался заголовок столбца (не длиннее 1000 знаков); найден текст из 10000006 знаков «% «2» ${"ы ".repeat(27)}…»; столбец не прочитан`,
      },
    ],
    onlyTheseWarnings: true,
    timeout: 30_000,
  },
  {
    name: "a 10 MB school name (kept whole)",
    make: cellEdit({ B4: "Школа ".repeat(1_700_000) }),
    code: 0,
    warnings: [],
    onlyTheseWarnings: true,
    timeout: 30_000,
  },
  {
    name: "a stray number in the last row of the sheet (1,048,576)",
    make: (input) =>
      minimalXlsx(input, "Выгрузка", [
        xmlRow(1, FLAT_HEADER),
        xmlRow(2, ["МО", "СОШ № 1", "sch900001", 40, 35]),
        xmlRow(1_048_576, [null, null, null, 12]),
      ]),
    code: 0,
    warnings: [
      {
        cell: `${S}!C1048576`,
        message: "ожидался логин ОО (sch… или edu…); ячейка пуста; строка не прочитана",
      },
    ],
    onlyTheseWarnings: true,
    statuses: { sch900001: "shnor" },
    timeout: 30_000,
  },
  {
    name: "1,048,576 rows carrying formatting (a whole column formatted)",
    make: (input) =>
      minimalXlsx(
        input,
        "Выгрузка",
        (function* () {
          yield xmlRow(1, FLAT_HEADER);
          yield xmlRow(2, ["МО", "СОШ № 1", "sch900001", 40, 35]);
          for (let row = 3; row <= 1_048_576; row++)
            yield `<row r="${row}" s="1" customFormat="1"/>`;
        })(),
        { dimension: "A1:E1048576" }
      ),
    code: 0,
    warnings: [],
    onlyTheseWarnings: true,
    statuses: { sch900001: "shnor" },
    timeout: 120_000,
  },
  {
    name: "a login of the wrong form",
    make: cellEdit({ C6: "школа 3" }),
    code: 0,
    warnings: [
      {
        cell: `${S}!C6`,
        message:
          "ожидался логин ОО вида sch123456 или edu123456; найдено «школа 3»; строка прочитана с этим ключом",
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "results without a login",
    make: cellEdit({ C6: null }),
    code: 0,
    warnings: [
      {
        cell: `${S}!C6`,
        message: "ожидался логин ОО (sch… или edu…); ячейка пуста; строка не прочитана",
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "a column header without a year",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Выгрузка");
        sheet.addRow([...FLAT_HEADER, "ОГЭ МА % «2»"]);
        sheet.addRow(["МО", "СОШ № 1", "sch900001", 40, 35, 50]);
      }),
    code: 0,
    warnings: [
      {
        cell: `${S}!F1`,
        message:
          "ожидался год в заголовке столбца («2019», «2018/2019» или «2018-19»); найдено «ОГЭ МА % «2»»; столбец не прочитан",
      },
    ],
    onlyTheseWarnings: true,
  },
  {
    name: "the same column twice",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Выгрузка");
        sheet.addRow([...FLAT_HEADER, "ВПР МА 5 2025 % «2»"]);
        sheet.addRow(["МО", "СОШ № 1", "sch900001", 40, 35, 10]);
      }),
    code: 0,
    warnings: [
      {
        cell: `${S}!F1`,
        message: "столбец повторяет уже найденный (ВПР МА 5 2025); повтор не прочитан",
      },
    ],
    onlyTheseWarnings: true,
    statuses: { sch900001: "shnor" },
  },
  {
    name: "one year only: criterion 2 cannot be checked",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Выгрузка");
        sheet.addRow(["Логин ОО", "ВПР МА 5 2025 % «2»", "ВПР РУ 5 2025 % «2»"]);
        sheet.addRow(["sch900001", 40, 10]);
      }),
    code: 0,
    warnings: [
      {
        cell: S,
        message:
          "в таблице нет результатов года, предшествующего 2025: критерий 2 не проверяется, школы с одним низким результатом отнесены к «недостаточно данных»",
      },
    ],
    statuses: { sch900001: "insufficient_data" },
  },
  {
    name: "a sheet name with an apostrophe (addresses quote it)",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("ВПР'2025");
        sheet.addRow(FLAT_HEADER);
        sheet.addRow(["МО", "СОШ № 1", "sch900001", "abc", 35]);
      }),
    code: 0,
    warnings: [
      {
        cell: "'ВПР''2025'!D2",
        message: value("ВПР МА 5 2025", "% «2»", `${PERCENT}; найдено «abc»`),
      },
    ],
  },
  {
    name: "a value in the last column (XFD)",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Выгрузка");
        sheet.addRow(FLAT_HEADER);
        sheet.addRow(["МО", "СОШ № 1", "sch900001", 40, 35]);
        sheet.getCell("XFD2").value = "заметка";
      }),
    code: 0,
    warnings: [],
    onlyTheseWarnings: true,
    statuses: { sch900001: "shnor" },
  },
];
