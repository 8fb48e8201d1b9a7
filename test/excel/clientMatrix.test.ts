/*
 * Every pane action end to end, in each client School Radar is deployed to (clientProfiles.ts), over
 * the fake Excel: the pane's sequence (App.tsx `run`: read the user's sheets, run the action, write
 * its sheets and the stored settings) through the Excel host the pane's entry creates for that client
 * (`budgetForPlatform(Office.context.platform)`). Each action must complete in each client and leave
 * its sheets in the workbook; Excel 2019 (ExcelApi 1.8) loses only what is above 1.8 — the page setup.
 *
 * Sizes: the benchmark's synthetic national table (bench/syntheticExportTable.ts, 93 columns) with
 * the sample's social passport and risk questionnaire scaled to it (bench/syntheticPassports.ts), at
 * 100, 2,000 and 50,000 schools: every action in every client at every size (issue 15 item 12).
 * The figures (syncs, largest request and response per action) are printed as a table and written
 * to test-output/client-matrix.md (matrixFigures.ts); SCHOOL_RADAR_CLIENT_MATRIX=<file> writes them
 * as JSON too.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { syntheticExportTable } from "../../bench/syntheticExportTable";
import { syntheticPassports } from "../../bench/syntheticPassports";
import { isEngineError, type SheetGrid } from "../../src/engine";
import { budgetForPlatform, createExcelHost } from "../../src/excel";
import { PANE_ACTIONS, type PaneAction } from "../../src/taskpane/actionList";
import type { WorkbookData, WorkbookHost } from "../../src/host/workbookHost";
import {
  DEFAULT_SETTINGS,
  SETTINGS_MARKER,
  settingsLayout,
  type PaneSettings,
} from "../../src/taskpane/settings";
import { checkManifestText } from "../../scripts/check-manifest.cjs";
import { taskpaneOnlyManifest } from "../../scripts/webpack/taskpane-manifest.cjs";
import {
  actAsClient,
  CLIENT_PROFILES,
  clientOptions,
  isSetSupported,
  type ClientProfile,
} from "./clientProfiles";
import { fakeExcel, FakeWorkbook, type FakeStats } from "./fakeExcel";
import { matrixTable, type MatrixFigures } from "./matrixFigures";

const SAMPLE = join(__dirname, "..", "..", "samples", "school-radar-sample.xlsx");
const SOURCE = "Результаты ОО";
const OFFICIAL = "Официальный список";

/** The regional list to reconcile with: every sixth school of the table, by login and name. */
function officialList(table: SheetGrid): SheetGrid {
  const rows = table.values.slice(1).filter((_, index) => index % 6 === 0);
  return {
    sheetName: OFFICIAL,
    values: [["Логин ОО", "Наименование ОО"], ...rows.map((row) => [row[2]!, row[1]!])],
  };
}

async function workbookGrids(schools: number): Promise<SheetGrid[]> {
  const table = { ...syntheticExportTable(schools), sheetName: SOURCE };
  const { social, risk } = await syntheticPassports(schools, SAMPLE);
  return [table, social, risk, officialList(table)];
}

function workbookOf(grids: SheetGrid[]): FakeWorkbook {
  const model = new FakeWorkbook(grids.map((grid) => grid.sheetName));
  for (const grid of grids) model.sheet(grid.sheetName).fill(grid.values);
  return model;
}

/** What the pane does for one button (App.tsx `run`), through the given host. */
async function runAsPane(
  host: WorkbookHost,
  scanned: WorkbookData,
  action: PaneAction,
  settings: PaneSettings
) {
  const names = scanned.sheets.filter((sheet) => sheet.outputMark === null).map((s) => s.name);
  const fresh = await host.read(names);
  const choice = action.choices ? (await action.choices())[0]!.value : undefined;
  const result = await action.run(fresh, settings, choice);
  if (isEngineError(result)) throw new Error(`${action.id}: ${result.message}`);
  const report = await host.write(
    [
      ...result.layouts.map((layout) => ({ layout })),
      { layout: settingsLayout(settings), hidden: true },
    ],
    fresh,
    undefined,
    result.statusColumn ?? null
  );
  return { result, report };
}

/** A 50,000-school table takes the fake seconds to fill and read; jest's 5 s is for unit tests. */
const LONG = 180_000;

const SIZES = [100, 2_000, 50_000];

const figures: MatrixFigures = {};

