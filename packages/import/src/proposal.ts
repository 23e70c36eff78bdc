/**
 * The counterparty's proposal as the contract will keep it: the term values read back, and for every
 * region they changed that no term explains, negotiated wording (their text, who, when, whether the
 * change was tracked, their comments). Comments on a region whose change was read as values, or on an
 * unchanged one, are kept as an entry with comments only, so nothing they wrote is lost.
 */
import type { NegotiatedWording } from '@contracts/core';
import type { MarkupComment } from './docx/read-comments.js';
import type { TrackedChange } from './docx/read-document.js';
import type { Markup } from './docx/read-markup.js';
import type { RegionProposal } from './match/align.js';
import { type RowProposal, templateLabel } from './match/rows.js';
import { blockWords } from './match/words.js';
import type { Restatement } from './match/own-words.js';
import type { ValueChange } from './match/read-values.js';

export type NegotiatedEntry = NegotiatedWording[number];
type EntryComment = NonNullable<NegotiatedEntry['comments']>[number];

/** One region the import reports on. */
export interface RegionReport {
  region: string;
  /** `audit/on-site-audit` or `cover-page/Data return`. */
  key: string;
  kind: 'clause' | 'paragraph';
  /** How the change was taken: as term values, as negotiated wording, or not a change (comments only). */
  outcome: 'values' | 'wording' | 'comments';
  proposedBy?: string;
  proposedAt?: string;
  tracked: boolean;
  text?: string;
  comments: EntryComment[];
  /** Terms the wording restates in the counterparty's own words (own-words.ts): read, or not (`value` absent). */
  restates: Restatement[];
  /** A table row's label as they wrote it, where it is not the template's (kept as wording whatever the outcome). */
  label?: string;
  /** Rows they added after a table row. */
  rowsAfter?: { label: string; text: string }[];
}

export interface Attribution {
  author?: string;
  date?: string;
}

const validDate = (d: string | undefined) => (d && /^\d{4}-\d\d-\d\dT/.test(d) && Number.isFinite(Date.parse(d)) && !d.startsWith('0000') ? d : undefined);
const isoUtc = (d: string | undefined) => {
  const ok = validDate(d);
  return ok ? new Date(Date.parse(ok)).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
};

/** Who made a set of changes: the author of most of them, at the latest date. */
export function attribute(changes: readonly TrackedChange[]): Attribution {
  const counts = new Map<string, number>();
  let date: string | undefined;
  for (const c of changes) {
    if (c.author) counts.set(c.author, (counts.get(c.author) ?? 0) + 1);
    const d = isoUtc(c.date);
    if (d && (!date || d > date)) date = d;
  }
  const author = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { ...(author ? { author } : {}), ...(date ? { date } : {}) };
}

function toEntryComment(c: MarkupComment, anchors: Map<string, string>): EntryComment {
  const on = anchors.get(c.id)?.replace(/\s+/g, ' ').trim();
  const date = isoUtc(c.date);
  // A thread is one level deep in the contract: replies to replies follow in order.
  const replies: MarkupComment[] = [];
  const walk = (r: MarkupComment) => {
    replies.push(r);
    r.replies.forEach(walk);
  };
  c.replies.forEach(walk);
  return {
    author: c.author || 'unknown',
    ...(date ? { date } : {}),
    text: c.text,
    ...(on ? { on } : {}),
    ...(replies.length > 0
      ? { replies: replies.map((r) => ({ author: r.author || 'unknown', ...(isoUtc(r.date) ? { date: isoUtc(r.date)! } : {}), text: r.text })) }
      : {}),
  };
}

const isScalar = (v: unknown): v is number | string | boolean => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';

const stripClauseNumber = (text: string) => text.replace(/^\d+(?:\.\d+)+\.?\s+/, '');

