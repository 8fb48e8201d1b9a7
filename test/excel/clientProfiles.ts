/*
 * The Excel clients School Radar is deployed to (docs/deployment.md, «Поддерживаемые клиенты»), as
 * the fake Excel (fakeExcel.ts) plays them: what `Office.context.requirements.isSetSupported` answers,
 * whether a request is limited to 5 MB, what `Office.context.platform` says, and which manifest the
 * client loads. With a profile the fake refuses, at `context.sync()`, a member whose requirement set
 * the client lacks — as Office.js does, whose one client library sends any call and leaves the host
 * to answer `ApiNotFound` («Office.js API requirement sets», «Check for API availability at
 * runtime»: https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-api-requirements-runtime).
 */
import type { FakeOptions } from "./fakeExcel";
import { WEB_REQUEST_LIMIT } from "../../src/excel";

export interface ClientProfile {
  id: "web" | "desktop" | "excel2019";
  name: string;
  /** `Office.context.platform`: the pane's entry picks the request budget by it (budgetForPlatform). */
  platform: "OfficeOnline" | "PC";
  /** Excel on the web's limit on one request and one response; none on Windows and Mac. */
  payloadLimit: number;
  /** The highest version of each requirement set the client runs; a set not listed is not there. */
  sets: Record<string, string>;
  /** The manifest its users are given (docs/deployment.md). */
  manifest: "manifest.xml" | "dist/manifest-taskpane.xml";
}

/**
 * Microsoft 365 on the web and on Windows runs the newest ExcelApi sets (1.20 and more by now), the
 * shared runtime and the custom functions' runtime («Excel JavaScript API requirement sets», table of
 * sets by client: https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets;
 * SharedRuntime and CustomFunctionsRuntime: their own requirement-set pages): at least every set the
 * full manifest asks for, and the page setup's 1.9 above it. And `DelayForCellEdit`, which Office.js
 * asks of the host before it sends `Excel.RunOptions.delayForCellEdit` (src/excel/cellEditMode.ts):
 * without it in the profile the wait for cell edit mode would go untested in the clients that have it.
 */
const MICROSOFT_365: Record<string, string> = {
  ExcelApi: "1.20",
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.3",
  DelayForCellEdit: "1.1",
};

export const CLIENT_PROFILES: ClientProfile[] = [
  {
    id: "web",
    name: "Microsoft 365, Excel в Интернете",
    platform: "OfficeOnline",
    payloadLimit: WEB_REQUEST_LIMIT,
    sets: MICROSOFT_365,
    manifest: "manifest.xml",
  },
  {
    id: "desktop",
    name: "Microsoft 365, Excel для Windows",
    platform: "PC",
    payloadLimit: Infinity,
    sets: MICROSOFT_365,
    manifest: "manifest.xml",
  },
  {
    // Volume-licensed Excel 2019: ExcelApi up to 1.8, no shared runtime, no custom functions — the
    // task-pane-only manifest (same pages as above).
    id: "excel2019",
    name: "Excel 2019",
    platform: "PC",
    payloadLimit: Infinity,
    sets: { ExcelApi: "1.8" },
    manifest: "dist/manifest-taskpane.xml",
  },
];

/** "1.10" > "1.9": versions compared part by part, as numbers. */
function atLeast(version: string, wanted: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [wantedMajor, wantedMinor] = wanted.split(".").map(Number);
  return major! > wantedMajor! || (major === wantedMajor && minor! >= wantedMinor!);
}

/** `Office.context.requirements.isSetSupported(name, version)` as the client answers it. */
export function isSetSupported(profile: ClientProfile, name: string, version?: string): boolean {
  const highest = profile.sets[name];
  if (highest === undefined) return false;
  return version === undefined || atLeast(highest, String(version));
}

/**
 * The members the fake implements above ExcelApi 1.1, by the fake's object kind and member, with the
 * set Microsoft's typings give them («[Api set: ExcelApi 1.7]» on each member of @types/office-js;
 * test/manifest/requirementSets.test.ts reads the same sets off the adapter's code). The page setup
 * (1.9) is `worksheet.pageLayout` itself, which the fake leaves out for a client without 1.9.
 */
const MEMBER_SETS: Record<string, string> = {
  "worksheet.visibility": "1.2", // setting it; reading is 1.1
  "worksheet.getUsedRangeOrNullObject": "1.4",
  "worksheet.getRangeByIndexes": "1.7",
  "names.add": "1.4",
  "namedItem.delete": "1.4",
  "range.merge": "1.2",
  "range.hyperlink": "1.7",
  "format.rowHeight": "1.2",
  "format.columnWidth": "1.2",
  "table.showBandedRows": "1.3",
  "dataValidation.rule": "1.8",
  "dataValidation.ignoreBlanks": "1.8",
  "dataValidation.errorAlert": "1.8",
  "chart.plotVisibleOnly": "1.8",
  "categoryAxis.tickLabelPosition": "1.7",
  "valueAxis.tickLabelPosition": "1.7",
  "categoryAxis.numberFormat": "1.8",
  "valueAxis.numberFormat": "1.8",
  "series.setXAxisValues": "1.7",
  "series.setValues": "1.7",
  "series.markerStyle": "1.7",
  "series.markerSize": "1.7",
  "series.markerBackgroundColor": "1.7",
  "series.markerForegroundColor": "1.7",
  "trendline.name": "1.7",
  "point.hasDataLabel": "1.7",
  "dataLabel.position": "1.7",
  "dataLabel.text": "1.8",
};

/** The ExcelApi version a member of the fake needs, or null for 1.1 (every client). */
export function memberSet(kind: string, member: string): string | null {
  return MEMBER_SETS[`${kind}.${member}`] ?? null;
}

/** The fake's options for a client: its request limit, and its sets for refusing what it lacks. */
export function clientOptions(profile: ClientProfile, options: FakeOptions = {}): FakeOptions {
  return { payloadLimit: profile.payloadLimit, ...options, profile };
}

/**
 * `Office` as the adapter sees it in that client (`supports()` in writeGeometry.ts asks it), set on
 * the global object until the returned function puts back what was there.
 */
export function actAsClient(profile: ClientProfile): () => void {
  const global = globalThis as { Office?: unknown };
  const before = global.Office;
  global.Office = {
    context: {
      platform: profile.platform,
      requirements: {
        isSetSupported: (name: string, version?: string) => isSetSupported(profile, name, version),
      },
    },
  };
  return () => {
    global.Office = before;
  };
}
