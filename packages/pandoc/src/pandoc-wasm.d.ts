/**
 * The slice of the untyped `pandoc-wasm` package (optional dependency, GPL-2.0-or-later) that we use.
 * Only type information: nothing here makes TypeScript or the emitted JavaScript load the package.
 */
declare module 'pandoc-wasm' {
  export interface WasmConvertResult {
    stdout: string;
    stderr: string;
    warnings: Array<Record<string, unknown>>;
    files: Record<string, string | Blob>;
    mediaFiles: Record<string, Blob>;
  }
  export function convert(options: Record<string, unknown>, stdin: string | null, files: Record<string, string | Blob>): Promise<WasmConvertResult>;
  export function query(options: { query: string; format?: string }): Promise<unknown>;
}
