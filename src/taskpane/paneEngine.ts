/**
 * The part of the pane that runs the engine: recognising the sheets and the actions' runs. Loaded
 * as one chunk after the pane has rendered (the first read), so the first load carries the UI only.
 */
export { recogniseSheets } from "./recognition";
export { ACTION_RUNS } from "./actions";
export { TEMPLATE_KINDS, TEMPLATE_NAMES } from "../engine";
