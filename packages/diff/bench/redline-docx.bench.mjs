// DOCX redline benchmark (issue 11): the ~20-page Springfield contract (the bundled contract plus a
// generated 70-clause schedule, via --templates) in two rounds that remove a clause and move terms.
// Each row runs with the built-in DOCX writer (the default: the tracked document is written directly
// from the writer's model, no comparison engine) and, for comparison in the same run, with pandoc
// rendering the rounds (CONTRACTS_DOCX_ENGINE=pandoc: docxodus compares the two rendered rounds).
//   1. cold, end to end: `contracts redline --format docx` with no system pandoc in play
//      (CONTRACTS_PANDOC_BACKEND=wasm), process start included. Target ≤ 3 s.
//   2. warm process, a batch of 20 contracts (`redlineDocxMany`). Target ≤ 0.5 s each.
//   3. side by side, in the same run: LibreOffice's own Compare Document driven headless over UNO on the
//      same two DOCX files (start, compare, save), against our whole command (both renders included),
//      alternating. Target ≤ 1.0×; both redlines must accept to the later round and reject to the earlier.
// Run after the build: node packages/diff/bench/redline-docx.bench.mjs   (RUNS=n, KEEP=1 keeps the repo)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadYamlFile } from '@contracts/core';
import { clauseContext, loadPlaybook } from '@contracts/playbook';
import { renderDocx, renderMarkdown } from '@contracts/render';
import { loadavg } from 'node:os';
import { compare, fmt, median, report } from '../../../bench/lib/measure.mjs';
import { schedule } from '../../../bench/lib/schedule.mjs';
import { libreOfficeAvailability, withLibreOffice, wordDifferences, wordsOf } from '../../../test-support/libreoffice/index.mjs';
import { buildRedline, redlineDocx, redlineDocxMany } from '../dist/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/cli/bin/run.js');
const RUNS = Number(process.env.RUNS ?? 5);
const COLD_TARGET_MS = 3000;
const WARM_TARGET_MS = 500;
const BATCH = 20;

const round1 = (text) => text;
const round2 = (text) =>
  text
    .replace('    onSite: true', '    onSite: false') // the on-site audit clause is removed
    .replace(/notificationHours: \d+/, 'notificationHours: 24')
    .replace('frequency: annual', 'frequency: biennial')
    .replace('address: 1 Lens Way, Wilmington, DE 19801', 'address: 12 Harbor Street, Wilmington, DE 19801');

