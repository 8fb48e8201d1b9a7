/**
 * `--json` is written in pieces (src/cli/streamJson.ts) but must be the very text of
 * JSON.stringify(report, null, 2): scripts and the property test in test/robustness parse it.
 */
import fc from "fast-check";
import { writeJsonInPieces } from "../../src/cli/streamJson";

async function written(
  report: object,
  pieceLength?: number
): Promise<{ text: string; pieces: number }> {
  const pieces: string[] = [];
  await writeJsonInPieces(report, (piece) => void pieces.push(piece), pieceLength);
  return { text: pieces.join(""), pieces: pieces.length };
}

describe("writeJsonInPieces", () => {
  it.each([
    ["an empty object", {}],
    ["empty arrays and nulls", { method: null, schools: [], warnings: [] }],
    [
      "a report-like object",
      {
        method: { edition: "2025", threshold: 30 },
        schools: [
          { login: "sch1", criteria: [1, 2], reason: 'строка\nс переводом «кавычки» "и" \\' },
          { login: "sch2", criteria: [], reason: "" },
        ],
        summary: { shnor: { count: 1, of: 2, share: 50 }, dynamics: [[1, [2, { a: [] }]]] },
      },
    ],
    [
      "values JSON leaves out or turns into null",
      { a: undefined, b: [undefined, NaN, () => 1], c: 1 },
    ],
  ])("writes %s exactly as JSON.stringify", async (_, report) => {
    expect((await written(report)).text).toBe(JSON.stringify(report, null, 2));
  });

  it("writes any JSON object exactly as JSON.stringify, in several pieces when it is long", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (report) => {
        expect((await written(report, 64)).text).toBe(JSON.stringify(report, null, 2));
      }),
      { numRuns: 500 }
    );
  });

  it("never holds more than about one piece: a long array goes out element by element", async () => {
    const report = { schools: Array.from({ length: 2000 }, (_, i) => ({ login: `sch${i}` })) };
    const { text, pieces } = await written(report, 1000);
    expect(text).toBe(JSON.stringify(report, null, 2));
    expect(pieces).toBeGreaterThan(40);
  });

  it("waits for a full pipe to drain before it writes the next piece", async () => {
    let draining = false;
    let overlaps = 0;
    let writes = 0;
    const write = (): Promise<void> => {
      writes++;
      if (draining) overlaps++;
      draining = true;
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          draining = false;
          resolve();
        }, 1)
      );
    };
    const report = { schools: Array.from({ length: 300 }, (_, i) => ({ login: `sch${i}` })) };
    await writeJsonInPieces(report, write, 1000);
    expect(writes).toBeGreaterThan(5);
    expect(overlaps).toBe(0);
  });
});