afterAll(() => {
  const table = matrixTable(
    figures,
    CLIENT_PROFILES,
    PANE_ACTIONS.map((action) => ({ id: action.id, label: action.label.ru }))
  );
  console.log(table);
  const folder = join(__dirname, "..", "..", "test-output");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "client-matrix.md"), `${table}\n`);
  const file = process.env.SCHOOL_RADAR_CLIENT_MATRIX;
  if (file) writeFileSync(file, JSON.stringify(figures, null, 2));
});

/**
 * Responses over the web's limit: the host reads sheets it knows to be too large in blocks at once
 * (excelHost.ts `read`, knownSizes.ts), and tries one request only for sheets it has not seen, so
 * after the scan no request may be refused — the first one would mean a needless try of one read,
 * a block that the blocks were sized past what 5 MB holds (readBlocks.ts).
 */
function refusedResponses(stats: FakeStats, limit: number): { first: boolean; blocks: number } {
  const refused = stats.responseBytes.map((bytes) => bytes > limit);
  return { first: refused[0] === true, blocks: refused.slice(1).filter(Boolean).length };
}

describe.each(SIZES)("every pane action at %i schools", (schools) => {
  let grids: SheetGrid[];
  beforeAll(async () => {
    grids = await workbookGrids(schools);
  }, LONG);

  describe.each(CLIENT_PROFILES.map((profile) => [profile.name, profile] as const))(
    "%s",
    (_name, profile) => {
      let model: FakeWorkbook;
      let restore: () => void;
      let scanned: WorkbookData;
      const settings: PaneSettings = {
        ...DEFAULT_SETTINGS,
        sourceSheet: SOURCE,
        officialSheet: OFFICIAL,
      };
      // One host for the scan and every action, as in the pane (it remembers the sheets' sizes);
      // a fresh Excel stand-in per action, so that each action's requests are counted alone.
      let current: ReturnType<typeof fakeExcel>;
      let host: ReturnType<typeof createExcelHost>;
      const hostFor = () => {
        current = fakeExcel(model, clientOptions(profile));
        host ??= createExcelHost({
          budget: budgetForPlatform(profile.platform),
          run: (batch, options) => current.run(batch, options),
        });
        return { excel: current, host };
      };

      beforeAll(async () => {
        restore = actAsClient(profile);
        model = workbookOf(grids);
        scanned = await hostFor().host.scan();
      }, LONG);
      afterAll(() => {
        restore();
        // A national workbook and its read are a few hundred megabytes: not kept for the next client.
        model = undefined as unknown as FakeWorkbook;
        scanned = undefined as unknown as WorkbookData;
        host = undefined as unknown as ReturnType<typeof createExcelHost>;
      });

      it.each(PANE_ACTIONS.map((action) => [action.label.ru, action] as const))(
        "«%s» completes and leaves its sheets",
        async (_label, action) => {
          const { excel, host } = hostFor();
          const started = Date.now();
          const { result, report } = await runAsPane(host, scanned, action, settings);
          const written = report.sheets.filter((sheet) => sheet.marker !== SETTINGS_MARKER);
          expect(written.length).toBe(result.layouts.length);
          for (const sheet of written) {
            const fake = model.sheet(sheet.name);
            expect([sheet.name, fake.visibility]).toEqual([sheet.name, "Visible"]);
            expect(fake.usedRect()).not.toBeNull();
          }
          // Page setup (ExcelApi 1.9): applied where the client has it, left to Excel's defaults on
          // Excel 2019 — the rest of each sheet is the same.
          const paged = written.map((sheet) => model.sheet(sheet.name).pageLayout !== null);
          expect(paged).toEqual(written.map(() => profile.id !== "excel2019"));
          // …and the report says so where it was left out, for the pane to tell the user.
          expect(report.printSetupNotWritten).toBe(
            profile.id === "excel2019" ? "api_unsupported" : undefined
          );
          // Every request within the web's 5 MB, every command counted; no block read refused.
          const limit = profile.payloadLimit;
          const refused = refusedResponses(excel.stats, limit);
          if (limit !== Infinity) {
            expect(Math.max(...excel.stats.requestBytes)).toBeLessThanOrEqual(limit);
            expect(refused).toEqual({ first: false, blocks: 0 });
          }
          const given = excel.stats.responseBytes.filter((bytes) => bytes <= limit);
          ((figures[schools] ??= {})[profile.id] ??= {})[action.id] = {
            syncs: excel.stats.syncs,
            largestRequest: excel.stats.largestRequest,
            largestResponse: limit === Infinity ? null : Math.max(0, ...given),
            refusedResponses: (refused.first ? 1 : 0) + refused.blocks,
            sheets: written.map((sheet) => sheet.name),
            ms: Date.now() - started,
          };
        },
        LONG
      );
    }
  );
});

