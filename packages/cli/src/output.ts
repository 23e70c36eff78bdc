import { errorLine, isContractsError } from '@contracts/core/errors';
import { terminalText } from '@contracts/format/escape';

/**
 * Terminal output shared by the oclif commands and the fast path (which must not load oclif).
 */

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const useColor = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

/**
 * Writes to stdout and waits until it is flushed, so large outputs are never cut off by an early exit.
 * Even '' waits: it flushes whatever a command already wrote as it went.
 */
export function writeAndFlush(text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

/**
 * Prints an error as the one line a user sees (`contracts: …`) and sets the exit status: a
 * ContractsError's own (2 for usage, I/O, environment), else 2 for a bug, with the stack only under
 * CONTRACTS_DEBUG. Used by the oclif commands and the fast path alike. The line is terminal-escaped: it
 * may quote a file name, a ref or a value, and one line must stay one line.
 */
export function reportError(error: unknown): void {
  process.stderr.write(`contracts: ${terminalText(errorLine(error))}\n`);
  if (process.env.CONTRACTS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = isContractsError(error) ? error.exitCode : 2;
}

/** Exit status of a batch command: 1 for errors, or for more warnings than `--max-warnings` allows. */
export function exitCodeFor(result: { errors: number; warnings: number }, maxWarnings: number | undefined): number {
  return result.errors > 0 || (maxWarnings !== undefined && result.warnings > maxWarnings) ? 1 : 0;
}
