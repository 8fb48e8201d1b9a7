/**
 * `npm run bench`: engine speed at 1,000, 10,000 and 50,000 schools against the physical floor — a bare
 * loop that only counts values ≥ 30 over the same arrays. Median of several runs; figures, not a test.
 */
import { performance } from "perf_hooks";
import {
  identifyLowResultSchools,
  isEngineError,
  readExportTable,
  type SheetGrid,
} from "../src/engine";
import { syntheticExportTable } from "./syntheticExportTable";

const SIZES = [1_000, 10_000, 50_000];
const RUNS = 7;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(action: () => unknown): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

/** The floor: every numeric cell looked at once and compared with 30, nothing else. */
function bareLoop(grid: SheetGrid): number {
  let low = 0;
  for (let r = 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let c = 3; c < row.length; c += 3) {
      const value = row[c];
      if (typeof value === "number" && value >= 30) low++;
    }
  }
  return low;
}

function measure(size: number): Record<string, number> {
  const grid = syntheticExportTable(size);
  const table = readExportTable(grid);
  if (isEngineError(table)) throw new Error(table.message);
  const read = median(Array.from({ length: RUNS }, () => time(() => readExportTable(grid))));
  const identify = median(
    Array.from({ length: RUNS }, () => time(() => identifyLowResultSchools(table)))
  );
  const floor = median(Array.from({ length: RUNS }, () => time(() => bareLoop(grid))));
  return { size, read, identify, floor };
}

function main(): void {
  const rows = SIZES.map(measure);
  console.log(`Engine benchmark, median of ${RUNS} runs, node ${process.version}`);
  console.log(
    "schools | read table, ms | identify ШНОР, ms | read+identify, ms | bare loop, ms | ratio to bare loop"
  );
  for (const row of rows) {
    const total = row.read + row.identify;
    console.log(
      `${String(row.size).padStart(7)} | ${row.read.toFixed(1).padStart(14)} | ${row.identify.toFixed(1).padStart(17)} | ${total.toFixed(1).padStart(17)} | ${row.floor.toFixed(2).padStart(13)} | ${(total / row.floor).toFixed(1).padStart(6)}×`
    );
  }
}

main();