describe("the client profiles", () => {
  const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
  const requirementsOf = (file: ClientProfile["manifest"]): Record<string, string | null> =>
    file === "manifest.xml"
      ? checkManifestText(manifest).info.requirements
      : checkManifestText(taskpaneOnlyManifest(manifest), { taskpaneOnly: true }).info.requirements;

  it("each client runs every set of the manifest it is given; Excel 2019 not the full one's", () => {
    for (const profile of CLIENT_PROFILES) {
      const wanted = Object.entries(requirementsOf(profile.manifest));
      expect([
        profile.id,
        wanted.filter(([set, v]) => !isSetSupported(profile, set, v ?? undefined)),
      ]).toEqual([profile.id, []]);
    }
    const excel2019 = CLIENT_PROFILES.find((profile) => profile.id === "excel2019")!;
    const full = Object.entries(requirementsOf("manifest.xml"));
    expect(
      full.filter(([set, v]) => !isSetSupported(excel2019, set, v ?? undefined)).map(([set]) => set)
    ).toEqual(["SharedRuntime", "CustomFunctionsRuntime"]);
  });

  it("the fake refuses, at sync, a member above the client's sets", async () => {
    // An Excel older than any the manifests accept: charts' marker series are ExcelApi 1.7.
    const old: ClientProfile = { ...CLIENT_PROFILES[2]!, sets: { ExcelApi: "1.6" } };
    const restore = actAsClient(old);
    try {
      const model = workbookOf(await workbookGrids(100));
      const excel = fakeExcel(model, clientOptions(old));
      const host = createExcelHost({ budget: budgetForPlatform(old.platform), run: excel.run });
      const scanned = await host.scan();
      const identify = PANE_ACTIONS.find((action) => action.id === "identify")!;
      const failure = await runAsPane(host, scanned, identify, {
        ...DEFAULT_SETTINGS,
        sourceSheet: SOURCE,
      }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: "host_failed" });
      expect(String((failure as Error).message)).toMatch(/needs ExcelApi 1\.7/);
    } finally {
      restore();
    }
  });

  it("Excel 2019 keeps the ИСБШ scatter's trendline (ExcelApi 1.7, below its 1.8)", async () => {
    const excel2019 = CLIENT_PROFILES.find((profile) => profile.id === "excel2019")!;
    const restore = actAsClient(excel2019);
    try {
      const model = workbookOf(await workbookGrids(100));
      const excel = fakeExcel(model, clientOptions(excel2019));
      const host = createExcelHost({ budget: budgetForPlatform("PC"), run: excel.run });
      const scanned = await host.scan();
      const isbsh = PANE_ACTIONS.find((action) => action.id === "isbsh")!;
      const { report } = await runAsPane(host, scanned, isbsh, DEFAULT_SETTINGS);
      const charts = report.sheets.flatMap((sheet) => model.sheet(sheet.name).charts);
      const scatter = charts.find((chart) => chart.type === "XYScatter");
      expect(scatter?.trendlines).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it.each(CLIENT_PROFILES.map((profile) => [profile.name, profile] as const))(
    "%s: a read while the user types in a cell waits where the client can, else says what to do",
    async (_name, profile) => {
      const restore = actAsClient(profile);
      try {
        const model = workbookOf(await workbookGrids(100));
        const excel = fakeExcel(model, clientOptions(profile));
        const host = createExcelHost({
          budget: budgetForPlatform(profile.platform),
          run: excel.run,
        });
        model.startCellEdit();
        const scan = host.scan().then(
          (data) => data,
          (error: unknown) => error
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
        model.endCellEdit();
        const outcome = await scan;
        if (profile.id === "excel2019") {
          // No DelayForCellEdit: Office.js drops the option, Excel refuses, the pane says Enter/Esc.
          expect(outcome).toMatchObject({ code: "cell_edit_mode" });
          expect(excel.stats.cellEditWaits).toBe(0);
        } else {
          expect((outcome as WorkbookData).sheets.map((sheet) => sheet.name)).toContain(SOURCE);
          expect(excel.stats.cellEditWaits).toBe(1);
        }
      } finally {
        restore();
      }
    },
    LONG
  );
});
