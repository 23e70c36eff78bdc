/**
 * Batch rendering: templates render once per contract (about a millisecond each once compiled), then
 * DOCX conversion runs several contracts per pandoc run (docx-batch.ts) and `concurrency` runs at a
 * time — system pandoc one process per core, pandoc-wasm one compiled instance reused for all.
 */
import { availableParallelism } from 'node:os';
import type { VendorAgreement } from '@contracts/core';
import { renderDocxMany, type RenderDocxManyOptions } from './docx.js';
import { renderHtml } from './html.js';
import { renderAgreement, type RenderMarkdownOptions } from './markdown.js';
import { resolveEpoch } from './normalize-docx.js';
import { renderPdf } from './pdf.js';
import type { ProvenanceInput } from './provenance.js';

export type RenderFormat = 'md' | 'html' | 'docx' | 'pdf';

export interface RenderManyOptions extends Omit<RenderDocxManyOptions, 'epochs' | 'provenance' | 'provenances'> {
  html?: { engine?: 'builtin' | 'pandoc' };
  /**
   * The date each DOCX is stamped with, per contract (in input order), e.g. its commit's; where absent,
   * `epoch`, else {@link resolveEpoch} (SOURCE_DATE_EPOCH, else the effective date).
   */
  epochs?: readonly (number | undefined)[];
  /** Commit, round and ref the contracts were read at; each DOCX records them with its contract id. */
  provenance?: Omit<ProvenanceInput, 'contractId'>;
  /** The same per contract (in input order), when they were read at different versions; wins over `provenance`. */
  provenances?: readonly (Omit<ProvenanceInput, 'contractId'> | undefined)[];
  /** Variables the templates see beside the contract; a function is called once per contract. */
  extraContext?: RenderMarkdownOptions['extraContext'];
}

/** One output per contract, in input order: `string` for md/html, bytes for docx/pdf. */
export async function renderMany(
  contracts: readonly VendorAgreement[],
  format: RenderFormat,
  options: RenderManyOptions = {},
): Promise<(string | Uint8Array)[]> {
  const rendered = contracts.map((c) => renderAgreement(c, options));
  if (format === 'md') return rendered.map((r) => r.markdown);
  // Every other format carries the anchors: HTML ids and DOCX bookmarks (see anchors.ts).
  const markdowns = rendered.map((r) => r.anchored);
  const concurrency = options.concurrency ?? availableParallelism();
  if (format === 'html') return Promise.all(markdowns.map((m, i) => renderHtml(m, { ...options, ...options.html, title: contracts[i]!.title })));
  if (format === 'docx') {
    const epochs = contracts.map((c, i) => options.epochs?.[i] ?? options.epoch ?? resolveEpoch(c.effectiveDate));
    const provenances = contracts.map((c, i) => ({ ...(options.provenances?.[i] ?? options.provenance), contractId: c.id }));
    return renderDocxMany(markdowns, { ...options, provenance: undefined, concurrency, epochs, provenances });
  }
  const out: Uint8Array[] = [];
  for (const [i, m] of markdowns.entries())
    out.push(
      await renderPdf(m, {
        ...options,
        provenance: { ...(options.provenances?.[i] ?? options.provenance), contractId: contracts[i]!.id },
        title: contracts[i]!.title,
      }),
    );
  return out;
}
