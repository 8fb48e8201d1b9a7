#!/usr/bin/env node
/*
 * Generates samples/school-radar-functions.xlsx: every EDU worksheet function in use on a small
 * FICTIONAL export table and social passport, with what-if cells (threshold, minimum participants,
 * rule edition, quartile or quintile) the user can change.
 *
 *   node scripts/generate-functions-sample.cjs [output.xlsx]
 *
 * How the formulas are stored. Excel saves a call of an add-in's JavaScript custom function with the
 * prefix `_xldudf_` and the full name's periods as underscores: =EDU.SHNOR.REASON(…) is written
 * `_xldudf_EDU_SHNOR_REASON(…)` (OfficeDev/office-js issues 3872, 2568: `ABC.GET_X` saved as
 * `_xldudf_ABC_GET_X`). When the add-in is loaded, Excel resolves these names to the add-in's functions
 * (in Russian Excel they show as EDU.ШНОР and so on, from functions-ru.json); without it they stay
 * unresolved. So that the file reads meaningfully without the add-in — and in LibreOffice, which keeps
 * the cached values of an .xlsx by default — every formula cell carries its value, computed here by
 * calling the very functions of src/functions/functions.ts on the cells' values. SHNOR and SHNOR.REASON
 * are dynamic arrays: array formulas over their spill range, marked dynamic (cm="1", xl/metadata.xml)
 * as Excel writes them. The workbook does not ask for a full recalculation on load, which would turn
 * the cached values into #NAME? in an Excel without the add-in, and carries Excel's current calcId so
 * that Excel does not recalculate it as a file from an older version either. LibreOffice keeps cached
 * numbers and text but recalculates array formulas and boolean or error results, so there the spilled
 * columns, TRUE/FALSE and error examples show #NAME? (it has no EDU functions).
 *
 * Deterministic like scripts/generate-sample.mjs: fixed document and zip entry dates, so running it
 * twice gives byte-identical files. test/functions/functionsSample.test.ts checks that the committed
 * file is what this script writes, that every cached value is what the functions return for the
 * file's own cells, and that LibreOffice opens it.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const JSZip = require("jszip");

const ROOT = path.join(__dirname, "..");
const FUNCTIONS_MODULE = path.join(ROOT, "src", "functions", "functions.ts");
const RUSSIAN_TABLE = path.join(ROOT, "src", "functions", "russianMetadata.json");
const DEFAULT_OUTPUT = path.join(ROOT, "samples", "school-radar-functions.xlsx");
const FIXED_DATE = new Date(Date.UTC(2025, 8, 1, 9, 0, 0));
const NAMESPACE = "EDU";

const TABLE_SHEET = "Таблица";
const FUNCTIONS_SHEET = "Функции";
const MUNICIPALITY = "Заречный муниципальный округ";
const YEARS = ["2024/2025", "2023/2024"];
const PROCEDURES = ["ВПР МА 5", "ВПР РУ 5", "ОГЭ МА", "ОГЭ РУ"];

/**
 * Nine fictional schools, each a case the what-if cells change (edition 2020, threshold 30, every
 * result counted — no minimum of participants — unless said otherwise). Per procedure: [% «2», participants] for 2024/2025, then
 * 2023/2024; "н/д" is no data. `passport`: students, both parents with higher education, single-parent
 * families, on a register.
 */
