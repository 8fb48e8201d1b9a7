/**
 * Small .xlsx packages written by hand, part by part, in the styles of producers this machine cannot
 * run: Excel itself (shared strings with rich runs and phonetic guides, `mc:Ignorable`, `spans`,
 * `x14ac:dyDescent`, styled empty cells) and the Open XML SDK for .NET (every element with the `x:`
 * prefix, in every part), with rows and cells left without `r` as some writers leave them.
 */
import { writeFileSync } from "fs";
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;

/** Writes a workbook of one sheet from its worksheet, shared strings and styles parts. */
async function writePackage(
  file: string,
  prefix: "" | "x:",
  parts: { sheet: string; sharedStrings: string; styles: string }
): Promise<void> {
  const ns = prefix === "" ? `xmlns="${MAIN}"` : `xmlns:x="${MAIN}"`;
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    DECLARATION +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `</Types>`
  );
  zip.file(
    "_rels/.rels",
    DECLARATION +
      `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" ` +
      `Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    DECLARATION +
      `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId3" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    DECLARATION +
      `<${prefix}workbook ${ns} xmlns:r="${RELATIONSHIPS}"><${prefix}sheets>` +
      `<${prefix}sheet name="Выгрузка" sheetId="1" r:id="rId1"/></${prefix}sheets></${prefix}workbook>`
  );
  zip.file("xl/worksheets/sheet1.xml", DECLARATION + parts.sheet.replaceAll("NS", ns));
  zip.file("xl/sharedStrings.xml", DECLARATION + parts.sharedStrings.replaceAll("NS", ns));
  zip.file("xl/styles.xml", DECLARATION + parts.styles.replaceAll("NS", ns));
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Styles: 0 General, 1 a date, 2 a percentage, 3 a custom number format with `&quot;` in it. */
function styles(p: string): string {
  return (
    `<${p}styleSheet NS><${p}numFmts count="2"><${p}numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/>` +
    `<${p}numFmt numFmtId="165" formatCode="0.0&quot; балла&quot;"/></${p}numFmts>` +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border/></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="4"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<${p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<${p}xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<${p}xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `</${p}cellXfs></${p}styleSheet>`
  );
}

/** As Excel writes a sheet: shared strings (one of rich runs with a phonetic guide), formulas, errors. */
export async function writeExcelStyleWorkbook(file: string): Promise<void> {
  const sheet =
    `<worksheet NS xmlns:r="${RELATIONSHIPS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<dimension ref="A1:F5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>` +
    `<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
    `<c r="C1" t="s"><v>2</v></c><c r="D1" s="1"/><c r="E1" s="2"><v>0.125</v></c></row>` +
    `<row r="2" spans="1:6" ht="30" customHeight="1" x14ac:dyDescent="0.25"><c r="A2"><v>33.299999999999997</v></c>` +
    `<c r="B2" s="1"><v>45797</v></c><c r="C2" s="3"><v>4.5</v></c>` +
    `<c r="D2"><f>A2*2</f><v>66.599999999999994</v></c><c r="E2" t="str"><f>B1&amp;"!"</f><v>МБОУ &lt;СОШ&gt; &amp; "Ёлочка"!</v></c>` +
    `<c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
    `<row r="3" spans="1:6" x14ac:dyDescent="0.25"><c r="A3" t="b"><v>1</v></c><c r="B3"><f>A2+1</f></c>` +
    `<c r="C3" t="s"><v>3</v></c><c r="D3" t="e"><v>#N/A</v></c></row>` +
    `<row r="5" spans="1:6" x14ac:dyDescent="0.25"><c r="A5" t="s"><v>4</v></c></row>` +
    `</sheetData><mergeCells count="1"><mergeCell ref="A5:C6"/></mergeCells>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const sharedStrings =
    `<sst NS count="5" uniqueCount="5"><si><t>Наименование ОО</t></si>` +
    `<si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">ВПР </t></r>` +
    `<r><rPr><sz val="11"/></rPr><t>МА 5 «2»</t></r><rPh sb="0" eb="3"><t>ぶいぴーあーる</t></rPh>` +
    `<phoneticPr fontId="1"/></si><si><t xml:space="preserve">  пробелы &amp; «ёлочки»  </t></si>` +
    `<si><t>эмодзи 😀 и &#x1D11E;</t></si><si><t>объединено</t></si></sst>`;
  await writePackage(file, "", { sheet, sharedStrings, styles: styles("") });
}

/**
 * As the Open XML SDK for .NET writes with its default `x:` prefix: every part prefixed; inline and
 * shared strings; a row without `r` (numbered after the row before it) and cells without `r` (placed
 * after the cell before them).
 */
export async function writeDotNetStyleWorkbook(file: string): Promise<void> {
  const sheet =
    `<x:worksheet NS><x:sheetData>` +
    `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Логин ОО</x:t></x:is></x:c>` +
    `<x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>` +
    `<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>МБОУ «СОШ № 1» &amp; филиал</x:t></x:is></x:c>` +
    `<x:c r="B2" t="inlineStr"><x:is><x:t>sch900001</x:t></x:is></x:c><x:c r="C2" s="2"><x:v>0.333</x:v></x:c>` +
    `<x:c r="D2" s="1"><x:v>45797.5625</x:v></x:c></x:row>` +
    `<x:row><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> без номера </x:t></x:is></x:c>` +
    `<x:c><x:v>12</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>` +
    `<x:row r="7"><x:c r="B7" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c><x:v>-1.5E-3</x:v></x:c></x:row>` +
    `</x:sheetData></x:worksheet>`;
  const sharedStrings =
    `<x:sst NS><x:si><x:t>Наименование ОО</x:t></x:si>` +
    `<x:si><x:r><x:t>% </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>«2»</x:t></x:r></x:si></x:sst>`;
  await writePackage(file, "x:", { sheet, sharedStrings, styles: styles("x:") });
}
