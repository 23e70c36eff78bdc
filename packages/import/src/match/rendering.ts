/**
 * A contract rendered the way the import compares it: the agreement's blocks (render's own block
 * split and keys), grouped into regions — a numbered clause (`clause:audit/on-site-audit`) or a block
 * outside the clauses (`paragraph:cover-page/Data return`) — with each block's words and where each
 * term value sits in them. Block texts are cached by Markdown: a candidate value changes a few blocks,
 * and the rest are not converted again.
 */
import { emptiedAs, type VendorAgreement } from '@contracts/core';
import {
  agreementBlocks,
  blockText,
  isHeaderRow,
  renderAgreement,
  type AgreementBlock,
  type BlockKind,
  type RenderedAgreement,
  type RenderMarkdownOptions,
} from '@contracts/render';
import { blockWords, normalizeText } from './words.js';

/** A term value inside a block, as word indices `[from, to)`. */
export interface TermSpan {
  path: string;
  occurrence: number;
  from: number;
  to: number;
  /** What the first and last of those words hold beyond the value (`(` before it, `,` after it), normalised. */
  before: string;
  after: string;
}

export interface RenderedBlock {
  region: string;
  kind: BlockKind;
  markdown: string;
  words: string[];
  terms: TermSpan[];
}

export interface Rendering {
  agreement: RenderedAgreement;
  blocks: RenderedBlock[];
  /** Region key → the words of its blocks, in document order of first appearance. */
  regions: Map<string, string[]>;
  /** Region key → its words joined by single spaces (what equality compares). */
  texts: Map<string, string>;
  /**
   * Row regions whose own (template) row an earlier round deleted while rows it added after it stay:
   * every row printed under the key is one they added (see rows.ts `rowProposal`).
   */
  addedRowsOnly: Set<string>;
}

const cache = new Map<string, { words: string[]; text: string; terms: TermSpan[] }>();

const wordCount = (text: string) => (normalizeText(text) === '' ? 0 : normalizeText(text).split(' ').length);

/**
 * Renders `contract` and splits it into regions. `render` must be what `contracts render` used (its
 * templates and the playbook's `clauseContext`), or the base would not read as the document sent.
 */
export function renderRegions(contract: VendorAgreement, render: RenderMarkdownOptions): Rendering {
  const agreement = renderAgreement(contract, render);
  const byId = new Map(agreement.anchors.map((a) => [a.id, a]));
  const blocks: RenderedBlock[] = [];
  const regions = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const all = agreementBlocks(agreement.anchored, agreement.anchors);
  // Keyed as the template keys them: negotiated wording may relabel a row or add rows after it (render's paragraphKeys).
  const keys = agreement.paragraphKeys;
  const outside = all.filter((b) => b.clause === undefined).length;
  let k = 0;
  for (const block of all) {
    const paragraph = block.clause === undefined && keys?.length === outside ? keys[k++] : block.paragraph;
    const region = block.clause !== undefined ? `clause:${block.clause}` : `paragraph:${paragraph}`;
    const key = `${block.kind}\u0000${block.markdown}`;
    let read = cache.get(key);
    if (!read) {
      const { text, terms } = blockText(block.markdown, block.kind);
      const spans: TermSpan[] = [];
      for (const t of terms) {
        const anchor = byId.get(t.id);
        if (anchor?.kind !== 'term') continue;
        const before = text.slice(0, t.start);
        const midWord = before !== '' && !/\s$/.test(before);
        const after = /^\S*/.exec(text.slice(t.end))![0];
        spans.push({
          path: anchor.key,
          occurrence: anchor.occurrence,
          from: wordCount(before) - (midWord ? 1 : 0),
          to: wordCount(text.slice(0, t.end)),
          before: midWord ? normalizeText(/\S*$/.exec(before)![0]) : '',
          after: t.end > t.start ? normalizeText(after) : '',
        });
      }
      const words = blockWords(text);
      read = { words, text: words.join(' '), terms: spans };
      if (cache.size > 50_000) cache.clear();
      cache.set(key, read);
    }
    blocks.push({ region, kind: block.kind, markdown: block.markdown, words: read.words, terms: read.terms });
    const words = regions.get(region);
    if (words) {
      words.push(...read.words);
      if (read.text) texts.set(region, texts.get(region) ? `${texts.get(region)} ${read.text}` : read.text);
    } else {
      regions.set(region, [...read.words]);
      texts.set(region, read.text);
    }
  }
  return { agreement, blocks, regions, texts, addedRowsOnly: addedRowsOnly(contract, agreement.anchored, all, blocks) };
}

/** Regions of a deleted body row (entry `text: ''`, no `label`: one with a label keeps the row, its value emptied) that still print rows: a header row is kept, its value emptied, so it is not one. */
function addedRowsOnly(contract: VendorAgreement, anchored: string, all: readonly AgreementBlock[], blocks: readonly RenderedBlock[]): Set<string> {
  const deleted = new Set((contract.negotiatedWording ?? []).flatMap((e) => (e?.paragraph && emptiedAs(e) === 'deleted' ? [`paragraph:${e.paragraph}`] : [])));
  const out = new Set<string>();
  if (deleted.size === 0) return out;
  const lines = anchored.split('\n');
  const seen = new Set<string>();
  blocks.forEach((b, i) => {
    if (seen.has(b.region)) return;
    seen.add(b.region);
    if (deleted.has(b.region) && b.kind === 'row' && !isHeaderRow(lines, all[i]!)) out.add(b.region);
  });
  return out;
}
