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
import type { CellValue, SheetGrid } from "../../src/engine";
import { seed002Appendix1Under, seed003School30Printed } from "../fixtures/seeds";
import { COUNTED_PROCEDURES } from "../fixtures/grids";

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
  /** Exit 0: ИСБШ of some schools of the social passport, by login. */
  isbsh?: Record<string, number>;
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
/** The five-school fixture with a social passport sheet «Паспорт» (rows from 2), cells in `numFmt`. */
const withPassport =
  (header: string[], rows: (string | number)[][], numFmt?: string) =>
  (input: string): Promise<void> =>
    fixtureWith(input, (_, workbook) => {
      const sheet = workbook.addWorksheet("Паспорт");
      sheet.addRow(header);
      for (const row of rows) {
        const added = sheet.addRow(row);
        if (numFmt !== undefined)
          added.eachCell((cell, column) => column > 2 && (cell.numFmt = numFmt));
      }
    });
const P = "'Паспорт'";
const SHARES_HEADER = [
  "Логин ОО",
  "Наименование ОО",
  "Доля: оба родителя с высшим образованием, %",
  "Доля из неполных семей, %",
  "Доля состоящих на учёте, %",
];
/**
 * Four schools' shares in per cent; ИСБШ by hand: 85 + 15·0.2 − 20·0.3 − 65·0.05 = 78.75;
 * 85 + 1.5 − 8 − 1.3 = 77.2; 85 + 6 − 2 − 0 = 89; 85 + 0.75 − 10 − 6.5 = 69.25.
 */
const SHARES_IN_PERCENT: [string, number, number, number][] = [
  ["sch900001", 20, 30, 5],
  ["sch900002", 10, 40, 2],
  ["sch900003", 40, 10, 0],
  ["sch900004", 5, 50, 10],
];
const SHARES_ISBSH = { sch900001: 78.75, sch900002: 77.2, sch900003: 89, sch900004: 69.25 };
const sharesAs = (scale: number) =>
  SHARES_IN_PERCENT.map(([login, ...shares]) => [
    login,
    `Школа ${login}`,
    ...shares.map((share) => share * scale),
  ]);
const fractionsRead = (column: string, label: string, example: string, percent: string) => ({
  cell: `${P}!${column}2:${column}5`,
  message:
    `социальный паспорт, «${label}»: ожидались проценты от 0 до 100; все числа столбца — от 0 до 1, ` +
    `поэтому прочитаны как доли единицы: ${example} = ${percent}\u00a0%. ` +
    "Если это проценты меньше 1\u00a0%, задайте ячейкам столбца процентный формат и введите значения заново",
});
/**
 * Registers in columns of their own (ВШУ, КДН, ПДН), in the given order, for four schools; ИСБШ by hand
 * from the sum 6/100, 6/200, 0/50, 8/80: 85 + 3 − 6 − 3.9 = 78.1; 85 + 1.5 − 8 − 1.95 = 76.55;
 * 85 + 6 − 2 = 89; 85 + 0.75 − 10 − 6.5 = 69.25.
 */
const REGISTER_COUNTS: Record<string, [number, number, number, number, number, number]> = {
  // students, both higher, single, ВШУ, КДН, ПДН
  sch900001: [100, 20, 30, 3, 2, 1],
  sch900002: [200, 20, 80, 4, 0, 2],
  sch900003: [50, 20, 5, 0, 0, 0],
  sch900004: [80, 4, 40, 4, 2, 2],
};
const REGISTERS_SUM_ISBSH = { sch900001: 78.1, sch900002: 76.55, sch900003: 89, sch900004: 69.25 };
const REGISTER_HEADERS = ["На внутришкольном учёте", "На учёте в КДН", "На учёте в ПДН"];
/** The passport with the registers in `order` (indices into ВШУ, КДН, ПДН), then `extra` columns. */
const registersPassport = (order: number[], extra: { header: string; values: number[] }[] = []) =>
  withPassport(
    [
      "Логин ОО",
      "Наименование ОО",
      "Всего обучающихся",
      "Оба родителя с высшим образованием",
      "Из неполных семей",
      ...order.map((index) => REGISTER_HEADERS[index]),
      ...extra.map((column) => column.header),
    ],
    Object.entries(REGISTER_COUNTS).map(([login, [students, higher, single, ...parts]], row) => [
      login,
      `Школа ${login}`,
      students,
      higher,
      single,
      ...order.map((index) => parts[index]),
      ...extra.map((column) => column.values[row]),
    ])
  );