const SCHOOLS = [
  {
    // two low results in 2024/2025 → ШНОР (К1)
    login: "sch840501",
    name: "МБОУ «СОШ № 1»",
    results: {
      "ВПР МА 5": [
        [34.5, 58],
        [18.2, 55],
      ],
      "ВПР РУ 5": [
        [31, 58],
        [12.7, 55],
      ],
      "ОГЭ МА": [
        [12, 50],
        [8.3, 48],
      ],
      "ОГЭ РУ": [
        [4, 50],
        [2.1, 48],
      ],
    },
    passport: [520, 120, 140, 18],
  },
  {
    // all fine → не ШНОР
    login: "sch840502",
    name: "МАОУ «Гимназия № 2»",
    results: {
      "ВПР МА 5": [
        [3.1, 64],
        [4.8, 62],
      ],
      "ВПР РУ 5": [
        [1.6, 64],
        [3.2, 62],
      ],
      "ОГЭ МА": [
        [0, 57],
        [1.8, 55],
      ],
      "ОГЭ РУ": [
        [0, 57],
        [0, 55],
      ],
    },
    passport: [610, 330, 90, 3],
  },
  {
    // 28,6 % and 27,5 % in 2024/2025: не ШНОР at 30, ШНОР (К1) at a threshold of 25
    login: "sch840503",
    name: "МБОУ «СОШ № 3»",
    results: {
      "ВПР МА 5": [
        [28.6, 49],
        [31.2, 48],
      ],
      "ВПР РУ 5": [
        [22.4, 49],
        [18.8, 48],
      ],
      "ОГЭ МА": [
        [27.5, 40],
        [15.9, 44],
      ],
      "ОГЭ РУ": [
        [5, 40],
        [4.5, 44],
      ],
    },
    passport: [480, 95, 150, 22],
  },
  {
    // ОГЭ МА exactly 30 % now, ВПР РУ 5 a year earlier: ШНОР (К2) in the 2020 edition, not in 2025
    login: "sch840504",
    name: "МБОУ «СОШ № 4»",
    results: {
      "ВПР МА 5": [
        [16.7, 42],
        [19, 42],
      ],
      "ВПР РУ 5": [
        [14.3, 42],
        [33.3, 45],
      ],
      "ОГЭ МА": [
        [30, 40],
        [22.2, 36],
      ],
      "ОГЭ РУ": [
        [7.5, 40],
        [5.6, 36],
      ],
    },
    passport: [430, 60, 160, 35],
  },
  {
    // ВПР МА 5 low in both years: ШНОР (К2) in both editions
    login: "sch840505",
    name: "МБОУ «СОШ № 5»",
    results: {
      "ВПР МА 5": [
        [36, 25],
        [32.1, 28],
      ],
      "ВПР РУ 5": [
        [20, 25],
        [17.9, 28],
      ],
      "ОГЭ МА": [
        [18.2, 22],
        [20, 20],
      ],
      "ОГЭ РУ": [
        [4.5, 22],
        [5, 20],
      ],
    },
    passport: [260, 30, 110, 26],
  },
  {
    // high shares of «2» in classes of 9: ШНОР (К1) with every result counted, «недостаточно данных»
    // at a minimum of 10 (its status depends on the classes set aside)
    login: "sch840506",
    name: "МБОУ «Луговская ООШ»",
    results: {
      "ВПР МА 5": [
        [44.4, 9],
        [12.5, 8],
      ],
      "ВПР РУ 5": [
        [33.3, 9],
        [12.5, 8],
      ],
      "ОГЭ МА": [
        [14.3, 7],
        [10, 10],
      ],
      "ОГЭ РУ": [
        [0, 12],
        [0, 10],
      ],
    },
    passport: [95, 8, 40, 9],
  },
  {
    // no data for 2024/2025 → недостаточно данных
    login: "sch840507",
    name: "МБОУ «Озёрная ООШ»",
    results: {
      "ВПР МА 5": [
        ["н/д", "н/д"],
        [25, 12],
      ],
      "ВПР РУ 5": [
        ["н/д", "н/д"],
        [16.7, 12],
      ],
      "ОГЭ МА": [
        ["н/д", "н/д"],
        [20, 10],
      ],
      "ОГЭ РУ": [
        ["н/д", "н/д"],
        [10, 10],
      ],
    },
    passport: [70, 5, 30, 8],
  },
  {
    // 20 % now and 22–25 % a year earlier: не ШНОР at 30, ШНОР (К2) at a threshold of 20
    login: "sch840508",
    name: "МБОУ «СОШ № 8»",
    results: {
      "ВПР МА 5": [
        [15.2, 46],
        [22, 50],
      ],
      "ВПР РУ 5": [
        [10.9, 46],
        [18, 50],
      ],
      "ОГЭ МА": [
        [20, 45],
        [25, 44],
      ],
      "ОГЭ РУ": [
        [6.7, 45],
        [4.5, 44],
      ],
    },
    passport: [390, 90, 110, 12],
  },
  {
    // one low result in 2024/2025 only → не ШНОР
    login: "sch840509",
    name: "МБОУ «Кедровская СОШ»",
    results: {
      "ВПР МА 5": [
        [12.5, 16],
        [15.4, 13],
      ],
      "ВПР РУ 5": [
        [6.3, 16],
        [7.7, 13],
      ],
      "ОГЭ МА": [
        [35.7, 14],
        [18.8, 16],
      ],
      "ОГЭ РУ": [
        [7.1, 14],
        [6.3, 16],
      ],
    },
    passport: [180, 20, 60, 12],
  },
];

