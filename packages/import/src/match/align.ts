/**
 * Which region of the base rendering each block of the markup belongs to. With every tracked change
 * rejected, a markup reads as the base plus any edits made with tracking off, so blocks are paired by
 * a longest-common-subsequence alignment of their rejected text with the base blocks; in the gaps an
 * untracked edit leaves, a block that still carries the clause's bookmark pairs with that clause's
 * first block, and then blocks pair in order by shared words. A block the counterparty added joins the
 * region before it (at the very start: the one after it).
 */
import { tableCells } from '@contracts/render';
import type { MarkupBlock, TrackedChange } from '../docx/read-document.js';
import type { Markup } from '../docx/read-markup.js';
import type { Rendering } from './rendering.js';
import { flat, isRowRegion, type RowProposal, rowProposal, templateLabel } from './rows.js';
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
  /**
   * The proposal's paragraphs as written (accepted text), for negotiated wording: a list item's starts
   * with `- ` (render prints it as an item), a paragraph of theirs that itself starts so with `\- `.
   */
  paragraphs: string[];
  changes: TrackedChange[];
  /** Ids of the comments anchored in the region. */
  comments: string[];
  /** For a table row: its label and the rows added after it, which term values never explain (see `rowProposal`). */
  row?: RowProposal;
  /**
   * A table row whose cells the counterparty split into paragraphs (or joined) where the base prints
   * none (or other ones): no term value prints a paragraph break, so the row is wording, not values.
   */
  reshaped?: boolean;
}

const jaccard = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  let both = 0;
  for (const w of sa) if (sb.has(w)) both++;
  return both / Math.max(1, sa.size + sb.size - both);
};

/**
 * Pairs the markup's blocks with the base's and gathers the proposal per region (every base region is present).
 * `restored`: row regions whose deleted template row the base prints again because the markup puts it back.
 */
export function alignMarkup(base: Rendering, markup: Markup, restored: ReadonlySet<string> = new Set()): Map<string, RegionProposal> {
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
  pairDisplacedDeletions(base, markup, rejected, markupToBase);
  pairReplacements(base, markup, rejected, markupToBase);

  const out = new Map<string, RegionProposal>();
  for (const [region, words] of base.regions) out.set(region, { region, base: words, proposed: [], rejected: [], paragraphs: [], changes: [], comments: [] });
  // Each markup block's region: its pair's, else (added) the previous block's — after a heading too, so that
  // a paragraph added under an annex or section heading prints under it, not inside the first clause
  // before its number — or, at the very start, the next one's.
  const regionOf: (string | undefined)[] = [...markupToBase].map((i) => (i >= 0 ? base.blocks[i]!.region : undefined));
  for (let j = 1; j < regionOf.length; j++) regionOf[j] ??= regionOf[j - 1];
  for (let j = regionOf.length - 1; j >= 0; j--) if (regionOf[j] === undefined) regionOf[j] = regionOf[j + 1] ?? regionOf[j - 1];
  // A row they added just above a deleted template row's added rows, with that row's template label, is that row put
  // back (see `readdedRow`), not a row added after the one above it — also when read against the base that prints it
  // again (`restored`), where their wording of it may share too few words with the template's to pair with it.
  for (let j = regionOf.length - 2; j >= 0; j--) {
    const next = regionOf[j + 1];
    const block = markup.blocks[j]!;
    if (markupToBase[j]! >= 0 || next === regionOf[j] || next === undefined || !(base.addedRowsOnly.has(next) || restored.has(next)) || block.kind !== 'row')
      continue;
    if (blockWords(block.cells?.[0] ?? '').join(' ') === blockWords(templateLabel(next.slice('paragraph:'.length))).join(' ')) regionOf[j] = next;
  }
  const rows = new Map<string, MarkupBlock[]>();
  markup.blocks.forEach((block, j) => {
    const proposal = out.get(regionOf[j] ?? '');
    if (!proposal) return;
    proposal.rejected.push(...rejected[j]!);
    proposal.changes.push(...block.changes.filter((c) => c.text.trim() !== ''));
    for (const id of block.comments) if (!proposal.comments.includes(id)) proposal.comments.push(id);
    if (block.kind === 'row' && block.cells && isRowRegion(base, proposal.region)) {
      rows.set(proposal.region, [...(rows.get(proposal.region) ?? []), block]);
      return;
    }
    proposal.proposed.push(...blockWords(block.accepted));
    if (block.accepted.trim() !== '') proposal.paragraphs.push(asWritten(block));
  });
  for (const [region, blocks] of rows) rowProposal(base, out.get(region)!, blocks, restored.has(region));
  return out;
}

