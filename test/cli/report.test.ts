import { readFileSync, writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { analyzeWorkbook, isEngineError, REPORT_MARKER } from "../../src/engine";
import { readWorkbookSheets, writeWorkbookWithOutputs } from "../../src/xlsx";
import { sheetInput } from "../../src/cli/analysisInputs";
import { convertWithLibreOffice } from "../fixtures/libreOffice";
import { temporaryFolder } from "../xlsx/workbookFiles";
import { runCli } from "./runCli";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
const NBSP = "\u00a0";
const folder = temporaryFolder();
const file = (name: string) => path.join(folder.dir, name);
afterAll(folder.remove);

describe("analyze --report <справка.md>", () => {
  it("writes the sample's справка as Markdown: the method, the indicators, the lists and the reconciliation", async () => {
    const report = file("справка.md");
    const run = await runCli("analyze", SAMPLE, "--report", report);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith(`Аналитическая справка записана: ${report}\n`)).toBe(true);
    const text = readFileSync(report, "utf8");
    expect(
      text.startsWith(
        "# Аналитическая справка\n\n**о выявлении школ с низкими образовательными результатами (ШНОР), "
      )
    ).toBe(true);
    expect(text.match(/^## .*$/gm)).toEqual([
      "## 1. Методика",
      "## 2. Показатели",
      "## 3. Школы с низкими образовательными результатами (ШНОР)",
      "## 4. Школы, функционирующие в неблагоприятных социальных условиях (ШНСУ)",
      "## 5. Школы группы риска (ШГР)",
      "## 6. Изменения в перечне ШНОР",
      "## 7. Сверка с официальным списком",
    ]);
    expect(text).toContain(
      `\n- доля ШНОР — 26,1${NBSP}% (12 из 46 — от школ таблицы результатов), что выше целевого показателя (не более 15${NBSP}%);\n`
    );
    expect(text).toContain(
      "выявлено 12 общеобразовательных организаций, в которых зафиксированы низкие образовательные результаты обучающихся:\n\n" +
        `1. МБОУ «СОШ №${NBSP}11» — критерий 1: 2024/2025 — ВПР МА 5 (50${NBSP}%), ЕГЭ РУ (38,7${NBSP}%);\n`
    );
    // The small groups are starred (escaped in Markdown) and the star explained once.
    expect(text).toContain(`ЕГЭ МА база (66,7${NBSP}%\\*)`);
    expect(text).toContain("\\* Результат группы менее 10 участников");
    expect(text).toContain("К ШНСУ отнесены 11 школ (нижний квартиль, ИСБШ не выше 79,32): ");
    expect(text).toContain(
      "К ШГР отнесены 16 школ (выявлены факторы риска, школа не входит в ШНОР;"
    );
    expect(text).toContain(
      "Перечень ШНОР сверен с официальным списком (лист «Список ШНОР региона», 12 школ): совпадают 11 школ; " +
        "только в нашем перечне — 1; только в официальном списке — 1.\n\n" +
        `- МБОУ «Озёрная ООШ» — только в нашем перечне: критерии 1 и 2: `
    );
    expect(text).toContain(
      `\n- МБОУ «СОШ №${NBSP}19» — только в официальном списке: по нашим данным критерии не выполнены: ` +
        `2024/2025 — низких результатов нет; 2023/2024 — ЕГЭ МА профиль (50${NBSP}%);\n`
    );
    expect(text).toContain(
      `\n- Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №${NBSP}21» — ` +
        `сопоставлена с МБОУ «СОШ №${NBSP}21» по наименованию, записанному иначе: проверьте.\n`
    );
  });

  it("refuses an existing file without --force, before reading anything, and replaces it with --force", async () => {
    const report = file("есть.md");
    writeFileSync(report, "старая справка");
    const refused = await runCli("analyze", SAMPLE, "--report", report);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `school-radar: Файл справки «${report}» уже существует и без --force не перезаписывается. ` +
        "Укажите в --report другой файл или добавьте --force, чтобы заменить этот.\n",
    });
    expect(readFileSync(report, "utf8")).toBe("старая справка");
    const forced = await runCli("analyze", SAMPLE, "--json", "--report", report, "--force");
    expect(forced.code).toBe(0);
    // stdout carries the JSON alone; where the справка went is said on stderr.
    expect(JSON.parse(forced.stdout).reconciliation.onlyOurs).toEqual(["sch840302"]);
    expect(forced.stderr).toBe(`Аналитическая справка записана: ${report}\n`);
    expect(readFileSync(report, "utf8").startsWith("# Аналитическая справка")).toBe(true);
  });

  it.each([
    [
      ["--report", "справка.docx"],
      "Файл справки (--report) должен иметь расширение .md: «справка.docx»",
    ],
    [
      ["--force"],
      "Параметр --force разрешает заменить существующий файл результата или справки и действует только вместе с --out <результат.xlsx> или --report <справка.md>",
    ],
  ])("%j is refused", async (options, message) => {
    expect(await runCli("analyze", SAMPLE, ...options)).toEqual({
      code: 2,
      stdout: "",
      stderr: `school-radar: ${message}\n`,
    });
  });
});

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree nodes). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe("the sample's «Аналитическая справка» printed by LibreOffice", () => {
  it("takes at most two A4 pages", async () => {
    const sheets = await readWorkbookSheets(SAMPLE);
    const analysis = analyzeWorkbook(sheets.map(sheetInput));
    if (isEngineError(analysis)) throw new Error(analysis.message);
    const layout = analysis.layouts.find((candidate) => candidate.marker === REPORT_MARKER)!;
    // The справка alone, as the --out writer writes it (row heights, page setup), beside an empty sheet.
    const empty = file("пустая.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Лист1");
    await workbook.xlsx.writeFile(empty);
    const printed = file("справка.xlsx");
    await writeWorkbookWithOutputs(empty, [layout], printed);
    const pdf = convertWithLibreOffice(printed, "pdf", path.join(folder.dir, "pdf"), folder.dir);
    const pages = pdfPages(readFileSync(pdf));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  }, 180_000);
});