/** Four passport schools, one of them without results: too few for the context line, whatever the passport. */
const NO_CONTEXT_LINE = {
  cell: S,
  message:
    "для линии «результаты ~ ИСБШ» нужно не меньше 5 школ с ИСБШ и результатами и разные значения ИСБШ; есть 3 такие школы",
};
const REGISTERS_TOTAL = "«Состоят на учёте (ВШУ, КДН, полиция)»";
const registersSummed = (columns: string) => ({
  cell: `${P}!F1`,
  message:
    `социальный паспорт: ожидался общий столбец ${REGISTERS_TOTAL}; найдены только отдельные виды учёта, ` +
    `и доля состоящих на учёте для ИСБШ взята как сумма столбцов ${columns}. ` +
    "Это верхняя оценка: ребёнок, состоящий на учёте нескольких видов, учтён несколько раз, и ИСБШ может быть занижен. " +
    `Добавьте столбец ${REGISTERS_TOTAL} с числом обучающихся, состоящих на учёте хотя бы одного вида, чтобы ИСБШ был точным`,
});
/**
 * A file refused for what it is, the standalone page's words (src/xlsx/notWorkbookFile.ts) said for
 * the input's path: what the file is and what to do, never a zip or XML library's text.
 */
const refused = (what: string) => `school-radar: Файл «<input>» ${what}\n`;
const SAVE_AS_XLSX =
  "Откройте его в Excel, сохраните как «Книга Excel (.xlsx)» и выберите сохранённый файл.";
const CHOOSE_WORKBOOK = "Выберите книгу Excel с выгрузкой результатов.";
const DAMAGED = refused(
  "повреждён: архив, из которого состоит книга Excel, оборван или испорчен (часто — файл скачан или скопирован не до конца). " +
    "Возьмите исходный файл ещё раз или сохраните книгу в Excel заново."
);
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

/**
 * The zip with the deflated data of one entry overwritten from its start with 0xFF bytes: a block of
 * the reserved type 3 (RFC 1951, 3.2.3), which every inflater refuses. The directory still lists it.
 */
function withDamagedEntry(zip: Buffer, entryName: string): Buffer {
  const damaged = Buffer.from(zip);
  const name = Buffer.from(entryName);
  const header = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a local file header (APPNOTE 4.3.7)
  for (let at = damaged.indexOf(header); at >= 0; at = damaged.indexOf(header, at + 4)) {
    const nameLength = damaged.readUInt16LE(at + 26);
    const data = at + 30 + nameLength + damaged.readUInt16LE(at + 28);
    if (!damaged.subarray(at + 30, at + 30 + nameLength).equals(name)) continue;
    damaged.fill(0xff, data, data + 16);
    return damaged;
  }
  throw new Error(`no entry ${entryName}`);
}

/** A workbook of one sheet holding a grid's values as they are (blank rows stay blank). */
const gridWorkbook =
  (grid: SheetGrid) =>
  (input: string): Promise<void> =>
    workbookWith(input, (workbook) => {
      const sheet = workbook.addWorksheet(grid.sheetName);
      grid.values.forEach((row, index) => {
        row.forEach((cell, column) => {
          if (cell !== null) sheet.getCell(index + 1, column + 1).value = cell;
        });
      });
    });
const A1 = "'Приложение 1'";
const CONVENTION_ORDER =
  "таблица без заголовков столбцов прочитана в порядке выгрузки (муниципалитет, ОО, логин, затем 16 пар «% «2»;\u00a0% высоких результатов»: " +
  "ВПР МА 5, МА 6, РУ 5, РУ 6, ОГЭ МА, РУ, ЕГЭ МА, РУ — по каждой процедуре сначала позднейший год, затем предыдущий)";
