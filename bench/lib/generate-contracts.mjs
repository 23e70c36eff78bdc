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

/**
 * Writes `count` contracts into `dir`: each a bundled example with a new id and varied numbers.
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
    const text = base
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^(\s*(?:effectiveDate|date): )(\d{4}-\d{2}-\d{2})$/gm, '$1"$2"')
      .replace(/notificationHours: \d+/, `notificationHours: ${pick([4, 24, 48, 72, 96, 120])}`)
      .replace(/supportPeriodYears: \d+/, `supportPeriodYears: ${pick([2, 3, 5, 7])}`)
      .replace(/dataReturnDays: \d+/, `dataReturnDays: ${pick([15, 30, 60, 90])}`)
      .replace(/annualFeesUsd: \d+/, `annualFeesUsd: ${Math.floor(10_000 + random() * 1_000_000)}`);
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
