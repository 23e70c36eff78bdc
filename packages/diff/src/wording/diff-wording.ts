import type { NegotiatedWording1 } from '@contracts/core';
import { restatementProblem } from '@contracts/playbook';
import { changesWording } from '@contracts/render';
import { valueAt } from '../positions/values.js';
import type { AddedRow, CommentAdded, RestatementOutOfStep, WordingChange, WordingDiff, WordingState } from './types.js';

type Raw = Record<string, unknown>;
type Entry = { region: string; kind: 'clause' | 'paragraph'; key: string; raw: Raw };

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const isRaw = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The `negotiatedWording` entries of a version by region key; a later entry for a key wins, as in render. */
function entriesOf(value: unknown): Map<string, Entry> {
  const list = isRaw(value) ? value.negotiatedWording : undefined;
  const out = new Map<string, Entry>();
  if (!Array.isArray(list)) return out;
  for (const raw of list) {
    if (!isRaw(raw)) continue;
    const clause = str(raw.clause);
    const paragraph = str(raw.paragraph);
    const [kind, key] = clause !== undefined ? (['clause', clause] as const) : paragraph !== undefined ? (['paragraph', paragraph] as const) : [];
    if (!kind || key === undefined) continue;
    const region = `${kind}:${key}`;
    out.set(region, { region, kind, key, raw });
  }
  return out;
}

const rowsOf = (raw: Raw): AddedRow[] =>
  Array.isArray(raw.rowsAfter) ? raw.rowsAfter.filter(isRaw).map((r) => ({ label: str(r.label) ?? '', text: str(r.text) ?? '' })) : [];

