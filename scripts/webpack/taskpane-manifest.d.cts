// Types for scripts/webpack/taskpane-manifest.cjs, so the jest tests can import it.
export function taskpaneOnlyManifest(fullManifest: string): string;
export const TASKPANE_ONLY_ID: string;
