// Times reading a contract's full history: fileHistory + readBlobs (one `git log`, one
// `git cat-file --batch`) against the naive loop of one `git show REV:FILE` per commit.
// Run after building: node packages/git/bench/history.bench.mjs [commits=500]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileHistory, openRepo, readBlobs } from '../dist/index.js';

const COMMITS = Number(process.argv[2] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'contracts-git-bench-'));

/** Builds the repository with one `git fast-import` (500 `git commit`s would dominate the run). */
function buildRepo() {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  let stream = '';
  for (let i = 1; i <= COMMITS; i++) {
    // Renamed halfway so the history has to follow a rename.
    const path = i <= COMMITS / 2 ? 'contracts/acme-draft.yaml' : 'contracts/acme.yaml';
    const body = `id: acme\nround: ${i}\n${Array.from({ length: 40 }, (_, k) => `clause${k}: "term ${k} v${k === i % 40 ? i : 0}"\n`).join('')}`;
    const when = 1_700_000_000 + i * 60;
    stream += `commit refs/heads/main\nmark :${i}\nauthor Ada <ada@example.com> ${when} +0000\n`;
    stream += `committer Ada <ada@example.com> ${when} +0000\ndata ${`edit ${i}`.length}\nedit ${i}\n`;
    if (i > 1) stream += `from :${i - 1}\n`;
    if (i === Math.floor(COMMITS / 2) + 1) stream += `D contracts/acme-draft.yaml\n`;
    stream += `M 100644 inline ${path}\ndata ${Buffer.byteLength(body)}\n${body}\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
}

async function main() {
  buildRepo();
  const repo = await openRepo(dir);
  await fileHistory(repo, 'contracts/acme.yaml'); // warm up the page cache and the module

  let t = performance.now();
  const history = await fileHistory(repo, 'contracts/acme.yaml', { follow: true });
  const blobs = await readBlobs(repo, history);
  const batched = performance.now() - t;
  if (history.length !== COMMITS || blobs.some((b) => b.bytes === null)) {
    throw new Error(`expected ${COMMITS} readable versions, got ${history.length}`);
  }

  t = performance.now();
  for (const entry of history) {
    execFileSync('git', ['show', `${entry.commit}:${entry.path}`], { cwd: repo.root, maxBuffer: 1 << 26 });
  }
  const naive = performance.now() - t;

  console.log(`commits: ${history.length} (rename followed at commit ${Math.floor(COMMITS / 2) + 1})`);
  console.log(`fileHistory + readBlobs: ${batched.toFixed(1)} ms`);
  console.log(`git show per commit:     ${naive.toFixed(1)} ms`);
  console.log(`ratio:                   ${(naive / batched).toFixed(1)}x faster`);
}

main().finally(() => rmSync(dir, { recursive: true, force: true }));
