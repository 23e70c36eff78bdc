import { readBlobs } from './blobs.js';
import type { Repo } from './repo.js';
import { readRoundTags } from './rounds.js';
import { parsedVersion, roundVersions, type RoundVersion } from './versions.js';

/** A contract in the repository whose rounds to read: its repo-relative path and its id (the tag prefix). */
export interface RoundsRequest {
  relPath: string;
  contractId: string;
  /** Names versions in problems (default: `relPath`), as `roundVersions`' `name`. */
  name?: string;
}

/**
 * `roundVersions` for many contracts of one repository in one pass: ONE `git for-each-ref` for every
 * round tag (with the tagged commits' authors) and ONE `git cat-file --batch` for every round's file,
 * instead of three processes per contract. A contract whose file is not at its current path in some
 * round (renamed since, or a folder there) is read by `roundVersions` itself, which follows renames.
 * Results are in request order and equal `roundVersions`' (a differential test holds them to it).
 * Throws 'git/shallow' in a shallow clone.
 */
export async function repoRoundVersions(repo: Repo, requests: readonly RoundsRequest[]): Promise<RoundVersion[][]> {
  return (await repoRoundReader(repo, requests)).map((versions) => versions());
}

/**
 * `repoRoundVersions` in the same one pass, but each contract's versions are parsed when its function
 * is called: a caller that works through a thousand contracts one at a time then holds the bytes of
 * the rounds to come, not ten thousand parsed contracts (which the collector would copy and walk).
 */
export async function repoRoundReader(repo: Repo, requests: readonly RoundsRequest[]): Promise<(() => RoundVersion[])[]> {
  const tags = await readRoundTags(repo, '', 'The negotiation rounds');
  const rounds = requests.map((r) => tags.get(r.contractId) ?? []);
  const blobs = await readBlobs(
    repo,
    requests.flatMap((r, i) => rounds[i]!.map((round) => ({ commit: round.commit, path: r.relPath }))),
  );
  let next = 0;
  return Promise.all(
    requests.map(async (request, i) => {
      const mine = blobs.slice(next, (next += rounds[i]!.length));
      if (mine.some((b) => b.bytes === null)) {
        const followed = await roundVersions(repo, request.relPath, request.contractId, request.name ? { name: request.name } : {});
        return () => followed;
      }
      const name = request.name ?? request.relPath;
      return () => {
        const parsed = parseOnce();
        return rounds[i]!.map(({ authorName, authorEmail, authorDate, subject, ...round }, k) => ({
          ...round,
          authorName,
          authorEmail,
          authorDate,
          subject,
          path: request.relPath,
          rounds: [round.tag],
          ...parsed(mine[k]!.bytes, `${name}@${round.tag}`),
        }));
      };
    }),
  );
}

/**
 * `parsedVersion` for one contract's rounds, parsing each distinct content once: rounds often mark the
 * same bytes (a round tagged on a commit that did not touch the file, a round that changed nothing), and
 * those versions then share one value, which readers must not change. Only readable versions are
 * shared; a broken one is parsed again so its problem names its own round.
 */
function parseOnce(): (bytes: Buffer | null, name: string) => Pick<RoundVersion, 'value' | 'problem'> {
  const seen: { bytes: Buffer; value: Record<string, unknown> }[] = [];
  return (bytes, name) => {
    const same = bytes && seen.find((s) => s.bytes.equals(bytes));
    if (same) return { value: same.value };
    const version = parsedVersion(bytes, name, 'no such file in this round');
    if (bytes && version.value !== undefined && version.problem === undefined) seen.push({ bytes, value: version.value });
    return version;
  };
}
