/**
 * The part of the pane that runs the engine: recognising the sheets and the actions' runs. Loaded
 * as one chunk after the pane has rendered (the first read), so the first load carries the UI only.
 */
import { ACTION_RUNS as ANALYSIS_RUNS, type ActionRun } from "./actions";
import { MONITORING_RUNS } from "./monitoringActions";
import { REPORT_RUNS } from "./reportActions";

export { recogniseSheets } from "./recognition";
export { describeCell } from "./cellView";

/** The runs by action id (actionList.ts): the analyses' and the monitoring ones (docs/method.md §8). */
export const ACTION_RUNS: Record<string, ActionRun> = {
  ...ANALYSIS_RUNS,
  ...MONITORING_RUNS,
  ...REPORT_RUNS,
};
export { TEMPLATE_KINDS, TEMPLATE_NAMES } from "../engine";
