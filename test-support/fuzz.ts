/**
 * How long fuzz and property tests run, in one place. CI runs each with its fixed seed and default
 * number of cases; `pnpm fuzz` (packages/core/scripts/fuzz.mjs) runs every `*.fuzz.test.ts` longer by
 * setting FUZZ_SECONDS (a time budget, any number of cases), FUZZ_RUNS or FUZZ_SEED.
 */
export interface FuzzSettings {
  seed: number;
  /** fast-check options: the seed, the number of runs, and the time budget when there is one. */
  options: { seed: number; numRuns: number; interruptAfterTimeLimit?: number; markInterruptAsFailure?: boolean };
  /** Vitest timeout for the test, in milliseconds. */
  timeout: number;
  /** What the test name says about the run. */
  label: string;
}

export function fuzzSettings(defaults: { seed: number; runs: number; msPerRun?: number }): FuzzSettings {
  const seconds = Number(process.env['FUZZ_SECONDS']) || 0;
  const seed = Number(process.env['FUZZ_SEED'] ?? defaults.seed);
  if (seconds > 0) {
    return {
      seed,
      options: { seed, numRuns: 1_000_000_000, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false },
      timeout: (seconds + 120) * 1000,
      label: `${seconds} s, seed ${seed}`,
    };
  }
  const numRuns = Number(process.env['FUZZ_RUNS']) || defaults.runs;
  return { seed, options: { seed, numRuns }, timeout: Math.max(120_000, numRuns * (defaults.msPerRun ?? 3)), label: `${numRuns} cases, seed ${seed}` };
}

/**
 * For a property that runs for minutes: `await breathe()` in an async property's predicate gives the
 * event loop a turn every `every` cases. A synchronous fc.assert holds the thread for the whole budget,
 * and vitest's worker then misses its RPC deadline ("Timeout calling onTaskUpdate") and fails the run
 * although every case passed. The cases and their order are those of the same seed without it.
 */
export function breather(every = 500): () => Promise<void> {
  let n = 0;
  return async () => {
    if (++n % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  };
}
