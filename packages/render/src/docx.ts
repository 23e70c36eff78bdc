/**
 * Markdown → DOCX with our reference document (heading and table styles), normalised for
 * byte-identical output. The built-in writer makes it (docx-engine.ts: pandoc for Markdown beyond
 * its subset, or on request); pandoc's output is batched and normalised the same way.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { isContractsError, mapLimit } from '@contracts/core';
import { convert, type BackendPreference, type ConvertOptions } from '@contracts/pandoc';
import { DEFAULT_TEMPLATES_DIR, getEnvironment } from './environment.js';
import { joinForBatch, splitBatch } from './docx-batch.js';
import { builtinDocx, resolveDocxEngine, type DocxEngine } from './docx-engine.js';
import { TemplateRenderError } from './errors.js';
import { normalizeDocx, normalizeEntries, resolveEpoch } from './normalize-docx.js';
import { checkPandocInput } from './pandoc-limits.js';
import { PANDOC_MARKDOWN_EXTENSIONS } from './pandoc-options.js';
import type { ProvenanceInput } from './provenance.js';
import { withGridTablesForPandoc } from './pandoc-cell-breaks.js';

export interface RenderDocxOptions {
  /** Reference document (path or bytes). Default: `reference.docx` from `templatesDir`, else ours. */
  referenceDoc?: string | Uint8Array;
  templatesDir?: string;
  /** Seconds since 1970 stamped into the document; default {@link resolveEpoch}. */
  epoch?: number;
  /** `builtin` (default; pandoc for Markdown beyond its subset) or `pandoc`; see docx-engine.ts. Default: CONTRACTS_DOCX_ENGINE. */
  docxEngine?: DocxEngine;
  /** Which pandoc, when pandoc converts. */
  backend?: BackendPreference;
  /** Where the document came from, written to its custom properties (see provenance.ts). */
  provenance?: ProvenanceInput;
}

/**
 * The reference.docx to use: the user's templates directory wins over ours. Found through the clause
 * library, so a `reference.docx` that is a link out of the templates directory is refused, not read.
 */
export function referenceDocPath(templatesDir?: string): string {
  const path = getEnvironment(templatesDir).library.locate('reference.docx') ?? join(DEFAULT_TEMPLATES_DIR, 'reference.docx');
  const size = statSync(path).size;
  if (size > MAX_REFERENCE_DOC_BYTES)
    throw new TemplateRenderError(`${path} is ${size} bytes; a reference.docx may be at most ${MAX_REFERENCE_DOC_BYTES} bytes.`);
  return path;
}

/** Largest reference.docx handed to pandoc (ours is 10 KB; styles and a logo fit in far less). */
export const MAX_REFERENCE_DOC_BYTES = 16 * 1024 * 1024;

export function docxOptions(options: RenderDocxOptions, epoch: number): ConvertOptions {
  return {
    from: 'markdown',
    to: 'docx',
    // Bookmarks only for explicit ids (section anchors): auto ids would depend on what else is in a batch.
    extensions: { ...PANDOC_MARKDOWN_EXTENSIONS, auto_identifiers: false },
    referenceDoc: options.referenceDoc ?? referenceDocPath(options.templatesDir),
    sourceDateEpoch: epoch,
    ...(options.backend ? { backend: options.backend } : {}),
  };
}

/** pandoc's conversion; when pandoc is missing and was needed only for `reason`, the error says so. */
async function pandocDocx(markdown: string, options: ConvertOptions, reason?: string): Promise<Uint8Array> {
  try {
    return (await convert(withGridTablesForPandoc(markdown), options)).output;
  } catch (error) {
    if (reason && isContractsError(error) && error.code.startsWith('pandoc/unavailable'))
      (error as Error).message = `The built-in DOCX writer cannot convert this document (${reason}), and pandoc is needed: ${(error as Error).message}`;
    throw error;
  }
}