/** A block's accepted text as negotiated wording keeps it, a list item marked as one (see `RegionProposal.paragraphs`). */
const asWritten = (block: MarkupBlock) => {
  const text = flat(block.accepted);
  return block.kind === 'item' ? `- ${text}` : text.startsWith('- ') ? `\\- ${text.slice(2)}` : text;
};

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

/**
 * A block deleted whole still names what it deleted, wherever it stands: LibreOffice's Compare Document
 * can record a deleted paragraph at the end of the document, out of order, where the in-order pairing
 * cannot reach it. It pairs with the unpaired base block whose words it holds exactly.
 */
function pairDisplacedDeletions(base: Rendering, markup: Markup, rejected: string[][], markupToBase: Int32Array): void {
  const paired = new Set(markupToBase);
  const unpaired = new Map<string, number[]>();
  base.blocks.forEach((b, i) => {
    if (paired.has(i) || b.words.length === 0) return;
    const key = b.words.join(' ');
    unpaired.set(key, [...(unpaired.get(key) ?? []), i]);
  });
  markup.blocks.forEach((b, j) => {
    if (markupToBase[j]! >= 0 || rejected[j]!.length === 0 || blockWords(b.accepted).length > 0) return;
    const i = unpaired.get(rejected[j]!.join(' '))?.shift();
    if (i !== undefined) markupToBase[j] = i;
  });
}

/**
 * A block deleted whole and a block inserted whole near it are one block rewritten: Word's and
 * LibreOffice's Compare Document record a changed table as the new table inserted and the old one
 * deleted after it (every row tracked), and counsel often deletes a paragraph and types its
 * replacement above it. Between two blocks that are kept, inserted blocks pair in order with the deleted
 * ones they share most words with (a row: the same label), and take the region of the block they replace.
 */
function pairReplacements(base: Rendering, markup: Markup, rejected: string[][], markupToBase: Int32Array): void {
  const accepted = markup.blocks.map((b) => blockWords(b.accepted));
  const deleted = (j: number) => markupToBase[j]! >= 0 && accepted[j]!.length === 0 && rejected[j]!.length > 0;
  const inserted = (j: number) => markupToBase[j]! < 0 && rejected[j]!.length === 0 && accepted[j]!.length > 0;
  let start = 0;
  for (let j = 0; j <= markup.blocks.length; j++) {
    const kept = j === markup.blocks.length || (markupToBase[j]! >= 0 && !deleted(j));
    if (!kept) continue;
    const window = [...Array(j - start).keys()].map((k) => start + k);
    const gone = window.filter(deleted);
    const added = window.filter(inserted);
    if (gone.length > 0 && added.length > 0) {
      const score = (a: number, d: number) => {
        const was = base.blocks[markupToBase[d]!]!;
        const now = markup.blocks[a]!;
        if (now.kind === 'row' && was.kind === 'row' && now.cells?.[0] !== undefined && blockWords(now.cells[0]).join(' ') === labelOf(was)) return 2;
        const similarity = jaccard(was.words, accepted[a]!);
        return similarity >= 0.3 ? similarity : 0;
      };
      for (const [a, d] of orderedPairs(added, gone, score)) markupToBase[a] = markupToBase[d]!;
    }
    start = j + 1;
  }
}

/** The label of a rendered row: its first cell's words. */
const labelOf = (block: Rendering['blocks'][number]) => blockWords(tableCells(block.markdown)[0] ?? '').join(' ');

/** The order-preserving pairing of `a` with `b` of the greatest total score (pairs scoring 0 are not made). */
function orderedPairs(a: readonly number[], b: readonly number[], score: (x: number, y: number) => number): [number, number][] {
  const n = a.length;
  const m = b.length;
  const scores = a.map((x) => b.map((y) => score(x, y)));
  const best = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, k: number) => best[i * (m + 1) + k]!;
  for (let i = n - 1; i >= 0; i--)
    for (let k = m - 1; k >= 0; k--) {
      const s = scores[i]![k]!;
      best[i * (m + 1) + k] = Math.max(at(i + 1, k), at(i, k + 1), s > 0 ? s + at(i + 1, k + 1) : 0);
    }
  const pairs: [number, number][] = [];
  for (let i = 0, k = 0; i < n && k < m; ) {
    const s = scores[i]![k]!;
    if (s > 0 && at(i, k) === s + at(i + 1, k + 1)) {
      pairs.push([a[i]!, b[k]!]);
      i++;
      k++;
    } else if (at(i, k) === at(i + 1, k)) i++;
    else k++;
  }
  return pairs;
}

const isFirstOfRegion = (base: Rendering, i: number) => i === 0 || base.blocks[i - 1]!.region !== base.blocks[i]!.region;
