// Timing and memory of whole commands, the way a user experiences them (process start included).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Runs a command once: wall time in ms, peak RSS in MiB (from /proc's high-water mark), exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let peakKb = 0;
    let stderr = '';
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {}
    };
    const timer = existsSync('/proc/self/status') ? setInterval(sample, 5) : undefined;
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, peakMiB: peakKb / 1024, code, stderr });
    });
  });
}

/** Median wall time of `runs` runs (after one warm-up run that fills the OS file cache). */
export async function median(command, args, { runs = 5, ...options } = {}) {
  await run(command, args, options);
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await run(command, args, options);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], code: last.code, stderr: last.stderr, peakMiB: last.peakMiB };
}

export const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** One result row: ours vs the tool a user would otherwise use, with the ratio and the target. */
export function report(label, ours, theirs, target) {
  const ratio = ours / theirs;
  const verdict = target === undefined ? '' : ratio <= target ? `  ✔ ≤ ${target}×` : `  ✖ target ≤ ${target}×`;
  console.log(`${label.padEnd(52)} ours ${fmt(ours).padStart(8)}   theirs ${fmt(theirs).padStart(8)}   ratio ${ratio.toFixed(2)}×${verdict}`);
  return ratio;
}

/**
 * Medians of two commands run alternately (a, b, a, b, …) after one warm-up each, so a machine that
 * speeds up or slows down during the run (CPU frequency, noisy neighbours) affects both sides alike.
 */
export async function compare([commandA, argsA, optionsA = {}], [commandB, argsB, optionsB = {}], { runs = 7 } = {}) {
  await run(commandA, argsA, optionsA);
  await run(commandB, argsB, optionsB);
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(await run(commandA, argsA, optionsA));
    b.push(await run(commandB, argsB, optionsB));
  }
  const mid = (list) => {
    const sorted = [...list].sort((x, y) => x.ms - y.ms);
    return { ...sorted[Math.floor(sorted.length / 2)], ms: sorted[Math.floor(sorted.length / 2)].ms };
  };
  return [mid(a), mid(b)];
}
