/**
 * Markdown → DOCX through pandoc with our reference document (heading and table styles), then
 * normalised for byte-identical output.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { mapLimit } from '@contracts/core';
import { convert, type BackendPreference, type ConvertOptions } from '@contracts/pandoc';
import { DEFAULT_TEMPLATES_DIR, getEnvironment } from './environment.js';
import { joinForBatch, splitBatch } from './docx-batch.js';
import { TemplateRenderError } from './errors.js';
import { normalizeDocx, normalizeEntries, resolveEpoch } from './normalize-docx.js';
import { checkPandocInput } from './pandoc-limits.js';
import { PANDOC_MARKDOWN_EXTENSIONS } from './pandoc-options.js';
import type { ProvenanceInput } from './provenance.js';

export interface RenderDocxOptions {
  /** Reference document (path or bytes). Default: `reference.docx` from `templatesDir`, else ours. */
  referenceDoc?: string | Uint8Array;
  templatesDir?: string;
  /** Seconds since 1970 stamped into the document; default {@link resolveEpoch}. */
  epoch?: number;
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

/** One Markdown document → normalised DOCX bytes. */
export async function renderDocx(markdown: string, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  checkPandocInput(markdown);
  const epoch = options.epoch ?? resolveEpoch();
  const result = await convert(markdown, docxOptions(options, epoch));
  return normalizeDocx(result.output, epoch, options.provenance);
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
 * Several Markdown documents → DOCX, in input order. Documents are converted `batchSize` per pandoc run
 * (see docx-batch.ts), `concurrency` runs at a time; a batch that cannot be split safely is converted
 * one document at a time instead. Output bytes do not depend on the batching.
 */
export async function renderDocxMany(markdowns: readonly string[], options: RenderDocxManyOptions = {}): Promise<Uint8Array[]> {
  for (const markdown of markdowns) checkPandocInput(markdown);
  const epoch = options.epoch ?? resolveEpoch();
  const convertOptions = docxOptions(options, epoch);
  const concurrency = options.concurrency ?? availableParallelism();
  // Enough batches to keep every lane busy, never more than batchSize documents in one.
  const size = Math.max(1, Math.min(options.batchSize ?? 10, Math.ceil(markdowns.length / concurrency)));
  const batches: number[][] = [];
  for (let start = 0; start < markdowns.length; start += size) batches.push([...Array(Math.min(size, markdowns.length - start)).keys()].map((k) => start + k));
  const out = new Array<Uint8Array>(markdowns.length);
  const stamp = (i: number) => options.epochs?.[i] ?? epoch;
  const source = (i: number) => options.provenances?.[i] ?? options.provenance;
  await mapLimit(batches, concurrency, async (batch) => {
    if (batch.length > 1) {
      const { markdown, nonce } = joinForBatch(batch.map((i) => markdowns[i]!));
      const parts = splitBatch((await convert(markdown, convertOptions)).output, nonce, batch.length);
      if (parts) {
        parts.forEach((entries, k) => {
          out[batch[k]!] = normalizeEntries(entries, stamp(batch[k]!), source(batch[k]!));
        });
        return;
      }
    }
    for (const i of batch) out[i] = normalizeDocx((await convert(markdowns[i]!, convertOptions)).output, stamp(i), source(i));
  });
  return out;
}
