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

/** How a batch command ends: its report, exit status, and a line for stderr when only the warning limit failed it. */
export interface BatchOutcome {
  output: string;
  exitCode: number;
  /** Printed after the report: without it a run failed by `--max-warnings` alone says nothing of why. */
  note?: string;
}

/** Exit status of a batch command: 1 for errors, or for more warnings than `--max-warnings` allows. */
export function batchOutcome(output: string, result: { errors: number; warnings: number }, maxWarnings: number | undefined): BatchOutcome {
  if (result.errors > 0) return { output, exitCode: 1 };
  if (maxWarnings === undefined || result.warnings <= maxWarnings) return { output, exitCode: 0 };
  const warnings = `${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
  return { output, exitCode: 1, note: `contracts: failed: ${warnings}, more than --max-warnings ${maxWarnings} allows [check/too-many-warnings]` };
}
