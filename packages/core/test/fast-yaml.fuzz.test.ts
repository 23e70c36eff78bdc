/**
 * Differential fuzzing of the fast YAML reader against yaml (see differential.ts for the judge). CI runs
 * a fixed seed and 100,000 cases; `pnpm fuzz` runs longer: FUZZ_SECONDS (a time budget, any number of
 * cases), FUZZ_RUNS and FUZZ_SEED override the defaults. A failure prints the seed and path that replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadYamlText } from '../src/load/load.js';
import { MAX_DEPTH } from '../src/load/inspect-value.js';
import { flowNestingBeyond } from '../src/load/nesting.js';
import { parseOptions } from '../src/load/parse-options.js';
import { contractLikeYaml } from './contract-like-yaml.js';
import { breather, fuzzSettings } from '../../../test-support/fuzz.js';
import { judge } from './differential.js';

const fuzz = fuzzSettings({ seed: 20261201, runs: 100_000 });

describe('fast YAML reader, differential fuzzing', () => {
  it(
    'bails or gives yaml’s exact value and positions on generated contract-like documents; the pipeline never throws and the nesting check never refuses what yaml reads',
    async () => {
      const counts = { cases: 0, agreed: 0, bailed: 0 };
      const breathe = breather();
      await fc.assert(
        fc.asyncProperty(contractLikeYaml, async (text) => {
          await breathe();
          counts.cases++;
          counts[judge(text)]++;
          if (flowNestingBeyond(text, MAX_DEPTH) !== undefined) {
            const [document] = parseAllDocuments(text, parseOptions) as ReturnType<typeof parseAllDocuments>;
            expect({ text, errors: document?.errors.length }).toEqual({ text, errors: 0 }); // ...only what yaml cannot read anyway
            expect.fail(`the nesting check refused a file yaml reads: ${JSON.stringify(text)}`);
          }
          // The whole loader (fallback, diagnostics) never throws; sampled, as each run costs a full parse.
          if (counts.cases % 8 === 0) loadYamlText(text, 'fuzz.yaml');
        }),
        fuzz.options,
      );
      console.log(`fast-yaml fuzz (${fuzz.label}): ${counts.cases} cases, ${counts.agreed} agreed, ${counts.bailed} bailed`);
      // The property means something only if the reader answers often.
      expect(counts.agreed / counts.cases).toBeGreaterThan(0.15);
    },
    Math.max(300_000, fuzz.timeout),
  );
});
