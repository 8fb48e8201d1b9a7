// Types for scripts/check-manifest.cjs, so the jest tests in test/manifest/ can import it.
export interface ManifestInfo {
  baseUrl: string | null;
  urls: string[];
  runtimeUrl: string | null;
  functionsScriptUrl: string | null;
  metadataUrl: string | null;
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
export function checkManifestText(xmlText: string, options?: { distDir?: string }): ManifestCheck;
export function checkManifestFile(
  file: string,
  options?: { distDir?: string }
): ManifestCheck & { xmllint: boolean };
export function parseTree(xmlText: string): ManifestElement[];
