// Types for scripts/generate-functions-sample.cjs, so the jest tests in test/functions/ can import it.
export function functionsSampleBytes(functions?: Record<string, unknown>): Promise<Buffer>;
export function storedName(id: string): string;
export const TABLE_SHEET: string;
export const FUNCTIONS_SHEET: string;
export const SCHOOLS: { login: string; name: string }[];
