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
const ours = (dir, format = 'json') => [process.execPath, [cli, 'check', '--format', format, dir]];
const theirs = (dir) => [process.execPath, [ajv, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--strict=false', '--all-errors', '--errors=no', '-s', schema, '-d', `${dir}/*.yaml`]];

const small = mkdtempSync(join(tmpdir(), 'contracts-bench-check-'));
try {
  generateContracts(small, n);
  console.log(`check: contracts check (schema + playbook + risk rules, JSON output) vs ajv-cli 5 (schema only, no output), ${n} contracts`);
  const [a, b] = await compare(ours(small), theirs(small), { runs });
  // Exit 1 is expected: the generated negotiations hold walk-away positions.
  if (a.code !== 1 || b.code !== 0) throw new Error(`unexpected exit codes: ours ${a.code}, ajv-cli ${b.code}\n${a.stderr}${b.stderr}`);
  report(`${n.toLocaleString('en')} contracts, wall time (medians of ${runs}, alternating)`, a.ms, b.ms, 1.0);
  const one = join(small, 'bench-00000.yaml');
  const [c, d] = await compare(ours(one), theirs(one), { runs });
  report('1 contract, cold start (medians, alternating)', c.ms, d.ms);
} finally {
  rmSync(small, { recursive: true, force: true });
}

if (big > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-bench-check-'));
  try {
    generateContracts(dir, big, 7);
    const e = await run(...ours(dir));
    const f = await run(...theirs(dir));
    report(`${big.toLocaleString('en')} contracts, wall time (one run each)`, e.ms, f.ms);
    console.log(`${big.toLocaleString('en')} contracts: ${fmt(e.ms)}, peak RSS ${e.peakMiB.toFixed(0)} MiB  ${e.ms <= 5000 ? '✔' : '✖'} target ≤ 5 s`);
    // The same run with the default (stylish) formatter: what a person sees in a terminal.
    const g = await run(...ours(dir, 'stylish'));
    console.log(`${big.toLocaleString('en')} contracts, stylish output: ${fmt(g.ms)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
