// The fast YAML reader against the `yaml` library (what loading would otherwise cost), in one process on
// the same 4 KB contracts: yaml's composer (parseAllDocuments + toJS, with the project's parse options)
// and its CST alone. Both sides also record positions: ours its field table, yaml its node ranges.
import { fastParseYaml } from '../dist/load/fast-yaml.js';
import { parseOptions } from '../dist/load/parse-options.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContracts } from '../../../bench/lib/generate-contracts.mjs';
import { report } from '../../../bench/lib/measure.mjs';
import { Parser, parseAllDocuments } from 'yaml';

const dir = mkdtempSync(join(tmpdir(), 'contracts-bench-yaml-'));
const texts = generateContracts(dir, 400).map((f) => readFileSync(f, 'utf8'));
rmSync(dir, { recursive: true, force: true });
const kb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;
for (const t of texts) if (!fastParseYaml(t)) throw new Error('a generated contract left the fast path: the bench would measure yaml twice');

/** Median milliseconds per pass over every text, after warm-up; alternating sides so drift hits both. */
function measure(sides, rounds = 15) {
  const times = sides.map(() => []);
  for (let r = -3; r < rounds; r++) {
    for (const [i, fn] of sides.entries()) {
      const started = process.hrtime.bigint();
      for (const t of texts) fn(t);
      if (r >= 0) times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

const ours = (t) => fastParseYaml(t);
const composer = (t) => parseAllDocuments(t, parseOptions)[0].toJS();
const cst = (t) => {
  for (const _ of new Parser().parse(t));
};
const [a, b, c] = measure([ours, composer, cst]);
console.log(
  `fast YAML reader vs yaml ${(await import('yaml/package.json', { with: { type: 'json' } })).default.version} on ${texts.length} contracts of ${kb.toFixed(1)} KB (median of 15 passes)`,
);
report(`${texts.length} × ${kb.toFixed(1)} KB, vs yaml's composer (value)`, a, b, 0.1);
console.log(`  the fast reader is ${(b / a).toFixed(1)}× faster than yaml's composer, ${(c / a).toFixed(1)}× faster than its CST parser`);
report(`${texts.length} × ${kb.toFixed(1)} KB, vs yaml's CST parser alone`, a, c, 0.5);
