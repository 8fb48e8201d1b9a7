import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
/** The compiled command line (and engine), which bin/school-radar.js and the sample generator load. */
const BUILT = path.join(ROOT, "build", "cli", "main.js");
const SOURCES = ["engine", "xlsx", "cli"].map((folder) => path.join(ROOT, "src", folder));
/** Held while one test file rebuilds, so two jest workers never run tsc into build/ at once. */
const LOCK = path.join(ROOT, "build", ".rebuilding");

function newestSource(): number {
  return Math.max(
    ...SOURCES.flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: "utf8" }).map(
        (file) => statSync(path.join(folder, file)).mtimeMs
      )
    )
  );
}

const isFresh = () => existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource();

/** Rebuilds build/ (`npm run build:cli`) when it is missing or older than any of its sources. */
export function ensureCliBuilt(): void {
  if (isFresh()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is rebuilding: wait for it, then look again. A lock left by a killed run
      // (older than the longest build) is taken over.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs! > 300_000)
        rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`build lock ${LOCK} held for 2 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      if (isFresh()) return;
    }
  }
  try {
    if (!isFresh()) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "pipe" });
  } finally {
    rmdirSync(LOCK);
  }
}
