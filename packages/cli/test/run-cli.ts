import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cliBin = fileURLToPath(new URL('../bin/run.js', import.meta.url));

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Wall time in milliseconds (for hang detection in tests, not for benchmarks). */
  ms: number;
}

/**
 * Runs the real built CLI (`packages/cli/bin/run.js`) as a user would. Every end-to-end test goes
 * through here. `NO_COLOR` is set so output is plain text unless a test overrides it.
 */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode: code ?? (signal ? 128 : 1), ms: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}
