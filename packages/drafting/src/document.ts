/**
 * The rendered agreement as the lint reads it: one entry per line of the anchored Markdown, with the
 * text a reader sees (term spans reduced to their text, links to their label, Markdown escapes
 * removed), the clause the line belongs to and the contract terms printed on it. Working on the
 * anchored form is what lets a finding point back at the contract line or the template that caused it.
 */
import type { Anchor } from '@contracts/render';

export interface DocumentLine {
  /** 1-based line of the people-facing Markdown (`contracts render --to md`). */
  line: number;
  /** What the reader sees. */
  text: string;
  /** The line with links kept (`[Section 5 (Title)](#anchor)`), for reference checks. */
  linked: string;
  heading: boolean;
  /** Clause key (`audit/costs`) when the line is inside a clause. */
  clause?: string;
  /** Contract paths and texts of the values printed on this line. */
  terms: { path: string; text: string }[];
}

const FENCE_OPEN = /^::: \{#a(_c[0-9a-f]{10}(?:_\d+)?)\}$/;
const FENCE_CLOSE = /^:::$/;
const TERM_SPAN = /\[((?:\\.|[^\]\\])*)\]\{#a(_t[0-9a-f]{10}(?:_\d+)?)\}/g;
const CHUNK_SPAN = /\[((?:\\.|[^\]\\])*)\]\{\}/g;
const LINK = /\[((?:\\.|[^\]\\])*)\]\(#[^)]*\)/g;
const unescapeMarkdown = (s: string) => s.replace(/\\(.)/g, '$1');

/** Splits an anchored agreement into lines, numbered as in the people-facing Markdown. */
export function readDocument(anchored: string, anchors: readonly Anchor[]): DocumentLine[] {
  const byId = new Map(anchors.map((a) => [a.id, a]));
  const out: DocumentLine[] = [];
  let clause: string | undefined;
  let line = 0;
  let lastBlank = true;
  for (const raw of anchored.split('\n')) {
    const open = FENCE_OPEN.exec(raw);
    if (open) {
      clause = byId.get(open[1]!)?.key;
      continue;
    }
    if (FENCE_CLOSE.test(raw)) {
      clause = undefined;
      continue;
    }
    // The people-facing Markdown collapses the blank lines fences leave; count lines the same way.
    const blank = raw.trim() === '';
    if (blank && lastBlank) continue;
    lastBlank = blank;
    line++;
    const terms: DocumentLine['terms'] = [];
    const linked = raw
      .replace(TERM_SPAN, (_m, text: string, id: string) => {
        const anchor = byId.get(id);
        if (anchor) terms.push({ path: anchor.key, text: unescapeMarkdown(text) });
        return text;
      })
      .replace(CHUNK_SPAN, '$1');
    const entry: DocumentLine = { line, text: unescapeMarkdown(linked.replace(LINK, '$1')), linked, heading: /^#{1,6} /.test(raw), terms };
    if (clause !== undefined) entry.clause = clause;
    out.push(entry);
  }
  return out;
}
