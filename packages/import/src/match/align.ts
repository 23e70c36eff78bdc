/**
 * Which region of the base rendering each block of the markup belongs to. With every tracked change
 * rejected, a markup reads as the base plus any edits made with tracking off, so blocks are paired by
 * a longest-common-subsequence alignment of their rejected text with the base blocks; in the gaps an
 * untracked edit leaves, a block that still carries the clause's bookmark pairs with that clause's
 * first block, and then blocks pair in order by shared words. A block the counterparty added joins the
 * region before it (after a heading: the one after it).
 */
import type { TrackedChange } from '../docx/read-document.js';
import type { Markup } from '../docx/read-markup.js';
import type { Rendering } from './rendering.js';
import { alignWords, blockWords } from './words.js';

/** What the counterparty's document says for one region of the base. */
export interface RegionProposal {
  region: string;
  /** Words of the base rendering. */
  base: string[];
  /** Words with all tracked changes accepted: the proposal. */
  proposed: string[];
  /** Words with all tracked changes rejected: differs from `base` where an edit was made untracked. */
  rejected: string[];
  /** The proposal's paragraphs as written (accepted text), for negotiated wording. */
  paragraphs: string[];
  changes: TrackedChange[];
  /** Ids of the comments anchored in the region. */
  comments: string[];
}

const jaccard = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  let both = 0;
  for (const w of sa) if (sb.has(w)) both++;
  return both / Math.max(1, sa.size + sb.size - both);
};

/** Pairs the markup's blocks with the base's and gathers the proposal per region (every base region is present). */
export function alignMarkup(base: Rendering, markup: Markup): Map<string, RegionProposal> {
  const baseKeys = base.blocks.map((b) => b.words.join(' '));
  const rejected = markup.blocks.map((b) => blockWords(b.rejected));
  const pairOf = alignWords(
    baseKeys,
    rejected.map((w) => (w.length === 0 ? '\u0000' : w.join(' '))),
  );
  const markupToBase = new Int32Array(markup.blocks.length).fill(-1);
  pairOf.forEach((j, i) => {
    if (j >= 0) markupToBase[j] = i;
  });
  pairGaps(base, markup, rejected, pairOf, markupToBase);

  const out = new Map<string, RegionProposal>();
  for (const [region, words] of base.regions) out.set(region, { region, base: words, proposed: [], rejected: [], paragraphs: [], changes: [], comments: [] });
  // Each markup block's region: its pair's, else (added) the previous block's, or the next one's after a heading.
  const regionOf: (string | undefined)[] = [...markupToBase].map((i) => (i >= 0 ? base.blocks[i]!.region : undefined));
  for (let j = 0; j < regionOf.length; j++) {
    if (regionOf[j] !== undefined) continue;
    const prev = j > 0 ? regionOf[j - 1] : undefined;
    const prevIsHeading = j > 0 && markupToBase[j - 1]! >= 0 && base.blocks[markupToBase[j - 1]!]!.kind === 'heading';
    if (prev !== undefined && !prevIsHeading) regionOf[j] = prev;
  }
  for (let j = regionOf.length - 1; j >= 0; j--) if (regionOf[j] === undefined) regionOf[j] = regionOf[j + 1] ?? regionOf[j - 1];
  markup.blocks.forEach((block, j) => {
    const proposal = out.get(regionOf[j] ?? '');
    if (!proposal) return;
    const text = block.kind === 'row' && block.cells && markupToBase[j]! >= 0 ? block.cells.slice(1).join(' ') : block.accepted;
    proposal.proposed.push(...blockWords(block.accepted));
    proposal.rejected.push(...rejected[j]!);
    if (text.trim() !== '') proposal.paragraphs.push(text.replace(/\s+/g, ' ').trim());
    proposal.changes.push(...block.changes.filter((c) => c.text.trim() !== ''));
    for (const id of block.comments) if (!proposal.comments.includes(id)) proposal.comments.push(id);
  });
  return out;
}

/** Pairs the blocks an untracked edit left unmatched: by clause bookmark, then in order by shared words. */
function pairGaps(base: Rendering, markup: Markup, rejected: string[][], pairOf: Int32Array, markupToBase: Int32Array): void {
  const clauseIds = new Map(base.agreement.anchors.filter((a) => a.kind === 'clause').map((a) => [a.id, `clause:${a.key}`]));
  let i = 0;
  let j = 0;
  const n = base.blocks.length;
  const m = markup.blocks.length;
  while (i < n || j < m) {
    if (i < n && pairOf[i]! >= 0) {
      j = pairOf[i]! + 1;
      i++;
      continue;
    }
    // A gap: base [i, i1) unmatched, markup [j, j1) unmatched.
    let i1 = i;
    while (i1 < n && pairOf[i1]! < 0) i1++;
    const j1 = i1 < n ? pairOf[i1]! : m;
    let next = i;
    for (let k = j; k < j1; k++) {
      const regions = markup.blocks[k]!.bookmarks.map((b) => clauseIds.get(b)).filter(Boolean);
      let pick = -1;
      for (let t = next; t < i1 && pick < 0; t++) if (regions.includes(base.blocks[t]!.region) && isFirstOfRegion(base, t)) pick = t;
      if (pick < 0) {
        let best = 0.5;
        for (let t = next; t < i1; t++) {
          const score = jaccard(base.blocks[t]!.words, rejected[k]!);
          if (score > best) [best, pick] = [score, t];
        }
      }
      if (pick >= 0) {
        markupToBase[k] = pick;
        next = pick + 1;
      }
    }
    i = i1;
    j = j1;
  }
}

const isFirstOfRegion = (base: Rendering, i: number) => i === 0 || base.blocks[i - 1]!.region !== base.blocks[i]!.region;
