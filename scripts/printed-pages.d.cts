// Types for scripts/printed-pages.cjs, so the jest tests can import it.
export function keepSheets(bytes: Uint8Array, names: string[]): Uint8Array;
export function pdfPageCount(bytes: Uint8Array): number;
export function pdfPageSizes(bytes: Uint8Array): { width: number; height: number }[];
