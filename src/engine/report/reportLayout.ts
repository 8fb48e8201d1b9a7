import type { RowTone, SheetLayout } from "../sheetLayout";
import type { AnalyticalReport, ReportBlock } from "./analyticalReport";

export const REPORT_MARKER = "school-radar:report";

/**
 * Characters of the one text column: with Excel's and LibreOffice's default margins an A4 page in
 * portrait holds about 90 (test/cli/report.test.ts prints the sample's справка and counts its pages).
 */
export const REPORT_COLUMN_WIDTH = 96;

/** The sheet's text of a block: a list item keeps its number, a bullet its dash. */
function blockText(block: ReportBlock): string {
  if (block.kind === "item") return `${block.number}. ${block.text}`;
  if (block.kind === "bullet") return `– ${block.text}`;
  return block.text;
}

/**
 * «Аналитическая справка» as a sheet: one wide wrapped column, a paragraph a row, ready to print or
 * to copy into a document. Headings are shaded (the tone a host colours), so they stand out in print.
 */
export function reportLayout(report: AnalyticalReport): SheetLayout {
  const subject = report.subject.charAt(0).toLocaleUpperCase("ru") + report.subject.slice(1);
  return {
    name: "Аналитическая справка",
    marker: REPORT_MARKER,
    preamble: [report.title],
    header: [subject],
    body: report.blocks.map((block) => [blockText(block)]),
    columns: [{ width: REPORT_COLUMN_WIDTH, wrap: true }],
    rowTone: report.blocks.map((block): RowTone => (block.kind === "heading" ? "unknown" : null)),
  };
}

/** Markdown's own characters in running text, escaped so that a name or a «*» stays as written. */
function escaped(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

/** The same справка as Markdown (`--report`), for those who write the report in Word. */
export function reportMarkdown(report: AnalyticalReport): string {
  const lines: string[] = [`# ${escaped(report.title)}`, "", `**${escaped(report.subject)}**`];
  let previous: ReportBlock["kind"] | null = null;
  for (const block of report.blocks) {
    const inList = (block.kind === "item" || block.kind === "bullet") && previous === block.kind;
    if (!inList) lines.push("");
    if (block.kind === "heading") lines.push(`## ${escaped(block.text)}`);
    else if (block.kind === "item") lines.push(`${block.number}. ${escaped(block.text)}`);
    else if (block.kind === "bullet") lines.push(`- ${escaped(block.text)}`);
    else lines.push(escaped(block.text));
    previous = block.kind;
  }
  return `${lines.join("\n")}\n`;
}
