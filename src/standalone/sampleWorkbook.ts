/**
 * The bundled sample (samples/school-radar-sample.xlsx, a fictional municipality made by
 * scripts/generate-sample.mjs), for «Попробовать на примере». It is inlined in a chunk of its own,
 * loaded on first use: the page opened from disk cannot `fetch()` a file beside it (Chromium refuses
 * file:// requests), but it can load a script chunk, and the chunk carries the bytes.
 */
export async function loadSampleWorkbook(): Promise<ArrayBuffer> {
  const { default: dataUrl } = await import(
    /* webpackChunkName: "sample" */ "../../samples/school-radar-sample.xlsx"
  );
  return bytesOfDataUrl(dataUrl);
}

/** The bytes of a base64 `data:` URL, decoded in place: a `fetch(dataUrl)` would need the page's CSP to allow `connect-src data:`. */
export function bytesOfDataUrl(url: string): ArrayBuffer {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || !url.slice(0, comma).endsWith(";base64")) {
    throw new Error("the sample is not inlined as a base64 data: URL (webpack.config.js)");
  }
  const text = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes.buffer;
}
