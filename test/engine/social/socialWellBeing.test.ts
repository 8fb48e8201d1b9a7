import {
  assessSocialWellBeing,
  isEngineError,
  isInLowerQuantile,
  lowerQuantileThreshold,
  percentileInclusive,
  readSocialPassport,
  socialWellBeingIndex,
  type CellValue,
  type SocialPassport,
} from "../../../src/engine";
import { PASSPORT_HEADER } from "../../fixtures/grids";

function passport(rows: CellValue[][], header: CellValue[] = PASSPORT_HEADER): SocialPassport {
  const read = readSocialPassport({ sheetName: "Соцпаспорт", values: [header, ...rows] });
  if (isEngineError(read)) throw new Error(read.message);
  return read;
}

describe("ИСБШ = 85 + 15·d_higher − 20·d_single − 65·d_registered", () => {
  it.each([
    [{ bothParentsHigherEducation: 0, singleParentFamilies: 0, onRegisters: 0 }, 85],
    [{ bothParentsHigherEducation: 1, singleParentFamilies: 0, onRegisters: 0 }, 100],
    [{ bothParentsHigherEducation: 0, singleParentFamilies: 1, onRegisters: 1 }, 0],
    [{ bothParentsHigherEducation: 0.2, singleParentFamilies: 0.3, onRegisters: 0.05 }, 78.75],
  ])("%p → %p", (shares, expected) => {
    expect(socialWellBeingIndex(shares)).toBeCloseTo(expected, 10);
  });

  it("computes the index from a passport's counts, by hand: 78,75 / 71,25 / 62,0 / 90,5", () => {
    const result = assessSocialWellBeing(
      passport([
        ["sch100001", "СОШ № 1", 100, 20, 30, 5],
        ["sch100002", "СОШ № 2", 200, 10, 80, 20],
        ["sch100003", "ООШ № 3", 50, 0, 25, 10],
        ["sch100004", "СОШ № 4", 80, 40, 8, 0],
      ])
    );
    expect(result.schools.map((school) => school.isbsh)).toEqual([78.75, 71.25, 62, 90.5]);
    expect(result.schools.map((school) => school.rank)).toEqual([3, 2, 1, 4]);
  });

  it("takes shares where the header says «доля, %»", () => {
    const result = assessSocialWellBeing(
      passport(
        [["sch100001", "СОШ № 1", 20, 30, 5]],
        [
          "Логин",
          "ОО",
          "Доля: оба родителя с высшим образованием, %",
          "Доля из неполных семей, %",
          "Доля состоящих на учёте, %",
        ]
      )
    );
    expect(result.schools[0].isbsh).toBeCloseTo(78.75, 10);
  });

  it("uses configured weights", () => {
    const shares = { bothParentsHigherEducation: 0.5, singleParentFamilies: 0.5, onRegisters: 0.5 };
    expect(
      socialWellBeingIndex(shares, {
        base: 80,
        higherEducation: 20,
        singleParent: 10,
        registered: 50,
      })
    ).toBe(60);
  });
});

describe("the lower quartile or quintile (ШНСУ)", () => {
  it.each<[number[], number, number]>([
    [[60, 61, 62, 70, 75, 80, 90], 0.25, 61.5],
    [[60, 61, 62, 70, 75, 80, 90], 0.2, 61.2],
    [[90, 60, 80, 61, 75, 62, 70], 0.25, 61.5],
    [[10, 20, 30, 40], 0.25, 17.5],
  ])("PERCENTILE.INC of %p at %p is %p", (values, quantile, threshold) => {
    expect(percentileInclusive(values, quantile)).toBeCloseTo(threshold, 10);
  });

  it("a small municipality of 7 schools: the lowest 2 by quartile, and tied schools are never split", () => {
    expect(lowerQuantileThreshold([60, 61, 62, 70, 75, 80, 90], 0.25)).toBeCloseTo(61.5, 10);
    const tied = [60, 62, 62, 70, 75, 80, 90];
    const threshold = lowerQuantileThreshold(tied, 0.25)!;
    expect(tied.filter((value) => value <= threshold)).toEqual([60, 62, 62]);
  });

  it("forms no group with fewer than 4 schools (quartile) or 5 (quintile)", () => {
    expect(lowerQuantileThreshold([60, 70, 80], 0.25)).toBeNull();
    expect(lowerQuantileThreshold([60, 70, 80, 90], 0.25)).not.toBeNull();
    expect(lowerQuantileThreshold([60, 70, 80, 90], 0.2)).toBeNull();
  });

  const eight: CellValue[][] = [
    ["sch1", "A", 100, 0, 0, 0], // 85
    ["sch2", "B", 100, 0, 50, 0], // 75
    ["sch3", "C", 100, 0, 100, 0], // 65
    ["sch4", "D", 100, 0, 0, 20], // 72
    ["sch5", "E", 100, 0, 0, 40], // 59
    ["sch6", "F", 100, 100, 0, 0], // 100
    ["sch7", "G", 100, 0, 50, 20], // 62
    ["sch8", "H", 100, 0, 100, 20], // 52
  ].map((row) => [`sch10000${String(row[0]).slice(3)}`, ...row.slice(1)]);

  it("marks the quartile and states the threshold in the reason", () => {
    const result = assessSocialWellBeing(passport(eight), { quantile: 0.25 });
    // sorted 52, 59, 62, 65, 72, 75, 85, 100; position 7·0.25 = 1.75 → 59 + 0.75·3 = 61.25
    expect(result.threshold).toBeCloseTo(61.25, 10);
    expect(result.schools.filter((school) => school.shnsu).map((school) => school.name)).toEqual([
      "E",
      "H",
    ]);
    expect(result.reasonOf(4)).toBe("ИСБШ 59,00 ≤ порог 61,25 — в группе «нижний квартиль»");
    expect(result.reasonOf(0)).toBe("ИСБШ 85,00 > порог 61,25 — не в группе «нижний квартиль»");
  });

  it("a quintile selects no more schools than the quartile", () => {
    const quartile = assessSocialWellBeing(passport(eight), { quantile: 0.25 }).schools.filter(
      (s) => s.shnsu
    ).length;
    const quintile = assessSocialWellBeing(passport(eight), { quantile: 0.2 }).schools.filter(
      (s) => s.shnsu
    ).length;
    expect(quintile).toBeLessThanOrEqual(quartile);
  });
});

