// Deterministic generator of realistic contracts for benchmarks: variations of the bundled examples.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Mulberry32: a tiny seeded PRNG, so every run benchmarks the same files. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const examples = () =>
  readdirSync(join(repoRoot, 'contracts'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(repoRoot, 'contracts', f), 'utf8'));

/** Fields a negotiation moves, with values from preferred to walk-away (all valid under the schema). */
const variations = [
  [/notificationHours: \d+/, [4, 24, 48, 72, 96, 120]],
  [/supportPeriodYears: \d+/, [2, 3, 5, 7]],
  [/dataReturnDays: \d+/, [15, 30, 60, 90]],
  [/critical: \d+/, [7, 14, 30, 45, 90]],
  [/perClaimUsd: \d+/, [1000000, 2000000, 5000000, 10000000]],
  [/encryptionInTransit: [\w.-]+/, ['tls-1.3', 'tls-1.2', 'tls-1.1']],
  [/dataBreachCap: [\w-]+/, ['uncapped', 'super-cap', 'general-cap']],
  [/subprocessorChange: [\w-]+/, ['prior-written-consent', 'notice-with-objection', 'notice-only']],
  [/internetFacing: \w+/, ['true', 'false']],
  [/kind: [\w-]+/, ['government', 'healthcare', 'public-company', 'company', 'defence-contractor']],
];

/**
 * Writes `count` contracts into `dir`: each a bundled example with a new id and varied positions.
 * Dates are quoted so YAML 1.1 parsers (js-yaml, used by ajv-cli) read them as strings too and both
 * tools validate the same data.
 */
export function generateContracts(dir, count, seed = 42) {
  mkdirSync(dir, { recursive: true });
  const random = prng(seed);
  const bases = examples();
  const pick = (values) => values[Math.floor(random() * values.length)];
  const files = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length];
    const id = `bench-${String(i).padStart(5, '0')}`;
    let text = base
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^(\s*(?:effectiveDate|date): )(\d{4}-\d{2}-\d{2})$/gm, '$1"$2"')
      .replace(/annualFeesUsd: \d+/, `annualFeesUsd: ${Math.floor(10_000 + random() * 1_000_000)}`);
    // Positions move the way negotiations move them, so checks see every tier and many risk rules fire.
    for (const [pattern, values] of variations) if (random() < 0.6) text = text.replace(pattern, (m) => `${m.slice(0, m.indexOf(':'))}: ${pick(values)}`);
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
