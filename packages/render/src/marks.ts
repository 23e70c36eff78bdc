/**
 * Anchors travel through template rendering as private-use characters that no contract value can
 * contain (the escaper removes them from values): a printed term is `⁰text¹id²`, a clause start is
 * `³id⁴` at the clause number, and once a section is rendered its clause starts become whole-block
 * fences (`⁵id⁶` … `⁷`). One render then yields both Markdowns: the people-facing one without
 * anchors (`contracts render --to md`, the goldens) and the anchored one HTML and DOCX are made from,
 * with pandoc spans `[text]{#a_t…}` and fenced divs `::: {#a_c…}`.
 */
import { type Anchor, anchorFor, toMarkdownId } from './anchors.js';

const TERM_OPEN = '\uE000';
const TERM_ID = '\uE001';
const TERM_CLOSE = '\uE002';
const CLAUSE_OPEN = '\uE003';
const CLAUSE_CLOSE = '\uE004';
const DIV_OPEN = '\uE005';
const DIV_ID_END = '\uE006';
const DIV_CLOSE = '\uE007';

/** Every mark character; values are stripped of them so contract data cannot forge an anchor. */
export const MARK_CHARACTERS = /[\uE000-\uE007]/g;

type Pending = Omit<Anchor, 'id' | 'occurrence'>;

/**
 * Collects the anchors of one agreement as it renders. Marks carry a record number while clauses and
 * the layout render (in that order); {@link AnchorRecorder.resolve} then gives ids in document order,
 * numbering repeated keys 1, 2, … as the reader meets them.
 */
export class AnchorRecorder {
  private readonly pending: Pending[] = [];

  /** `markdown` (an escaped value) marked as printed from the term at `path`. */
  term(path: string, markdown: string, expression: string): string {
    if (markdown === '') return markdown;
    this.pending.push({ kind: 'term', key: path, expression, text: markdown.replace(/\\(.)/g, '$1') });
    return `${TERM_OPEN}${markdown}${TERM_ID}${this.pending.length - 1}${TERM_CLOSE}`;
  }

  /** The start of clause `key`; the clause runs to the next clause start or the end of its section. */
  clause(key: string): string {
    this.pending.push({ kind: 'clause', key });
    return `${CLAUSE_OPEN}${this.pending.length - 1}${CLAUSE_CLOSE}`;
  }

  /** Replaces record numbers by anchor ids in order of appearance; returns the text and its anchors. */
  resolve(marked: string): { text: string; anchors: Anchor[] } {
    const anchors: Anchor[] = [];
    const seen = new Map<string, number>();
    const text = marked.replace(RECORD, (_m, open: string, index: string, close: string) => {
      const record = this.pending[Number(index)]!;
      const occurrence = (seen.get(`${record.kind}:${record.key}`) ?? 0) + 1;
      seen.set(`${record.kind}:${record.key}`, occurrence);
      const id = anchorFor(record.kind, record.key, occurrence);
      anchors.push({ id, ...record, occurrence });
      return `${open}${id}${close}`;
    });
    return { text, anchors };
  }
}

const RECORD = new RegExp(`([${TERM_ID}${DIV_OPEN}])(\\d+)([${TERM_CLOSE}${DIV_ID_END}])`, 'g');

const CLAUSE_MARK = new RegExp(`${CLAUSE_OPEN}([^${CLAUSE_CLOSE}]*)${CLAUSE_CLOSE}`, 'g');

/** Turns a rendered section's clause starts into fences around whole blocks (paragraphs, lists, tables). */
export function fenceClauses(section: string): string {
  if (!section.includes(CLAUSE_OPEN)) return section;
  const out: string[] = [];
  let open = false;
  for (const block of section.split(/\n{2,}/)) {
    const ids = [...block.matchAll(CLAUSE_MARK)].map((m) => m[1]!);
    for (const id of ids) {
      if (open) out.push(DIV_CLOSE);
      out.push(`${DIV_OPEN}${id}${DIV_ID_END}`);
      open = true;
    }
    out.push(block.replace(CLAUSE_MARK, ''));
  }
  if (open) out.push(DIV_CLOSE);
  return out.join('\n\n');
}

const TERM_MARK = new RegExp(`${TERM_ID}[^${TERM_CLOSE}]*${TERM_CLOSE}`, 'g');
const FENCE_LINE = new RegExp(`^(?:${DIV_OPEN}[^\\n]*|${DIV_CLOSE})$`, 'gm');

/** The people-facing Markdown: every mark removed. */
export function withoutAnchors(markdown: string): string {
  return markdown.replace(TERM_MARK, '').replace(FENCE_LINE, '').replace(CLAUSE_MARK, '').replace(MARK_CHARACTERS, '');
}

/**
 * Pandoc's DOCX writer takes time quadratic in the number of words of one inline run (a 50 KB value
 * took 7 s, 200 KB over a minute), and its reader is slow on nested brackets. A long value is therefore
 * anchored by an empty span at its start and written as flat spans of {@link CHUNK_WORDS} words, which
 * pandoc converts in linear time and which leave no trace in the document.
 */
export const CHUNK_WORDS = 50;

function anchoredTerm(text: string, id: string): string {
  const words = text.split(' ');
  if (words.length <= 2 * CHUNK_WORDS) return `[${text}]{#${id}}`;
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += CHUNK_WORDS) chunks.push(`[${words.slice(i, i + CHUNK_WORDS).join(' ')}]{}`);
  return `[]{#${id}}${chunks.join(' ')}`;
}

const TERM = new RegExp(`${TERM_OPEN}([^${TERM_ID}]*)${TERM_ID}([^${TERM_CLOSE}]*)${TERM_CLOSE}`, 'g');

/** The Markdown HTML and DOCX are made from: terms as `[text]{#a_t…}`, clauses as `::: {#a_c…}` fences. */
export function withAnchors(markdown: string): string {
  return markdown
    .replace(TERM, (_m, text: string, id: string) => anchoredTerm(text, toMarkdownId(id)))
    .replace(new RegExp(`^${DIV_OPEN}([^${DIV_ID_END}\\n]*)${DIV_ID_END}$`, 'gm'), (_m, id: string) => `::: {#${toMarkdownId(id)}}`)
    .replace(new RegExp(`^${DIV_CLOSE}$`, 'gm'), ':::')
    .replace(CLAUSE_MARK, '')
    .replace(MARK_CHARACTERS, '');
}
