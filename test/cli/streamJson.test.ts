/**
 * `--json` is written in pieces (src/cli/streamJson.ts) but must be the very text of
 * JSON.stringify(report, null, 2): scripts and the property test in test/robustness parse it.
 */
import fc from "fast-check";
import { writeJsonInPieces } from "../../src/cli/streamJson";

function written(report: object, pieceLength?: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJsonInPieces(report, (piece) => pieces.push(piece), pieceLength);
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
  ])("writes %s exactly as JSON.stringify", (_, report) => {
    expect(written(report).text).toBe(JSON.stringify(report, null, 2));
  });

  it("writes any JSON object exactly as JSON.stringify, in several pieces when it is long", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (report) => {
        expect(written(report, 64).text).toBe(JSON.stringify(report, null, 2));
      }),
      { numRuns: 500 }
    );
  });

  it("never holds more than about one piece: a long array goes out element by element", () => {
    const report = { schools: Array.from({ length: 2000 }, (_, i) => ({ login: `sch${i}` })) };
    const { text, pieces } = written(report, 1000);
    expect(text).toBe(JSON.stringify(report, null, 2));
    expect(pieces).toBeGreaterThan(40);
  });
});
