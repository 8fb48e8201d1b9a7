/**
 * The standalone page at national scale (issue 19): dist/standalone.html served over http from
 * 127.0.0.1, so that it reads the workbook in its Web Worker (opened from disk, file://, it gets no
 * worker and reads on its own thread: src/standalone/readSheets.ts), in Debian's headless Chromium
 * driven by playwright-core. Timed: from the file set on the page's file input to the ШНОР result's
 * heading shown — the workbook opened, «Выявить ШНОР» pressed as soon as it can be, the analysis
 * done — a fresh page each run. The JS heap of the page and of its worker is sampled meanwhile
 * (standaloneHeap.ts).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { createServer } from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { chromium, type Browser } from "playwright-core";
import { timed, type Timed } from "./endToEnd";
import { writeNationalWorkbook } from "./nationalWorkbook";
import { HeapSampler, type HeapPeaks } from "./standaloneHeap";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "school-radar.js");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
/** What the production build of the pages is made from (webpack.config.js and what it reads). */
const PAGE_SOURCES = [
  "src",
  "assets",
  "docs/method.md",
  "scripts/webpack",
  "webpack.config.js",
  "package-lock.json",
];
/** A national workbook takes seconds to open and analyse; a busy shared machine, far longer. */
const STEP_LIMIT_MS = 300_000;

export interface StandaloneRun {
  /** From choosing the file to the ШНОР result shown. */
  seconds: number;
  /** From choosing the file to the workbook open on the page. */
  openSeconds: number;
  /** The ШНОР count in the result's heading. */
  flagged: number;
  heap: HeapPeaks;
}

export interface StandaloneFigures {
  runs: StandaloneRun[];
  /** Medians over the runs. */
  seconds: number;
  openSeconds: number;
  flagged: number;
  /** Peaks over the runs, MB; the longest waits for a sample, ms. */
  heap: {
    pageMb: number;
    workerMb: number;
    sumMb: number;
    arrayBuffersMb: number;
    pageWaitMs: number;
    workerWaitMs: number;
    /** Workers sampled per run (the page starts one to read the file). */
    workers: number;
  };
  /** Whether dist/ was used as it was or built first. */
  build: string;
}

export type StandaloneOutcome = { figures: StandaloneFigures } | { skipped: string };

const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/** The benchmark's national workbook (made once, deterministic, as section 2 makes it). */
export async function nationalInput(schools: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `school-radar-bench-${schools}`);
  const input = path.join(dir, `national-${schools}.xlsx`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(input)) await writeNationalWorkbook(input, schools);
  return input;
}

/** One `analyze --json` on the file, timed as section 2 times it; the report is left in `report`. */
export function cliJson(input: string, report: string): Timed {
  return timed("node", [BIN, "analyze", input, "--json"], report);
}

/** The schools with status «ШНОР» in an `--json` report. */
export function flaggedInReport(report: string): number {
  const { schools } = JSON.parse(readFileSync(report, "utf8")) as { schools: { status: string }[] };
  return schools.filter((school) => school.status === "shnor").length;
}

/**
 * The page on `file`, `runs` times, each after `beforeEach` (the command line's run, when the two
 * are interleaved). Skipped, with the reason, without Chromium or when the page shows no result.
 */
export async function standalonePage(
  file: string,
  runs: number,
  beforeEach: () => void = () => undefined
): Promise<StandaloneOutcome> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const build = pageBuild();
  const server = await serveFolder(DIST);
  const browser = await launchChromium();
  try {
    const measured: StandaloneRun[] = [];
    for (let run = 0; run < runs; run++) {
      beforeEach();
      measured.push(await openAndIdentify(browser, `${server.origin}/standalone.html`, file));
    }
    return { figures: summarize(measured, build) };
  } catch (error) {
    return { skipped: `the page showed no result: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    await browser.close();
    await server.close();
  }
}

function summarize(runs: StandaloneRun[], build: string): StandaloneFigures {
  const peak = (of: (heap: HeapPeaks) => number) => Math.max(...runs.map((run) => of(run.heap)));
  return {
    runs,
    seconds: median(runs.map((run) => run.seconds)),
    openSeconds: median(runs.map((run) => run.openSeconds)),
    flagged: median(runs.map((run) => run.flagged)),
    heap: {
      pageMb: peak((heap) => heap.page.peakMb),
      workerMb: peak((heap) => heap.worker.peakMb),
      sumMb: peak((heap) => heap.sumMb),
      arrayBuffersMb: peak((heap) => heap.backingStorageMb),
      pageWaitMs: peak((heap) => heap.page.longestWaitMs),
      workerWaitMs: peak((heap) => heap.worker.longestWaitMs),
      workers: peak((heap) => heap.worker.workers),
    },
    build,
  };
}

/** One run on a fresh page: open the file, press «Выявить ШНОР», wait for its heading. */
async function openAndIdentify(
  browser: Browser,
  url: string,
  file: string
): Promise<StandaloneRun> {
  const context = await browser.newContext({
    locale: "ru-RU",
    viewport: { width: 440, height: 900 },
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const identify = page.getByRole("button", { name: "Выявить ШНОР", exact: true });
    await identify.waitFor();
    const sampler = await HeapSampler.start(await context.newCDPSession(page));
    const started = performance.now();
    await page.locator('input[type="file"]').setInputFiles(file);
    const opened = page.getByText(`Книга: ${path.basename(file)}`);
    const refused = page.getByRole("alert");
    await opened.or(refused).first().waitFor({ timeout: STEP_LIMIT_MS });
    if (await refused.isVisible()) throw new Error(`«${await refused.textContent()}»`);
    const openSeconds = (performance.now() - started) / 1000;
    await identify.click({ timeout: STEP_LIMIT_MS });
    const heading = page.getByRole("heading", { name: /^ШНОР: \d[\d\s]* из \d[\d\s]* школ/ });
    await heading.waitFor({ timeout: STEP_LIMIT_MS });
    const seconds = (performance.now() - started) / 1000;
    const heap = await sampler.stop();
    const count = /^ШНОР: (\d[\d\s]*) из/.exec((await heading.textContent()) ?? "")?.[1] ?? "";
    return { seconds, openSeconds, flagged: Number(count.replace(/\s/g, "")), heap };
  } finally {
    await context.close();
  }
}

/**
 * dist/ as `npm run build` left it, unless it has no standalone page or is older than its sources:
 * then `webpack --mode production` builds it first (~40 s), so the page timed is the code's.
 */
function pageBuild(): string {
  const page = path.join(DIST, "standalone.html");
  const built = existsSync(page) ? statSync(page).mtimeMs : 0;
  const newest = Math.max(...PAGE_SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  if (built >= newest) return "dist/ as built";
  execFileSync(path.join(ROOT, "node_modules", ".bin", "webpack"), ["--mode", "production"], {
    cwd: ROOT,
    stdio: "pipe",
    timeout: 600_000,
  });
  return built === 0
    ? "dist/ built first (it had no standalone page)"
    : "dist/ rebuilt first (older than the sources)";
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry)))
  );
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** The folder over http on 127.0.0.1 (a free port): GET of its files only. */
async function serveFolder(
  folder: string
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.join(folder, decodeURIComponent(pathname));
    const inside = file.startsWith(folder + path.sep);
    if (request.method !== "GET" || !inside || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium, headless, calling nowhere home (as the browser tests run it). */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
