// Benchmark for `contracts check` (not a timed test): schema + playbook + risk rules on generated
// contracts (variations of the bundled examples, deterministic PRNG), against ajv-cli doing schema
// validation only on the same files: what a team would otherwise run in CI.
//   node packages/playbook/bench/check.bench.mjs [N=1000] [BIG=10000]
// Targets: check ≤ 1.0× ajv-cli at N=1000; check ≤ 5 s at N=10,000 on a 2-core machine.
//
// The two tools run alternately (ours, ajv-cli, ours, …) and each side's median is compared: this
// machine's speed drifts by ±10% over a minute, and alternating makes the drift hit both sides alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContracts, repoRoot } from '../../../bench/lib/generate-contracts.mjs';
import { compare, fmt, report, run } from '../../../bench/lib/measure.mjs';

const n = Number(process.argv[2] ?? 1000);
const big = Number(process.argv[3] ?? 10000);
const runs = Number(process.env.BENCH_RUNS ?? 9);
const cli = join(repoRoot, 'packages/cli/bin/run.js');
const ajv = join(repoRoot, 'node_modules/ajv-cli/dist/index.js');
const schema = join(repoRoot, 'schemas/vendor-agreement.schema.json');
const ours = (dir, format) => [process.execPath, [cli, 'check', '--format', format, dir]];
const theirs = (dir) => [
  process.execPath,
  [ajv, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--strict=false', '--all-errors', '--errors=no', '-s', schema, '-d', `${dir}/*.yaml`],
];

const small = mkdtempSync(join(tmpdir(), 'contracts-bench-check-'));
try {
  generateContracts(small, n);
  console.log(`check: contracts check (schema + playbook + risk rules) vs ajv-cli 5 (schema only, no report), ${n} contracts`);
  // The target row is `contracts check` as typed (stylish report, written file by file as checked).
  // JSON needs every finding before it can print its file list, so it is measured on its own row.
  const rows = [
    ['stylish', `${n.toLocaleString('en')} contracts, \`contracts check\` (stylish)`, 1.0],
    ['github', `${n.toLocaleString('en')} contracts, --format github (CI annotations)`, undefined],
    ['json', `${n.toLocaleString('en')} contracts, --format json (10 MB report)`, undefined],
  ];
  for (const [format, label, target] of rows) {
    const [a, b] = await compare(ours(small, format), theirs(small), { runs });
    // Exit 1 is expected: the generated negotiations hold walk-away positions.
    if (a.code !== 1 || b.code !== 0) throw new Error(`unexpected exit codes: ours ${a.code}, ajv-cli ${b.code}\n${a.stderr}${b.stderr}`);
    report(label, a.ms, b.ms, target);
  }
  console.log(`(medians of ${runs} runs each, the two tools alternating)`);
  const one = join(small, 'bench-00000.yaml');
  const [c, d] = await compare(ours(one, 'stylish'), theirs(one), { runs });
  report('1 contract, cold start', c.ms, d.ms);
} finally {
  rmSync(small, { recursive: true, force: true });
}

if (big > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-bench-check-'));
  try {
    generateContracts(dir, big, 7);
    const e = await run(...ours(dir, 'stylish'));
    const f = await run(...theirs(dir));
    report(`${big.toLocaleString('en')} contracts, \`contracts check\` (one run each)`, e.ms, f.ms);
    console.log(`${big.toLocaleString('en')} contracts: ${fmt(e.ms)}, peak RSS ${e.peakMiB.toFixed(0)} MiB  ${e.ms <= 5000 ? '✔' : '✖'} target ≤ 5 s`);
    const g = await run(...ours(dir, 'json'));
    console.log(`${big.toLocaleString('en')} contracts, --format json: ${fmt(g.ms)}, peak RSS ${g.peakMiB.toFixed(0)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
