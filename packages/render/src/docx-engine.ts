/**
 * Which writer makes a DOCX. `builtin` (the default): our writer (docx-writer/), for the Markdown the
 * clause library emits; Markdown beyond that subset (a user's template with a footnote or a block
 * quote, say) or a reference document it cannot use goes to pandoc instead, so nothing is lost —
 * only the milliseconds. `pandoc`: always pandoc (the system binary or pandoc-wasm, see
 * CONTRACTS_PANDOC_BACKEND). Precedence: the `docxEngine` option, then CONTRACTS_DOCX_ENGINE.
 */
import { UsageError } from '@contracts/core';
import { warmUp, type BackendPreference } from '@contracts/pandoc';
import type { Unzipped } from 'fflate';
import { bodyXml, builtinDocxModel, docxPackage } from './docx-writer/index.js';

export type DocxEngine = 'builtin' | 'pandoc';
export const DOCX_ENGINES: readonly DocxEngine[] = ['builtin', 'pandoc'];

/** The engine to use: `engine`, else CONTRACTS_DOCX_ENGINE, else `builtin`. Throws `render/bad-docx-engine`. */
export function resolveDocxEngine(engine?: string, env: NodeJS.ProcessEnv = process.env): DocxEngine {
  const raw = engine ?? (env['CONTRACTS_DOCX_ENGINE'] || 'builtin');
  if ((DOCX_ENGINES as readonly string[]).includes(raw)) return raw as DocxEngine;
  throw new UsageError(
    'render/bad-docx-engine',
    `Unknown DOCX engine ${JSON.stringify(raw)} (from the docxEngine option or CONTRACTS_DOCX_ENGINE); use one of ${DOCX_ENGINES.join(', ')}.`,
  );
}

/** The built-in writer's package entries for `markdown`, or why pandoc must convert it. */
export function builtinDocx(markdown: string, referenceDoc: string | Uint8Array, epoch: number): { entries: Unzipped } | { reason: string } {
  const built = builtinDocxModel(markdown, referenceDoc);
  if ('reason' in built) return built;
  const { model, reference } = built;
  return { entries: docxPackage(bodyXml(model.body), model.lists, model.links, reference, epoch) };
}

/**
 * Gets DOCX rendering ready without waiting: compiles pandoc-wasm (or probes the system pandoc) only
 * when pandoc is the engine — the built-in writer needs no warming, and pandoc-wasm's compilation
 * would only take a core from whatever else is starting. Never throws.
 */
export function warmUpDocx(options: { docxEngine?: DocxEngine; backend?: BackendPreference } = {}): void {
  let engine: DocxEngine;
  try {
    engine = resolveDocxEngine(options.docxEngine);
  } catch {
    return;
  }
  if (engine === 'pandoc') void warmUp(options.backend ? { backend: options.backend } : {});
}
