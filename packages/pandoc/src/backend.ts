/**
 * Backend selection. Precedence: the `backend` option, then CONTRACTS_PANDOC_BACKEND, then `auto`
 * (system pandoc when present and new enough, otherwise pandoc-wasm). The system binary is
 * `pandocPath`, then CONTRACTS_PANDOC_PATH, then `pandoc` on PATH. Probes are cached per process.
 */
import { PandocUnavailableError } from './errors.js';
import { convertWithSystem, probeSystemPandoc } from './system.js';
import type { BackendPreference, ConvertOptions, PandocInfo, PandocInput, PandocWarning } from './types.js';
import { convertWithWasm, loadWasmPandoc } from './wasm.js';

/** What `convert` needs from a backend. */
export interface Backend extends PandocInfo {
  convert(input: PandocInput, options: ConvertOptions): Promise<{ output: Uint8Array; warnings: PandocWarning[] }>;
}

/** The options that influence backend choice. */
export type BackendSelection = Pick<ConvertOptions, 'backend' | 'pandocPath'>;

const PREFERENCES: readonly BackendPreference[] = ['auto', 'system', 'wasm'];

function preferenceOf(selection: BackendSelection, env: NodeJS.ProcessEnv): BackendPreference {
  const raw = selection.backend ?? (env['CONTRACTS_PANDOC_BACKEND'] || 'auto');
  if (!(PREFERENCES as readonly string[]).includes(raw)) {
    throw new PandocUnavailableError(
      `Unknown pandoc backend ${JSON.stringify(raw)} (from the backend option or CONTRACTS_PANDOC_BACKEND); ` + `use one of ${PREFERENCES.join(', ')}.`,
      { code: 'pandoc/bad-backend' },
    );
  }
  return raw as BackendPreference;
}

async function systemBackend(path: string): Promise<Backend> {
  const pandoc = await probeSystemPandoc(path);
  return {
    backend: 'system',
    version: pandoc.version,
    path: pandoc.path,
    convert: (input, options) => convertWithSystem(pandoc, input, options),
  };
}

async function wasmBackend(): Promise<Backend> {
  const wasm = await loadWasmPandoc();
  return { backend: 'wasm', version: wasm.version, convert: (input, options) => convertWithWasm(wasm, input, options) };
}

/** Resolves the backend to use; rejects with `PandocUnavailableError` naming every reason when none works. */
export async function resolveBackend(selection: BackendSelection = {}, env: NodeJS.ProcessEnv = process.env): Promise<Backend> {
  const preference = preferenceOf(selection, env);
  const path = selection.pandocPath ?? (env['CONTRACTS_PANDOC_PATH'] || 'pandoc');
  if (preference === 'system') return systemBackend(path);
  if (preference === 'wasm') return wasmBackend();
  try {
    return await systemBackend(path);
  } catch (systemError) {
    try {
      return await wasmBackend();
    } catch (wasmError) {
      const reasons = [systemError, wasmError].map((e) => (e instanceof PandocUnavailableError ? e.reason : String(e)));
      throw new PandocUnavailableError(`No pandoc backend is available. ${reasons.join(' ')}`, { cause: wasmError });
    }
  }
}

/** Which backend and pandoc version conversions with these options would use. */
export async function pandocInfo(selection: BackendSelection = {}): Promise<PandocInfo> {
  const { backend, version, path } = await resolveBackend(selection);
  return path === undefined ? { backend, version } : { backend, version, path };
}

/**
 * Starts resolving the backend — for WASM, compiling the module (about a second or two) — without
 * waiting for it, so a caller can overlap that with other work. Never rejects: a problem surfaces
 * from the next `convert` instead.
 */
export function warmUp(selection: BackendSelection = {}): Promise<void> {
  return resolveBackend(selection).then(
    () => undefined,
    () => undefined,
  );
}