// ---------------------------------------------------------------------------------------------
// Addresses and formulas.

function columnLetters(column) {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
const address = (row, column) => `${columnLetters(column)}${row}`;
const absolute = (row, column) => `$${columnLetters(column)}$${row}`;
const onSheet = (sheet, reference) => `'${sheet}'!${reference}`;

/** Excel's stored form of a custom function call: `_xldudf_` + namespace and id, periods as underscores. */
function storedName(id) {
  return `_xldudf_${`${NAMESPACE}.${id}`.replace(/\./g, "_")}`;
}

const russianTable = JSON.parse(fs.readFileSync(RUSSIAN_TABLE, "utf8"));

/** The call as a Russian user types it: =EDU.ШНОР(…; …). */
function russianCall(id, args) {
  return `=${NAMESPACE}.${russianTable.functions[id].name}(${args.join("; ")})`;
}

// ---------------------------------------------------------------------------------------------
// Cell values as Excel hands them to a custom function: a number, text or boolean; an empty cell of
// a range as ""; a range as rows of cells.

class Sheet {
  constructor(name) {
    this.name = name;
    this.cells = new Map(); // "row,column" -> value
  }
  set(row, column, value) {
    this.cells.set(`${row},${column}`, value);
  }
  get(row, column) {
    const value = this.cells.get(`${row},${column}`);
    return value === undefined || value === null ? "" : value;
  }
  range(top, left, bottom, right) {
    const rows = [];
    for (let row = top; row <= bottom; row++) {
      const cells = [];
      for (let column = left; column <= right; column++) cells.push(this.get(row, column));
      rows.push(cells);
    }
    return rows;
  }
}

/** Calls a worksheet function as Excel would; a thrown CustomFunctions.Error becomes the cell's error value. */
function evaluate(fn, args) {
  try {
    return fn(...args);
  } catch (error) {
    if (error && typeof error.code === "string" && error.code.startsWith("#"))
      return { error: error.code };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook.

const BOLD = { bold: true };
const TITLE = { bold: true, size: 13 };
const NOTE = { italic: true, color: { argb: "FF595959" } };
const INPUT_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const FUNCTION_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
const TABLE_TOP = 2; // header rows 2–3, schools from row 4
const FIRST_SCHOOL_ROW = 4;
const LAST_SCHOOL_ROW = FIRST_SCHOOL_ROW + SCHOOLS.length - 1;
const TABLE_LAST_COLUMN = 3 + PROCEDURES.length * YEARS.length * 2;

/** What-if cells on «Функции». */
const PARAMETERS = {
  threshold: { row: 5, label: "Порог низкого результата, % (0–100)", value: 30, format: "0" },
  minParticipants: {
    row: 6,
    label: "Минимум участников (0 — учитываются все)",
    value: 0,
    format: "0",
  },
  edition: { row: 7, label: "Редакция правил (2020 или 2025)", value: 2020, format: "0" },
  quantile: {
    row: 8,
    label: "Группа ШНСУ: 0,25 — нижний квартиль, 0,2 — нижний квинтиль",
    value: 0.25,
    format: "0.00",
  },
};
const PARAMETER_COLUMN = 3;
const parameterRef = (key, sheet) =>
  sheet === FUNCTIONS_SHEET
    ? absolute(PARAMETERS[key].row, PARAMETER_COLUMN)
    : onSheet(FUNCTIONS_SHEET, absolute(PARAMETERS[key].row, PARAMETER_COLUMN));

function buildWorkbook(functions) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Школьный радар";
  workbook.lastModifiedBy = "Школьный радар";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const values = {
    [TABLE_SHEET]: new Sheet(TABLE_SHEET),
    [FUNCTIONS_SHEET]: new Sheet(FUNCTIONS_SHEET),
  };
  const functionsSheet = workbook.addWorksheet(FUNCTIONS_SHEET);
  const tableSheet = workbook.addWorksheet(TABLE_SHEET, {
    views: [{ state: "frozen", xSplit: 3, ySplit: 3 }],
  });
  const put = (sheet, row, column, value, style = {}) => {
    const cell = sheet.getCell(row, column);
    cell.value = value;
    Object.assign(cell, style);
    values[sheet.name].set(row, column, value);
    return cell;
  };
  /** A cell with a custom function call; its cached value is the function's result on the cells it names. */
  const call = (sheet, row, column, id, fn, args, style = {}) => {
    const result = evaluate(
      fn,
      args.map((arg) => arg.value)
    );
    const formula = `${storedName(id)}(${args.map((arg) => arg.ref).join(",")})`;
    const cell = sheet.getCell(row, column);
    if (Array.isArray(result)) {
      const ref = `${address(row, column)}:${address(row + result.length - 1, column + result[0].length - 1)}`;
      cell.value = { formula, result: result[0][0], shareType: "array", ref };
      result.forEach((cells, r) =>
        cells.forEach((value, c) => {
          if (r === 0 && c === 0) return;
          if (value !== "") sheet.getCell(row + r, column + c).value = value;
          Object.assign(sheet.getCell(row + r, column + c), style);
        })
      );
      dynamicArrays.push({ sheet: sheet.name, address: address(row, column) });
    } else {
      cell.value = { formula, result };
    }
    Object.assign(cell, style);
    values[sheet.name].set(row, column, Array.isArray(result) ? result[0][0] : result);
    return result;
  };
  const cellArg = (sheetName, row, column, reference) => ({
    ref: reference ?? address(row, column),
    value: values[sheetName].get(row, column),
  });
  const rangeArg = (sheetName, top, left, bottom, right, reference) => ({
    ref: reference,
    value: values[sheetName].range(top, left, bottom, right),
  });
  const dynamicArrays = [];
  const context = { put, call, cellArg, rangeArg, values, functions };

  writeTable(tableSheet, context);
  writeFunctionsSheet(functionsSheet, context);
  writeSpills(tableSheet, context);
  return { workbook, dynamicArrays };
}

function writeTable(sheet, { put }) {
  put(sheet, 1, 1, `Результаты ВПР и ОГЭ, ${YEARS[1]}–${YEARS[0]} (данные вымышлены)`, {
    font: TITLE,
  });
  ["АТЕ", "Наименование ОО", "Логин ОО"].forEach((text, index) => {
    sheet.mergeCells(TABLE_TOP, index + 1, TABLE_TOP + 1, index + 1);
    put(sheet, TABLE_TOP, index + 1, text);
  });
  let column = 4;
  for (const procedure of PROCEDURES) {
    for (const year of YEARS) {
      sheet.mergeCells(TABLE_TOP, column, TABLE_TOP, column + 1);
      put(sheet, TABLE_TOP, column, `${procedure} ${year}`);
      put(sheet, TABLE_TOP + 1, column, "% «2»");
      put(sheet, TABLE_TOP + 1, column + 1, "Число участников");
      column += 2;
    }
  }
  for (const row of [TABLE_TOP, TABLE_TOP + 1]) {
    sheet.getRow(row).font = BOLD;
    sheet.getRow(row).alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  }
  SCHOOLS.forEach((school, index) => {
    const row = FIRST_SCHOOL_ROW + index;
    put(sheet, row, 1, MUNICIPALITY);
    put(sheet, row, 2, school.name);
    put(sheet, row, 3, school.login);
    let at = 4;
    for (const procedure of PROCEDURES) {
      for (const [failing, participants] of school.results[procedure]) {
        put(sheet, row, at, failing, typeof failing === "number" ? { numFmt: "0.0" } : {});
        put(sheet, row, at + 1, participants);
        at += 2;
      }
    }
  });
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 26;
  sheet.getColumn(3).width = 11;
  for (let c = 4; c <= TABLE_LAST_COLUMN; c++) sheet.getColumn(c).width = 10;
}

/** The table range given to SHNOR: both header rows and every school row. */
const TABLE_RANGE = `$A$${TABLE_TOP}:$${columnLetters(TABLE_LAST_COLUMN)}$${LAST_SCHOOL_ROW}`;

function tableArgs(rangeArg, sheetName) {
  const reference = sheetName === TABLE_SHEET ? TABLE_RANGE : onSheet(TABLE_SHEET, TABLE_RANGE);
  return rangeArg(TABLE_SHEET, TABLE_TOP, 1, LAST_SCHOOL_ROW, TABLE_LAST_COLUMN, reference);
}

/** A what-if cell as an argument, referenced from `sheetName`. */
function parameterArg(cellArg, key, sheetName = FUNCTIONS_SHEET) {
  return cellArg(
    FUNCTIONS_SHEET,
    PARAMETERS[key].row,
    PARAMETER_COLUMN,
    parameterRef(key, sheetName)
  );
}

function optionArgs(cellArg, sheetName) {
  return ["edition", "threshold", "minParticipants"].map((key) =>
    parameterArg(cellArg, key, sheetName)
  );
}

/** ШНОР and its reasons beside the table, one per row of the range: empty on the two header rows. */
function writeSpills(sheet, { put, call, cellArg, rangeArg, functions }) {
  const statusColumn = TABLE_LAST_COLUMN + 2;
  const reasonColumn = statusColumn + 1;
  put(sheet, 1, statusColumn, "ШНОР (EDU.ШНОР)", { font: BOLD });
  put(sheet, 1, reasonColumn, "Обоснование (EDU.ШНОР.ОБОСНОВАНИЕ) — параметры на листе «Функции»", {
    font: BOLD,
  });
  const args = [tableArgs(rangeArg, TABLE_SHEET), ...optionArgs(cellArg, TABLE_SHEET)];
  call(sheet, TABLE_TOP, statusColumn, "SHNOR", functions.shnor, args, { fill: FUNCTION_FILL });
  call(sheet, TABLE_TOP, reasonColumn, "SHNOR.REASON", functions.shnorReason, args, {
    alignment: { wrapText: true, vertical: "top" },
  });
  sheet.getColumn(statusColumn).width = 20;
  sheet.getColumn(reasonColumn).width = 90;
}

function writeFunctionsSheet(sheet, { put, call, cellArg, rangeArg, values, functions }) {
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 28;
  for (const column of [3, 4, 5, 6, 7, 8, 9, 10]) sheet.getColumn(column).width = 14;
  sheet.getColumn(11).width = 60;

  put(sheet, 1, 1, "Школьный радар — функции листа EDU (пример, данные вымышлены)", {
    font: TITLE,
  });
  put(
    sheet,
    2,
    1,
    "Функции считают, когда загружена надстройка «Школьный радар» (Главная → Школьный радар); без неё видны значения, " +
      "сохранённые при создании файла. В русском Excel функции называются EDU.НИЗКИЙРЕЗУЛЬТАТ, EDU.ИСБШ, EDU.ШНСУ, " +
      "EDU.ШНСУ.ПОРОГ, EDU.ШНОР, EDU.ШНОР.ОБОСНОВАНИЕ, EDU.ШНОР.МЕТОДИКА, EDU.КОНТЕКСТ.ОТКЛОНЕНИЕ; в английском — " +
      "EDU.LOWRESULT, EDU.ISBSH, EDU.SHNSU, EDU.SHNSU.THRESHOLD, EDU.SHNOR, EDU.SHNOR.REASON, EDU.SHNOR.METHOD, EDU.CONTEXT.RESIDUAL.",
    { font: NOTE, alignment: { wrapText: true, vertical: "top" } }
  );
  sheet.mergeCells(2, 1, 2, 11);
  sheet.getRow(2).height = 48;

  put(sheet, 4, 1, "Параметры «что, если» — меняйте жёлтые ячейки", { font: BOLD });
  for (const parameter of Object.values(PARAMETERS)) {
    put(sheet, parameter.row, 1, parameter.label);
    put(sheet, parameter.row, PARAMETER_COLUMN, parameter.value, {
      fill: INPUT_FILL,
      numFmt: parameter.format,
    });
  }

  // 1. LOWRESULT
  let row = 10;
  put(
    sheet,
    row,
    1,
    "1. Низкий ли результат — EDU.НИЗКИЙРЕЗУЛЬТАТ (EDU.LOWRESULT); проценты в пунктах 0–100",
    { font: BOLD }
  );
  row += 1;
  ["Результат", "% «2»", "Участников", "Низкий?", "Формула"].forEach((text, index) =>
    put(sheet, row, [1, 2, 3, 4, 11][index], text, { font: BOLD })
  );
  const lowResults = [
    ["ВПР МА 5, СОШ № 1", 34.5, 58],
    ["ВПР МА 5, СОШ № 3 (порог 25 — низкий)", 28.6, 49],
    ["ОГЭ МА, СОШ № 4: ровно 30 % — низкий (≥)", 30, 40],
    ["ВПР МА 5, Луговская ООШ: 9 участников", 44.4, 9],
    ["ЕГЭ РУ без числа участников", 31, null],
  ];
  for (const [label, percent, participants] of lowResults) {
    row += 1;
    put(sheet, row, 1, label);
    put(sheet, row, 2, percent, { numFmt: "0.0" });
    if (participants !== null) put(sheet, row, 3, participants);
    const args = [cellArg(FUNCTIONS_SHEET, row, 2), parameterArg(cellArg, "threshold")];
    if (participants !== null) {
      args.push(cellArg(FUNCTIONS_SHEET, row, 3), parameterArg(cellArg, "minParticipants"));
    }
    call(sheet, row, 4, "LOWRESULT", functions.lowResult, args, { fill: FUNCTION_FILL });
    put(
      sheet,
      row,
      11,
      russianCall(
        "LOWRESULT",
        args.map((arg) => arg.ref)
      ),
      { font: NOTE }
    );
  }

  // 2. ИСБШ, ШНСУ and the context residual
  row += 2;
  put(
    sheet,
    row,
    1,
    "2. ИСБШ, ШНСУ и результаты с учётом контекста — EDU.ИСБШ, EDU.ШНСУ, EDU.ШНСУ.ПОРОГ, EDU.КОНТЕКСТ.ОТКЛОНЕНИЕ",
    {
      font: BOLD,
    }
  );
  row += 1;
  const headerRow = row;
  [
    "ОО",
    "Логин",
    "Обучающихся",
    "Оба родителя с высшим",
    "Неполные семьи",
    "На учёте",
    "ИСБШ (0–100)",
    "ШНСУ",
    "Индекс результатов",
    "Отклонение от ожидаемого",
  ].forEach((text, index) =>
    put(sheet, row, index + 1, text, { font: BOLD, alignment: { wrapText: true } })
  );
  sheet.getRow(headerRow).height = 30;
  const first = headerRow + 1;
  const last = first + SCHOOLS.length - 1;
  const isbshRange = `$G$${first}:$G$${last}`;
  const resultsRange = `$I$${first}:$I$${last}`;
  SCHOOLS.forEach((school, index) => {
    const at = first + index;
    put(sheet, at, 1, school.name);
    put(sheet, at, 2, school.login);
    school.passport.forEach((count, offset) => put(sheet, at, 3 + offset, count));
    call(
      sheet,
      at,
      7,
      "ISBSH",
      functions.isbsh,
      [
        cellArg(FUNCTIONS_SHEET, at, 4),
        cellArg(FUNCTIONS_SHEET, at, 5),
        cellArg(FUNCTIONS_SHEET, at, 6),
        cellArg(FUNCTIONS_SHEET, at, 3),
      ],
      { numFmt: "0.0", fill: FUNCTION_FILL }
    );
  });
  SCHOOLS.forEach((school, index) => {
    const at = first + index;
    call(
      sheet,
      at,
      8,
      "SHNSU",
      functions.shnsu,
      [
        cellArg(FUNCTIONS_SHEET, at, 7),
        rangeArg(FUNCTIONS_SHEET, first, 7, last, 7, isbshRange),
        parameterArg(cellArg, "quantile"),
      ],
      { fill: FUNCTION_FILL }
    );
    // Results index of the reference year: mean of (100 − % «2») over the four procedures, a plain Excel formula.
    const tableRow = FIRST_SCHOOL_ROW + index;
    const failingCells = PROCEDURES.map((_, p) =>
      onSheet(TABLE_SHEET, address(tableRow, 4 + p * YEARS.length * 2))
    );
    const numbers = failingCells
      .map((_, p) => SCHOOLS[index].results[PROCEDURES[p]][0][0])
      .filter((value) => typeof value === "number");
    const resultsIndex =
      numbers.length === 0
        ? ""
        : 100 - numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
    const cell = sheet.getCell(at, 9);
    cell.value = {
      formula: `IFERROR(100-AVERAGE(${failingCells.join(",")}),"")`,
      result: resultsIndex,
    };
    cell.numFmt = "0.0";
    values[FUNCTIONS_SHEET].set(at, 9, resultsIndex);
  });
  call(
    sheet,
    first,
    10,
    "CONTEXT.RESIDUAL",
    functions.contextResidual,
    [
      rangeArg(FUNCTIONS_SHEET, first, 9, last, 9, resultsRange),
      rangeArg(FUNCTIONS_SHEET, first, 7, last, 7, isbshRange),
    ],
    { numFmt: "0.0;-0.0", fill: FUNCTION_FILL }
  );
  put(
    sheet,
    first,
    11,
    russianCall("ISBSH", ["D" + first, "E" + first, "F" + first, "C" + first]),
    { font: NOTE }
  );
  put(
    sheet,
    first + 1,
    11,
    russianCall("SHNSU", [`G${first}`, isbshRange, parameterRef("quantile", FUNCTIONS_SHEET)]),
    { font: NOTE }
  );
  put(sheet, first + 2, 11, russianCall("CONTEXT.RESIDUAL", [resultsRange, isbshRange]), {
    font: NOTE,
  });
  put(
    sheet,
    first + 3,
    11,
    "Индекс результатов = 100 − средний % «2» по четырём процедурам последнего года (обычная формула Excel).",
    {
      font: NOTE,
    }
  );

  row = last + 1;
  put(sheet, row, 6, "Порог ШНСУ:", { font: BOLD });
  call(
    sheet,
    row,
    7,
    "SHNSU.THRESHOLD",
    functions.shnsuThreshold,
    [rangeArg(FUNCTIONS_SHEET, first, 7, last, 7, isbshRange), parameterArg(cellArg, "quantile")],
    { numFmt: "0.00", fill: FUNCTION_FILL }
  );
  put(
    sheet,
    row,
    11,
    russianCall("SHNSU.THRESHOLD", [isbshRange, parameterRef("quantile", FUNCTIONS_SHEET)]),
    { font: NOTE }
  );

  row += 2;
  // One ISBSH-from-shares example: the three shares in C–E, the call in G, its Russian form in K.
  const isbshSharesRow = (label, shares, style) => {
    put(sheet, row, 1, label);
    shares.forEach((share, index) => put(sheet, row, 3 + index, share));
    const columns = ["C", "D", "E"];
    const args = columns.map((letter, index) =>
      cellArg(FUNCTIONS_SHEET, row, 3 + index, `${letter}${row}`)
    );
    call(sheet, row, 7, "ISBSH", functions.isbsh, args, style);
    const russian = russianCall(
      "ISBSH",
      columns.map((letter) => `${letter}${row}`)
    );
    put(sheet, row, 11, russian, { font: NOTE });
  };
  isbshSharesRow("ИСБШ по долям (0–1) вместо количеств", [0.3, 0.36, 0.04], {
    numFmt: "0.0",
    fill: FUNCTION_FILL,
  });
  row += 1;
  isbshSharesRow("Доля больше 1 — ошибка #ЗНАЧ! с пояснением", [0.3, 1.2, 0.04], {
    fill: FUNCTION_FILL,
  });

  // 3. ШНОР
  row += 2;
  put(
    sheet,
    row,
    1,
    "3. ШНОР по таблице — EDU.ШНОР, EDU.ШНОР.ОБОСНОВАНИЕ (на листе «Таблица», справа), EDU.ШНОР.МЕТОДИКА",
    { font: BOLD }
  );
  row += 1;
  put(sheet, row, 1, "Методика с этими параметрами:");
  call(
    sheet,
    row,
    2,
    "SHNOR.METHOD",
    functions.shnorMethod,
    [tableArgs(rangeArg, FUNCTIONS_SHEET), ...optionArgs(cellArg, FUNCTIONS_SHEET)],
    {
      alignment: { wrapText: true, vertical: "top" },
      fill: FUNCTION_FILL,
    }
  );
  sheet.mergeCells(row, 2, row, 10);
  sheet.getRow(row).height = 110;
  row += 1;
  put(
    sheet,
    row,
    2,
    russianCall("SHNOR", [
      onSheet(TABLE_SHEET, TABLE_RANGE),
      ...optionArgs(cellArg, FUNCTIONS_SHEET).map((arg) => arg.ref),
    ]) + " — один статус на каждую строку диапазона (в строках шапки пусто).",
    { font: NOTE }
  );
  row += 1;
  put(
    sheet,
    row,
    2,
    "Попробуйте: порог 25 — добавится СОШ № 3; порог 20 — СОШ № 8; редакция 2025 — СОШ № 4 выйдет из списка; " +
      "минимум участников 10 — Луговская ООШ станет «недостаточно данных» (её низкие результаты — в классах меньше 10); 0,2 вместо 0,25 — ШНСУ станет меньше.",
    { font: NOTE }
  );
}

// ---------------------------------------------------------------------------------------------
// Packaging: dynamic array marks and fixed dates.

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ' +
  'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" ' +
  'coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst>' +
  '<ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>' +
  '</ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/** Marks the anchors of SHNOR and SHNOR.REASON as dynamic arrays, as Excel saves a spilling formula. */
async function withDynamicArrays(zip, dynamicArrays, sheetFiles) {
  for (const [sheetName, file] of Object.entries(sheetFiles)) {
    let xml = await zip.file(file).async("string");
    for (const anchor of dynamicArrays.filter((entry) => entry.sheet === sheetName)) {
      const marked = xml.replace(`<c r="${anchor.address}" `, `<c r="${anchor.address}" cm="1" `);
      if (marked === xml) throw new Error(`no cell ${anchor.address} on ${sheetName}`);
      xml = marked;
    }
    zip.file(file, xml);
  }
  zip.file("xl/metadata.xml", METADATA_XML);
  const types = await zip.file("[Content_Types].xml").async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'
    )
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels").async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>'
    )
  );
}

