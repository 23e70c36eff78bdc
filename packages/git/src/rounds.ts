import { runGit } from './exec.js';
import { assertContractId } from './ref-syntax.js';
import type { Repo } from './repo.js';
import { isShallow, shallowError } from './shallow.js';

/** A negotiation round: the tag `<contract-id>/round-<n>` and the commit it marks. */
export interface Round {
  n: number;
  tag: string;
  /** Full SHA of the tagged commit. */
  commit: string;
  /** When the round was tagged: ISO 8601 date of the tag (the commit date for a lightweight tag). */
  taggedAt: string;
  /** "Name <email>" of whoever created the tag; null for a lightweight tag. */
  tagger: string | null;
  /** The tag message (the commit message for a lightweight tag), trimmed. */
  message: string;
}

const ROUND_TAG = /^(.+)\/round-([1-9]\d*)$/;

/** The tag name for round `n` of a contract. */
export function roundTagName(contractId: string, n: number): string {
  assertContractId(contractId);
  return `${contractId}/round-${n}`;
}

/** Splits a tag name of the form `<contract-id>/round-<n>`; undefined for any other tag. */
export function parseRoundTag(tag: string): { contractId: string; n: number } | undefined {
  const match = ROUND_TAG.exec(tag);
  return match ? { contractId: match[1]!, n: Number(match[2]) } : undefined;
}

// One record per tag; fields NUL-separated (tag messages cannot contain NUL). The last four name the
// tagged commit's author and subject: `*` fields for an annotated tag, plain ones for a lightweight tag.
const FIELDS = [
  '%(refname:strip=2)',
  '%(objectname)',
  '%(*objectname)',
  '%(*objecttype)',
  '%(objecttype)',
  '%(creatordate:iso-strict)',
  '%(taggername)',
  '%(taggeremail)',
  '%(contents)',
  '%(*authorname)%(authorname)',
  '%(*authoremail:trim)%(authoremail:trim)',
  '%(*authordate:iso-strict)%(authordate:iso-strict)',
  '%(*subject)%(if)%(*objectname)%(then)%(else)%(subject)%(end)',
];

/** A round with who wrote the commit it marks (the version's author), read with the tag itself. */
export interface TaggedRound extends Round {
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset, as `git log --format=%aI` prints it. */
  authorDate: string;
  /** The commit's subject, as `git log --format=%s` prints it. */
  subject: string;
}

/**
 * Every round tag under `refs/tags/<prefix>` (all of them for an empty prefix), by contract id, each
 * list sorted by round number: ONE `git for-each-ref`. Throws 'git/shallow' in a shallow clone.
 */
export async function readRoundTags(repo: Repo, prefix: string, what: string): Promise<Map<string, TaggedRound[]>> {
  const format = `${FIELDS.join('%00')}%00`;
  const [out, shallow] = await Promise.all([runGit(repo.git, ['for-each-ref', `--format=${format}`, '--', `refs/tags/${prefix}`]), isShallow(repo)]);
  if (shallow) throw shallowError(what);
  const tokens = out.split('\0');
  const byContract = new Map<string, TaggedRound[]>();
  for (let i = 0; i + FIELDS.length <= tokens.length; i += FIELDS.length) {
    const [tag, object, peeled, peeledType, type, date, taggerName, taggerEmail, contents, authorName, authorEmail, authorDate, subject] = tokens
      .slice(i, i + FIELDS.length)
      .map((t, k) => (k === 0 ? t.replace(/^\n/, '') : t));
    const parsed = parseRoundTag(tag ?? '');
    if (!parsed) continue;
    const annotated = type === 'tag';
    // A round must mark a commit; tags of trees or blobs are not rounds.
    if ((annotated ? peeledType : type) !== 'commit') continue;
    let rounds = byContract.get(parsed.contractId);
    if (!rounds) byContract.set(parsed.contractId, (rounds = []));
    rounds.push({
      n: parsed.n,
      tag: tag!,
      commit: (annotated ? peeled : object) ?? '',
      taggedAt: date ?? '',
      tagger: annotated && taggerName ? `${taggerName} ${taggerEmail ?? ''}`.trim() : null,
      message: (contents ?? '').trim(),
      authorName: authorName ?? '',
      authorEmail: authorEmail ?? '',
      authorDate: authorDate ?? '',
      subject: subject ?? '',
    });
  }
  for (const rounds of byContract.values()) rounds.sort((a, b) => a.n - b.n);
  return byContract;
}

/**
 * All rounds of a contract, sorted by round number. Throws 'git/shallow' in a shallow clone: it may lack
 * some round tags (or all of them, as CI checkouts fetch none), and a partial list would be a wrong one.
 */
export async function listRounds(repo: Repo, contractId: string): Promise<Round[]> {
  assertContractId(contractId);
  const tagged = (await readRoundTags(repo, `${contractId}/`, `The rounds of ${contractId}`)).get(contractId) ?? [];
  return tagged.map(({ authorName: _n, authorEmail: _e, authorDate: _d, subject: _s, ...round }) => round);
}

/** The number the next round of the contract gets: one more than the highest existing round. */
export async function nextRoundNumber(repo: Repo, contractId: string): Promise<number> {
  const rounds = await listRounds(repo, contractId);
  return (rounds.at(-1)?.n ?? 0) + 1;
}
