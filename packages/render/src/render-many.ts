/**
 * Batch rendering: templates render once per contract (about a millisecond each once compiled), then
 * DOCX conversion runs several contracts per pandoc run (docx-batch.ts) and `concurrency` runs at a
 * time — system pandoc one process per core, pandoc-wasm one compiled instance reused for all.
 */
import { availableParallelism } from 'node:os';
import type { VendorAgreement } from '@contracts/core';
import { renderDocxMany, type RenderDocxManyOptions } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { resolveEpoch } from './normalize-docx.js';
import { renderPdf } from './pdf.js';

export type RenderFormat = 'md' | 'html' | 'docx' | 'pdf';

export interface RenderManyOptions extends Omit<RenderDocxManyOptions, 'epochs'> {
  html?: { engine?: 'builtin' | 'pandoc' };
}

/** One output per contract, in input order: `string` for md/html, bytes for docx/pdf. */
export async function renderMany(
  contracts: readonly VendorAgreement[],
  format: RenderFormat,
  options: RenderManyOptions = {},
): Promise<(string | Uint8Array)[]> {
  const markdowns = contracts.map((c) => renderMarkdown(c, options));
  const concurrency = options.concurrency ?? availableParallelism();
  if (format === 'md') return markdowns;
  if (format === 'html') return Promise.all(markdowns.map((m, i) => renderHtml(m, { ...options, ...options.html, title: contracts[i]!.title })));
  if (format === 'docx') {
    const epochs = contracts.map((c) => options.epoch ?? resolveEpoch(c.effectiveDate));
    return renderDocxMany(markdowns, { ...options, concurrency, epochs });
  }
  const out: Uint8Array[] = [];
  for (const [i, m] of markdowns.entries()) out.push(await renderPdf(m, { ...options, title: contracts[i]!.title }));
  return out;
}
