/** Runs a child process without a shell: bytes in on stdin, bytes out on stdout, stderr captured, timeout. */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Uint8Array;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunOptions {
  readonly input?: Uint8Array | string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly timeoutMs: number;
}

/**
 * Spawns `file` with `args` (an array, never a shell string, so no quoting or injection issues).
 * Rejects only when the process cannot be started (e.g. ENOENT); a non-zero exit is a normal result.
 */
export function runProcess(file: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: options.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // pandoc may exit (e.g. on a bad option) before reading all of stdin; the resulting EPIPE is not
    // the interesting error — the exit code and stderr are.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const out = Buffer.concat(stdout);
      resolve({
        exitCode,
        signal,
        stdout: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    });
    child.stdin.end(options.input ?? '');
  });
}
