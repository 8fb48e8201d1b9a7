import {
  identifyLowResultSchools,
  isEngineError,
  parseIdentificationOptions,
  readExportTable,
  type IdentificationOptions,
  type IdentificationResult,
  type SchoolEvidence,
  type SchoolIdentification,
} from "../../src/engine";
import { flatExportGrid, type SchoolSpec } from "../fixtures/grids";

const COLUMNS = [
  "ВПР МА 5 2019",
  "ВПР РУ 6 2019",
  "ОГЭ МА 2019",
  "ВПР МА 5 2018",
  "ВПР РУ 6 2018",
  "ОГЭ МА 2018",
];

function identify(
  schools: SchoolSpec[],
  options: Partial<IdentificationOptions> = {},
  withCounts = false,
  columns = COLUMNS
): IdentificationResult {
  const table = readExportTable(flatExportGrid(columns, schools, withCounts));
  if (isEngineError(table)) throw new Error(table.message);
  const result = identifyLowResultSchools(table, options);
  if (isEngineError(result)) throw new Error(result.message);
  return result;
}

/** The school at this place with what the result makes on request: its evidence and reason. */
function explained(
  result: IdentificationResult,
  index: number
): SchoolIdentification & SchoolEvidence & { reason: string } {
  return { ...result.schools[index], ...result.evidenceOf(index), reason: result.reasonOf(index) };
}

function one(
  failing: SchoolSpec["failing"],
  options: Partial<IdentificationOptions> = {}
): ReturnType<typeof explained> {
  return explained(identify([{ login: "sch100001", failing }], options), 0);
}

describe("a low result is ≥ the threshold", () => {
  it.each([
    [30, 30, true],
    [29.9, 30, false],
    [30.1, 30, true],
    [25, 25, true],
    [24.9, 25, false],
  ])("%p %% against %p %% is low: %p", (value, threshold, low) => {
    const school = one(
      { "ВПР МА 5 2019": value, "ВПР РУ 6 2019": value, "ВПР МА 5 2018": 0 },
      { threshold }
    );
    expect(school.status).toBe(low ? "shnor" : "not_shnor");
  });
});

describe("criteria", () => {
  it.each<[string, SchoolSpec["failing"], "2020" | "2025", (1 | 2)[]]>([
    [
      "two lows in the reference year",
      { "ВПР МА 5 2019": 40, "ОГЭ МА 2019": 31, "ВПР МА 5 2018": 5 },
      "2020",
      [1],
    ],
    [
      "one low in each year, different procedures",
      { "ВПР МА 5 2019": 40, "ВПР МА 5 2018": 10, "ВПР РУ 6 2018": 35 },
      "2020",
      [2],
    ],
    [
      "one low in each year, different procedures, 2025 edition",
      { "ВПР МА 5 2019": 40, "ВПР МА 5 2018": 10, "ВПР РУ 6 2018": 35 },
      "2025",
      [],
    ],
    [
      "the same procedure low in both years, 2025 edition",
      { "ВПР МА 5 2019": 40, "ВПР МА 5 2018": 35 },
      "2025",
      [2],
    ],
    [
      "two lows in 2019 and one in 2018",
      { "ВПР МА 5 2019": 40, "ВПР РУ 6 2019": 30, "ОГЭ МА 2018": 50 },
      "2020",
      [1, 2],
    ],
    [
      "lows only in the earlier year",
      { "ВПР МА 5 2019": 10, "ВПР МА 5 2018": 50, "ВПР РУ 6 2018": 50 },
      "2020",
      [],
    ],
  ])("%s → criteria %p", (_, failing, edition, criteria) => {
    const school = one(failing, { edition });
    expect(school.criteria).toEqual(criteria);
    expect(school.status).toBe(criteria.length > 0 ? "shnor" : "not_shnor");
  });

  it("counts ЕГЭ base and profile mathematics as two procedures", () => {
    const result = identify(
      [
        {
          login: "sch100001",
          failing: { "ЕГЭ МА база 2019": 30, "ЕГЭ МА профиль 2019": 35, "ЕГЭ МА база 2018": 0 },
        },
      ],
      {},
      false,
      ["ЕГЭ МА база 2019", "ЕГЭ МА профиль 2019", "ЕГЭ МА база 2018"]
    );
    expect(result.schools[0].criteria).toEqual([1]);
    expect(result.reasonOf(0)).toBe(
      "К1: 2019 — ЕГЭ МА база (30\u00a0%), ЕГЭ МА профиль (35\u00a0%)"
    );
  });

  it("ignores procedures the method does not count, however low", () => {
    const result = identify(
      [
        {
          login: "sch100001",
          failing: {
            "ВПР МА 7 2019": 90,
            "ВПР ОМ 4 2019": 90,
            "ВПР МА 5 2019": 5,
            "ВПР МА 5 2018": 5,
          },
        },
      ],
      {},
      false,
      ["ВПР МА 7 2019", "ВПР ОМ 4 2019", "ВПР МА 5 2019", "ВПР МА 5 2018"]
    );
    expect(result.schools[0].status).toBe("not_shnor");
  });
});

