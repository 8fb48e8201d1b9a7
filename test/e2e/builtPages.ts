/*
 * For the browser tests: a production build of the pages, served on 127.0.0.1 by an in-process HTTP
 * server, and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from "child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  type Stats,
} from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import path from "path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
/** Where the tests build when dist/ is missing or older than the sources (never over dist/ itself,
 * which another test run may be reading). */
const OWN_BUILD = path.join(ROOT, "test-output", "e2e-dist");
const BUNDLES = [
  "taskpane.html",
  "standalone.html",
  "help.html",
  "taskpane.js",
  "standalone.js",
  "functions.js",
  // the task-pane-only manifest (scripts/webpack/taskpane-manifest.cjs), checked by the security test
  "manifest-taskpane.xml",
];
const SOURCES = [
  "src",
  // help.html is rendered from it (scripts/webpack/help-page.cjs)
  "docs/method.md",
  "assets",
  "scripts/webpack",
  "webpack.config.js",
  "manifest.xml",
  "package-lock.json",
];

/**
 * dist/ when it holds a build newer than every source (as .ci/run leaves it), else a build of the
 * current sources in test-output/e2e-dist, made once and reused while fresh.
 */
export function productionBuild(): string {
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  if (isFresh(DIST, newestSource)) return DIST;
  if (isFresh(OWN_BUILD, newestSource)) return OWN_BUILD;
  const lock = `${OWN_BUILD}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  waitForLock(lock);
  try {
    if (!isFresh(OWN_BUILD, newestSource)) {
      execFileSync(
        path.join(ROOT, "node_modules", ".bin", "webpack"),
        ["--mode", "production", "--output-path", OWN_BUILD],
        { cwd: ROOT, stdio: "pipe", timeout: 600_000 }
      );
    }
  } finally {
    rmdirSync(lock);
  }
  return OWN_BUILD;
}

function isFresh(folder: string, newestSource: number): boolean {
  return BUNDLES.every((file) => {
    const target = path.join(folder, file);
    return existsSync(target) && statSync(target).mtimeMs >= newestSource;
  });
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats: Stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry)))
  );
}

/** A directory as a lock between concurrent test runs: mkdir either creates it or fails. */
function waitForLock(lock: string): void {
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for 10 minutes`);
      execFileSync("sleep", ["1"]);
    }
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Serves a folder on 127.0.0.1 at a free port; nothing outside the folder, nothing but GET. */
export async function serveFolder(
  folder: string
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(folder, decodeURIComponent(url.pathname)));
    if (request.method !== "GET" || !file.startsWith(folder + path.sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium (scripts/setup.sh installs it), headless, with nothing calling home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
