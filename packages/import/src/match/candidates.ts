/**
 * Candidate values for one term, made from the schema and from the counterparty's words: every enum
 * value, true / false, absent, the numbers in the changed text ("seventy-two (72) hours" → 72,
 * "USD 2,000,000" → 2000000), list members added or removed, the changed text itself for a free-text
 * term, a date written out ("1 August 2026"). None is trusted: each is rendered, and only one whose
 * wording equals the counterparty's is accepted (read-values.ts). The most likely come first.
 */
import type { Leaf } from './schema-leaves.js';

/** A candidate that removes the term from the contract. */
export const ABSENT = Symbol('absent');
export type Candidate = unknown;

/** What the counterparty's text suggests about a term. */
export interface Hints {
  /** Their text where the base printed this term (when it could be located). */
  spanText?: string;
  /** Words they added in the region. */
  inserted: readonly string[];
  /** Values of the label kind the template prints this term with (`jurisdiction`, `region`). */
  labelValues?: readonly string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const n = Number(m[0].replace(/,/g, ''));
    if (Number.isFinite(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

function dateIn(text: string): string | undefined {
  const m = /\b(\d{1,2}) ([A-Za-z]+) (\d{4})\b/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const splitList = (text: string) =>
  text
    .split(/,\s*|\s+(?:and|or)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Candidates for `leaf` whose value is `current` (undefined: absent), most likely first; never `current` itself. */
export function candidatesFor(leaf: Leaf, current: unknown, hints: Hints): Candidate[] {
  const out: Candidate[] = [];
  const add = (v: Candidate) => {
    if (v === ABSENT ? current !== undefined : !sameValue(v, current) && !out.some((o) => sameValue(o, v))) out.push(v);
  };
  const span = hints.spanText ?? '';
  const inserted = hints.inserted.join(' ');
  switch (leaf.kind) {
    case 'boolean':
      add(current !== true);
      if (current === undefined) add(false);
      break;
    case 'integer':
    case 'number':
      for (const n of [...numbersIn(span), ...numbersIn(inserted)]) if (leaf.kind === 'number' || Number.isInteger(n)) add(n);
      break;
    case 'enum': {
      const values = leaf.values ?? [];
      const mentioned = values.filter((v) => span.toLowerCase().includes(v.toLowerCase()));
      for (const v of [...mentioned, ...values]) add(v);
      break;
    }
    case 'date': {
      const date = dateIn(span) ?? dateIn(inserted);
      if (date) add(date);
      break;
    }
    case 'string':
      if (hints.labelValues) for (const v of hints.labelValues) add(v);
      else if (span.trim() !== '') add(span.trim());
      break;
    case 'list': {
      const list = Array.isArray(current) ? (current as unknown[]).map(String) : [];
      for (let i = 0; i < list.length; i++) add(list.filter((_, k) => k !== i));
      const pool = leaf.items === 'enum' ? (leaf.values ?? []) : (hints.labelValues ?? []);
      for (const v of pool) if (!list.includes(v)) add([...list, v]);
      if (leaf.items === 'string' && !hints.labelValues && span.trim() !== '') add(splitList(span));
      break;
    }
  }
  add(ABSENT);
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}
