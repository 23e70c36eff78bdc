// Word-diff benchmark: our redline (diffDocuments + toRedlineMarkdown) against
// `git diff --no-index --word-diff=porcelain` on a ~100,000-word contract with 1% of words
// edited. Run after the build: node packages/diff/bench/word-diff.bench.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prng } from '../../../bench/lib/generate-contracts.mjs';
import { diffDocuments, redlineStats, toRedlineMarkdown } from '../dist/redline/index.js';

const WORDS = 100_000;
const RUNS = Number(process.env.RUNS ?? 5);

const VOCAB = (
  'the supplier shall customer agreement services data personal processing within hours days ' +
  'notify incident security breach liability limited fees invoice payment term termination ' +
  'party parties confidential information obligations including without limitation reasonable ' +
  'written notice applicable law governing jurisdiction warranty support availability uptime ' +
  'credits subcontractor audit records insurance indemnify claims losses damages any all of to ' +
  'and or in for by with under this such as may must not be is are has have been'
).split(' ');

function generate(rand) {
  const pick = () => VOCAB[Math.floor(rand() * VOCAB.length)];
  const sentence = (n) => {
    const w = Array.from({ length: n }, pick);
    if (rand() < 0.3) w[Math.floor(rand() * n)] = `(${Math.floor(rand() * 100)})`;
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return `${w.join(' ')}.`;
  };
  const out = ['# Master Services Agreement'];
  let words = 0;
  for (let section = 1; words < WORDS; section++) {
    out.push(`## ${section}. ${sentence(3).slice(0, -1)}`);
    for (let clause = 1; clause <= 4 && words < WORDS; clause++) {
      const n = 40 + Math.floor(rand() * 81); // paragraphs of 40-120 words
      out.push(`${clause}. ${sentence(n)}`);
      words += n;
      if (rand() < 0.3) out.push([`- ${sentence(12)}`, `- ${sentence(10)}`].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** Edits ~1% of the words (replace / insert / delete), spread over the whole document. */
function mutate(text, rand) {
  const tokens = text.split(/(\s+)/);
  const wordIdx = [];
  tokens.forEach((t, i) => {
    if (/^[a-z]{3,}$/.test(t)) wordIdx.push(i);
  });
  const edits = Math.round(WORDS / 100);
  for (let e = 0; e < edits; e++) {
    const i = wordIdx[Math.floor(((e + rand()) / edits) * wordIdx.length)];
    const r = rand();
    if (r < 0.5) tokens[i] = `${VOCAB[Math.floor(rand() * VOCAB.length)]}x`;
    else if (r < 0.75) tokens[i] = `${tokens[i]} ${VOCAB[Math.floor(rand() * VOCAB.length)]}`;
    else tokens[i] = '';
  }
  return tokens.join('').replace(/ {2,}/g, ' ');
}

function best(fn) {
  let min = Infinity;
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - t0);
  }
  return { ms: min, result };
}

const rand = prng(20240601);
const oldText = generate(rand);
const newText = mutate(oldText, rand);
const dir = mkdtempSync(join(tmpdir(), 'word-diff-bench-'));
try {
  const oldPath = join(dir, 'old.md');
  const newPath = join(dir, 'new.md');
  writeFileSync(oldPath, oldText);
  writeFileSync(newPath, newText);
  const git = best(() => {
    const r = spawnSync('git', ['diff', '--no-index', '--word-diff=porcelain', oldPath, newPath], { maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`git diff failed: ${r.stderr}`);
    return r.stdout.length;
  });
  const ours = best(() => {
    const blocks = diffDocuments(oldText, newText);
    return { blocks, md: toRedlineMarkdown(blocks, { author: 'bench', date: '2026-01-01T00:00:00Z' }) };
  });
  const stats = redlineStats(ours.result.blocks);
  console.log(`documents: ${oldText.split(/\s+/).length} words old, ${(oldText.length / 1024).toFixed(0)} KiB`);
  console.log(`redline: ${JSON.stringify(stats)}`);
  console.log(`git diff --word-diff=porcelain: ${git.ms.toFixed(1)} ms (best of ${RUNS})`);
  console.log(`diffDocuments+toRedlineMarkdown: ${ours.ms.toFixed(1)} ms (best of ${RUNS})`);
  console.log(`ratio ours/git: ${(ours.ms / git.ms).toFixed(2)} (target <= 2.00)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