/**
 * Excel recalculates a whole workbook on opening when the file's calcId is older than its own, which
 * without the add-in would replace every cached value of a custom function with #NAME?. ExcelJS writes
 * Excel 2016's calcId; stamp the current one (Excel 2019 and Microsoft 365 write 191029).
 */
async function withCurrentCalcId(zip) {
  const workbook = await zip.file("xl/workbook.xml").async("string");
  const stamped = workbook.replace(/<calcPr calcId="\d+"\/>/, '<calcPr calcId="191029"/>');
  if (stamped === workbook) throw new Error("no <calcPr calcId> in xl/workbook.xml");
  zip.file("xl/workbook.xml", stamped);
}

/** The worksheet part of each sheet, from the workbook's relationships. */
async function sheetFilesOf(zip) {
  const workbook = await zip.file("xl/workbook.xml").async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels").async("string");
  const files = {};
  for (const match of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${match[2]}"[^>]*Target="([^"]+)"`).exec(rels)[1];
    files[match[1]] = `xl/${target.replace(/^\/?xl\//, "")}`;
  }
  return files;
}

/** ExcelJS stamps every zip entry with the current time; re-pack with one fixed date. */
async function repacked(zip) {
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
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

/** The sample's bytes, computed with the given worksheet functions (src/functions/functions.ts). */
async function functionsSampleBytes(functions = require(FUNCTIONS_MODULE)) {
  const { workbook, dynamicArrays } = buildWorkbook(functions);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  await withDynamicArrays(zip, dynamicArrays, await sheetFilesOf(zip));
  await withCurrentCalcId(zip);
  return repacked(zip);
}

// ---------------------------------------------------------------------------------------------
// Run from the command line: load the TypeScript functions without a build step.

/** Lets require() load the TypeScript sources, transpiled file by file (they are isolatedModules-safe). */
function registerTypeScript() {
  const ts = require("typescript");
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
    });
    module._compile(outputText, filename);
  };
}

/**
 * Excel's CustomFunctions global exists only inside Excel. The functions use two members of it to report
 * bad input; this gives them the same shape (code, message), so an error becomes the cell's error value.
 */
function provideCustomFunctionsErrors() {
  if (globalThis.CustomFunctions) return;
  class CustomFunctionsError {
    constructor(code, message) {
      this.code = code;
      if (message !== undefined) this.message = message;
    }
  }
  globalThis.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}

async function main() {
  registerTypeScript();
  provideCustomFunctionsErrors();
  const output = process.argv[2] || DEFAULT_OUTPUT;
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, await functionsSampleBytes());
  process.stdout.write(`Пример функций записан: ${path.relative(process.cwd(), output)}\n`);
}

module.exports = { functionsSampleBytes, storedName, SCHOOLS, TABLE_SHEET, FUNCTIONS_SHEET };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exitCode = 1;
  });
}