/** The entry's wording, or null when it has none (absent, or comments only: the template's wording stands). */
function wordingOf(e: Entry | undefined): WordingState | null {
  // render's predicate: what it prints in place of the template's wording
  if (!e || !changesWording(e.raw as NegotiatedWording1)) return null;
  const text = str(e.raw.text);
  const label = str(e.raw.label);
  const rows = rowsOf(e.raw);
  const by = str(e.raw.proposedBy);
  const at = str(e.raw.proposedAt);
  return {
    ...(text !== undefined ? { text } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(rows.length ? { rowsAfter: rows } : {}),
    ...(by !== undefined ? { proposedBy: by } : {}),
    ...(at !== undefined ? { proposedAt: at } : {}),
    ...(typeof e.raw.tracked === 'boolean' ? { tracked: e.raw.tracked } : {}),
  };
}

const rowKey = (r: AddedRow) => JSON.stringify([r.label, r.text]);
const sameWording = (a: WordingState, b: WordingState) =>
  a.text === b.text && a.label === b.label && JSON.stringify((a.rowsAfter ?? []).map(rowKey)) === JSON.stringify((b.rowsAfter ?? []).map(rowKey));

function change(e: Entry, before: WordingState | null, after: WordingState | null): WordingChange | undefined {
  if (!before && !after) return undefined;
  if (before && after && sameWording(before, after)) return undefined;
  const kind = !before ? 'added' : !after ? 'withdrawn' : 'changed';
  const had = new Set((before?.rowsAfter ?? []).map(rowKey));
  const has = new Set((after?.rowsAfter ?? []).map(rowKey));
  const rowsAdded = (after?.rowsAfter ?? []).filter((r) => !had.has(rowKey(r)));
  const rowsRemoved = (before?.rowsAfter ?? []).filter((r) => !has.has(rowKey(r)));
  const labelFrom = before?.label ?? null;
  const labelTo = after?.label ?? null;
  return {
    region: e.region,
    kind: e.kind,
    key: e.key,
    change: kind,
    before,
    after,
    ...(rowsAdded.length ? { rowsAdded } : {}),
    ...(rowsRemoved.length ? { rowsRemoved } : {}),
    ...(labelFrom !== labelTo ? { labelChanged: { from: labelFrom, to: labelTo } } : {}),
  };
}

const commentKey = (c: Raw) => JSON.stringify([str(c.author), str(c.date), str(c.text)]);
const commentsOf = (e: Entry | undefined): Raw[] => (e && Array.isArray(e.raw.comments) ? e.raw.comments.filter(isRaw) : []);

function addedComments(e: Entry, before: Entry | undefined): CommentAdded[] {
  const seen = new Set(commentsOf(before).map(commentKey));
  return commentsOf(e)
    .filter((c) => !seen.has(commentKey(c)) && typeof c.author === 'string' && typeof c.text === 'string')
    .map((c) => {
      const replies = Array.isArray(c.replies)
        ? c.replies.filter(isRaw).map((r) => ({ author: str(r.author) ?? '', ...(str(r.date) ? { date: str(r.date)! } : {}), text: str(r.text) ?? '' }))
        : [];
      return {
        region: e.region,
        kind: e.kind,
        key: e.key,
        author: c.author as string,
        ...(str(c.date) ? { date: str(c.date)! } : {}),
        text: c.text as string,
        ...(str(c.on) ? { on: str(c.on)! } : {}),
        ...(replies.length ? { replies } : {}),
      };
    });
}

/**
 * The restatements of entry `e` that disagree with `version`'s term values — by the rule `contracts
 * check` applies (`playbook/restated-term`): no value read, or the value read is no longer the term's.
 */
function outOfStep(e: Entry | undefined, version: unknown): RestatementOutOfStep[] {
  if (!e || !Array.isArray(e.raw.restates) || wordingOf(e) === null) return [];
  return e.raw.restates.filter(isRaw).flatMap((r) => {
    const term = str(r.term);
    const said = str(r.said);
    if (term === undefined || said === undefined) return [];
    const current = valueAt(version, term.split('.'));
    const problem = restatementProblem(r.value, current);
    if (!problem) return [];
    return [
      {
        region: e.region,
        kind: e.kind,
        key: e.key,
        term,
        said,
        ...(r.value !== undefined ? { read: r.value } : {}),
        ...(current !== undefined ? { current } : {}),
        problem,
      } satisfies RestatementOutOfStep,
    ];
  });
}

/**
 * The negotiated wording (`negotiatedWording`, the counterparty's own text written by `contracts
 * import`) that changed between two versions of a contract: regions whose wording was added, changed
 * or withdrawn (matched by region key, in the later version's order, then the withdrawn ones in the
 * earlier's), the comments added, and the restated terms that newly disagree with their value. Pure.
 */
export function diffWording(oldValue: unknown, newValue: unknown): WordingDiff {
  const before = entriesOf(oldValue);
  const after = entriesOf(newValue);
  const changes: WordingChange[] = [];
  const comments: CommentAdded[] = [];
  const restatements: RestatementOutOfStep[] = [];
  for (const e of after.values()) {
    const was = before.get(e.region);
    const c = change(e, wordingOf(was), wordingOf(e));
    if (c) changes.push(c);
    comments.push(...addedComments(e, was));
    const already = new Set(outOfStep(was, oldValue).map((r) => JSON.stringify([r.term, r.said, r.problem, r.read])));
    restatements.push(...outOfStep(e, newValue).filter((r) => !already.has(JSON.stringify([r.term, r.said, r.problem, r.read]))));
  }
  for (const e of before.values()) {
    if (after.has(e.region)) continue;
    const c = change(e, wordingOf(e), null);
    if (c) changes.push(c);
  }
  const count = (k: WordingChange['change']) => changes.filter((c) => c.change === k).length;
  return {
    changes,
    comments,
    restatements,
    summary: { added: count('added'), changed: count('changed'), withdrawn: count('withdrawn'), comments: comments.length, restatements: restatements.length },
  };
}

/** Whether anything in `w` is to print. */
export const wordingMoved = (w: WordingDiff) => w.changes.length + w.comments.length + w.restatements.length > 0;