/** One Markdown document → normalised DOCX bytes. */
export async function renderDocx(markdown: string, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  checkPandocInput(markdown);
  const epoch = options.epoch ?? resolveEpoch();
  const convertOptions = docxOptions(options, epoch);
  let reason: string | undefined;
  if (resolveDocxEngine(options.docxEngine) === 'builtin') {
    const built = builtinDocx(markdown, convertOptions.referenceDoc!, epoch);
    if ('entries' in built) return normalizeEntries(built.entries, epoch, options.provenance);
    reason = built.reason;
  }
  return normalizeDocx(await pandocDocx(markdown, convertOptions, reason), epoch, options.provenance);
}

/** Options for {@link renderDocxMany}. */
export interface RenderDocxManyOptions extends RenderDocxOptions {
  /** Pandoc runs in flight. Default: the number of CPUs. */
  concurrency?: number;
  /** Epoch per document (default: `epoch` for all). */
  epochs?: readonly number[];
  /** Provenance per document (default: `provenance` for all). */
  provenances?: readonly (ProvenanceInput | undefined)[];
  /** Documents per pandoc run (1 = one run each). Default 10: saves pandoc start-up, keeps lanes busy. */
  batchSize?: number;
}

/**
 * Several Markdown documents → DOCX, in input order. The built-in writer takes each in turn (a few
 * milliseconds each); what goes to pandoc is converted `batchSize` per pandoc run (see docx-batch.ts),
 * `concurrency` runs at a time, and a batch that cannot be split safely one document at a time.
 * Output bytes do not depend on the batching.
 */
export async function renderDocxMany(markdowns: readonly string[], options: RenderDocxManyOptions = {}): Promise<Uint8Array[]> {
  for (const markdown of markdowns) checkPandocInput(markdown);
  const epoch = options.epoch ?? resolveEpoch();
  const convertOptions = docxOptions(options, epoch);
  const stamp = (i: number) => options.epochs?.[i] ?? epoch;
  const source = (i: number) => options.provenances?.[i] ?? options.provenance;
  const out = new Array<Uint8Array>(markdowns.length);
  const viaPandoc: number[] = [];
  const reasons = new Map<number, string>();
  const builtin = resolveDocxEngine(options.docxEngine) === 'builtin';
  for (const [i, markdown] of markdowns.entries()) {
    const built = builtin ? builtinDocx(markdown, convertOptions.referenceDoc!, stamp(i)) : undefined;
    if (built && 'entries' in built) out[i] = normalizeEntries(built.entries, stamp(i), source(i));
    else {
      viaPandoc.push(i);
      if (built) reasons.set(i, built.reason);
    }
    // Let the caller's other work in (a redline's comparison waits for its message to be posted).
    if (i + 1 < markdowns.length) await new Promise((resolve) => setImmediate(resolve));
  }
  const concurrency = options.concurrency ?? availableParallelism();
  // Enough batches to keep every lane busy, never more than batchSize documents in one.
  const size = Math.max(1, Math.min(options.batchSize ?? 10, Math.ceil(viaPandoc.length / concurrency)));
  const batches: number[][] = [];
  for (let start = 0; start < viaPandoc.length; start += size) batches.push(viaPandoc.slice(start, start + size));
  await mapLimit(batches, concurrency, async (batch) => {
    if (batch.length > 1) {
      const { markdown, nonce } = joinForBatch(batch.map((i) => markdowns[i]!));
      const parts = splitBatch(await pandocDocx(markdown, convertOptions, reasons.get(batch[0]!)), nonce, batch.length);
      if (parts) {
        parts.forEach((entries, k) => {
          out[batch[k]!] = normalizeEntries(entries, stamp(batch[k]!), source(batch[k]!));
        });
        return;
      }
    }
    for (const i of batch) out[i] = normalizeDocx(await pandocDocx(markdowns[i]!, convertOptions, reasons.get(i)), stamp(i), source(i));
  });
  return out;
}
