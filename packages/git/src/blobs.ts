import { spawn } from 'node:child_process';
import { EnvironmentError, UsageError } from '@contracts/core';
import { runGit } from './exec.js';
import { isFullSha } from './ref-syntax.js';
import type { Repo } from './repo.js';

/** Which file to read, at which commit (a full SHA, e.g. from `fileHistory`). */
export interface BlobRequest {
  commit: string;
  path: string;
}

/** The bytes of `path` at `commit`, or null when there is no such file (or it is not a file). */
export interface BlobResult extends BlobRequest {
  bytes: Buffer | null;
  /** The object's type (`blob`, `tree`, …), or null when there is nothing at that path. */
  type: string | null;
}

const HEADER = /^([0-9a-f]{40,64}) (\w+) (\d+)$/;

/**
 * Reads many files at many commits through ONE `git cat-file --batch` process, in request order.
 * Content is returned as bytes: the caller decides whether it is text (see `looksBinary`).
 */
export async function readBlobs(repo: Repo, requests: readonly BlobRequest[]): Promise<BlobResult[]> {
  if (requests.length === 0) return [];
  const names = await Promise.all(requests.map((r) => objectName(repo, r)));
  const output = await catFileBatch(repo.root, `${names.map((n) => n ?? '').join('\n')}\n`);
  const results: BlobResult[] = [];
  let pos = 0;
  for (const request of requests) {
    const eol = output.indexOf(0x0a, pos);
    if (eol < 0) throw new EnvironmentError('git/failed', 'git cat-file --batch ended early.');
    const header = output.toString('utf8', pos, eol);
    pos = eol + 1;
    const match = HEADER.exec(header);
    if (!match) {
      // "<name> missing" / "<name> ambiguous" (an empty line for unresolvable names).
      results.push({ ...request, bytes: null, type: null });
      continue;
    }
    const size = Number(match[3]);
    const bytes = output.subarray(pos, pos + size);
    pos += size + 1; // content is followed by a LF
    results.push({ ...request, bytes: match[2] === 'blob' ? Buffer.from(bytes) : null, type: match[2]! });
  }
  return results;
}

/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/** The batch input line naming the blob; undefined when the path cannot be named on a line. */
async function objectName(repo: Repo, { commit, path }: BlobRequest): Promise<string | undefined> {
  if (!isFullSha(commit)) throw new UsageError('git/bad-ref', `readBlobs needs full commit SHAs, got ${JSON.stringify(commit)}.`);
  if (!/[\n\r]/.test(path)) return `${commit}:${path}`;
  // A newline in the path would split the batch line: resolve that rare blob id separately.
  const sha = (await runGit(repo.git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}:${path}`])).trim();
  return isFullSha(sha) ? sha : undefined;
}

/** Feeds `input` to `git cat-file --batch` and collects its whole stdout. */
function catFileBatch(cwd: string, input: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch', '--buffer'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.stdin.on('error', () => {}); // EPIPE if git dies; reported via 'close' below
    child.on('error', (error) => reject(new EnvironmentError('git/missing', 'git is not installed or not on PATH.', { cause: error })));
    child.on('close', (code) => {
      if (code === 0) return resolvePromise(Buffer.concat(chunks));
      const message = Buffer.concat(errors).toString('utf8').split('\n')[0] || `exit code ${code}`;
      reject(new EnvironmentError('git/failed', `git cat-file failed: ${message}`));
    });
    child.stdin.end(input);
  });
}