describe("inconsistent rows are reported with their cell and left out of the ranking", () => {
  const result = assessSocialWellBeing(
    passport([
      ["sch100001", "СОШ № 1", 100, 20, 30, 5],
      ["sch100002", "СОШ № 2", 100, 120, 30, 5],
      ["sch100003", "СОШ № 3", 0, 5, 5, 5],
      ["sch100004", "СОШ № 4", 100, 10, "", 5],
      ["sch100005", "СОШ № 5", -3, 10, 5, 5],
    ])
  );

  it("computes only the consistent row", () => {
    expect(result.schools.map((school) => school.isbsh)).toEqual([78.75, null, null, null, null]);
    expect(result.schools.every((school) => !school.shnsu)).toBe(true);
  });

  it("says which cell and why", () => {
    expect(result.warnings).toEqual([
      {
        cell: "'Соцпаспорт'!C6",
        message: expect.stringContaining("ожидалось: целое неотрицательное число; найдено «-3»"),
      },
      {
        cell: "'Соцпаспорт'!D3",
        message:
          "СОШ № 2: ИСБШ не рассчитан — «оба родителя с высшим образованием» (120) больше числа обучающихся (100); школа не участвует в ранжировании",
      },
      {
        cell: "'Соцпаспорт'!C4",
        message:
          "СОШ № 3: ИСБШ не рассчитан — число обучающихся должно быть целым положительным; найдено 0; школа не участвует в ранжировании",
      },
      {
        cell: "'Соцпаспорт'!E5",
        message: expect.stringContaining("нет значения «Из неполных семей»"),
      },
      {
        cell: "'Соцпаспорт'!C6",
        message: expect.stringContaining("нет значения «Всего обучающихся»"),
      },
      {
        cell: "'Соцпаспорт'",
        message: expect.stringContaining("для группы «нижний квартиль» нужно не меньше 4"),
      },
    ]);
  });
});

describe("membership of one index", () => {
  it("is true at or below the threshold, false above, null for too few schools", () => {
    const values = [60, 61, 62, 70, 75, 80, 90];
    expect([
      isInLowerQuantile(61, values, 0.25),
      isInLowerQuantile(61.5, values, 0.25),
      isInLowerQuantile(62, values, 0.25),
    ]).toEqual([true, true, false]);
    expect(isInLowerQuantile(60, [60, 70, 80], 0.25)).toBeNull();
  });
});

describe("a passport whose formulas hold no results", () => {
  it("is read with one warning at the first such cell, saying how many and what to do", () => {
    const read = readSocialPassport({
      sheetName: "Соцпаспорт",
      values: [PASSPORT_HEADER, ["sch100001", "СОШ № 1", 100, null, 30, 5]],
      uncalculatedFormulas: { count: 2, row: 1, column: 3 },
    });
    if (isEngineError(read)) throw new Error(read.message);
    expect(read.warnings).toEqual([
      {
        cell: "'Соцпаспорт'!D2",
        message:
          "формулы без вычисленного значения (2 ячейки, первая — эта) прочитаны как пустые. " +
          "Откройте книгу в Excel или LibreOffice, сохраните её, чтобы формулы были вычислены, и запустите анализ снова",
      },
    ]);
    // The empty cell is no data for the index, reported as before.
    expect(assessSocialWellBeing(read).schools[0]!.isbsh).toBeNull();
  });
});

describe("what a keyed sheet keeps for the analyses", () => {
  const read = passport([
    ["SCH100001", "СОШ № 1", 100, 20, 30, 5],
    ["sch100002", "СОШ № 2", 80, "", 10, 2],
  ]);

  it("each field as a column, parallel to the rows, with NaN where a value is missing", () => {
    expect([...read.fieldValues.studentsTotal]).toEqual([100, 80]);
    expect([...read.fieldValues.bothParentsHigherEducation]).toEqual([20, NaN]);
    expect(read.fieldValues.largeFamilies.every(Number.isNaN)).toBe(true);
  });

  it("the login in lower case, and each row's place by it", () => {
    expect(read.rows.map((row) => [row.login, row.key])).toEqual([
      ["SCH100001", "sch100001"],
      ["sch100002", "sch100002"],
    ]);
    expect([...read.rowIndexByKey]).toEqual([
      ["sch100001", 0],
      ["sch100002", 1],
    ]);
  });
});