/** Two blocks of one table, one under the other: ВПР of two schools, then their ОГЭ in another order. */
const TWO_BLOCKS: CellValue[][] = [
  ["Наименование ОО", "Логин ОО", "ВПР МА 5 2019 % «2»", "ВПР МА 5 2018 % «2»"],
  ["МБОУ «СОШ № 1»", "sch000001", 10, 5],
  ["МБОУ «ООШ № 2»", "sch000002", 20, 4],
  [],
  ["Наименование ОО", "Логин ОО", "ОГЭ МА 2019 % «2»", "ОГЭ РУ 2019 % «2»"],
  ["МБОУ «ООШ № 2»", "sch000002", 10, 5],
  ["МБОУ «СОШ № 1»", "sch000001", 35, 40],
];
/** 2018 and 2019 with all nine counted procedures, 2020 with ЕГЭ only (the spring of 2020). */
const NINE = COUNTED_PROCEDURES;
const EGE = NINE.slice(6);
const PARTIAL_2020: CellValue[][] = [
  [
    "Наименование ОО",
    "Логин ОО",
    ...[
      ...EGE.map((p) => `${p} 2020`),
      ...NINE.map((p) => `${p} 2019`),
      ...NINE.map((p) => `${p} 2018`),
    ].map((column) => `${column} % «2»`),
  ],
  [
    "МБОУ «ООШ № 3»",
    "sch000003",
    null,
    null,
    null,
    50,
    ...Array<number>(8).fill(5),
    50,
    ...Array<number>(8).fill(5),
  ],
  ["МБОУ «СОШ № 4»", "sch000004", 10, 10, 10, ...Array<number>(18).fill(5)],
];
const fractionColumn = (range: string, procedure: string, example: string, points: string) => ({
  cell: `${S}!${range}`,
  message: `${procedure}, % «2»: все значения столбца от 0 до 1 (например, ${example}) — прочитаны как доли: ${example} = ${points}\u00a0%. Если это проценты меньше 1\u00a0%, впишите их со знаком «%» (${example}%)`,
});
const FRACTIONS: CellValue[][] = [
  [
    "Наименование ОО",
    "Логин ОО",
    "ВПР МА 5 2019 % «2»",
    "ВПР РУ 5 2019 % «2»",
    "ВПР МА 5 2018 % «2»",
  ],
  ["МБОУ «СОШ № 1»", "sch000001", 0.4, 0.35, 0.05],
  ["МБОУ «СОШ № 2»", "sch000002", 0.1, 0, 0.2],
];

