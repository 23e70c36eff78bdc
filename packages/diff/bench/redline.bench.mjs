// Redline benchmark: `contracts redline --format docx` on a ~20-page contract (springfield plus a
// generated schedule of clauses, via --templates), two rounds in a temp git repo, end to end as a
// user runs it (process start included). Target: ≤ 3 s even on the WASM backend. Baseline: what a user
// would otherwise run, system pandoc converting the same redline Markdown to DOCX (and to HTML, for the
// HTML redline).
// Run after the build: node packages/diff/bench/redline.bench.mjs   (RUNS=n for more runs, KEEP=1 keeps the repo)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, fmt, median, report } from '../../../bench/lib/measure.mjs';
import { schedule } from '../../../bench/lib/schedule.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/cli/bin/run.js');
const RUNS = Number(process.env.RUNS ?? 3);
const TARGET_MS = 3000;

const dir = mkdtempSync(join(tmpdir(), 'redline-bench-'));
try {
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: 'Bench',
        GIT_AUTHOR_EMAIL: 'b@x',
        GIT_COMMITTER_NAME: 'Bench',
        GIT_COMMITTER_EMAIL: 'b@x',
        GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
      },
    });
  const original = readFileSync(join(root, 'contracts/springfield-smartcam.yaml'), 'utf8');
  mkdirSync(join(dir, 'tpl'));
  mkdirSync(join(dir, 'contracts'));
  writeFileSync(join(dir, 'tpl/agreement.md.liquid'), `${readFileSync(join(root, 'templates/agreement.md.liquid'), 'utf8')}\n${schedule()}\n`);
  git('init', '-q', '-b', 'main');
  const file = 'contracts/springfield-smartcam.yaml';
  writeFileSync(join(dir, file), original.replace(/notificationHours: \d+/, 'notificationHours: 72'));
  git('add', '.');
  git('commit', '-qm', 'round 1');
  git('tag', 'springfield-smartcam/round-1');
  writeFileSync(join(dir, file), original.replace(/notificationHours: \d+/, 'notificationHours: 24').replace('frequency: annual', 'frequency: biennial'));
  git('commit', '-qam', 'round 2');
  git('tag', 'springfield-smartcam/round-2');

  const args = (format, out) => [
    cli,
    'redline',
    file,
    '--from',
    'round-1',
    '--to',
    'round-2',
    '--templates',
    'tpl',
    '--format',
    format,
    '--out',
    out,
    '--force',
  ];
  const md = spawnSync(process.execPath, args('md', 'redline.md'), { cwd: dir, encoding: 'utf8' });
  if (md.status !== 0) throw new Error(md.stderr);
  const words = readFileSync(join(dir, 'redline.md'), 'utf8').split(/\s+/).length;
  console.log(`redline of a ${words}-word contract (≈${Math.round(words / 450)} pages), ${md.stderr.trim()}`);

  // HTML: the rendered contract with the changes marked, against pandoc making HTML of the redline Markdown
  // (run alternately, so a noisy machine slows both alike).
  if (spawnSync('pandoc', ['--version']).status === 0) {
    const [html, pandocHtml] = await compare(
      [process.execPath, args('html', 'redline.html'), { cwd: dir }],
      ['pandoc', ['-f', 'markdown', '-t', 'html5', '--standalone', '--metadata', 'title=Redline', '-o', 'baseline.html', 'redline.md'], { cwd: dir }],
      { runs: RUNS },
    );
    if (html.code !== 0) throw new Error(html.stderr);
    report('redline --format html vs pandoc md→html', html.ms, pandocHtml.ms);
  }
  // And against rendering one round to HTML: what the redline costs over `render` (two renders, git, the diff).
  const [html, render] = await compare(
    [process.execPath, args('html', 'redline.html'), { cwd: dir }],
    [process.execPath, [cli, 'render', file, '--templates', 'tpl', '--to', 'html', '--out', 'round-2.html', '--force'], { cwd: dir }],
    { runs: RUNS },
  );
  if (render.code !== 0) throw new Error(render.stderr);
  report('redline --format html vs render --to html (one round)', html.ms, render.ms);

  const opts = (backend) => ({ cwd: dir, runs: RUNS, env: { ...process.env, CONTRACTS_PANDOC_BACKEND: backend } });
  const wasm = await median(process.execPath, args('docx', 'wasm.docx'), opts('wasm'));
  if (wasm.code !== 0) throw new Error(wasm.stderr);
  const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
  if (!hasPandoc) {
    console.log(
      `contracts redline --format docx (wasm)   ${fmt(wasm.ms)}  ${wasm.ms <= TARGET_MS ? '✔' : '✖'} target ≤ ${fmt(TARGET_MS)} (no system pandoc: no baseline)`,
    );
  } else {
    const system = await median(process.execPath, args('docx', 'system.docx'), opts('system'));
    if (system.code !== 0) throw new Error(system.stderr);
    const baseline = await median(
      'pandoc',
      ['-f', 'markdown', '-t', 'docx', '--reference-doc', join(root, 'templates/reference.docx'), '-o', 'baseline.docx', 'redline.md'],
      { cwd: dir, runs: RUNS },
    );
    report('redline --format docx, system pandoc vs pandoc md→docx', system.ms, baseline.ms);
    report('redline --format docx, pandoc-wasm vs pandoc md→docx', wasm.ms, baseline.ms);
    console.log(`WASM end to end ${fmt(wasm.ms)} (peak ${wasm.peakMiB.toFixed(0)} MiB): ${wasm.ms <= TARGET_MS ? '✔' : '✖'} target ≤ ${fmt(TARGET_MS)}`);
  }
} finally {
  if (process.env.KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
