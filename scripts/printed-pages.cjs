// What a printed result looks like, for the tests (test/cli/printedPages.test.ts) and the screenshots
// of docs/screenshots/ (scripts/screenshots-outputs.cjs): a copy of a workbook that holds only some
// of its sheets (LibreOffice prints hidden sheets too, so they are left out, not hidden), and the
// number of pages of a PDF without pdfinfo, which a test machine may lack.
"use strict";
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");

/**
 * `bytes` (an .xlsx) with only the sheets named `names` in its workbook.xml: the other sheets' tabs,
 * their sheet-scoped names and the names that refer to them are left out (their parts stay, unused),
 * the scoped names of the kept sheets renumbered, and the first kept sheet active.
 */
function keepSheets(bytes, names) {
  const parts = unzipSync(bytes);
  let workbook = strFromU8(parts["xl/workbook.xml"]);
  const unescape = (text) =>
    text
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  const kept = [];
  let index = 0;
  const newIndex = [];
  workbook = workbook.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    const name = unescape(/\bname="([^"]*)"/.exec(tag)[1]);
    const keep = names.includes(name);
    newIndex[index++] = keep ? kept.length : -1;
    if (!keep) return "";
    kept.push(name);
    return tag;
  });
  const missing = names.filter((name) => !kept.includes(name));
  if (missing.length > 0) throw new Error(`no sheet named ${missing.join(", ")}`);
  const refersToKept = (formula) =>
    [...unescape(formula).matchAll(/'((?:[^']|'')+)'!/g)].every(([, sheet]) =>
      kept.includes(sheet.replace(/''/g, "'"))
    );
  workbook = workbook.replace(
    /<definedName\b([^>]*)>([^<]*)<\/definedName>/g,
    (element, attributes, formula) => {
      const local = /localSheetId="(\d+)"/.exec(attributes);
      if (local === null) return refersToKept(formula) ? element : "";
      const moved = newIndex[Number(local[1])];
      return moved < 0 ? "" : element.replace(/localSheetId="\d+"/, `localSheetId="${moved}"`);
    }
  );
  workbook = workbook
    .replace(/activeTab="\d+"/, 'activeTab="0"')
    .replace(/firstSheet="\d+"/, 'firstSheet="0"');
  parts["xl/workbook.xml"] = strToU8(workbook);
  return zipSync(parts);
}

/** Pages of a PDF: its `/Type /Page` objects (not `/Pages`, the tree above them). */
function pdfPageCount(bytes) {
  const text = Buffer.from(bytes).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

/** Each page's size in points (its /MediaBox), in the order the objects come. */
function pdfPageSizes(bytes) {
  const text = Buffer.from(bytes).toString("latin1");
  return [...text.matchAll(/\/Type\s*\/Page(?![A-Za-z])[^]*?\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map(
    ([, box]) => {
      const [x0, y0, x1, y1] = box.trim().split(/\s+/).map(Number);
      return { width: x1 - x0, height: y1 - y0 };
    }
  );
}

module.exports = { keepSheets, pdfPageCount, pdfPageSizes };
