// Benchmark for `contracts report` (not a timed test), on a git repository of 1,000 agreements with 10
// rounds each (built once with git fast-import, cached under .bench/):
//   - the whole site, cold (a new output folder) — target ≤ 10 s on this 2-core machine — side by side
//     with what a user would otherwise run for the same numbers: `contracts check --format json` over
//     the folder plus `contracts rounds --format json` for every agreement (timed on 10, scaled to all);
//   - the portfolio page's size — target < 2 MB;
//   - filtering the 1,000-row table in Chromium, timed in the page with performance.now() from the
//     input event to the finished layout — target < 100 ms.
//   node packages/report/bench/report.bench.mjs [agreements=1000] [rounds=10]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../bench/lib/generate-contracts.mjs';
import { fmt, run } from '../../../bench/lib/measure.mjs';
import { negotiationRepo } from './negotiation-repo.mjs';

const count = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 10);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cli = join(repoRoot, 'packages/cli/bin/run.js');
const chromiumPath = process.env.CONTRACTS_CHROMIUM_PATH || '/usr/bin/chromium';
const env = { ...process.env, SOURCE_DATE_EPOCH: '1775001600', NO_COLOR: '1' };
let failed = false;
const verdict = (ok, target) => {
  if (!ok) failed = true;
  return ok ? `✔ ${target}` : `✖ target ${target}`;
};

let started = performance.now();
const repo = negotiationRepo(count, rounds);
const built = performance.now() - started;
console.log(
  `report: ${count.toLocaleString('en')} agreements × ${rounds} rounds in one git repository (${built > 1000 ? `built in ${fmt(built)}` : 'cached'}: ${repo.slice(repoRoot.length)})`,
);

// The site, cold: every run writes a new folder.
const outs = [];
const times = [];
let last;
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'contracts-bench-report-'));
  outs.push(out);
  last = await run(process.execPath, [cli, 'report', '--out', out], { cwd: repo, env });
  if (last.code !== 0) throw new Error(`contracts report failed (exit ${last.code}): ${last.stderr}`);
  times.push(last.ms);
}
times.sort((a, b) => a - b);
const ours = times[Math.floor(times.length / 2)];
const site = outs.at(-1);
const files = JSON.parse(readFileSync(join(site, 'report.json'), 'utf8')).files.length;

// What a user would otherwise run: check over the folder, then rounds for each agreement.
const check = await run(process.execPath, [cli, 'check', '--format', 'json', 'contracts'], { cwd: repo, env });
const sample = Math.min(10, count);
started = performance.now();
for (let i = 0; i < sample; i++) {
  const r = await run(process.execPath, [cli, 'rounds', `contracts/deal-${String(i).padStart(4, '0')}.yaml`, '--format', 'json'], { cwd: repo, env });
  if (r.code !== 0) throw new Error(`contracts rounds failed: ${r.stderr}`);
}
const roundsAll = ((performance.now() - started) / sample) * count;
const theirs = check.ms + roundsAll;
const label = `${count.toLocaleString('en')} agreements, the whole site (${files.toLocaleString('en')} files)`;
console.log(
  `${label.padEnd(52)} ours ${fmt(ours).padStart(8)}   theirs ${fmt(theirs).padStart(8)}   ratio ${(ours / theirs).toFixed(2)}×   ${verdict(ours <= 10_000, '≤ 10 s')}`,
);
console.log(
  `  (ours: median of ${runs} cold runs, peak RSS ${last.peakMiB.toFixed(0)} MiB; theirs: check --format json ${fmt(check.ms)} + rounds --format json per agreement, ${fmt(roundsAll / count)} each, timed on ${sample})`,
);

const size = statSync(join(site, 'index.html')).size;
console.log(`${'portfolio page (index.html)'.padEnd(52)} ${(size / 1024 / 1024).toFixed(2)} MB   ${verdict(size < 2 * 1024 * 1024, '< 2 MB')}`);

if (!existsSync(chromiumPath)) {
  console.log(`filtering in the browser: skipped, Chromium not found at ${chromiumPath}`);
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    // Each step: change the form as a user would, let the script filter, then force the layout the
    // browser needs to paint the new table; the time is measured inside the page.
    const timed = (step) =>
      page.evaluate((s) => {
        const form = document.getElementById('filters');
        const t0 = performance.now();
        if (s.q !== undefined) {
          form.elements.q.value = s.q;
          form.elements.q.dispatchEvent(new Event('input', { bubbles: true }));
        }
        if (s.check !== undefined) {
          const box = document.getElementById(s.check);
          box.checked = !box.checked;
          box.dispatchEvent(new Event('change', { bubbles: true }));
        }
        if (s.sort !== undefined) document.querySelector(`th[data-key="${s.sort}"] button`).click();
        document.body.getBoundingClientRect();
        void document.body.offsetHeight;
        const ms = performance.now() - t0;
        const shown = [...document.querySelectorAll('#portfolio tbody tr')].filter((r) => !r.hidden).length;
        return { ms, shown };
      }, step);
    const steps = [
      { name: 'search "deal-01"', q: 'deal-01' },
      { name: 'search "riverside"', q: 'riverside' },
      { name: 'search cleared', q: '' },
      { name: 'only walk-away', check: 'f-walk-away' },
      { name: 'and unmet risk', check: 'f-risk' },
      { name: 'search "nordlicht"', q: 'nordlicht' },
      { name: 'all filters off', q: '', check: 'f-walk-away' },
      { name: 'risk off', check: 'f-risk' },
    ];
    const filters = [];
    for (let round = 0; round < 3; round++) for (const step of steps) filters.push({ ...(await timed(step)), name: step.name });
    const ms = filters.map((f) => f.ms).sort((a, b) => a - b);
    const worst = ms.at(-1);
    const median = ms[Math.floor(ms.length / 2)];
    const rows = await page.evaluate(() => document.querySelectorAll('#portfolio tbody tr').length);

    console.log(
      `${`filter ${rows.toLocaleString('en')} rows in Chromium (${ms.length} steps)`.padEnd(52)} median ${median.toFixed(1)} ms, slowest ${worst.toFixed(1)} ms   ${verdict(worst < 100, '< 100 ms')}`,
    );
    console.log(
      `  (${filters
        .slice(0, steps.length)
        .map((f) => `${f.name}: ${f.shown} rows ${f.ms.toFixed(1)} ms`)
        .join('; ')})`,
    );
    const sorts = [];
    for (const key of ['vendor', 'walk-away', 'days', 'agreement']) sorts.push((await timed({ sort: key })).ms);
    console.log(`${'  sort 1,000 rows by a column (4 columns)'.padEnd(52)} slowest ${Math.max(...sorts).toFixed(1)} ms`);
    // The rows are shown 50 at a time; "Show all" lays out every match (here all 1,000), on request.
    const showAll = await page.evaluate(() => {
      const t0 = performance.now();
      document.getElementById('more').click();
      void document.body.offsetHeight;
      return performance.now() - t0;
    });
    console.log(`${'  "Show all": lay out every matching row'.padEnd(52)} ${showAll.toFixed(1)} ms`);
  } finally {
    await browser.close();
  }
}

for (const out of outs) rmSync(out, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
