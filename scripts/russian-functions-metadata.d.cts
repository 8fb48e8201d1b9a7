// Types for scripts/russian-functions-metadata.cjs, so the jest tests in test/functions/ can import it.
export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
}
export interface RussianTable {
  functions: Record<
    string,
    {
      name: string;
      description: string;
      parameters?: Record<string, { name: string; description: string }>;
    }
  >;
}
export function localizeFunctionsMetadata(
  metadata: FunctionsMetadata,
  table: RussianTable
): { metadata: FunctionsMetadata; problems: string[] };
export class RussianFunctionsMetadataPlugin {
  constructor(options?: { source?: string; output?: string; table?: string });
  apply(compiler: unknown): void;
}
export const DEFAULT_TABLE: string;
