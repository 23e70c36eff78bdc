// Times `contracts history FILE --format json` (one `git log`, one `git cat-file --batch`, YAML
// parse + position diff of every version) against the shell loop a user would otherwise write:
// `git log` for the revisions, then one `git show REV:FILE` process per commit.
// Run after building: node packages/git/bench/history-cli.bench.mjs [commits=500]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fmt, median } from '../../../bench/lib/measure.mjs';

const COMMITS = Number(process.argv[2] ?? 500);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/cli/bin/run.js');
const base = readFileSync(join(root, 'contracts/springfield-smartcam.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'contracts-history-cli-bench-'));
const OLD = 'contracts/springfield-smartcam.yaml';
const FILE = 'contracts/springfield/smartcam.yaml';

/** Version i of the contract: a few negotiated terms move every commit. */
function version(i) {
  const hours = [24, 48, 72, 96, 168][i % 5];
  const critical = [14, 30, 60, 90][i % 4];
  const remediation = ['vendor', 'vendor-if-vendor-caused', 'shared'][i % 3];
  return base
    .replace('notificationHours: 48', `notificationHours: ${hours}`)
    .replace('patchDays: { critical: 30,', `patchDays: { critical: ${critical},`)
    .replace('remediationCostsBorneBy: vendor-if-vendor-caused', `remediationCostsBorneBy: ${remediation}`)
    .replace('onSite: true', `onSite: ${i % 2 === 0}`)
    .replace('perClaimUsd: 5000000', `perClaimUsd: ${1_000_000 + i * 10_000}`);
}

/** One `git fast-import` (500 `git commit`s would dominate the setup), renamed halfway, a round every 50. */
function buildRepo() {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  let stream = '';
  for (let i = 1; i <= COMMITS; i++) {
    const path = i <= COMMITS / 2 ? OLD : FILE;
    const body = version(i);
    const when = 1_700_000_000 + i * 3600;
    const who = i % 2 ? 'Vic Vendor <vic@acme.example>' : 'Bea Buyer <bea@springfield.example>';
    stream += `commit refs/heads/main\nmark :${i}\nauthor ${who} ${when} +0000\ncommitter ${who} ${when} +0000\ndata ${`edit ${i}`.length}\nedit ${i}\n`;
    if (i > 1) stream += `from :${i - 1}\n`;
    if (i === Math.floor(COMMITS / 2) + 1) stream += `D ${OLD}\n`;
    stream += `M 100644 inline ${path}\ndata ${Buffer.byteLength(body)}\n${body}\n`;
    if (i % 50 === 0) {
      const msg = `Round ${i / 50}`;
      stream += `tag springfield-smartcam/round-${i / 50}\nfrom :${i}\ntagger ${who} ${when} +0000\ndata ${msg.length}\n${msg}\n`;
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
}

/** The naive loop: revisions (with the path at each, following the rename), then `git show` per revision. */
function showLoop() {
  const log = spawnSync('git', ['log', '--follow', '--format=%x00%H', '--name-only', '--', FILE], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  const revs = log.stdout
    .split('\0')
    .filter(Boolean)
    .map((chunk) => chunk.trim().split('\n'));
  for (const [rev, path] of revs) {
    const shown = spawnSync('git', ['show', `${rev}:${path}`], { cwd: dir, maxBuffer: 1 << 26 });
    if (shown.status !== 0) throw new Error(`git show ${rev}:${path} failed`);
  }
  return revs.length;
}

async function main() {
  let t = performance.now();
  buildRepo();
  console.log(`repo: ${COMMITS} commits touching one contract (renamed once, ${Math.floor(COMMITS / 50)} rounds), built in ${fmt(performance.now() - t)}`);

  // Correctness first: every commit is in the history and the moves are there.
  const out = spawnSync(process.execPath, [cli, 'history', FILE, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`contracts history failed: ${out.stderr}`);
  const { steps } = JSON.parse(out.stdout);
  if (steps.length !== COMMITS || steps.some((s) => s.problem)) throw new Error(`expected ${COMMITS} readable versions, got ${steps.length}`);
  const moves = steps.reduce((n, s) => n + s.changes.length, 0);

  const ours = await median(process.execPath, [cli, 'history', FILE, '--format', 'json'], { cwd: dir, runs: 5 });
  if (ours.code !== 0) throw new Error(ours.stderr);
  showLoop(); // warm-up
  const loops = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    showLoop();
    loops.push(performance.now() - t);
  }
  loops.sort((a, b) => a - b);
  const theirs = loops[1];

  console.log(
    `contracts history --format json   ${fmt(ours.ms).padStart(8)}  (${moves} position moves, peak ${ours.peakMiB.toFixed(0)} MiB)  target ≤ 1 s ${ours.ms <= 1000 ? '✔' : '✖'}`,
  );
  console.log(`git log + git show per commit     ${fmt(theirs).padStart(8)}  (${COMMITS + 1} processes)`);
  // The part the target is about: reading every version of the file. Ours is what the CLI runs
  // (one `git log`, one `git cat-file --batch`); the CLI adds Node and oclif start-up (~0.25 s),
  // parsing 500 versions and diffing their positions.
  const { openRepo, fileHistory, readBlobs } = await import('../dist/index.js');
  const repo = await openRepo(dir);
  const reads = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const entries = await fileHistory(repo, FILE);
    const blobs = await readBlobs(
      repo,
      entries.map((e) => ({ commit: e.commit, path: e.path })),
    );
    if (blobs.length !== COMMITS) throw new Error(`read ${blobs.length} versions`);
    reads.push(performance.now() - t);
  }
  reads.sort((a, b) => a - b);
  const read = reads[2];
  console.log(
    `reading every version: one git log + one cat-file --batch ${fmt(read).padStart(8)} vs the git show loop ${fmt(theirs)}: ${(theirs / read).toFixed(1)}× faster  target ≥ 10× ${theirs / read >= 10 ? '✔' : '✖'}`,
  );
  const ratio = theirs / ours.ms;
  console.log(`end to end: contracts history (start-up, parse and diff included) is ${ratio.toFixed(1)}× faster than the loop`);
}

if (process.env.KEEP_BENCH_REPO) {
  buildRepo();
  console.log(dir);
} else {
  try {
    await main();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
