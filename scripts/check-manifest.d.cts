// Types for scripts/check-manifest.cjs, so the jest tests in test/manifest/ can import it.
export interface ManifestInfo {
  baseUrl: string | null;
  urls: string[];
  /** <DefaultSettings><SourceLocation>: the task pane page. */
  pageUrl: string | null;
  runtimeUrl: string | null;
  functionsScriptUrl: string | null;
  metadataUrl: string | null;
  /** <Requirements> sets by name, with their MinVersion. */
  requirements: Record<string, string | null>;
}
export interface ManifestCheckOptions {
  /** Resolve the manifest's URLs against this folder and check the built files. */
  distDir?: string;
  /** The task-pane-only manifest: no shared runtime and no custom-functions parts allowed. */
  taskpaneOnly?: boolean;
}
export interface ManifestCheck {
  problems: string[];
  info: ManifestInfo;
}
export interface ManifestElement {
  name: string;
  attrs: Record<string, string>;
  children: ManifestElement[];
  text: string;
}
export function checkManifestText(xmlText: string, options?: ManifestCheckOptions): ManifestCheck;
export function checkManifestFile(
  file: string,
  options?: ManifestCheckOptions
): ManifestCheck & { xmllint: boolean };
export function parseTree(xmlText: string): ManifestElement[];