const dir = mkdtempSync(join(tmpdir(), 'redline-docx-bench-'));
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Marcus Lee',
  GIT_AUTHOR_EMAIL: 'm@x',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'b@x',
  GIT_AUTHOR_DATE: '2026-05-18T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-05-18T10:00:00Z',
};
try {
  const git = (...args) => execFileSync('git', args, { cwd: dir, env });
  const original = readFileSync(join(root, 'contracts/springfield-smartcam.yaml'), 'utf8');
  mkdirSync(join(dir, 'tpl'));
  mkdirSync(join(dir, 'contracts'));
  const templates = join(dir, 'tpl');
  writeFileSync(join(templates, 'agreement.md.liquid'), `${readFileSync(join(root, 'templates/agreement.md.liquid'), 'utf8')}\n${schedule()}\n`);
  const file = 'contracts/springfield-smartcam.yaml';
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, file), round1(original));
  git('add', '.');
  git('commit', '-qm', 'round 1');
  git('tag', 'springfield-smartcam/round-1');
  writeFileSync(join(dir, file), round2(original));
  git('commit', '-qam', 'round 2');
  git('tag', 'springfield-smartcam/round-2');
  const args = (out) => [cli, 'redline', file, '--from', 'round-1', '--to', 'round-2', '--templates', 'tpl', '--format', 'docx', '--out', out, '--force'];

  // The two rounds' own documents, as `contracts render --to docx` makes them.
  const load = async (text, name) => {
    writeFileSync(join(dir, name), text);
    return (await loadYamlFile(join(dir, name))).value;
  };
  const [c1, c2] = [await load(round1(original), 'r1.yaml'), await load(round2(original), 'r2.yaml')];
  // Each round as `contracts render` renders it: the bundled playbook decides which laws it names.
  const { playbook } = await loadPlaybook();
  const rendered = (c) => renderMarkdown(c, { templatesDir: templates, extraContext: clauseContext(playbook, c) });
  const earlier = await renderDocx(rendered(c1), { templatesDir: templates });
  const later = await renderDocx(rendered(c2), { templatesDir: templates });
  writeFileSync(join(dir, 'round-1.docx'), earlier);
  writeFileSync(join(dir, 'round-2.docx'), later);
  const words = wordsOf(rendered(c2).split('\n')).length;
  console.log(`redline of a ${words}-word contract (≈${Math.round(words / 450)} pages): clause removed, 3 terms moved`);

  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  // 1. Cold, end to end, no system pandoc: the built-in writer, and pandoc-wasm rendering the rounds.
  for (const [name, engineEnv] of [
    ['built-in writer', {}],
    ['pandoc-wasm renders', { CONTRACTS_DOCX_ENGINE: 'pandoc' }],
  ]) {
    const cold = await median(process.execPath, args('cold.docx'), { cwd: dir, env: { ...env, CONTRACTS_PANDOC_BACKEND: 'wasm', ...engineEnv }, runs: RUNS });
    if (cold.code !== 0) throw new Error(cold.stderr);
    console.log(
      `${`redline --format docx, cold, ${name}`.padEnd(52)} ${fmt(cold.ms).padStart(8)}  (peak ${cold.peakMiB.toFixed(0)} MiB)  ${cold.ms <= COLD_TARGET_MS ? '✔' : '✖'} target ≤ ${fmt(COLD_TARGET_MS)}`,
    );
  }

  // 2. Warm process, a batch of contracts (first one untimed: it pays the process's one-time costs).
  const variants = Array.from({ length: BATCH + 1 }, (_, i) => [
    { ...c1, id: `${c1.id}-${i}`, annualFeesUsd: c1.annualFeesUsd + i * 1000 },
    { ...c2, id: `${c2.id}-${i}`, annualFeesUsd: c2.annualFeesUsd + i * 1000 },
  ]);
  const by = { author: 'Marcus Lee', date: '2026-05-18T10:00:00Z' };
  const hasSystemPandoc = spawnSync('pandoc', ['--version']).status === 0;
  const engines = [
    ['built-in writer', { docxEngine: 'builtin' }],
    ['pandoc-wasm renders', { docxEngine: 'pandoc', backend: 'wasm' }],
    ...(hasSystemPandoc ? [['system pandoc renders', { docxEngine: 'pandoc', backend: 'system' }]] : []),
  ];
  for (const [name, engine] of engines) {
    const redlines = variants.map(([a, b]) =>
      buildRedline({ contract: a, label: 'round-1' }, { contract: b, label: 'round-2' }, { by, templatesDir: templates }),
    );
    await redlineDocx(redlines[0], { epoch: 1_779_098_400, ...engine });
    const started = performance.now();
    await redlineDocxMany(redlines.slice(1), { epoch: 1_779_098_400, ...engine });
    const each = (performance.now() - started) / BATCH;
    console.log(
      `${`redline docx, warm, batch of ${BATCH}, ${name}`.padEnd(52)} ${fmt(each).padStart(8)} per contract  ${each <= WARM_TARGET_MS ? '✔' : '✖'} target ≤ ${fmt(WARM_TARGET_MS)}`,
    );
  }

  // 2b. The same batch over the bundled contracts as they are (≈7 pages each), default backend.
  {
    const bundled = await Promise.all(
      ['springfield-smartcam', 'nordlicht-building-sensors', 'bright-smile-sterilizer'].map(
        async (n) => (await loadYamlFile(join(root, 'contracts', `${n}.yaml`))).value,
      ),
    );
    const redlines = Array.from({ length: BATCH + 1 }, (_, i) => {
      const a = structuredClone(bundled[i % bundled.length]);
      const b = structuredClone(a);
      b.terms.audit.onSite = !b.terms.audit.onSite;
      if (b.terms.audit.onSite) b.terms.audit.onSiteNoticeDays ??= 30;
      b.terms.incidentResponse.notificationHours = 12 + i;
      return buildRedline({ contract: a, label: 'round-1' }, { contract: b, label: 'round-2' }, { by });
    });
    await redlineDocx(redlines[0], { epoch: 1_779_098_400 });
    const started = performance.now();
    await redlineDocxMany(redlines.slice(1), { epoch: 1_779_098_400 });
    const each = (performance.now() - started) / BATCH;
    console.log(
      `${`redline docx, warm, batch of ${BATCH} bundled (≈7 pages), default`.padEnd(52)} ${fmt(each).padStart(8)} per contract  ${each <= WARM_TARGET_MS ? '✔' : '✖'} target ≤ ${fmt(WARM_TARGET_MS)}`,
    );
  }

  // 3. Side by side with LibreOffice's Compare Document (start, compare, save), alternating runs.
  const lo = libreOfficeAvailability();
  if (!lo.ok) console.log(`LibreOffice Compare Document: skipped (${lo.reason})`);
  else {
    const harness = join(root, 'test-support/libreoffice/uno_harness.py');
    const compareRequest = join(dir, 'lo-compare.jsonl');
    const loOut = join(dir, 'libreoffice.docx');
    writeFileSync(
      compareRequest,
      `${JSON.stringify({ op: 'compare', original: join(dir, 'round-1.docx'), modified: join(dir, 'round-2.docx'), out: loOut, author: 'Marcus Lee' })}\n${JSON.stringify({ op: 'quit' })}\n`,
    );
    const libreOffice = ['/bin/sh', ['-c', `/usr/bin/python3 ${harness} < ${compareRequest}`], { cwd: dir }];
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const outputs = [];
    for (const [name, file, engineEnv] of [
      ['built-in writer', 'builtin.docx', { CONTRACTS_PANDOC_BACKEND: 'wasm' }],
      ['pandoc-wasm renders', 'pandoc.docx', { CONTRACTS_PANDOC_BACKEND: 'wasm', CONTRACTS_DOCX_ENGINE: 'pandoc' }],
    ]) {
      outputs.push([name, join(dir, file)]);
      const [ours, theirs] = await compare([process.execPath, args(file), { cwd: dir, env: { ...env, ...engineEnv } }], libreOffice, { runs: RUNS });
      if (ours.code !== 0) throw new Error(ours.stderr);
      report(`redline --format docx (${name}) vs LibreOffice Compare`, ours.ms, theirs.ms, 1.0);
    }
    // Same accept-all and reject-all text, judged by LibreOffice.
    await withLibreOffice(async (office) => {
      const [later1, earlier1] = [wordsOf(await office.text(later)), wordsOf(await office.text(earlier))];
      for (const [name, path] of [...outputs, ['LibreOffice', loOut]]) {
        const r = await office.redline(path);
        const accept = wordDifferences(later1, wordsOf(r.accepted), 3);
        const reject = wordDifferences(earlier1, wordsOf(r.rejected), 3);
        console.log(
          `  ${name.padEnd(20)} ${r.revisions.length} tracked changes; accept all = round 2: ${accept.length === 0 ? 'yes' : `no ${accept.join('; ')}`}; reject all = round 1: ${reject.length === 0 ? 'yes' : `no ${reject.join('; ')}`}`,
        );
      }
    });
  }
} finally {
  if (process.env.KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
