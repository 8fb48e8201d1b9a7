import { readFileSync } from "fs";
import path from "path";

/**
 * The version in package.json, read when asked (`--version`) rather than copied into the code, where
 * it would fall behind. The file is two folders up both from src/cli and from build/cli.
 */
export function packageVersion(): string {
  const manifest = path.join(__dirname, "..", "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
