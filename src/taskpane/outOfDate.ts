import type { PaneSettings } from "./settings";

/**
 * Whether a result on screen was computed with other settings than those now in the pane: every
 * field counts, the sheets chosen included, since each one can change what an action finds.
 */
export function settingsChanged(used: PaneSettings, now: PaneSettings): boolean {
  return (Object.keys(now) as (keyof PaneSettings)[]).some((key) => used[key] !== now[key]);
}
