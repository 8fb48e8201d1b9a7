/**
 * Shares under a «доля, %» header typed three ways — per cent (15), fractions of one (0.15), fractions
 * under Excel's percent format (0.15 shown as 15 %) — give the same ИСБШ; a column of only 0 and 1
 * cannot be told apart and is read as per cent with a question.
 */
import {
  assessSocialWellBeing,
  isEngineError,
  readSocialPassport,
  type CellValue,
  type SocialPassport,
} from "../../../src/engine";

const SHARE_HEADER: CellValue[] = [
  "Логин ОО",
  "Наименование ОО",
  "Доля: оба родителя с высшим образованием, %",
  "Доля из неполных семей, %",
  "Доля состоящих на учёте, %",
];

function passport(rows: CellValue[][], format: string | null = null): SocialPassport {
  const values = [SHARE_HEADER, ...rows];
  const numberFormats = values.map((row, index) => row.map(() => (index === 0 ? null : format)));
  const read = readSocialPassport({ sheetName: "Паспорт", values, numberFormats });
  if (isEngineError(read)) throw new Error(read.message);
  return read;
}

const fractionsOf = (column: string, label: string, example: string, percent: string) => ({
  cell: `'Паспорт'!${column}2:${column}3`,
  message:
    `социальный паспорт, «${label}»: ожидались проценты от 0 до 100; все числа столбца — от 0 до 1, ` +
    `поэтому прочитаны как доли единицы: ${example} = ${percent}\u00a0%. ` +
    "Если это проценты меньше 1\u00a0%, задайте ячейкам столбца процентный формат и введите значения заново",
});

describe("shares typed as fractions of one", () => {
  // By hand: sch100001 85 + 15·0.2 − 20·0.3 − 65·0.05 = 85 + 3 − 6 − 3.25 = 78.75;
  //          sch100002 85 + 15·0.1 − 20·0.4 − 65·0.02 = 85 + 1.5 − 8 − 1.3 = 77.2.
  const expected = [78.75, 77.2];

  it("without a percent format: read as fractions, one warning per column naming its cells", () => {
    const read = passport([
      ["sch100001", "СОШ № 1", 0.2, 0.3, 0.05],
      ["sch100002", "СОШ № 2", 0.1, 0.4, 0.02],
    ]);
    const result = assessSocialWellBeing(read);
    expect(result.schools.map((school) => school.isbsh)).toEqual(
      expected.map((value) => expect.closeTo(value, 9))
    );
    expect(result.warnings.slice(0, 3)).toEqual([
      fractionsOf("C", "Оба родителя с высшим образованием", "0,2", "20"),
      fractionsOf("D", "Из неполных семей", "0,3", "30"),
      fractionsOf("E", "Состоят на учёте (ВШУ, КДН, полиция)", "0,05", "5"),
    ]);
    // The columns the analyses read and the rows' records agree.
    expect([...read.fieldValues.singleParentFamilies]).toEqual([30, 40]);
    expect(read.rows[1].values.onRegisters).toBe(2);
  });

  it("under a percent format (0.15 shown as 15 %): fractions by their format, no warning", () => {
    const result = assessSocialWellBeing(
      passport(
        [
          ["sch100001", "СОШ № 1", 0.2, 0.3, 0.05],
          ["sch100002", "СОШ № 2", 0.1, 0.4, 0.02],
        ],
        "0%"
      )
    );
    expect(result.schools.map((school) => school.isbsh)).toEqual(
      expected.map((value) => expect.closeTo(value, 9))
    );
    expect(result.warnings.filter((warning) => warning.cell !== "'Паспорт'")).toEqual([]);
  });

  it("in per cent as before (20 = 20 %), also as text «20%» or with a decimal comma", () => {
    const result = assessSocialWellBeing(
      passport([
        ["sch100001", "СОШ № 1", 20, "30%", 5],
        ["sch100002", "СОШ № 2", "10", 40, "2,0"],
      ])
    );
    expect(result.schools.map((school) => school.isbsh)).toEqual(
      expected.map((value) => expect.closeTo(value, 9))
    );
    expect(result.warnings.filter((warning) => warning.cell !== "'Паспорт'")).toEqual([]);
  });

  it("per cent below 1 typed with «%» are kept: only unitless numbers can be fractions", () => {
    // «0,5%» is half a per cent whatever the other cells say; 0.4 beside it is a fraction (40 %).
    // By hand, d_registered of sch100001 = 0.005: 85 + 3 − 6 − 0.325 = 81.675.
    const read = passport([
      ["sch100001", "СОШ № 1", 20, 30, "0,5%"],
      ["sch100002", "СОШ № 2", 10, 40, 0.4],
    ]);
    expect([...read.fieldValues.onRegisters]).toEqual([0.5, 40]);
    expect(assessSocialWellBeing(read).schools[0].isbsh).toBeCloseTo(81.675, 9);
  });

  it("only 0 and 1 cannot be told apart: read as per cent (1 = 1 %), with a warning that asks", () => {
    // By hand: sch100001 85 + 3 − 6 − 65·0.01 = 81.35; sch100002 85 + 1.5 − 8 − 0 = 78.5.
    const result = assessSocialWellBeing(
      passport([
        ["sch100001", "СОШ № 1", 20, 30, 1],
        ["sch100002", "СОШ № 2", 10, 40, 0],
      ])
    );
    expect(result.schools.map((school) => school.isbsh)).toEqual([
      expect.closeTo(81.35, 9),
      expect.closeTo(78.5, 9),
    ]);
    expect(result.warnings[0]).toEqual({
      cell: "'Паспорт'!E2:E3",
      message:
        "социальный паспорт, «Состоят на учёте (ВШУ, КДН, полиция)»: ожидались проценты от 0 до 100; " +
        "в столбце только 0 и 1 — это могут быть и проценты, и доли единицы. Прочитаны как проценты (1 = 1\u00a0%). " +
        "Если 1 означает 100\u00a0%, введите значения в процентах (100) или задайте ячейкам процентный формат",
    });
  });

  it("a column of zeros is the same either way: no warning", () => {
    const result = assessSocialWellBeing(
      passport([
        ["sch100001", "СОШ № 1", 20, 30, 0],
        ["sch100002", "СОШ № 2", 10, 40, 0],
      ])
    );
    expect(result.warnings.filter((warning) => warning.cell !== "'Паспорт'")).toEqual([]);
  });

  it("one school's column names its one cell, not a range", () => {
    const read = passport([["sch100001", "СОШ № 1", 20, 30, 0.05]]);
    expect(read.warnings.map((warning) => warning.cell)).toEqual(["'Паспорт'!E2"]);
  });
});
