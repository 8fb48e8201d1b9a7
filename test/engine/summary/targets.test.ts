/**
 * Targets are the user's (issue 14, docs/method.md §6): 15 % ШНОР (Novokuznetsk), 5 % below the
 * minimum (Nazarovo), 85 % with a category (Kuzbass) are the documents' own, each editable and
 * printed with its source.
 */
import {
  DEFAULT_TARGETS,
  isEngineError,
  parseTargets,
  readExportTable,
  identifyLowResultSchools,
  type ExportTable,
  type IdentificationResult,
} from "../../../src/engine";
import { summarizeIndicators } from "../../../src/engine/summary/indicatorSummary";
import { summaryLayout } from "../../../src/engine/summary/summaryLayouts";
import { flatExportGrid } from "../../fixtures/grids";

describe("targets as a person types them", () => {
  it.each([
    ["шнор=12; гиа=4; категория=80", { shnorShare: 12, belowMinimumShare: 4, categoryShare: 80 }],
    ["shnor=12,gia=4", { shnorShare: 12, belowMinimumShare: 4 }],
    ["ШНОР: 12,5 %", { shnorShare: 12.5 }],
    ["категория=90", { categoryShare: 90 }],
  ])("%s", (text, expected) => {
    expect(parseTargets(text)).toEqual(expected);
  });

  it.each(["шнор", "шнор=120", "доля=12", "", "шнор=двенадцать"])(
    "refuses %j with an example",
    (text) => {
      const parsed = parseTargets(text);
      expect(isEngineError(parsed) && parsed.message).toMatch(
        /^цели: ожидалось «шнор=15; гиа=5; категория=85»/
      );
    }
  );
});

describe("the summary compares with the targets in use and says where each comes from", () => {
  // Four schools, one ШНОР (ВПР МА 5 40 % and ВПР РУ 5 35 % in 2019): 1 of 4 = 25 %.
  const grid = flatExportGrid(
    ["ВПР МА 5 2019", "ВПР РУ 5 2019", "ВПР МА 5 2018"],
    [
      {
        login: "sch000001",
        failing: { "ВПР МА 5 2019": 40, "ВПР РУ 5 2019": 35, "ВПР МА 5 2018": 5 },
      },
      {
        login: "sch000002",
        failing: { "ВПР МА 5 2019": 10, "ВПР РУ 5 2019": 5, "ВПР МА 5 2018": 5 },
      },
      {
        login: "sch000003",
        failing: { "ВПР МА 5 2019": 12, "ВПР РУ 5 2019": 5, "ВПР МА 5 2018": 5 },
      },
      {
        login: "sch000004",
        failing: { "ВПР МА 5 2019": 8, "ВПР РУ 5 2019": 5, "ВПР МА 5 2018": 5 },
      },
    ]
  );
  const table = readExportTable(grid) as ExportTable;
  const identification = identifyLowResultSchools(table) as IdentificationResult;

  it("by default the documents' targets, each with its source", () => {
    const summary = summarizeIndicators({ table, identification });
    expect(summary.shnor?.target).toBe(DEFAULT_TARGETS.shnorShare);
    const note = summaryLayout(summary, table.years).preamble.join("\n");
    expect(note).toContain(
      "доля ШНОР — не более 15\u00a0% (программа Новокузнецка, приказ КОиН от 09.12.2020 №\u00a01351)"
    );
    expect(note).toContain("не менее 85\u00a0% (региональный показатель");
  });

  it("the user's 30 % makes 25 % ШНОР a met target, and the sheet says the target is the user's", () => {
    const summary = summarizeIndicators({ table, identification, targets: { shnorShare: 30 } });
    expect(summary.shnor).toMatchObject({ share: 25, target: 30 });
    const layout = summaryLayout(summary, table.years);
    expect(layout.preamble.join("\n")).toContain(
      "доля ШНОР — не более 30\u00a0% (задано пользователем)"
    );
    const row = layout.body.find((cells) => String(cells[1]).startsWith("Доля ШНОР"))!;
    expect(row.slice(3)).toEqual([25, 30, "да"]);
  });
});
