/**
 * Structure-anchored redline of two renderings of one contract. Both come from the same templates,
 * and render marks each clause with its key (clause-keys.ts reads the marks). Clauses are aligned by
 * key, never by looks: a clause removed or added never pairs unrelated paragraphs, and a clause whose
 * place changed shows as a move (deleted where it was, inserted where it is, both marked moved).
 * Inside a clause present on both sides, the paragraph-then-word diff (align.ts) runs as before.
 */
import type { Anchor } from '@contracts/render';
import { diffDocuments, whole } from './align.js';
import { longestIncreasing } from './anchors.js';
import { clauseKeys } from './clause-keys.js';
import { joinParagraphs, splitParagraphs, type Paragraph } from './paragraphs.js';
import type { RedlineBlock } from './types.js';

/** A clause: its keyed paragraph and the unkeyed ones that follow it. */
interface Unit {
  key: string;
  paragraphs: Paragraph[];
}

function units(markdown: string, anchors: readonly Anchor[] | undefined): Unit[] {
  const paragraphs = splitParagraphs(markdown);
  const keys = clauseKeys(paragraphs, anchors);
  const out: Unit[] = [];
  paragraphs.forEach((p, i) => {
    const key = keys[i];
    if (key !== undefined || out.length === 0) out.push({ key: key ?? '^', paragraphs: [p] });
    else out.at(-1)!.paragraphs.push(p);
  });
  return out;
}

/** Render's anchors of each rendering (`renderAgreement(…).anchors`): clauses are then keyed by name. */
export interface StructuredDiffOptions {
  oldAnchors?: readonly Anchor[];
  newAnchors?: readonly Anchor[];
}

/**
 * Redline blocks for two renderings, aligned clause by clause (see the module comment). Give it the
 * anchored Markdown (`renderAgreement(…).anchored`) so clauses are known by render's marks; plain
 * Markdown aligns by section headings and table rows only.
 */
export function diffStructured(oldMarkdown: string, newMarkdown: string, options: StructuredDiffOptions = {}): RedlineBlock[] {
  const before = units(oldMarkdown, options.oldAnchors);
  const after = units(newMarkdown, options.newAnchors);
  const oldIndex = new Map(before.map((u, i) => [u.key, i]));
  // Matched clauses in new order, by old position; those on a longest increasing run stay in place.
  const matched = after.map((u) => oldIndex.get(u.key));
  const present = matched.filter((i): i is number => i !== undefined);
  const inPlace = new Set(longestIncreasing(present).map((k) => present[k]!));
  const kept = new Set(present);

  const blocks: RedlineBlock[] = [];
  let next = 0; // first old unit not yet emitted
  const flushOld = (until: number) => {
    for (; next < until; next++) {
      const unit = before[next]!;
      if (inPlace.has(next)) continue;
      blocks.push(...unit.paragraphs.map((p) => whole('delete', p, kept.has(next) ? 'from' : undefined)));
    }
  };
  after.forEach((unit, j) => {
    const i = matched[j];
    if (i === undefined) {
      blocks.push(...unit.paragraphs.map((p) => whole('insert', p)));
    } else if (inPlace.has(i)) {
      flushOld(i);
      next = i + 1;
      blocks.push(...pairDiff(before[i]!, unit));
    } else {
      blocks.push(...unit.paragraphs.map((p) => whole('insert', p, 'to')));
    }
  });
  flushOld(before.length);
  return blocks;
}

/** The paragraph-then-word diff of one clause present on both sides, with its leading spacing kept. */
function pairDiff(before: Unit, after: Unit): RedlineBlock[] {
  const blocks = diffDocuments(joinParagraphs(before.paragraphs), joinParagraphs(after.paragraphs));
  const firstNew = blocks.find((b) => b.kind !== 'delete');
  const firstOld = blocks.find((b) => b.kind !== 'insert');
  if (firstNew) firstNew.blankBefore = after.paragraphs[0]!.blankBefore;
  if (firstOld) firstOld.oldBlankBefore = before.paragraphs[0]!.blankBefore;
  return blocks;
}
