/**
 * The counterparty's own wording (`negotiatedWording`, written by `contracts import`) as counsel reviews
 * it: each entry with the diagnostics `contracts check` makes for it (`negotiatedWordingDiagnostics`, the
 * one judge of what needs review), the terms it restates and whether they agree with the values rated.
 */
import type { Diagnostic } from '@contracts/core';
import { valueAt } from '@contracts/playbook';

/** A term the wording restates in the counterparty's words. */
export interface Restatement {
  /** Dotted path from the contract root (`terms.incidentResponse.cyberInsurance.perClaimUsd`). */
  term: string;
  /** Their words (`USD 3,000,000`). */
  said: string;
  /** The value the import read from their words; absent when it could not read it. */
  read?: unknown;
  /** The term's value now, which the playbook rates. */
  current: unknown;
  /** Check's `playbook/restated-term` error, when the wording and the value do not agree. */
  problem?: Diagnostic;
}

/** A comment (or reply) the counterparty left in their Word markup. */
export interface WordingComment {
  author: string;
  date?: string;
  text: string;
  /** The text it was anchored on. */
  on?: string;
  replies: { author: string; date?: string; text: string }[];
}

/** One `negotiatedWording` entry. */
export interface WordingEntry {
  /** Index in `negotiatedWording` (its JSON pointer is `/negotiatedWording/<index>`). */
  index: number;
  kind: 'clause' | 'paragraph' | 'entry';
  /** `audit/costs`, `cover-page/Cyber insurance`. */
  key: string;
  proposedBy?: string;
  proposedAt?: string;
  tracked?: boolean;
  round?: number;
  /** Their text for the clause or paragraph ('' deletes it); absent when only the label, added rows or comments changed. */
  text?: string;
  /** A table row's label as they wrote it. */
  label?: string;
  rowsAfter: { label: string; text: string }[];
  comments: WordingComment[];
  restates: Restatement[];
  /** Every diagnostic check makes for the entry (wording warning, restated-term errors, comment info). */
  diagnostics: Diagnostic[];
}

/** What the portfolio counts per agreement. */
export interface WordingCounts {
  /** Entries check reports as wording for counsel to review (`playbook/negotiated-wording`). */
  review: number;
  /** Restated terms the wording and the value disagree on (`playbook/restated-term`). */
  unsettled: number;
  /** Comments the counterparty left, replies included. */
  comments: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function comment(raw: unknown): WordingComment {
  const c = record(raw);
  const reply = (r: unknown) => {
    const x = record(r);
    const date = str(x.date);
    return { author: str(x.author) ?? 'unknown', ...(date ? { date } : {}), text: str(x.text) ?? '' };
  };
  const date = str(c.date);
  const on = str(c.on);
  return { author: str(c.author) ?? 'unknown', ...(date ? { date } : {}), text: str(c.text) ?? '', ...(on ? { on } : {}), replies: list(c.replies).map(reply) };
}

/** The entries of `value.negotiatedWording`, each with check's diagnostics for it (`diagnostics`: the file's, as check made them). */
export function wordingEntries(value: Record<string, unknown> | undefined, diagnostics: readonly Diagnostic[]): WordingEntry[] {
  const entries = list(value?.negotiatedWording);
  const byEntry = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    const m = /^\/negotiatedWording\/(\d+)(?:\/|$)/.exec(d.path);
    if (m) byEntry.set(Number(m[1]), [...(byEntry.get(Number(m[1])) ?? []), d]);
  }
  return entries.flatMap((raw, index) => {
    if (raw === null || typeof raw !== 'object') return [];
    const e = record(raw);
    const own = byEntry.get(index) ?? [];
    const clause = str(e.clause);
    const paragraph = str(e.paragraph);
    const restates = list(e.restates).flatMap((r, k): Restatement[] => {
      const x = record(r);
      const term = str(x.term);
      const said = str(x.said);
      if (term === undefined || said === undefined) return [];
      const problem = own.find((d) => d.code === 'playbook/restated-term' && d.path === `/negotiatedWording/${index}/restates/${k}`);
      return [{ term, said, ...('value' in x ? { read: x.value } : {}), current: valueAt(value, term.split('.')), ...(problem ? { problem } : {}) }];
    });
    const entry: WordingEntry = {
      index,
      kind: clause !== undefined ? 'clause' : paragraph !== undefined ? 'paragraph' : 'entry',
      key: clause ?? paragraph ?? String(index + 1),
      rowsAfter: list(e.rowsAfter).map((row) => ({ label: str(record(row).label) ?? '', text: str(record(row).text) ?? '' })),
      comments: list(e.comments).map(comment),
      restates,
      diagnostics: own,
    };
    if (str(e.proposedBy) !== undefined) entry.proposedBy = str(e.proposedBy)!;
    if (str(e.proposedAt) !== undefined) entry.proposedAt = str(e.proposedAt)!;
    if (typeof e.tracked === 'boolean') entry.tracked = e.tracked;
    if (typeof e.round === 'number') entry.round = e.round;
    if (str(e.text) !== undefined) entry.text = str(e.text)!;
    if (str(e.label) !== undefined) entry.label = str(e.label)!;
    return [entry];
  });
}

/** The portfolio's counts, from check's own diagnostics (and the comments as written). */
export function wordingCounts(entries: readonly WordingEntry[]): WordingCounts {
  const counts: WordingCounts = { review: 0, unsettled: 0, comments: 0 };
  for (const e of entries) {
    for (const d of e.diagnostics) {
      if (d.code === 'playbook/negotiated-wording') counts.review++;
      else if (d.code === 'playbook/restated-term') counts.unsettled++;
    }
    for (const c of e.comments) counts.comments += 1 + c.replies.length;
  }
  return counts;
}
