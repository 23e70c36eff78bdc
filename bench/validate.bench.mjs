// `contracts validate` against ajv-cli (what a user would otherwise run) on the same files and schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContracts, repoRoot } from './lib/generate-contracts.mjs';
import { compare, fmt, report, run } from './lib/measure.mjs';

const cli = join(repoRoot, 'packages/cli/bin/run.js');
const ajvCli = join(repoRoot, 'node_modules/ajv-cli/dist/index.js');
const schema = join(repoRoot, 'schemas/vendor-agreement.schema.json');
const ours = (target) => [cli, 'validate', '--format', 'json', target];
const theirs = (pattern) => [ajvCli, 'validate', '--spec=draft2020', '--all-errors', '-c', 'ajv-formats', '-s', schema, '-d', pattern];

const dir = mkdtempSync(join(tmpdir(), 'contracts-bench-validate-'));
try {
  console.log('validate: contracts validate vs ajv-cli 5 (schema only; ours also maps every error to line:column)');
  const files = generateContracts(join(dir, 'k1'), 1000);
  // The two tools alternate and each side's median counts: the machine's speed drifts between runs.
  const [a, b] = await compare([process.execPath, ours(join(dir, 'k1'))], [process.execPath, theirs(join(dir, 'k1', '*.yaml'))], { runs: 7 });
  if (a.code !== 0 || b.code !== 0) throw new Error(`a tool found problems in generated contracts: ours ${a.code}, ajv-cli ${b.code}\n${a.stderr}${b.stderr}`);
  report('1,000 contracts, wall time (medians of 7)', a.ms, b.ms, 1.0);

  const one = files[0];
  const [c, d] = await compare([process.execPath, ours(one)], [process.execPath, theirs(one)], { runs: 11 });
  report('1 contract, cold start (medians of 11)', c.ms, d.ms, 1.0);

  generateContracts(join(dir, 'k10'), 10_000, 7);
  const e = await run(process.execPath, ours(join(dir, 'k10')));
  const f = await run(process.execPath, theirs(join(dir, 'k10', '*.yaml')));
  report('10,000 contracts, wall time', e.ms, f.ms);
  const ok = e.peakMiB <= 500;
  console.log(
    `10,000 contracts, peak RSS: ours ${e.peakMiB.toFixed(0)} MiB, ajv-cli ${f.peakMiB.toFixed(0)} MiB  ${ok ? '✔' : '✖'} target ≤ 500 MiB (${fmt(e.ms)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
