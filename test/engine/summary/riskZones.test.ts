/*
 * Risk zones (seed 004): a school's share of low results far above the municipal average. A share of
 * a group under 10 participants — the groups the ШНОР reasons mark «малая группа» — is not a zone:
 * it is listed apart, in the section «Малые группы».
 */
import {
  isEngineError,
  readExportTable,
  RISK_ZONE_MIN_PARTICIPANTS,
  summarizeIndicators,
  summaryLayout,
} from "../../../src/engine";
import { flatExportGrid } from "../../fixtures/grids";

// Ten schools' ВПР РУ 6: 10, 12, 14, 11, 13, 12, 10, 14, 45, 44 → mean 185 / 10 = 18,5; squared
// distances 72,25 + 42,25 + 20,25 + 56,25 + 30,25 + 42,25 + 72,25 + 20,25 + 702,25 + 650,25 = 1708,5;
// sample deviation √(1708,5 / 9) ≈ 13,78; bound 18,5 + 1,5 × 13,78 ≈ 39,2. Above it: 45 (25
// participants: a zone) and 44 (6 participants: a small group, not a zone).
const VALUES = [10, 12, 14, 11, 13, 12, 10, 14, 45, 44];
const PARTICIPANTS = [20, 20, 20, 20, 20, 20, 20, 20, 25, 6];

function summary() {
  const schools = VALUES.map((value, s) => ({
    login: `sch2000${String(s).padStart(2, "0")}`,
    name: `Школа ${s}`,
    failing: { "ВПР РУ 6 2024": value },
    participants: { "ВПР РУ 6 2024": PARTICIPANTS[s] },
  }));
  const table = readExportTable(flatExportGrid(["ВПР РУ 6 2024"], schools, true));
  if (isEngineError(table)) throw new Error(table.message);
  return summarizeIndicators({ table });
}

describe("risk zones and small groups", () => {
  it("takes a group of fewer than 10 participants out of the zones", () => {
    expect(RISK_ZONE_MIN_PARTICIPANTS).toBe(10);
    const { riskZones, smallGroupOutliers } = summary();
    expect(riskZones.map((zone) => [zone.login, zone.value, zone.participants])).toEqual([
      ["sch200008", 45, 25],
    ]);
    expect(smallGroupOutliers.map((zone) => [zone.login, zone.value, zone.participants])).toEqual([
      ["sch200009", 44, 6],
    ]);
    expect(riskZones[0]!.mean).toBeCloseTo(18.5, 9);
    expect(riskZones[0]!.deviation).toBeCloseTo(Math.sqrt(1708.5 / 9), 9);
  });

  it("lists the small group apart on the sheet, marked, and says so above the table", () => {
    const layout = summaryLayout(summary(), []);
    expect(
      layout.body.filter((row) => row[0] === "Зоны риска" || row[0] === "Малые группы")
    ).toEqual([
      [
        "Зоны риска",
        "Школа 8 (sch200008): ВПР РУ 6, % «2» при среднем 18,5; 25 участников",
        "",
        45,
        null,
        "",
      ],
      [
        "Малые группы",
        "Школа 9 (sch200009): ВПР РУ 6, % «2» при среднем 18,5; 6 участников — меньше 10, не зона риска",
        "",
        44,
        null,
        "",
      ],
    ]);
    expect(layout.preamble.join(" ")).toContain(
      "Если в группе меньше 10 участников, такое значение зоной риска не считается и приведено отдельно, в разделе «Малые группы»"
    );
  });

  it("keeps a zone whose group size the table does not give: unknown is not small", () => {
    const schools = VALUES.map((value, s) => ({
      login: `sch2000${String(s).padStart(2, "0")}`,
      failing: { "ВПР РУ 6 2024": value },
    }));
    const table = readExportTable(flatExportGrid(["ВПР РУ 6 2024"], schools));
    if (isEngineError(table)) throw new Error(table.message);
    const { riskZones, smallGroupOutliers } = summarizeIndicators({ table });
    expect(riskZones.map((zone) => [zone.login, zone.participants])).toEqual([
      ["sch200008", null],
      ["sch200009", null],
    ]);
    expect(smallGroupOutliers).toEqual([]);
  });
});