describe("missing data and small numbers", () => {
  it("a school with no data at all is insufficient_data, not «not ШНОР»", () => {
    const school = explained(
      identify([
        { login: "sch100001", failing: { "ВПР МА 5 2019": 12 } },
        { login: "sch100002", failing: { "ВПР МА 5 2019": "-", "ВПР РУ 6 2019": "" } },
      ]),
      1
    );
    expect(school.status).toBe("insufficient_data");
    expect(school.reason).toBe(
      "Недостаточно данных: нет результатов 2019 по учитываемым процедурам"
    );
  });

  it("one low in 2019 and nothing in 2018 leaves criterion 2 undecided", () => {
    const school = one({ "ВПР МА 5 2019": 40, "ВПР РУ 6 2019": 10 });
    expect(school.status).toBe("insufficient_data");
    expect(school.reason).toContain("а результатов 2018 для проверки критерия 2 нет");
  });

  it("no low results and some data is not ШНОР; a gap in a series is named, a procedure never taken is not", () => {
    const school = one({ "ВПР МА 5 2019": 12, "ВПР МА 5 2018": 3, "ВПР РУ 6 2018": 8 });
    expect(school.status).toBe("not_shnor");
    expect(school.reason).toBe(
      "Критерии не выполнены: 2019 — низких результатов нет; 2018 — низких результатов нет. Нет данных за 2019: ВПР РУ 6"
    );
  });

  // ВПР МА 5 2019: 50 % of 4 pupils (2 of them); ВПР РУ 6 2019: 50 % of 25; ВПР МА 5 2018: 0 % of 25.
  const smallGroup: SchoolSpec = {
    login: "sch100001",
    failing: { "ВПР МА 5 2019": 50, "ВПР РУ 6 2019": 50, "ВПР МА 5 2018": 0 },
    participants: { "ВПР МА 5 2019": 4, "ВПР РУ 6 2019": 25, "ВПР МА 5 2018": 25 },
  };

  it("by default every result counts, as in the documents; a small group is marked in the reason", () => {
    // Two lows in 2019 (50 ≥ 30 twice) → К1, whatever the group's size.
    const school = explained(identify([smallGroup], {}, true), 0);
    expect(school.status).toBe("shnor");
    expect(school.criteria).toEqual([1]);
    expect(school.reason).toBe(
      "К1: 2019 — ВПР МА 5 (50\u00a0%, 4 участника — малая группа), ВПР РУ 6 (50\u00a0%)"
    );
  });

  it("with a minimum of 10 the small group is set aside, and a status that depends on it is «недостаточно данных», never «не ШНОР»", () => {
    // Without ВПР МА 5 2019 one low remains (К1 needs two; 2018 has none for К2) → not ШНОР alone,
    // but ШНОР with it: the status depends on the set-aside result.
    const school = explained(identify([smallGroup], { minParticipants: 10 }, true), 0);
    expect(school.status).toBe("insufficient_data");
    expect(school.reason).toContain(
      "Недостаточно данных: статус зависит от низких результатов малых групп, отложенных минимумом участников (10): ВПР МА 5 2019 (50\u00a0%, 4 участника — малая группа); с ними школа отнесена бы к ШНОР"
    );
    expect(school.reason).toContain("Не учтены (меньше 10 участников): ВПР МА 5 2019 (4)");
    expect(identify([smallGroup], { minParticipants: 4 }, true).schools[0].criteria).toEqual([1]);
  });

  it("with a minimum, set-aside results that are not low leave «не ШНОР» as it is", () => {
    const fine: SchoolSpec = {
      ...smallGroup,
      failing: { "ВПР МА 5 2019": 10, "ВПР РУ 6 2019": 50, "ВПР МА 5 2018": 0 },
    };
    expect(identify([fine], { minParticipants: 10 }, true).schools[0].status).toBe("not_shnor");
  });

  it("with a minimum, a school that is ШНОР without the set-aside results stays ШНОР", () => {
    const both: SchoolSpec = {
      login: "sch100002",
      failing: { "ВПР МА 5 2019": 50, "ВПР РУ 6 2019": 50, "ОГЭ МА 2019": 40 },
      participants: { "ВПР МА 5 2019": 4, "ВПР РУ 6 2019": 25, "ОГЭ МА 2019": 30 },
    };
    const school = identify([both], { minParticipants: 10 }, true).schools[0];
    expect(school.status).toBe("shnor");
    expect(school.criteria).toEqual([1]);
  });

  it("says in the method when the table has no participant counts", () => {
    const result = identify([{ login: "sch100001", failing: { "ВПР МА 5 2019": 1 } }]);
    expect(result.method.participantCountsUsed).toBe(false);
    expect(result.method.description).toContain("в таблице нет числа участников");
  });
});

