// Benchmark for `contracts check` (not a timed test): generates N realistic contracts (variations of
// the examples, deterministic PRNG) and times check against ajv-cli on the same files.
//   node packages/playbook/bench/check.bench.mjs [N=1000] [BIG=10000]
// Targets: check ≤ 1.0× ajv-cli at N=1000; check ≤ 5 s at N=10,000 on a 2-core machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const examples = ['bright-smile-sterilizer', 'nordlicht-building-sensors', 'springfield-smartcam'].map((n) => readFileSync(join(root, 'contracts', `${n}.yaml`), 'utf8'));

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const variations = [
  [/notificationHours: \d+/, (r) => `notificationHours: ${pick(r, [12, 24, 48, 72, 96, 120])}`],
  [/critical: \d+/, (r) => `critical: ${pick(r, [7, 14, 30, 45, 90])}`],
  [/supportPeriodYears: \d+/, (r) => `supportPeriodYears: ${pick(r, [2, 3, 5, 7])}`],
  [/perClaimUsd: \d+/, (r) => `perClaimUsd: ${pick(r, [1000000, 2000000, 5000000, 10000000])}`],
  [/encryptionInTransit: [\w.-]+/, (r) => `encryptionInTransit: ${pick(r, ['tls-1.3', 'tls-1.2', 'tls-1.1'])}`],
  [/dataBreachCap: [\w-]+/, (r) => `dataBreachCap: ${pick(r, ['uncapped', 'super-cap', 'general-cap'])}`],
  [/subprocessorChange: [\w-]+/, (r) => `subprocessorChange: ${pick(r, ['prior-written-consent', 'notice-with-objection', 'notice-only'])}`],
  [/internetFacing: \w+/, (r) => `internetFacing: ${pick(r, ['true', 'false'])}`],
  [/kind: [\w-]+/, (r) => `kind: ${pick(r, ['government', 'healthcare', 'public-company', 'company', 'defence-contractor'])}`],
];

function generate(dir, n) {
  const rand = prng(42);
  for (let i = 0; i < n; i++) {
    let text = examples[i % examples.length].replace(/^id: .*$/m, `id: bench-${i}`);
    for (const [pattern, value] of variations) if (rand() < 0.6) text = text.replace(pattern, value(rand));
    writeFileSync(join(dir, `bench-${String(i).padStart(5, '0')}.yaml`), text);
  }
}

function time(label, cmd, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${label} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(2)} s  (${(r.stdout.length / 1e6).toFixed(1)} MB output)`);
  return ms;
}

const n = Number(process.argv[2] ?? 1000);
const big = Number(process.argv[3] ?? 10000);
const cli = join(root, 'packages/cli/bin/run.js');
const ajv = join(root, 'node_modules/.bin/ajv');

const small = mkdtempSync(join(tmpdir(), 'contracts-bench-'));
try {
  generate(small, n);
  console.log(`N=${n}`);
  const check = time('contracts check --format json', process.execPath, [cli, 'check', '--format', 'json', small]);
  // ajv-cli reads YAML with js-yaml, which turns unquoted dates into Date objects: it reports those
  // files invalid, but does the same parse + validate work.
  const ajvMs = time('ajv-cli validate', ajv, ['validate', '--spec=draft2020', '-c', 'ajv-formats', '--strict=false', '--all-errors', '--errors=no', '-s', 'schemas/vendor-agreement.schema.json', '-d', `${small}/*.yaml`]);
  console.log(`ratio check / ajv-cli: ${(check / ajvMs).toFixed(2)}× (target ≤ 1.0×)`);
} finally {
  rmSync(small, { recursive: true, force: true });
}

if (big > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-bench-'));
  try {
    generate(dir, big);
    console.log(`N=${big}`);
    const ms = time('contracts check --format json', process.execPath, [cli, 'check', '--format', 'json', dir]);
    console.log(`target ≤ 5 s: ${ms <= 5000 ? 'met' : 'NOT met'}`);
    // The same run with the stylish formatter separates the checking from JSON formatting cost.
    time('contracts check (stylish)', process.execPath, [cli, 'check', dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
