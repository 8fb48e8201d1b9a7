import { writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { decodeCsvBytes, detectSeparator, parseCsv } from "../../src/cli/csvFile";
import { temporaryFolder, writeResultsWorkbook } from "../xlsx/workbookFiles";
import { runCli } from "./runCli";

const folder = temporaryFolder();
const input = path.join(folder.dir, "выгрузка.xlsx");
const file = (name: string) => path.join(folder.dir, name);
beforeAll(() => writeResultsWorkbook(input));
afterAll(folder.remove);

/**
 * The region's list against the fixture (test/xlsx/workbookFiles.ts: sch900001 ШНОР by К1, sch900002
 * ШНОР by К2, sch900003 not, sch900004 no data): school 1 under its full name and without a login,
 * the gymnasium in doubled quotes, a school of another municipality whose name holds the separator;
 * school 2 is missing.
 */
const ROWS = [
  ["№", "Наименование ОО", "Логин ОО"],
  ["1", "Средняя общеобразовательная школа № 1", ""],
  ["2", 'МАОУ "Гимназия № 3"', "sch900003"],
  ["3", "МБОУ «ООШ д. Пустошь»", "sch900004"],
  ["4", "МБОУ «СОШ № 40»; филиал, корпус 2", "sch999999"],
];

const EXPECTED = {
  matched: ["sch900001"],
  onlyOurs: ["sch900002"],
  onlyOfficial: [
    { name: 'МАОУ "Гимназия № 3"', login: "sch900003", ours: "not_shnor" },
    { name: "МБОУ «ООШ д. Пустошь»", login: "sch900004", ours: "insufficient_data" },
    { name: "МБОУ «СОШ № 40»; филиал, корпус 2", login: "sch999999", ours: null },
  ],
  uncertain: ["sch900001"],
};

function csvText(separator: string, lineEnd: string): string {
  const field = (value: string) =>
    value.includes(separator) || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
  return ROWS.map((row) => row.map(field).join(separator)).join(lineEnd) + lineEnd;
}

/** Windows-1251 as Excel on a Russian system writes it: Cyrillic from 0xC0, Ё 0xA8, ё 0xB8, « 0xAB, » 0xBB, № 0xB9. */
function windows1251(text: string): Uint8Array {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, "«": 0xab, "»": 0xbb, "№": 0xb9 };
  return Uint8Array.from(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80) return code;
      if (special[char] !== undefined) return special[char]!;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no Windows-1251 byte for ${char}`);
    })
  );
}

const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

async function reconciliationWith(official: string) {
  const run = await runCli("analyze", input, "--json", "--official", official);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).reconciliation;
}

describe("--official: a CSV list, whatever program saved it", () => {
  it.each([
    [
      "«;», UTF-8 with a byte order mark, CRLF",
      "bom.csv",
      Buffer.from(`\ufeff${csvText(";", "\r\n")}`),
    ],
    ["«,», UTF-8 without a byte order mark", "comma.csv", Buffer.from(csvText(",", "\n"))],
    [
      "«;», Windows-1251 (Excel on a Russian system)",
      "cp1251.csv",
      windows1251(csvText(";", "\r\n")),
    ],
    ["tabs, UTF-16 (Excel's «Текст Юникод»)", "unicode.txt", utf16le(csvText("\t", "\r\n"))],
  ])("%s", async (_, name, bytes) => {
    writeFileSync(file(name), bytes);
    expect(await reconciliationWith(file(name))).toEqual(EXPECTED);
  });

  it("an .xlsx list gives the same", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Перечень");
    sheet.addRow(["Перечень ШНОР (ЦОКО)"]);
    for (const row of ROWS) sheet.addRow(row.map((value) => (value === "" ? null : value)));
    await workbook.xlsx.writeFile(file("список.xlsx"));
    expect(await reconciliationWith(file("список.xlsx"))).toEqual(EXPECTED);
  });
});

describe("the CSV reader", () => {
  it("keeps separators, line breaks and doubled quotes inside quoted fields", () => {
    const text =
      'Наименование;Логин\r\n"МБОУ ""СОШ № 1""; корпус\r\n2";sch1\r\n\r\nМБОУ «СОШ № 2»;sch2';
    expect(detectSeparator(text)).toBe(";");
    expect(parseCsv(text, ";")).toEqual([
      ["Наименование", "Логин"],
      ['МБОУ "СОШ № 1"; корпус\r\n2', "sch1"],
      [""],
      ["МБОУ «СОШ № 2»", "sch2"],
    ]);
  });

  it("reads a header without a separator as one column: the commas are part of the names", () => {
    const text = "Наименование ОО\nМБОУ «СОШ № 5», филиал\n";
    expect(detectSeparator(text)).toBeNull();
    expect(parseCsv(text, null)).toEqual([["Наименование ОО"], ["МБОУ «СОШ № 5», филиал"]]);
  });

  it("takes the separator of the header, not of the names below it", () => {
    expect(detectSeparator("Наименование;Логин\nА, Б, В;sch1\n")).toBe(";");
    expect(detectSeparator("\n\nНаименование,Логин\n")).toBe(",");
  });

  it("decodes by the byte order mark, else UTF-8 if valid, else Windows-1251", () => {
    expect(decodeCsvBytes(Buffer.from("\ufeffЛогин"))).toEqual({
      text: "Логин",
      encoding: "UTF-8",
    });
    expect(decodeCsvBytes(Buffer.from("Логин"))).toEqual({ text: "Логин", encoding: "UTF-8" });
    expect(decodeCsvBytes(windows1251("Логин «ёлка» №"))).toEqual({
      text: "Логин «ёлка» №",
      encoding: "Windows-1251",
    });
    expect(decodeCsvBytes(utf16le("Логин"))).toEqual({ text: "Логин", encoding: "UTF-16" });
  });
});

describe("--official in --json and in the terminal", () => {
  it("appends «reconciliation» as the report's last key, null without a list", async () => {
    const report = JSON.parse((await runCli("analyze", input, "--json")).stdout);
    expect(Object.keys(report).pop()).toBe("reconciliation");
    expect(report.reconciliation).toBeNull();
  });

  it("gives an ambiguous name the logins it fits, and never matches it", async () => {
    writeFileSync(file("ambiguous.csv"), "Наименование ОО\nМБОУ «СОШ № 1»\n");
    const twins = file("двойники.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Выгрузка");
    sheet.addRow([
      "Муниципалитет",
      "Наименование ОО",
      "Логин ОО",
      "ВПР МА 5 2025 % «2»",
      "ВПР РУ 5 2025 % «2»",
    ]);
    sheet.addRow(["Заречный МО", "МБОУ «СОШ № 1»", "sch900101", 40, 35]);
    sheet.addRow(["Приречный МО", "МБОУ «СОШ № 1»", "sch900201", 10, 5]);
    await workbook.xlsx.writeFile(twins);
    const run = await runCli("analyze", twins, "--json", "--official", file("ambiguous.csv"));
    expect(JSON.parse(run.stdout).reconciliation).toEqual({
      matched: [],
      onlyOurs: ["sch900101"],
      onlyOfficial: [
        { name: "МБОУ «СОШ № 1»", login: null, ours: null, ambiguous: ["sch900101", "sch900201"] },
      ],
      uncertain: [],
    });
  });

  it("prints the counts and each difference in the summary", async () => {
    writeFileSync(file("summary.csv"), `\ufeff${csvText(";", "\r\n")}`);
    const run = await runCli("analyze", input, "--official", file("summary.csv"));
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const at = lines.findIndex((line) => line.startsWith("Сверка со списком"));
    expect(lines.slice(at, at + 6)).toEqual([
      "Сверка со списком «[summary.csv]summary» (4 школы): совпадают 1, только у нас 1, только в списке 3",
      expect.stringMatching(/^ {2}только у нас: МБОУ «СОШ № 2» — К2: /),
      expect.stringMatching(
        /^ {2}только в списке: МАОУ "Гимназия № 3" — по нашим данным критерии не выполнены: /
      ),
      expect.stringMatching(/^ {2}только в списке: МБОУ «ООШ д\. Пустошь» — недостаточно данных: /),
      "  только в списке: МБОУ «СОШ № 40»; филиал, корпус 2 — школы нет в таблице",
      "  сопоставлено: Средняя общеобразовательная школа № 1 → МБОУ «СОШ № 1» (по наименованию, записанному иначе — проверьте)",
    ]);
  });
});
