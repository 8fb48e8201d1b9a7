/**
 * d_registered of ИСБШ from a passport that gives the registers (ВШУ, КДН, ПДН) in columns of their
 * own: the total where there is one, else the sum of the parts (an upper bound) — never the first
 * column found, so the columns' order cannot change a school's index.
 */
import {
  assessSocialWellBeing,
  isEngineError,
  readSocialPassport,
  type CellValue,
  type SocialWellBeingResult,
} from "../../../src/engine";

const IDENTITY = ["Логин ОО", "Наименование ОО", "Всего обучающихся"];
const BASE = ["Оба родителя с высшим образованием", "Из неполных семей"];

/** ИСБШ of a passport with these columns after «Всего обучающихся», for one row of values each. */
function assess(header: string[], rows: CellValue[][]): SocialWellBeingResult {
  const read = readSocialPassport({
    sheetName: "Паспорт",
    values: [[...IDENTITY, ...header], ...rows],
  });
  if (isEngineError(read)) throw new Error(read.message);
  return assessSocialWellBeing(read);
}

const isbsh = (result: SocialWellBeingResult) => result.schools.map((school) => school.isbsh);
const own = (result: SocialWellBeingResult) =>
  result.warnings.filter((warning) => warning.cell !== "'Паспорт'");

const TOTAL = "«Состоят на учёте (ВШУ, КДН, полиция)»";
const sumWarning = (cell: string, columns: string) => ({
  cell: `'Паспорт'!${cell}`,
  message:
    `социальный паспорт: ожидался общий столбец ${TOTAL}; найдены только отдельные виды учёта, ` +
    `и доля состоящих на учёте для ИСБШ взята как сумма столбцов ${columns}. ` +
    "Это верхняя оценка: ребёнок, состоящий на учёте нескольких видов, учтён несколько раз, и ИСБШ может быть занижен. " +
    `Добавьте столбец ${TOTAL} с числом обучающихся, состоящих на учёте хотя бы одного вида, чтобы ИСБШ был точным`,
});

describe("registers in columns of their own, without a total", () => {
  // By hand: 100 pupils, 20 / 30 both-higher / single; on registers 3 (ВШУ) + 2 (КДН) + 1 (ПДН) = 6
  // at most → 85 + 15·0.2 − 20·0.3 − 65·0.06 = 85 + 3 − 6 − 3.9 = 78.1. Before, the first register
  // column alone was taken: 80.05 with ВШУ first (d = 0.03), 81.35 with ПДН first (d = 0.01).
  const inOrder = assess(
    [...BASE, "На внутришкольном учёте", "На учёте в КДН", "На учёте в ПДН"],
    [["sch100001", "СОШ № 1", 100, 20, 30, 3, 2, 1]]
  );
  const reversed = assess(
    [...BASE, "Состоят на учёте в ПДН", "На учёте в КДН и ЗП", "ВШУ"],
    [["sch100001", "СОШ № 1", 100, 20, 30, 1, 2, 3]]
  );

  it("sums the parts: the same ИСБШ whichever the columns' order", () => {
    expect(isbsh(inOrder)).toEqual([expect.closeTo(78.1, 9)]);
    expect(isbsh(reversed)).toEqual(isbsh(inOrder));
  });

  it("says the sum is an upper bound, naming the columns in the sheet's order", () => {
    expect(own(inOrder)).toEqual([
      sumWarning("F1", "«На внутришкольном учёте» (F), «На учёте в КДН» (G), «На учёте в ПДН» (H)"),
    ]);
    expect(own(reversed)).toEqual([
      sumWarning("F1", "«Состоят на учёте в ПДН» (F), «На учёте в КДН и ЗП» (G), «ВШУ» (H)"),
    ]);
  });

  it("counts and shares together: every part in per cent of the row's pupils", () => {
    // By hand: 3 of 100 in ВШУ = 3 %, КДН 2 % → d = 0.05: 85 + 3 − 6 − 3.25 = 78.75.
    const result = assess(
      [...BASE, "На внутришкольном учёте", "Доля на учёте в КДН, %"],
      [["sch100001", "СОШ № 1", 100, 20, 30, 3, 2]]
    );
    expect(isbsh(result)).toEqual([expect.closeTo(78.75, 9)]);
  });

  it("shares adding up to more than 100 % give no index, said at the row", () => {
    const result = assess(
      [...BASE, "Доля на внутришкольном учёте, %", "Доля на учёте в ПДН, %"],
      [["sch100001", "СОШ № 1", 100, 20, 30, 60, 50]]
    );
    expect(isbsh(result)).toEqual([null]);
    expect(own(result)[1]).toEqual({
      cell: "'Паспорт'!F2",
      message:
        "социальный паспорт: ожидалась сумма долей по видам учёта («Доля на внутришкольном учёте, %» (F), " +
        "«Доля на учёте в ПДН, %» (G)) не больше 100\u00a0%; найдено 110\u00a0%. Доля состоящих на учёте не рассчитана — проверьте значения",
    });
  });

  it("one register alone is taken, with a warning that the share may be too low", () => {
    // By hand: d = 2/100: 85 + 3 − 6 − 1.3 = 80.7.
    const result = assess([...BASE, "На учёте в КДН"], [["sch100001", "СОШ № 1", 100, 20, 30, 2]]);
    expect(isbsh(result)).toEqual([expect.closeTo(80.7, 9)]);
    expect(own(result)).toEqual([
      {
        cell: "'Паспорт'!F1",
        message:
          `социальный паспорт: ожидался общий столбец ${TOTAL}; найден только столбец «На учёте в КДН» (F), ` +
          "и доля состоящих на учёте для ИСБШ взята из него. Другие виды учёта не указаны: доля может быть занижена, а ИСБШ — завышен. " +
          `Добавьте столбец ${TOTAL} с числом обучающихся, состоящих на учёте хотя бы одного вида`,
      },
    ]);
  });
});

describe("registers in columns of their own, with a total", () => {
  // By hand: 4 of 100 on any register → 85 + 3 − 6 − 65·0.04 = 79.4, whatever the parts say.
  it.each([
    ["total first", ["Состоят на учёте, всего", "ВШУ", "КДН", "ПДН"], [4, 3, 2, 1]],
    ["total last", ["ПДН", "КДН", "ВШУ", "На различных видах учёта"], [1, 2, 3, 4]],
    ["our template's header", ["На учёте в КДН", "Состоят на учёте (ВШУ, КДН, полиция)"], [2, 4]],
  ])("uses the total, the parts silently left aside (%s)", (_, header, registers) => {
    const result = assess(
      [...BASE, ...header],
      [["sch100001", "СОШ № 1", 100, 20, 30, ...registers]]
    );
    expect(isbsh(result)).toEqual([expect.closeTo(79.4, 9)]);
    expect(own(result)).toEqual([]);
  });

  it("a part above the total is a contradiction: the total is still used, and the cell is named", () => {
    const result = assess(
      [...BASE, "ВШУ", "Состоят на учёте, всего", "КДН"],
      [["sch100001", "СОШ № 1", 100, 20, 30, 5, 4, 2]]
    );
    expect(isbsh(result)).toEqual([expect.closeTo(79.4, 9)]);
    expect(own(result)).toEqual([
      {
        cell: "'Паспорт'!F2",
        message:
          "социальный паспорт, «ВШУ» (F): ожидалось не больше значения общего столбца «Состоят на учёте, всего» (G) — 4, " +
          "ведь он включает каждый вид учёта; найдено 5. Для ИСБШ взят общий столбец — проверьте оба значения",
      },
    ]);
  });
});
