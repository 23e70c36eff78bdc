/**
 * Where each piece of a rendered agreement came from. Every value printed from the contract and every
 * clause gets an anchor id: an HTML `id`, and in DOCX a bookmark, so a counterparty's change in Word
 * can be traced back to `terms.incidentResponse.notificationHours` or to clause `audit/on-site`.
 *
 * Word limits bookmark names to 40 characters and hides those starting with `_`; term paths are
 * longer, so an id is a kind letter and a hash of the key: `_t` + 10 hex digits of SHA-256 of the term
 * path (`_c` for a clause key), plus `_<n>` from the second time the same key is printed. 40 bits keep
 * the few hundred keys of a contract apart (a test checks every schema path and clause key).
 * Pandoc only reads ids that start with a letter, so Markdown carries `a_t…`; the HTML converter and
 * the DOCX normaliser drop the `a` ({@link fromMarkdownId}).
 */
import { createHash } from 'node:crypto';

export type AnchorKind = 'term' | 'clause';

/** One anchored piece of a rendered agreement. */
export interface Anchor {
  /** The id: HTML `id` and DOCX bookmark name (`_t3f2a…`, `_c91b0…_2`). */
  id: string;
  kind: AnchorKind;
  /** Term path from the contract root (`terms.audit.onSite`) or clause key (`audit/on-site`). */
  key: string;
  /** 1 for the first time the key is printed, 2 for the second, … */
  occurrence: number;
  /** For a term: the template expression that printed it (`ir.notificationHours | hours`). */
  expression?: string;
  /** For a term: the text as the reader sees it ("twenty-four (24) hours"). */
  text?: string;
}

const PREFIX: Record<AnchorKind, string> = { term: '_t', clause: '_c' };
const HASH_DIGITS = 10;
/** Matches every id {@link anchorFor} makes. */
export const ANCHOR_ID = /^_([tc])([0-9a-f]{10})(?:_(\d+))?$/;

const hashes = new Map<string, string>();
function hashOf(key: string): string {
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = createHash('sha256').update(key).digest('hex').slice(0, HASH_DIGITS);
    if (hashes.size < 10_000) hashes.set(key, hash);
  }
  return hash;
}

/** The anchor id of a term path or clause key (`occurrence` from 1). Deterministic, at most 40 characters. */
export function anchorFor(kind: AnchorKind, key: string, occurrence = 1): string {
  return `${PREFIX[kind]}${hashOf(key)}${occurrence > 1 ? `_${occurrence}` : ''}`;
}

/**
 * The key an anchor id stands for, given the keys that may occur (e.g. the term paths of the base
 * contract and the clause keys of its rendering); undefined when the id is not ours or names none of them.
 */
export function anchorKey(id: string, keys: Iterable<string>): { kind: AnchorKind; key: string; occurrence: number } | undefined {
  const match = ANCHOR_ID.exec(fromMarkdownId(id));
  if (!match) return undefined;
  const kind: AnchorKind = match[1] === 't' ? 'term' : 'clause';
  for (const key of keys) {
    if (hashOf(key) === match[2]) return { kind, key, occurrence: match[3] ? Number(match[3]) : 1 };
  }
  return undefined;
}

/** `a_t…` (how Markdown must spell an id) → `_t…`; any other id unchanged. */
export function fromMarkdownId(id: string): string {
  return id.startsWith('a_') && ANCHOR_ID.test(id.slice(1)) ? id.slice(1) : id;
}

/** `_t…` → `a_t…`, the spelling pandoc accepts in `{#…}`. */
export const toMarkdownId = (id: string): string => `a${id}`;
