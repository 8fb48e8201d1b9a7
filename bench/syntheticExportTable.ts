/**
 * Deterministic synthetic export tables at national scale (docs/method.md §1 shape, one flattened header row),
 * for benchmarks: the same seed gives the same table on every machine.
 */
import type { CellValue, SheetGrid } from "../src/engine";

export const BENCH_PROCEDURES = [
  "ВПР МА 5",
  "ВПР МА 6",
  "ВПР РУ 5",
  "ВПР РУ 6",
  "ОГЭ МА",
  "ОГЭ РУ",
  "ЕГЭ МА база",
  "ЕГЭ МА профиль",
  "ЕГЭ РУ",
  "ВПР ОМ 4",
];
export const BENCH_YEARS = ["2022/2023", "2023/2024", "2024/2025"];

/** mulberry32: small, fast, and good enough to spread synthetic percentages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticExportTable(schools: number, seed = 20261123): SheetGrid {
  const next = random(seed);
  const header: CellValue[] = ["Муниципалитет", "Наименование ОО", "Логин ОО"];
  for (const procedure of BENCH_PROCEDURES) {
    for (const year of BENCH_YEARS)
      header.push(
        `${procedure} ${year} % «2»`,
        `${procedure} ${year} % высоких`,
        `${procedure} ${year} участников`
      );
  }
  const values: CellValue[][] = [header];
  for (let s = 0; s < schools; s++) {
    const basic = next() < 0.25; // an ООШ: no ЕГЭ
    // About one school in six struggles; the rest sit well below the 30 % line with some noise.
    const weakness = next() < 0.17 ? 12 + next() * 20 : next() * 8;
    const row: CellValue[] = [
      `МО ${1 + (s % 2300)}`,
      `МБОУ «СОШ № ${s + 1}»`,
      `sch${String(100000 + s).padStart(6, "0")}`,
    ];
    for (const procedure of BENCH_PROCEDURES) {
      const absent = basic && procedure.startsWith("ЕГЭ");
      for (let y = 0; y < BENCH_YEARS.length; y++) {
        if (absent || next() < 0.06) {
          row.push("-", "-", null);
          continue;
        }
        const failing = Math.min(100, Math.round((next() * 22 + weakness) * 10) / 10);
        row.push(failing, Math.round(next() * 30), 5 + Math.floor(next() * 80));
      }
    }
    values.push(row);
  }
  return { sheetName: "Выгрузка", values };
}
