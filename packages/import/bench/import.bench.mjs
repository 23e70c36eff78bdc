// Import benchmark (issue 12): a ~20-page markup (the bundled Springfield contract plus a generated
// 70-paragraph schedule, via --templates) with 30 changes made in LibreOffice as the vendor: terms changed
// in the cover page and the clauses, two clauses deleted, schedule paragraphs added, comments.
//   1. cold, end to end: `contracts import --dry-run --format json`, process start included. Target ≤ 3 s.
//      Also: candidate renders tried and the time per candidate render.
//   2. side by side: what a user would otherwise run just to read the markup's text, LibreOffice headless
//      converting it to plain text (`soffice --convert-to txt`, own profile), cold; the retyping it
//      replaces is minutes of a lawyer's time.
// Run after the build: node packages/import/bench/import.bench.mjs   (RUNS=n, KEEP=1 keeps the repo)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContractFile } from '@contracts/core';
import { clauseContext, loadPlaybook } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';
import { fmt, median, report, run } from '../../../bench/lib/measure.mjs';
import { schedule } from '../../../bench/lib/schedule.mjs';
import { libreOfficeAvailability, withLibreOffice } from '../../../test-support/libreoffice/index.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/cli/bin/run.js');
const RUNS = Number(process.env.RUNS ?? 3);
const COLD_TARGET_MS = 3000;

const lo = libreOfficeAvailability();
if (!lo.ok) {
  console.log(`import bench skipped: the vendor markup is made in LibreOffice, and ${lo.reason}`);
  process.exit(0);
}

// The vendor's 30 edits: 8 term changes (each in every place it is printed), 2 clause deletions,
// 16 paragraphs added to the schedule, 4 comments.
const VALUE_EDITS = [
  ['forty-eight (48) hours', 'seventy-two (72) hours'],
  ['notice period of 48 hours', 'notice period of 72 hours'],
  ['USD 5,000,000', 'USD 2,000,000'],
  ['USD 10,000,000', 'USD 8,000,000'],
  ['within thirty (30) days after the Agreement ends', 'within ninety (90) days after the Agreement ends'],
  ['Within thirty (30) days after this Agreement ends', 'Within ninety (90) days after this Agreement ends'],
  ['on at least thirty (30) days', 'on at least sixty (60) days'],
  ['five (5) years from delivery', 'three (3) years from delivery'],
];
const DELETIONS = ['On request the Vendor shall give the Buyer the logs', 'The Vendor shall defend, indemnify and hold harmless'];
const INSERTIONS = Array.from({ length: 16 }, (_, i) => [
  `S.${i * 4 + 3} `,
  `The Vendor may perform procedure ${i * 4 + 3} through a subcontractor it names in writing.`,
]);
const COMMENTS = [
  ['Costs of remediation.', 'Our insurer will not cover this.'],
  ['Content of notice.', 'Can we agree a template?'],
  ['Independent report.', 'Our SOC 2 period ends in March.'],
  ['Return of data.', 'Ninety days is our standard.'],
];

const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
try {
  const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  mkdirSync(join(dir, 'tpl'));
  mkdirSync(join(dir, 'contracts'));
  writeFileSync(join(dir, 'tpl/agreement.md.liquid'), `${readFileSync(join(root, 'templates/agreement.md.liquid'), 'utf8')}\n${schedule()}\n`);
  const file = 'contracts/springfield-smartcam.yaml';
  writeFileSync(join(dir, file), readFileSync(join(root, file)));
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Buyer Counsel');
  git('config', 'user.email', 'counsel@example.com');
  git('add', '.');
  git('commit', '-qm', 'round 1');
  const contract = loadContractFile(join(dir, file)).value;
  // The base as `contracts render --to docx` renders it: the clause library names the laws the playbook says apply.
  const { playbook } = await loadPlaybook();
  const rendered = renderAgreement(contract, { templatesDir: join(dir, 'tpl'), extraContext: (c) => clauseContext(playbook, c) });
  const words = rendered.markdown.split(/\s+/).length;
  const base = await renderDocx(rendered.anchored, {
    templatesDir: join(dir, 'tpl'),
    provenance: { contractId: contract.id, commit: git('rev-parse', 'HEAD'), round: 1 },
  });
  const markup = join(dir, 'acme-markup.docx');
  await withLibreOffice(async (office) => {
    const missing = await office.edit(base, {
      out: markup,
      author: 'Marcus Lee',
      replacements: VALUE_EDITS,
      replaceAll: true,
      deleteParagraphs: DELETIONS,
      insertParagraphs: INSERTIONS,
      comments: COMMENTS,
    });
    if (missing.length > 0) throw new Error(`edits not found: ${missing.join(', ')}`);
  });
  const edits = VALUE_EDITS.length + DELETIONS.length + INSERTIONS.length + COMMENTS.length;
  console.log(`import of a ${words}-word markup (≈${Math.round(words / 450)} pages) with ${edits} changes made in LibreOffice`);

  const args = [cli, 'import', file, 'acme-markup.docx', '--templates', 'tpl', '--dry-run', '--format', 'json'];
  const ours = await median(process.execPath, args, { cwd: dir, runs: RUNS });
  if (ours.code !== 0) throw new Error(ours.stderr);
  const result = JSON.parse(execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' }));
  const { renders, renderMs, changedRegions, matchedRegions } = result.stats;
  // On a shared, loaded machine wall time waits for a core: CPU time says what the import itself costs.
  const timed = existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { cwd: dir, encoding: 'utf8' })
    : undefined;
  const cpu = timed?.stderr.trim().split('\n').pop()?.split(' ').map(Number);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  console.log(
    `${'contracts import, cold, end to end'.padEnd(52)} ${fmt(ours.ms).padStart(8)}  (peak ${ours.peakMiB.toFixed(0)} MiB${cpu ? `, CPU ${fmt((cpu[0] + cpu[1]) * 1000)}` : ''}, load average ${load})  ${ours.ms <= COLD_TARGET_MS ? '✔' : '✖'} target ≤ ${fmt(COLD_TARGET_MS)}`,
  );
  console.log(
    `${'  candidate renders'.padEnd(52)} ${String(renders).padStart(8)}  ${fmt(renderMs / Math.max(1, renders))} each; ${result.values.length} values read, ${result.wording.filter((w) => w.text !== undefined).length} negotiated wordings, ${result.regions.reduce((n, r) => n + r.comments.length, 0)} comments (${matchedRegions}/${changedRegions} changed regions read as values)`,
  );

  const profile = join(dir, 'lo-profile');
  const soffice = ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'txt:Text', '--outdir', join(dir, 'txt'), markup];
  await run('soffice', soffice, { cwd: dir }); // creates the profile: not timed
  const theirs = await median('soffice', soffice, { cwd: dir, runs: RUNS });
  report('import vs LibreOffice converting the markup to text', ours.ms, theirs.ms);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
