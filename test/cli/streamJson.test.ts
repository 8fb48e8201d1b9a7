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

  it("writes lists stringified many entries at a time exactly as JSON.stringify, at every depth", async () => {
    // Long pieces: entries go out in batches of up to 256, cut out of one JSON.stringify call.
    const entries = fc.array(fc.jsonValue(), { maxLength: 600 });
    await fc.assert(
      fc.asyncProperty(entries, entries, fc.jsonValue(), async (top, nested, other) => {
        const report = { top, summary: { nested, other }, other };
        expect((await written(report)).text).toBe(JSON.stringify(report, null, 2));
      }),
      { numRuns: 100 }
    );
  });

  it("never holds more than about one piece: a long array goes out element by element", async () => {
    const report = { schools: Array.from({ length: 2000 }, (_, i) => ({ login: `sch${i}` })) };
    const { text, pieces } = await written(report, 1000);
    expect(text).toBe(JSON.stringify(report, null, 2));
    expect(pieces).toBeGreaterThan(40);
  });

  it("writes a lazy list as the array it yields, making its entries only as they go out", async () => {
    const made: number[] = [];
    let writtenWhenMade: number[] = [];
    const pieces: string[] = [];
    function* schools() {
      for (let i = 0; i < 500; i++) {
        made.push(i);
        writtenWhenMade.push(pieces.length);
        yield { login: `sch${i}`, criteria: i % 2 ? [1] : [] };
      }
    }
    const lazy = { method: null, schools: schools(), summary: { riskZones: schools() } };
    const eager = {
      method: null,
      schools: [...schools()],
      summary: { riskZones: [...schools()] },
    };
    made.length = 0;
    writtenWhenMade = [];
    await writeJsonInPieces(lazy, (piece) => void pieces.push(piece), 500);
    expect(pieces.join("")).toBe(JSON.stringify(eager, null, 2));
    expect(made).toHaveLength(1000);
    // Entries made late in the run were made after earlier pieces had gone out.
    expect(writtenWhenMade[0]).toBe(0);
    expect(writtenWhenMade.at(-1)).toBeGreaterThan(20);
  });

  it("writes an empty lazy list as []", async () => {
    const report = {
      schools: [][Symbol.iterator](),
      summary: { zones: new Set<number>().values() },
    };
    expect((await written(report)).text).toBe(
      JSON.stringify({ schools: [], summary: { zones: [] } }, null, 2)
    );
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
