/**
 * The WebAssembly backend (`pandoc-wasm`, GPL-2.0-or-later, an *optional* dependency). It is imported
 * only when chosen; importing it reads and compiles a 58 MB module, so that happens once per process
 * and the instance is reused. The instance has one virtual file system that every call clears, so
 * calls are serialised through a queue — concurrent calls would overwrite each other's files.
 */
import { readFile } from 'node:fs/promises';
import { toDefaults } from './defaults.js';
import { PandocConversionError, PandocUnavailableError } from './errors.js';
import { SerialQueue } from './queue.js';
import { BINARY_INPUT_FORMATS, BINARY_OUTPUT_FORMATS, type ConvertOptions, type PandocInput, type PandocWarning } from './types.js';

type PandocWasmModule = typeof import('pandoc-wasm');

export interface WasmPandoc {
  readonly module: PandocWasmModule;
  readonly version: string;
}

let loading: Promise<WasmPandoc> | undefined;
const queue = new SerialQueue();

/** Imports (and thereby compiles) pandoc-wasm once; later calls share the same promise. */
export function loadWasmPandoc(): Promise<WasmPandoc> {
  loading ??= (async () => {
    let module: PandocWasmModule;
    try {
      module = await import('pandoc-wasm');
    } catch (error) {
      throw new PandocUnavailableError(`The optional package pandoc-wasm could not be loaded (${(error as Error).message}).`, {
        cause: error,
      });
    }
    const version = await queue.run(() => module.query({ query: 'version' }));
    return { module, version: String(version) };
  })();
  return loading;
}

const decoder = new TextDecoder('utf-8');

/** Converts inside the shared WASM instance (queued behind any conversion already running). */
export async function convertWithWasm(
  wasm: WasmPandoc,
  input: PandocInput,
  options: ConvertOptions,
): Promise<{ output: Uint8Array; warnings: PandocWarning[] }> {
  const files: Record<string, string | Blob> = {};
  let referenceDocName: string | undefined;
  if (options.referenceDoc !== undefined) {
    referenceDocName = 'reference.docx';
    files[referenceDocName] = new Blob([await readReferenceDoc(options.referenceDoc)]);
  }
  // The WASM sandbox has no file system of ours, so a resource path would only point at nothing.
  const defaults = toDefaults({ ...options, resourcePath: undefined }, referenceDocName);

  // Binary inputs cannot travel through the text-only stdin of pandoc-wasm; they go in as a file.
  let stdin: string | null = null;
  if (BINARY_INPUT_FORMATS.has(options.from)) {
    const name = `input.${options.from}`;
    files[name] = new Blob([typeof input === 'string' ? new TextEncoder().encode(input) : input]);
    defaults['input-files'] = [name];
  } else {
    stdin = typeof input === 'string' ? input : decoder.decode(input);
  }
  const binaryOutput = BINARY_OUTPUT_FORMATS.has(options.to);
  const outputName = `output.${options.to}`;
  if (binaryOutput) defaults['output-file'] = outputName;

  const result = await queue.run(async () => {
    try {
      return await wasm.module.convert(defaults, stdin, files);
    } catch (error) {
      throw new PandocConversionError(`pandoc-wasm crashed converting ${options.from} → ${options.to}: ${String(error)}`, {
        cause: error,
      });
    }
  });

  let output = new TextEncoder().encode(result.stdout);
  if (binaryOutput) {
    const file = result.files[outputName];
    output = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  }
  // pandoc-wasm does not report an exit status: failure shows as an ERROR on stderr and no output.
  const stderr = result.stderr.trim();
  if (/^ERROR\b/m.test(stderr) || (output.byteLength === 0 && (stderr || binaryOutput))) {
    throw new PandocConversionError(`pandoc-wasm ${options.from} → ${options.to} failed: ${stderr || 'no output was produced'}`, {
      stderr: result.stderr,
    });
  }
  const warnings = result.warnings
    .filter((w) => w['verbosity'] === 'WARNING')
    .map((w) => ({ type: String(w['type'] ?? 'Warning'), message: String(w['pretty'] ?? w['type']) }));
  if (stderr) warnings.push({ type: 'Stderr', message: stderr });
  return { output, warnings };
}

async function readReferenceDoc(referenceDoc: Uint8Array | string): Promise<Uint8Array> {
  if (referenceDoc instanceof Uint8Array) return referenceDoc;
  try {
    return await readFile(referenceDoc);
  } catch (error) {
    throw new PandocConversionError(`Cannot read the reference document ${referenceDoc}: ${(error as Error).message}`, {
      code: 'pandoc/bad-option',
      cause: error,
    });
  }
}