/** Reports per region, and the negotiated wording entries to keep in the contract. */
export function buildProposal(
  proposals: Map<string, RegionProposal>,
  changedRegions: readonly string[],
  matched: ReadonlySet<string>,
  markup: Markup,
  round: number | undefined,
  restated: readonly Restatement[] = [],
): { regions: RegionReport[]; wording: NegotiatedEntry[] } {
  const regions: RegionReport[] = [];
  const wording: NegotiatedEntry[] = [];
  const changed = new Set(changedRegions);
  const commentsSeen = new Set<string>();
  for (const [region, p] of proposals) {
    const threadIds = p.comments.map((id) => markup.rootOf.get(id) ?? id).filter((id, i, all) => all.indexOf(id) === i && !commentsSeen.has(id));
    for (const id of threadIds) commentsSeen.add(id);
    const comments = threadIds.map((id) => markup.threads.get(id)).filter((c): c is MarkupComment => c !== undefined);
    const rowEdited = p.row?.edited === true;
    if (!changed.has(region) && !rowEdited && comments.length === 0) continue;
    const [kind, key] = region.startsWith('clause:') ? (['clause', region.slice(7)] as const) : (['paragraph', region.slice(10)] as const);
    // A template row put back (see `RowProposal.readded`) is read against a base that prints it, which their rejected view does not.
    const untracked = p.row?.readded === 'first' ? p.changes.length === 0 : p.rejected.join(' ') !== p.base.join(' ');
    const tracked = attribute(p.changes);
    const by = tracked.author ?? (untracked ? markup.lastModifiedBy : undefined);
    const at = tracked.date ?? (untracked ? isoUtc(markup.modified) : undefined);
    const entryComments = comments.map((c) => toEntryComment(c, markup.commentAnchors));
    const outcome = changed.has(region) ? (matched.has(region) ? 'values' : 'wording') : rowEdited ? 'wording' : 'comments';
    // A row's label and added rows are wording whatever its value reads as; they are restated whole whenever the row was edited.
    const row = p.row && (rowEdited || outcome === 'wording') ? rowWording(p.row, key) : undefined;
    const report: RegionReport = {
      region,
      key,
      kind,
      outcome,
      tracked: !untracked,
      comments: entryComments,
      restates: outcome === 'wording' ? restated.filter((r) => r.region === region) : [],
      ...(by ? { proposedBy: by } : {}),
      ...(at ? { proposedAt: at } : {}),
      ...row,
    };
    const entry: NegotiatedEntry = kind === 'clause' ? { clause: key } : { paragraph: key };
    if (outcome === 'wording' || rowEdited) {
      const paragraphs = kind === 'clause' && p.paragraphs.length > 0 ? [stripClauseNumber(p.paragraphs[0]!), ...p.paragraphs.slice(1)] : p.paragraphs;
      // A row whose value was read (or not changed) keeps the template's value: only its label and added rows are wording.
      if (changed.has(region) && outcome === 'wording') {
        report.text = paragraphs.join('\n\n');
        entry.text = report.text;
      }
      Object.assign(entry, row);
      if (by) entry.proposedBy = by;
      if (at) entry.proposedAt = at;
      entry.tracked = !untracked;
      if (report.restates.length > 0)
        entry.restates = report.restates.map((r) => ({ term: r.path, said: r.said, ...(isScalar(r.value) ? { value: r.value } : {}) }));
    }
    if (round !== undefined) entry.round = round;
    if (entryComments.length > 0) entry.comments = entryComments;
    regions.push(report);
    if (outcome === 'wording' || rowEdited || entryComments.length > 0) wording.push(entry);
  }
  return { regions, wording };
}

/** A row's label (where it is not the template's, or its value was emptied) and the rows added after it, as the entry keeps them. */
function rowWording(row: RowProposal, key: string): { label?: string; rowsAfter?: { label: string; text: string }[] } {
  const relabelled = !row.deleted && (row.valueEmptied || blockWords(row.label).join(' ') !== blockWords(templateLabel(key)).join(' '));
  return { ...(relabelled ? { label: row.label } : {}), ...(row.after.length > 0 ? { rowsAfter: row.after } : {}) };
}

/** The regions each value change explains, with who proposed it. */
export function attributeValues(changes: readonly ValueChange[], proposals: Map<string, RegionProposal>): (ValueChange & Attribution)[] {
  return changes.map((c) => ({ ...c, ...attribute(c.regions.flatMap((r) => proposals.get(r)?.changes ?? [])) }));
}
