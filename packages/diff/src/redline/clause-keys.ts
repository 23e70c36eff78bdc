/**
 * Which clause each paragraph of a rendered contract was rendered from, read off today's Markdown
 * (templates/): a section heading carries its anchor (`## 10. Audit Rights {#audit}` → `§audit`), a
 * sub-clause its title (`**10.1** **On-site audit.** …` → `§audit/On-site audit`), a cover-page row
 * its term (`| Annual fees | … |` → `§cover/|Annual fees`), a labelled list item its label
 * (`- **Deployment:** …`). Numbers are left out of keys: they shift when a clause is removed.
 *
 * This is the one place that knows the rendering's shape. When render emits explicit anchors with
 * each paragraph (the clause key it was rendered from), `clauseKeys` reads those instead and
 * nothing else changes.
 */
import type { Paragraph } from './paragraphs.js';

const SECTION_RE = /\{#([A-Za-z][\w-]*)\}\s*$/;
const HEADING_RE = /^#{1,6}$/;
const NUMBER_RE = /^(?:\d+(?:\.\d+)*\.?\s+)/;
const SUBCLAUSE_RE = /^\*\*\d+(?:\.\d+)*\*\*\s+\*\*([^*]+?)\*\*/;
const LABEL_RE = /^\*\*([^*]+?):?\*\*:?/;
const TABLE_SEPARATOR_RE = /^\|?\s*:?-{2,}/;

/**
 * One key per paragraph (`undefined`: the paragraph belongs to the keyed one before it). Keys are
 * unique within a document: a repeated key gets `#2`, `#3`… in order of appearance.
 */
export function clauseKeys(paragraphs: readonly Paragraph[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  let section = '§';
  let clause = section;
  return paragraphs.map((p) => {
    let key: string | undefined;
    const marker = p.prefix.trim();
    if (HEADING_RE.test(marker)) {
      const anchor = SECTION_RE.exec(p.body)?.[1];
      section = anchor ? `§${anchor}` : `§${marker}${p.body.replace(NUMBER_RE, '').trim()}`;
      clause = section;
      key = section;
    } else if (p.body.startsWith('|')) {
      const cell = p.body.split('|')[1]?.trim() ?? '';
      key = TABLE_SEPARATOR_RE.test(p.body) ? `${section}|:--` : `${section}|${cell}`;
    } else if (marker === '') {
      const title = SUBCLAUSE_RE.exec(p.body)?.[1];
      if (title) {
        clause = `${section}/${title.trim().replace(/[.:]$/, '')}`;
        key = clause;
      }
    } else {
      const label = LABEL_RE.exec(p.body)?.[1];
      if (label) key = `${clause}/-${label.trim().replace(/[.:]$/, '')}`;
    }
    if (key === undefined) return undefined;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** Splits table paragraphs into one paragraph per row, so each row is a unit of its own. */
export function splitTableRows(paragraphs: readonly Paragraph[]): Paragraph[] {
  return paragraphs.flatMap((p) => {
    if (p.prefix !== '' || !p.body.startsWith('|') || !p.body.includes('\n')) return [p];
    return p.body.split('\n').map((row, i) => ({ text: row, prefix: '', body: row, blankBefore: i === 0 ? p.blankBefore : false }));
  });
}
