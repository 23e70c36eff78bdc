/** The public conversion entry points: `convert` for one document, `convertMany` for a batch. */
import { availableParallelism } from 'node:os';
import { resolveBackend } from './backend.js';
import { PandocConversionError } from './errors.js';
import { mapWithConcurrency } from './queue.js';
import { BINARY_OUTPUT_FORMATS, type ConvertOptions, type ConvertResult, type PandocInput } from './types.js';

/**
 * Converts one document with pandoc.
 *
 * Safe to call concurrently: system pandoc runs one process per call; the WASM backend queues calls
 * on its single instance. Rejects with `PandocUnavailableError` when no backend works and with
 * `PandocConversionError` when pandoc rejects the input or options.
 *
 * @example
 * const html = (await convert('# Terms', { from: 'markdown', to: 'html5' })).text();
 * const docx = (await convert(markdown, { from: 'markdown', to: 'docx', referenceDoc })).output;
 */
export async function convert(input: PandocInput, options: ConvertOptions): Promise<ConvertResult> {
  const backend = await resolveBackend(options);
  const { output, warnings } = await backend.convert(input, options);
  const binary = BINARY_OUTPUT_FORMATS.has(options.to);
  return {
    output,
    warnings,
    backend: backend.backend,
    pandocVersion: backend.version,
    text() {
      if (binary) {
        throw new PandocConversionError(`${options.to} output is binary; use .output instead of .text().`, {
          code: 'pandoc/binary-output',
        });
      }
      return new TextDecoder('utf-8').decode(output);
    },
  };
}

/** Options for {@link convertMany}. */
export interface ConvertManyOptions {
  /** Maximum conversions in flight. Default: the number of CPUs (WASM runs one at a time regardless). */
  concurrency?: number;
}

/**
 * Converts several documents with the same options, in parallel up to `concurrency`, returning results
 * in input order. Rejects with the first error.
 */
export function convertMany(
  inputs: readonly PandocInput[],
  options: ConvertOptions,
  { concurrency = availableParallelism() }: ConvertManyOptions = {},
): Promise<ConvertResult[]> {
  return mapWithConcurrency(inputs, concurrency, (input) => convert(input, options));
}
