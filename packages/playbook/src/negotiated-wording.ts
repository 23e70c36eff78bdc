/**
 * Negotiated wording is outside the playbook by definition: the counterparty's own text for a clause,
 * which no term rates. `check` reports each entry as a warning so that nothing unreviewed slips into a
 * signed agreement, and each comment-only entry (a question the counterparty asked, open until answered) as
 * a warning too, with what the comments say.
 */
import { emptiedAs, locate, type Diagnostic, type LoadedFile } from '@contracts/core';
import { showValue } from './compile-term.js';

type Entry = {
  clause?: unknown;
  paragraph?: unknown;
  text?: unknown;
  proposedBy?: unknown;
  proposedAt?: unknown;
  tracked?: unknown;
  comments?: unknown;
  restates?: unknown;
  label?: unknown;
  rowsAfter?: unknown;
};
type Restated = { term?: unknown; said?: unknown; value?: unknown };

const valueAt = (value: unknown, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);

/** Whether a path is one of the contract's facts (the parties, the product evaluation), which only the buyer changes: contracts import withholds a counterparty's edit of one. */
export const isFact = (path: string): boolean => /^(?:parties|product)(?:\.|$)/.test(path);

/**
 * How a restatement stands against the term's value now: `unread` (the import read no value from the
 * wording), `contradicted` (the value read is no longer the term's), or undefined when the two agree.
 * `check` (playbook/restated-term) and `diff` (restatements out of step) both judge by it.
 */
export function restatementProblem(read: unknown, current: unknown): 'unread' | 'contradicted' | undefined {
  if (read === undefined) return 'unread';
  return JSON.stringify(read) !== JSON.stringify(current) ? 'contradicted' : undefined;
}

const short = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};

/** The counterparty's comments in their own words, shortened: counsel answers them, so check shows what they say. */
function commentsSaid(comments: unknown): string {
  if (!Array.isArray(comments) || comments.length === 0) return '';
  const said = comments.slice(0, 3).map((c) => {
    const { author, text } = (c ?? {}) as { author?: unknown; text?: unknown };
    const words = typeof text === 'string' ? `"${short(text)}"` : '(no text)';
    return typeof author === 'string' && author.trim() !== '' ? `${author}: ${words}` : words;
  });
  const more = comments.length > 3 ? `, and ${comments.length - 3} more` : '';
  return `${said.join('; ')}${more}`;
}

/** What an entry's text says, or what its empty text does (a row kept with its value emptied is no deletion). */
function emptiedWords(e: { text?: unknown; label?: unknown }, clause: boolean): string {
  const emptied = emptiedAs(e);
  if (emptied === 'value-emptied') return "empties the row's value";
  if (emptied === 'deleted') return clause ? 'deletes the clause' : 'deletes the paragraph';
  return `"${short(String(e.text))}"`;
}

/** One diagnostic per `negotiatedWording` entry. */
export function negotiatedWordingDiagnostics(loaded: LoadedFile): Diagnostic[] {
  const entries = (loaded.value as { negotiatedWording?: unknown } | undefined)?.negotiatedWording;
  if (!Array.isArray(entries)) return [];
  const out: Diagnostic[] = [];
  entries.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object') return;
    const e = raw as Entry;
    const where = typeof e.clause === 'string' ? `clause ${e.clause}` : typeof e.paragraph === 'string' ? `paragraph ${e.paragraph}` : `entry ${i + 1}`;
    const by = [typeof e.proposedBy === 'string' ? e.proposedBy : undefined, typeof e.proposedAt === 'string' ? e.proposedAt.slice(0, 10) : undefined]
      .filter(Boolean)
      .join(', ');
    const path = `/negotiatedWording/${i}`;
    const at = locate(loaded, path, 'first-key');
    const comments = Array.isArray(e.comments) ? e.comments.length : 0;
    const rows = Array.isArray(e.rowsAfter) ? e.rowsAfter.length : 0;
    if (typeof e.text === 'string' || typeof e.label === 'string' || rows > 0) {
      const what = [
        typeof e.label === 'string' ? `labels the row "${short(e.label)}"` : undefined,
        typeof e.text === 'string' ? emptiedWords(e, typeof e.clause === 'string') : undefined,
        rows > 0 ? `adds ${rows} row${rows > 1 ? 's' : ''} after it` : undefined,
      ]
        .filter(Boolean)
        .join('; ');
      out.push({
        code: 'playbook/negotiated-wording',
        severity: 'warning',
        message: `negotiated wording outside the playbook: counsel to review (${where}${by ? `, proposed by ${by}` : ''}${e.tracked === false ? ', an untracked edit' : ''}: ${what}${comments ? `; ${comments === 1 ? 'comment' : `${comments} comments`}: ${commentsSaid(e.comments)}` : ''})`,
        file: loaded.file,
        ...at,
        path,
      });
      out.push(...restatedTerms(loaded, e, where, path));
    } else if (comments > 0) {
      out.push({
        code: 'playbook/negotiation-comment',
        // A question asked in the markup is open until counsel answers it (and removes the entry).
        severity: 'warning',
        message: `${comments === 1 ? 'a counterparty comment' : `${comments} counterparty comments`} on ${where} to answer (the template wording stands): ${commentsSaid(e.comments)}`,
        file: loaded.file,
        ...at,
        path,
      });
    }
  });
  return out;
}

/**
 * A term the wording restates in the counterparty's own words is rated on the term's value, so the two
 * must agree: an error when the import could not read the term from the wording, when the term has
 * changed since (the wording, printed in place of the template's, still says the old figure), or when
 * the wording changes a fact (parties, product) the import withheld, until counsel confirms or rejects it.
 */
function restatedTerms(loaded: LoadedFile, e: Entry, where: string, path: string): Diagnostic[] {
  if (!Array.isArray(e.restates)) return [];
  return e.restates.flatMap((raw, k) => {
    const r = (raw ?? {}) as Restated;
    if (typeof r.term !== 'string' || typeof r.said !== 'string') return [];
    const current = valueAt(loaded.value, r.term);
    const said = `"${short(r.said)}"`;
    const problem = restatementProblem(r.value, current);
    if (!problem) return [];
    let message: string;
    if (problem === 'unread') {
      message = `${where} restates ${r.term} as ${said}, which contracts import could not read: the term is rated at ${current === undefined ? 'no value' : showValue(current)}, which the wording contradicts; counsel to settle it`;
    } else if (isFact(r.term)) {
      const now = current === undefined ? 'absent' : showValue(current);
      message = `${where} says ${r.term} is ${said} (${showValue(r.value)}), but the contract's fact is ${now}: the counterparty changed a fact, and the parties and the product decide which laws apply, so it was not applied; counsel to confirm: accept (set ${r.term} to ${showValue(r.value)} and remove the wording) or reject (remove the wording)`;
    } else {
      message = `${where} restates ${r.term} as ${said} (${showValue(r.value)}), but the term is now ${current === undefined ? 'absent' : showValue(current)}: the wording no longer says what the term does; update or remove the wording`;
    }
    const at = `${path}/restates/${k}`;
    return [{ code: 'playbook/restated-term', severity: 'error', message, file: loaded.file, ...locate(loaded, at, 'first-key'), path: at }];
  });
}
