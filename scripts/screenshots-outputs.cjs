#!/usr/bin/env node
// `npm run screenshots:outputs`: the main output sheets of the sample's result as they print, one PNG
// per page in docs/screenshots/ (result-<sheet>-p<page>.png), rewritten on demand rather than by every
// test run. The built command line writes the result (`analyze --out`), each sheet is printed alone
// by LibreOffice (a copy with only that sheet: scripts/printed-pages.cjs) and the PDF's pages are
// rendered by poppler's pdftoppm. Needs `soffice` and `pdftoppm` (scripts/setup.sh installs both) and
// the Carlito font, which LibreOffice draws Calibri with (fonts-crosextra-carlito).
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { keepSheets, pdfPageCount } = require("./printed-pages.cjs");

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "school-radar-sample.xlsx");
const OUT = path.join(ROOT, "docs", "screenshots");
/** The sheets shown and their pages (1-based; "last": the page a chart prints on). */
const SHEETS = [
  { sheet: "ШНОР", slug: "shnor", pages: "all" },
  { sheet: "Сводка показателей", slug: "summary", pages: [1, "last"] },
  { sheet: "Результаты и контекст", slug: "context", pages: [1, "last"] },
  { sheet: "Предупреждения", slug: "warnings", pages: [1] },
];
/** Dots per inch of the PNGs: an A4 page 930 pixels wide, its text still legible. */
const RESOLUTION = 80;

function run(command, args) {
  return execFileSync(command, args, { stdio: "pipe", timeout: 180_000 });
}

function requireTools() {
  for (const tool of ["soffice", "pdftoppm"]) {
    try {
      run("sh", ["-c", `command -v ${tool}`]);
    } catch {
      console.error(`screenshots: ${tool} is missing; run scripts/setup.sh as root`);
      process.exit(1);
    }
  }
}

/** The pages to render of a PDF of `count` pages. */
function pagesOf(pages, count) {
  const wanted =
    pages === "all"
      ? Array.from({ length: count }, (_, index) => index + 1)
      : pages.map((page) => (page === "last" ? count : page));
  return [...new Set(wanted)].filter((page) => page >= 1 && page <= count);
}

function main() {
  requireTools();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "school-radar-screenshots-"));
  try {
    const result = path.join(work, "result.xlsx");
    run(process.execPath, [
      path.join(ROOT, "bin", "school-radar.js"),
      "analyze",
      SAMPLE,
      "--out",
      result,
    ]);
    // Pages of an earlier run that this one may no longer have.
    for (const name of fs.readdirSync(OUT))
      if (/^result-[a-z]+-p\d+\.png$/.test(name)) fs.rmSync(path.join(OUT, name));
    for (const { sheet, slug, pages } of SHEETS) {
      const copy = path.join(work, `${slug}.xlsx`);
      fs.writeFileSync(copy, keepSheets(fs.readFileSync(result), [sheet]));
      // A profile of the run's own: a shared one makes concurrent LibreOffice runs wait.
      const profile = `-env:UserInstallation=file://${path.join(work, "profile")}`;
      run("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", work, copy]);
      const pdf = path.join(work, `${slug}.pdf`);
      for (const page of pagesOf(pages, pdfPageCount(fs.readFileSync(pdf)))) {
        const prefix = path.join(work, `${slug}-${page}`);
        const range = ["-f", `${page}`, "-l", `${page}`];
        run("pdftoppm", ["-png", "-r", `${RESOLUTION}`, ...range, "-singlefile", pdf, prefix]);
        const target = path.join(OUT, `result-${slug}-p${page}.png`);
        fs.copyFileSync(`${prefix}.png`, target);
        console.log(`screenshots: ${path.relative(ROOT, target)} («${sheet}», page ${page})`);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
