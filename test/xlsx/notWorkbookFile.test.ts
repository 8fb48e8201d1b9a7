import { readFileSync } from "fs";
import path from "path";
import { strToU8, zipSync } from "fflate";
import { rejectNotWorkbookFile } from "../../src/xlsx/notWorkbookFile";
import { WorkbookFileError } from "../../src/xlsx/workbookFileError";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");

/** The message the file gets, or null when it may be a workbook. */
function verdict(bytes: Uint8Array): string | null {
  try {
    rejectNotWorkbookFile(bytes, "«файл»");
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).problem).toBe("not_xlsx");
    return (error as Error).message;
  }
}

describe("a file given as a workbook", () => {
  it("lets a real workbook through", () => {
    expect(verdict(new Uint8Array(readFileSync(SAMPLE)))).toBeNull();
  });

  it.each([
    ["0 bytes", new Uint8Array(0), "пуст (0 байт)"],
    ["a CSV", strToU8("Логин;ОО\nsch1;Школа\n"), "— текст с разделителями (CSV), а не книга Excel"],
    ["plain text", strToU8("Итоги ВПР\nпо школам\n"), "— текстовый файл, а не книга Excel"],
    [
      "an HTML table named .xls",
      strToU8("<html><body><table><tr><td>1</td></tr></table>"),
      "— веб-страница (HTML)",
    ],
    [
      "a Word document",
      zipSync({ "word/document.xml": strToU8("<w:document/>") }),
      "— это документ Word, а не книга Excel",
    ],
    [
      "a presentation",
      zipSync({ "ppt/presentation.xml": strToU8("<p/>") }),
      "— это презентация PowerPoint",
    ],
    [
      "a zip of other files",
      zipSync({ "выгрузка/readme.txt": strToU8("x") }),
      "— архив ZIP, а не книга Excel",
    ],
    [
      "a PDF report",
      strToU8("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
      "— документ PDF, а не книга Excel",
    ],
    [
      "binary data",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "не является книгой Excel (.xlsx)",
    ],
  ])("says what %s is and what to do, in Russian", (_, bytes, said) => {
    const message = verdict(bytes)!;
    expect(message.startsWith("Файл «файл» ")).toBe(true);
    expect(message).toContain(said);
    // What to do, in the user's words: no English but the names of formats and programs.
    expect(message).toMatch(/Откройте|[Вв]ыберите|распакуйте|Возьмите/);
    expect(message.replace(/\b(Excel|CSV|HTML|PDF|Word|PowerPoint|ZIP|xlsx)\b/g, "")).not.toMatch(
      /[A-Za-z]{2,}/
    );
  });

  it("says a workbook cut short is damaged, not what a zip library says", () => {
    const whole = readFileSync(SAMPLE);
    const message = verdict(new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2))))!;
    expect(message).toMatch(
      /^Файл «файл» повреждён: архив, из которого состоит книга Excel, оборван/
    );
  });
});
