/**
 * Which clause each paragraph of a rendered contract was rendered from, read off the anchors render
 * emits (render's anchors.ts): every `{% clause %}` is a fenced div `::: {#a_c…}` whose id stands for
 * the clause key (`audit/on-site`, named by render's `anchors` list), every section heading carries its
 * anchor (`## 10. Audit Rights {#audit}`), and every printed value its term (`[…]{#a_t…}`). Numbers are
 * never part of a key: they shift when a clause is removed.
 *
 * Keys: a clause `clause:<key>`; a section `§<anchor>`; a heading without one by its text without the
 * number, its values standing as their terms (the title); a table row by its first cell, values as terms
 * (`§cover|Annual fees`, `§signatures|Name: {t…}`). What follows a clause outside any (`<clause>>`), and
 * everything else, belongs to the keyed paragraph before it.
 */
import type { Anchor } from '@contracts/render';
import { isFenceLine, isHeading, isSeparatorRow, isTableRow, rowCells } from './paragraph-diff.js';
import type { Paragraph } from './paragraphs.js';

const CLAUSE_FENCE_RE = /^:{3,}\s*\{#a(_c[0-9a-f]{10}(?:_\d+)?)(?=[\s}])/;
const FENCE_CLOSE_RE = /^:{3,}\s*$/;
const SECTION_ID_RE = /\s\{#([A-Za-z][\w.:-]*)\}\s*$/;
const NUMBER_RE = /^\d+(?:\.\d+)*\.?\s+/;
/** A printed term value: `[text]{#a_t<hash>}` (`_<n>` from its second printing). */
const TERM_SPAN_RE = /\[(?:\\.|[^\\\]])*\]\{#a_t([0-9a-f]{10})(?:_\d+)?\}/g;

/** Text with each printed value replaced by its term, so the key survives a changed value. */
const byTerms = (text: string) => text.replace(TERM_SPAN_RE, '{t$1}').trim();

/**
 * One key per paragraph (`undefined`: the paragraph belongs to the keyed one before it). Keys are
 * unique within a document: a repeated key gets `#2`, `#3`… in order of appearance. `anchors` (render's
 * list for this document) names clauses by their keys; without it a clause is known by its id, which
 * is the same hash of the same key in every round.
 */
export function clauseKeys(paragraphs: readonly Paragraph[], anchors: readonly Anchor[] = []): (string | undefined)[] {
  const clauseKey = new Map(anchors.filter((a) => a.kind === 'clause').map((a) => [a.id, a.occurrence > 1 ? `${a.key}#${a.occurrence}` : a.key]));
  const seen = new Map<string, number>();
  let section = '§';
  let depth = 0; // fenced divs open around this paragraph
  let after: string | undefined; // the clause just closed, for what follows it outside any clause
  let last = '§';
  return paragraphs.map((p) => {
    let key: string | undefined;
    if (isFenceLine(p)) {
      const clause = depth === 0 ? CLAUSE_FENCE_RE.exec(p.body)?.[1] : undefined;
      if (FENCE_CLOSE_RE.test(p.body)) {
        depth = Math.max(0, depth - 1);
        if (depth === 0) after = last;
        return undefined;
      }
      depth++;
      if (clause) key = `clause:${clauseKey.get(clause) ?? clause}`;
    } else if (depth > 0) {
      return undefined;
    } else if (isHeading(p.prefix)) {
      const id = SECTION_ID_RE.exec(` ${p.body}`)?.[1];
      section = id ? `§${id}` : `§${p.prefix.trim()}${byTerms(p.body.replace(NUMBER_RE, ''))}`;
      key = section;
    } else if (isTableRow(p)) {
      key = isSeparatorRow(p.body) ? `${section}|:--` : `${section}|${byTerms(rowCells(p.body)[0] ?? '')}`;
    } else if (after !== undefined) {
      key = `${after}>`;
    }
    after = undefined;
    if (key === undefined) return undefined;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    last = n === 1 ? key : `${key}#${n}`;
    return last;
  });
}