export const CASES: BadInputCase[] = [
  // —— not a workbook at all: refused with status 2 ——
  {
    name: "a CSV text file renamed .xlsx",
    make: (input) => writeFileSync(input, "Логин ОО;% «2»\nsch900001;40\n"),
    code: 2,
    stderr: refused(`— текст с разделителями (CSV), а не книга Excel. ${SAVE_AS_XLSX}`),
  },
  {
    name: "a text file without separators renamed .xlsx",
    make: (input) => writeFileSync(input, "Итоги ВПР 2025\nпо школам района\n"),
    code: 2,
    stderr: refused(`— текстовый файл, а не книга Excel. ${SAVE_AS_XLSX}`),
  },
  {
    name: "a web page (an HTML table, as some systems export) renamed .xlsx",
    make: (input) =>
      writeFileSync(
        input,
        "<!DOCTYPE html><html><body><table><tr><td>Логин ОО</td><td>% «2»</td></tr></table></body></html>"
      ),
    code: 2,
    stderr: refused(
      "— веб-страница (HTML), а не книга Excel: так выгружают таблицы некоторые системы. " +
        "Откройте его в Excel и сохраните как «Книга Excel (.xlsx)», затем выберите сохранённый файл."
    ),
  },
  {
    name: "a PDF renamed .xlsx",
    make: (input) => writeFileSync(input, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
    code: 2,
    stderr: refused(
      "— документ PDF, а не книга Excel: из PDF таблицу не прочитать. Возьмите ту же выгрузку в формате Excel (.xlsx) " +
        "или откройте исходную таблицу в Excel и сохраните её как «Книга Excel (.xlsx)»."
    ),
  },
  {
    name: "an empty file (0 bytes)",
    make: (input) => writeFileSync(input, ""),
    code: 2,
    stderr: refused(
      "пуст (0 байт): так бывает, когда файл не был сохранён или скопирован до конца. " +
        "Откройте книгу в Excel, сохраните её заново и выберите сохранённый файл."
    ),
  },
  {
    name: "binary data of another kind (a PNG picture) renamed .xlsx",
    make: (input) =>
      writeFileSync(
        input,
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])
      ),
    code: 2,
    stderr: refused(
      "не является книгой Excel (.xlsx). Если он открывается в Excel, сохраните его как «Книга Excel (.xlsx)» " +
        "и выберите сохранённый файл; иначе выберите другой файл."
    ),
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
    stderr: refused(
      "— документ Word 97–2003 (.doc), а не книга Excel. Выберите книгу Excel с выгрузкой результатов; " +
        "таблицу из документа можно скопировать на лист Excel и сохранить книгу как .xlsx."
    ),
  },
  {
    name: "a PowerPoint 97–2003 presentation (.ppt) renamed .xlsx",
    make: (input) =>
      compoundDocument(input, {
        "PowerPoint Document": new Uint8Array(128).fill(0x20),
        "Current User": new Uint8Array(32),
      }),
    code: 2,
    stderr: refused(
      `— презентация PowerPoint 97–2003 (.ppt), а не книга Excel. ${CHOOSE_WORKBOOK}`
    ),
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
    stderr: refused(
      "— это документ Word, а не книга Excel. Выберите книгу Excel с выгрузкой результатов; " +
        "таблицу из документа можно скопировать на лист Excel и сохранить книгу как .xlsx."
    ),
  },
  {
    name: "a PowerPoint presentation (.pptx) renamed .xlsx",
    make: async (input) =>
      writeFileSync(
        input,
        await zipOf({
          "[Content_Types].xml":
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
          "ppt/presentation.xml":
            '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
        })
      ),
    code: 2,
    stderr: refused(`— это презентация PowerPoint, а не книга Excel. ${CHOOSE_WORKBOOK}`),
  },
  {
    name: "a zip archive of text files",
    make: async (input) => writeFileSync(input, await zipOf({ "readme.txt": "Результаты ВПР" })),
    code: 2,
    stderr: refused(
      "— архив ZIP, а не книга Excel. Если выгрузка лежит в архиве, распакуйте его и выберите файл .xlsx."
    ),
  },
  {
    name: "a workbook cut off in the middle (an interrupted download)",
    make: async (input) => {
      await fixtureWith(input);
      const bytes = readFileSync(input);
      writeFileSync(input, bytes.subarray(0, bytes.length >> 1));
    },
    code: 2,
    stderr: DAMAGED,
  },
  {
    name: "a workbook whose sheet's compressed data is damaged (the directory intact)",
    make: async (input) => {
      await fixtureWith(input);
      writeFileSync(input, withDamagedEntry(readFileSync(input), "xl/worksheets/sheet1.xml"));
    },
    code: 2,
    stderr: DAMAGED,
  },
  {
    name: "a workbook whose workbook part is XML cut off in the middle",
    make: async (input) => {
      await fixtureWith(input);
      const zip = await JSZip.loadAsync(readFileSync(input));
      const workbook = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", workbook.slice(0, workbook.indexOf("<sheet ") + 12));
      writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    },
    code: 2,
    stderr: refused(
      "— книга Excel, в которой не найдено ни одного листа: список её листов пуст или испорчен. " +
        "Откройте книгу в Excel — если он предложит восстановить её, согласитесь, — сохраните и выберите сохранённый файл."
    ),
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
  {
    name: "--out names an existing file, without --force",
    make: (input) => fixtureWith(input),
    options: (_, dir) => {
      writeFileSync(path.join(dir, "результат.xlsx"), "результат коллеги");
      return ["--out", path.join(dir, "результат.xlsx")];
    },
    code: 2,
    stderr:
      "school-radar: Файл результата «<dir>/результат.xlsx» уже существует и без --force не перезаписывается. Укажите в --out другой файл или добавьте --force, чтобы заменить этот.\n",
  },
  {
    name: "--out names an existing file: refused before the input is read (here there is none)",
    make: () => undefined,
    options: (_, dir) => {
      writeFileSync(path.join(dir, "результат.xlsx"), "результат коллеги");
      return ["--out", path.join(dir, "результат.xlsx")];
    },
    code: 2,
    stderr:
      "school-radar: Файл результата «<dir>/результат.xlsx» уже существует и без --force не перезаписывается. Укажите в --out другой файл или добавьте --force, чтобы заменить этот.\n",
  },
  {
    name: "--out in a folder that does not exist: refused, no folder created",
    make: (input) => fixtureWith(input),
    options: (_, dir) => ["--out", path.join(dir, "нет такой папки", "результат.xlsx")],
    code: 2,
    stderr:
      "school-radar: Папка «<dir>/нет такой папки» не найдена: файл результата записывается только в существующую папку. Создайте её или укажите в --out другой путь.\n",
  },
  {
    name: "--out inside a file, as if it were a folder",
    make: (input) => fixtureWith(input),
    options: (input) => ["--out", path.join(input, "результат.xlsx")],
    code: 2,
    stderr:
      "school-radar: «<input>» — файл, а не папка, и файл результата «<input>/результат.xlsx» в нём не записать. Укажите в --out путь в существующей папке.\n",
  },
  {
    name: "--out is a folder, even with --force",
    make: (input) => fixtureWith(input),
    options: (_, dir) => {
      mkdirSync(path.join(dir, "итоги.xlsx"));
      return ["--out", path.join(dir, "итоги.xlsx"), "--force"];
    },
    code: 2,
    stderr:
      "school-radar: «<dir>/итоги.xlsx» — папка, а не файл. Укажите в --out имя файла .xlsx.\n",
  },
  {
    name: "--out is the --social workbook, even with --force",
    make: (input) => fixtureWith(input),
    options: (_, dir) => {
      const passport = path.join(dir, "паспорт.xlsx");
      writeFileSync(passport, "");
      return ["--social", passport, "--out", passport, "--force"];
    },
    code: 2,
    stderr:
      "school-radar: Файл результата «<dir>/паспорт.xlsx» совпадает с книгой из --social; она только читается — укажите другой файл в --out.\n",
  },
  // —— the official list (--official) and the справка (--report): refused before anything is written ——
  {
    name: "--official: a CSV list with no login or name column",
    make: (input) => fixtureWith(input),
    options: (_, dir) => {
      writeFileSync(path.join(dir, "список.csv"), "№;Телефон\r\n1;8-800-000\r\n");
      return ["--official", path.join(dir, "список.csv")];
    },
    code: 2,
    stderr:
      "school-radar: В файле «<dir>/список.csv» (--official) не найден список школ: в первых 20 строках нет заголовка — " +
      "ожидался столбец логина ОО («Логин», «Логин ОО», «login») или наименования ОО («Наименование ОО», «Название», «ОО», «Школа»).\n",
  },
  {
    name: "--official: a workbook none of whose sheets is a list",
    make: async (input) => {
      await fixtureWith(input);
      await workbookWith(path.join(path.dirname(input), "список.xlsx"), (workbook) => {
        workbook.addWorksheet("Лист1").addRow(["Код", "Телефон"]);
        workbook.addWorksheet("Перечень").addRow(["Наименование ОО"]);
      });
    },
    options: (_, dir) => ["--official", path.join(dir, "список.xlsx")],
    code: 2,
    stderr:
      "school-radar: В файле «<dir>/список.xlsx» (--official) не найден список школ для сверки.\n" +
      "  На листе «[список.xlsx]Лист1» не найден список школ: в первых 20 строках нет заголовка — " +
      "ожидался столбец логина ОО («Логин», «Логин ОО», «login») или наименования ОО («Наименование ОО», «Название», «ОО», «Школа»)\n" +
      "  На листе «[список.xlsx]Перечень» не найден список школ: под строкой заголовков (строка 1) нет ни одной школы\n",
  },
  {
    name: "--official: the file does not exist",
    make: (input) => fixtureWith(input),
    options: (_, dir) => ["--official", path.join(dir, "нет.csv")],
    code: 2,
    stderr: "school-radar: --official: Файл «<dir>/нет.csv» не найден.\n",
  },
  {
    name: "a list sheet naming a school as two schools of the table are named: ambiguous, not matched",
    make: (input) =>
      workbookWith(input, (workbook) => {
        const sheet = workbook.addWorksheet("Выгрузка");
        sheet.addRow(FLAT_HEADER);
        sheet.addRow(["Заречный МО", "МБОУ «СОШ № 1»", "sch900001", 40, 35]);
        sheet.addRow(["Приречный МО", "МБОУ «СОШ № 1»", "sch900002", 10, 5]);
        const list = workbook.addWorksheet("Список");
        list.addRow(["Наименование ОО"]);
        list.addRow(['МБОУ "СОШ №1"']);
      }),
    code: 0,
    warnings: [
      {
        cell: "'Список'!A2",
        message:
          'список школ: наименование «МБОУ "СОШ №1"» подходит к нескольким школам таблицы — ' +
          "МБОУ «СОШ № 1» (sch900001), МБОУ «СОШ № 1» (sch900002); школа не сопоставлена, укажите в списке её логин",
      },
    ],
    statuses: { sch900001: "shnor", sch900002: "not_shnor" },
  },
  {
    name: "--report names an existing file, without --force",
    make: (input) => fixtureWith(input),
    options: (_, dir) => {
      writeFileSync(path.join(dir, "справка.md"), "справка коллеги");
      return ["--report", path.join(dir, "справка.md")];
    },
    code: 2,
    stderr:
      "school-radar: Файл справки «<dir>/справка.md» уже существует и без --force не перезаписывается. " +
      "Укажите в --report другой файл или добавьте --force, чтобы заменить этот.\n",
  },
  {
    name: "--report in a folder that does not exist",
    make: (input) => fixtureWith(input),
    options: (_, dir) => ["--report", path.join(dir, "нет такой папки", "справка.md")],
    code: 2,
    stderr:
      "school-radar: Папка «<dir>/нет такой папки» не найдена: файл справки записывается только в существующую папку. " +
      "Создайте её или укажите в --report другой путь.\n",
  },
  {
    name: "--report not a Markdown file",
    make: (input) => fixtureWith(input),
    options: (_, dir) => ["--report", path.join(dir, "справка.docx")],
    code: 2,
    stderr:
      "school-radar: Файл справки (--report) должен иметь расширение .md: «<dir>/справка.docx»\n",
  },
  {
    name: "--force without --out",
    make: (input) => fixtureWith(input),
    options: () => ["--force"],
    code: 2,
    stderr:
      "school-radar: Параметр --force разрешает заменить существующий файл результата или справки и действует только вместе с --out <результат.xlsx> или --report <справка.md>\n",
  },
  {
    name: "a mistyped option: named, with the nearest known one",
    make: (input) => fixtureWith(input),
    options: () => ["--treshold", "30"],
    code: 2,
    stderr:
      "school-radar: Неизвестный параметр --treshold. Возможно, имелся в виду --threshold? Справка: school-radar --help\n",
  },
  {
    name: "--out without its value",
    make: (input) => fixtureWith(input),
    options: () => ["--out"],
    code: 2,
    stderr:
      "school-radar: Не указано значение параметра --out: ожидалось --out <файл.xlsx>. Справка: school-radar --help\n",
  },
  // —— the municipality's number of schools (--schools-total) and the table's years (--years) ——
  ...(["12,5", "0", "сто", ""] as const).map((typed): BadInputCase => ({
    name: `--schools-total «${typed}»: not a whole number of at least 1`,
    make: (input) => fixtureWith(input),
    options: () => ["--schools-total", typed],
    code: 2,
    stderr: `school-radar: Неверный параметр: всего школ в муниципалитете: ожидалось целое число не меньше 1; найдено «${typed}»\n`,
  })),
  {
    name: "--schools-total fewer than the schools the table lists",
    make: (input) => fixtureWith(input),
    options: () => ["--schools-total", "4"],
    code: 2,
    stderr:
      "school-radar: всего школ в муниципалитете: указано 4, а в таблице листа «Выгрузка» 5 школ — школ муниципалитета не может быть меньше, " +
      "чем в его таблице. Укажите число всех школ муниципалитета (не меньше 5) или не указывайте его — тогда доля ШНОР считается от школ таблицы.\n",
  },
  {
    name: "--years that name no year",
    make: (input) => fixtureWith(input),
    options: () => ["--years", "прошлый"],
    code: 2,
    stderr:
      "school-radar: Неверный параметр: годы таблицы: ожидались годы через запятую, например «2018, 2019» (позднейший — отчётный); найдено «прошлый»\n",
  },
  // —— the layouts specialists have (issue 13): the right answer, and what was assumed ——
  {
    name: "seed 002's headerless appendix under «Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов»",
    make: gridWorkbook(seed002Appendix1Under("Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов")),
    code: 0,
    warnings: [
      {
        cell: `${A1}!A1`,
        message: `${CONVENTION_ORDER}; годы 2019 и 2018 взяты из заголовка «Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов»; если годы другие, укажите их: в командной строке --years 2018,2019, в области задач — поле «Годы таблицы»`,
      },
    ],
    statuses: { sch420220: "shnor", sch423391: "shnor" },
  },
  {
    name: "seed 002's appendix under its order's heading (a date and an order number, no data year)",
    make: gridWorkbook(seed002Appendix1Under("Приложение 1 к приказу КОиН от 09.12.2020 № 1351")),
    code: 0,
    warnings: [
      {
        cell: A1,
        message: `${CONVENTION_ORDER}; годы не названы ни в столбцах, ни в заголовке над таблицей — они обозначены «последний год» и «предыдущий год»; чтобы назвать их, укажите годы: в командной строке --years 2018,2019, в области задач — поле «Годы таблицы»`,
      },
    ],
    statuses: { sch420220: "shnor" },
  },
  {
    name: "seed 002's appendix under its order's heading, with --years 2018,2019",
    make: gridWorkbook(seed002Appendix1Under("Приложение 1 к приказу КОиН от 09.12.2020 № 1351")),
    options: () => ["--years", "2018,2019", "--year", "2019"],
    code: 0,
    statuses: { sch420220: "shnor" },
  },
  {
    name: "seed 003's one-school table as printed: two blocks, the school named only in the heading",
    make: gridWorkbook(seed003School30Printed()),
    code: 0,
    warnings: [
      {
        cell: "'СОШ 30'!A1",
        message:
          "таблица одной школы без столбца с названием или логином ОО: школа названа по заголовку — «МБОУ «СОШ № 30»»; если это не так, добавьте слева от результатов столбец «ОО» с названием школы или «Логин ОО»",
      },
    ],
    statuses: { "МБОУ «СОШ № 30»": "shnor" },
  },
  {
    name: "a one-school table whose heading names no school",
    make: gridWorkbook({
      ...seed003School30Printed(),
      values: [
        ["Итоги ВПР, ОГЭ, ЕГЭ 2018, 2019 годов"],
        ...seed003School30Printed().values.slice(1),
      ],
    }),
    code: 2,
    stderr:
      "school-radar: В книге не найдена таблица результатов оценочных процедур (логин ОО, наименование, столбцы «% «2»» по процедурам и годам).\n" +
      "  «СОШ 30»: На листе «СОШ 30» у таблицы результатов нет столбца с названием или логином ОО, и над таблицей не названа школа. " +
      "Добавьте слева от результатов столбец «ОО» (название школы) или «Логин ОО» (sch…), а если в таблице одна школа — впишите её название над таблицей, " +
      "например в ячейку A1: «Итоги 2019 года МБОУ «СОШ №\u00a030»»\n" +
      "Нет и листов шаблонов (социальный паспорт, анкета факторов риска, кадровый состав): school-radar template all --out <файл.xlsx>\n",
  },
  {
    name: "a table printed in two blocks (ВПР, then ОГЭ of the same schools in another order)",
    make: gridWorkbook({ sheetName: "Выгрузка", values: TWO_BLOCKS }),
    code: 0,
    warnings: [],
    onlyTheseWarnings: true,
    statuses: { sch000001: "shnor", sch000002: "not_shnor" },
  },
  {
    name: "two blocks giving one school two different values for the same procedure and year",
    make: gridWorkbook({
      sheetName: "Выгрузка",
      values: [
        ...TWO_BLOCKS,
        [],
        [TWO_BLOCKS[0]![0]!, TWO_BLOCKS[0]![1]!, TWO_BLOCKS[0]![2]!],
        ["МБОУ «СОШ № 1»", "sch000001", 45],
      ],
    }),
    code: 0,
    warnings: [
      {
        cell: `${S}!C10`,
        message:
          "ВПР МА 5 2019, % «2»: у школы «МБОУ «СОШ № 1»» два разных значения — 10 (C2) и 45 (C10); учтено первое. Исправьте неверное значение",
      },
    ],
    onlyTheseWarnings: true,
    statuses: { sch000001: "shnor" },
  },
  {
    name: "shares typed as fractions (0.4 for 40 %) without a percent format",
    make: gridWorkbook({ sheetName: "Выгрузка", values: FRACTIONS }),
    code: 0,
    warnings: [
      fractionColumn("C2:C3", "ВПР МА 5 2019", "0,4", "40"),
      fractionColumn("D2:D3", "ВПР РУ 5 2019", "0,35", "35"),
      fractionColumn("E2:E3", "ВПР МА 5 2018", "0,05", "5"),
    ],
    onlyTheseWarnings: true,
    statuses: { sch000001: "shnor", sch000002: "not_shnor" },
  },
  {
    name: "a latest year with results of only 3 of 9 procedures (2020: ЕГЭ only)",
    make: gridWorkbook({ sheetName: "Выгрузка", values: PARTIAL_2020 }),
    code: 0,
    warnings: [
      {
        cell: S,
        message:
          "в 2020 — результаты только 3 из 9 процедур (ЕГЭ МА база, ЕГЭ МА профиль, ЕГЭ РУ): отчётным взят 2019 — последний год с результатами большинства процедур (9 из 9 процедур). Чтобы взять 2020, укажите --year 2020 (в области задач — «Отчётный год»)",
      },
    ],
    onlyTheseWarnings: true,
    statuses: { sch000003: "shnor", sch000004: "not_shnor" },
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
          `${PERCENT}; найдена ошибка формулы «#ДЕЛ/0!» (#DIV/0!)`
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
          "формулы без вычисленного значения (3 ячейки, первая — эта) прочитаны как пустые. " +
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
        message: value(
          "ОГЭ МА 2023/2024",
          "% «2»",
          `${PERCENT}; найдена ошибка формулы «#Н/Д» (#N/A)`
        ),
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
          "ожидался год в заголовке столбца («2019», «2018/2019» или «2018-19»); найдено «ОГЭ МА % «2»»; столбец не прочитан. " +
          "Впишите год в заголовок столбца или укажите один год таблицы: --years 2019 (в области задач — поле «Годы таблицы»)",
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
  // —— a social passport's shares and registers: read one way whatever their form, with a warning ——
  {
    name: "social passport: shares typed as fractions (0.2 for 20 %) without a percent format",
    make: withPassport(SHARES_HEADER, sharesAs(0.01)),
    code: 0,
    warnings: [
      fractionsRead("C", "Оба родителя с высшим образованием", "0,2", "20"),
      fractionsRead("D", "Из неполных семей", "0,3", "30"),
      fractionsRead("E", "Состоят на учёте (ВШУ, КДН, полиция)", "0,05", "5"),
      NO_CONTEXT_LINE,
    ],
    onlyTheseWarnings: true,
    isbsh: SHARES_ISBSH,
  },
  {
    name: "social passport: shares as fractions under a percent format (0.2 shown as 20 %)",
    make: withPassport(SHARES_HEADER, sharesAs(0.01), "0%"),
    code: 0,
    warnings: [NO_CONTEXT_LINE],
    onlyTheseWarnings: true,
    isbsh: SHARES_ISBSH,
  },
  {
    name: "social passport: shares in per cent (20 for 20 %)",
    make: withPassport(SHARES_HEADER, sharesAs(1)),
    code: 0,
    warnings: [NO_CONTEXT_LINE],
    onlyTheseWarnings: true,
    isbsh: SHARES_ISBSH,
  },
  {
    name: "social passport: a share column of only 0 and 1 (per cent or fractions?)",
    make: withPassport(
      SHARES_HEADER,
      sharesAs(1).map((row, index) => [...row.slice(0, 4), index % 2 === 0 ? 1 : 0])
    ),
    code: 0,
    warnings: [
      {
        cell: `${P}!E2:E5`,
        message:
          "социальный паспорт, «Состоят на учёте (ВШУ, КДН, полиция)»: ожидались проценты от 0 до 100; " +
          "в столбце только 0 и 1 — это могут быть и проценты, и доли единицы. Прочитаны как проценты (1 = 1\u00a0%). " +
          "Если 1 означает 100\u00a0%, введите значения в процентах (100) или задайте ячейкам процентный формат",
      },
      NO_CONTEXT_LINE,
    ],
    onlyTheseWarnings: true,
    // By hand, 1 = 1 %: 85 + 3 − 6 − 0.65 = 81.35; 85 + 1.5 − 8 = 78.5; 85 + 6 − 2 − 0.65 = 88.35; 85 + 0.75 − 10 = 75.75.
    isbsh: { sch900001: 81.35, sch900002: 78.5, sch900003: 88.35, sch900004: 75.75 },
  },
  {
    name: "social passport: registers in separate columns ВШУ, КДН, ПДН, without a total",
    make: registersPassport([0, 1, 2]),
    code: 0,
    warnings: [
      registersSummed("«На внутришкольном учёте» (F), «На учёте в КДН» (G), «На учёте в ПДН» (H)"),
      NO_CONTEXT_LINE,
    ],
    onlyTheseWarnings: true,
    isbsh: REGISTERS_SUM_ISBSH,
  },
  {
    name: "social passport: the same registers in the other order, ПДН, КДН, ВШУ (the same ИСБШ)",
    make: registersPassport([2, 1, 0]),
    code: 0,
    warnings: [
      registersSummed("«На учёте в ПДН» (F), «На учёте в КДН» (G), «На внутришкольном учёте» (H)"),
      NO_CONTEXT_LINE,
    ],
    onlyTheseWarnings: true,
    isbsh: REGISTERS_SUM_ISBSH,
  },
  {
    name: "social passport: separate registers and a total column (the total is used)",
    make: registersPassport(
      [2, 0, 1],
      [{ header: "Состоят на учёте, всего", values: [4, 5, 0, 6] }]
    ),
    code: 0,
    warnings: [NO_CONTEXT_LINE],
    onlyTheseWarnings: true,
    // By hand from the totals 4/100, 5/200, 0/50, 6/80: 85 + 3 − 6 − 2.6 = 79.4;
    // 85 + 1.5 − 8 − 1.625 = 76.875; 89; 85 + 0.75 − 10 − 4.875 = 70.875.
    isbsh: { sch900001: 79.4, sch900002: 76.875, sch900003: 89, sch900004: 70.875 },
  },
  {
    name: "social passport: a register above the total column",
    make: registersPassport(
      [0, 1, 2],
      [{ header: "Состоят на учёте, всего", values: [4, 5, 0, 3] }]
    ),
    code: 0,
    warnings: [
      {
        cell: `${P}!F5`,
        message:
          "социальный паспорт, «На внутришкольном учёте» (F): ожидалось не больше значения общего столбца " +
          "«Состоят на учёте, всего» (I) — 3, ведь он включает каждый вид учёта; найдено 4. " +
          "Для ИСБШ взят общий столбец — проверьте оба значения",
      },
      NO_CONTEXT_LINE,
    ],
    onlyTheseWarnings: true,
    // sch900004 by hand from the total 3/80: 85 + 0.75 − 10 − 2.4375 = 73.3125.
    isbsh: { sch900004: 73.3125 },
  },
];
