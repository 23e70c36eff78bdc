// `pnpm fuzz [--seconds N] [--seed S] [--runs N]`: every fuzz test in the repo (`packages/*/test/*.fuzz.test.ts`)
// for longer than CI runs them. Options become FUZZ_SECONDS / FUZZ_SEED / FUZZ_RUNS (environment variables
// of the same names work too); the default is ten minutes with a seed from the clock, printed so a
// failure can be replayed with `--seed`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' } } });
const env = { ...process.env };
env.FUZZ_SEED = values.seed ?? env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);
if (values.runs ?? env.FUZZ_RUNS) env.FUZZ_RUNS = values.runs ?? env.FUZZ_RUNS;
else env.FUZZ_SECONDS = values.seconds ?? env.FUZZ_SECONDS ?? '600';
console.log(`fuzz: seed ${env.FUZZ_SEED}, ${env.FUZZ_RUNS ? `${env.FUZZ_RUNS} runs` : `${env.FUZZ_SECONDS} s`} per fuzz test`);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const vitest = fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', '.fuzz.test.ts'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