describe("the reference year", () => {
  const columns = [
    "ВПР МА 5 2017",
    "ВПР МА 5 2018",
    "ВПР МА 5 2019",
    "ВПР РУ 5 2017",
    "ВПР РУ 5 2018",
    "ВПР РУ 5 2019",
  ];
  const school: SchoolSpec = {
    login: "sch100001",
    failing: {
      "ВПР МА 5 2017": 40,
      "ВПР РУ 5 2017": 40,
      "ВПР МА 5 2018": 35,
      "ВПР МА 5 2019": 5,
      "ВПР РУ 5 2019": 5,
    },
  };

  it("is the latest year by default", () => {
    const result = identify([school], {}, false, columns);
    expect(result.method).toMatchObject({ referenceYear: "2019", previousYear: "2018" });
    expect(result.schools[0].status).toBe("not_shnor");
  });

  it("can be chosen, in any spelling of the year", () => {
    const result = identify([school], { referenceYear: "2017/18" }, false, columns);
    expect(result.method).toMatchObject({ referenceYear: "2018", previousYear: "2017" });
    expect(result.schools[0].criteria).toEqual([2]);
  });

  it("a table without a single counted value is an error, not a list of empty verdicts", () => {
    const table = readExportTable(
      flatExportGrid(columns, [{ login: "sch100001", failing: { "ВПР МА 5 2019": "-" } }])
    );
    if (isEngineError(table)) throw new Error(table.message);
    expect(identifyLowResultSchools(table)).toMatchObject({ kind: "error", code: "no_data" });
  });

  it("not in the table is an error listing the years present", () => {
    const table = readExportTable(flatExportGrid(columns, [school]));
    if (isEngineError(table)) throw new Error(table.message);
    expect(identifyLowResultSchools(table, { referenceYear: "2015" })).toMatchObject({
      kind: "error",
      message: "отчётный год «2015» не найден в таблице; есть: 2017, 2018, 2019",
    });
  });
});

describe("options typed by a person", () => {
  it("defaults to the 2020 edition, 30 %, every result counted (no minimum of participants)", () => {
    expect(parseIdentificationOptions({})).toEqual({
      edition: "2020",
      threshold: 30,
      minParticipants: 0,
    });
  });

  it("accepts a decimal comma and a percent sign in the threshold", () => {
    expect(parseIdentificationOptions({ threshold: "27,5%" })).toMatchObject({ threshold: 27.5 });
  });

  it.each([
    [{ edition: "2030" }, "редакция правил: ожидалось 2020 или 2025; найдено «2030»"],
    [
      { threshold: "abc" },
      "порог низкого результата: ожидалось число больше 0 и не больше 100; найдено «abc»",
    ],
    [
      { threshold: "120" },
      "порог низкого результата: ожидалось число больше 0 и не больше 100; найдено «120»",
    ],
    [
      { minParticipants: "-1" },
      "минимум участников: ожидалось целое неотрицательное число; найдено «-1»",
    ],
    [
      { year: "прошлый" },
      "отчётный год: ожидалось «2019», «2018/2019» или «2018-19»; найдено «прошлый»",
    ],
  ])("%p is refused: %s", (raw, message) => {
    expect(parseIdentificationOptions(raw)).toEqual({ kind: "error", code: "bad_option", message });
  });
});
