/**
 * The one error model. Problems *in a contract* are never thrown: they are returned as `Diagnostic`s.
 * What is thrown is a broken environment or a bad invocation, and every such error carries a stable
 * `code` (`io/not-found`, `git/bad-ref`, `pandoc/unavailable`) and the process `exitCode` the CLI uses.
 *
 * Errors are recognised by those two fields, never by class: a package that does not depend on core
 * (pandoc) throws errors of the same shape, and an error that crossed a worker thread arrives as a
 * plain object. `isContractsError` and `asContractsError` are the only places that decide.
 */

/** The fields every error a user can act on carries, whatever threw it and on whichever thread. */
export interface ContractsErrorShape {
  name: string;
  message: string;
  /** Stable machine-readable code: `<area>/<what>`. A released code never changes meaning. */
  code: string;
  /** Process exit status for the CLI: 2 for usage, I/O and environment problems. */
  exitCode: number;
}

export class ContractsError extends Error implements ContractsErrorShape {
  readonly exitCode: number;
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options?.exitCode ?? 2;
  }
}

/** The user asked for something that cannot be done as asked (bad flag value, bad ref, path outside the repo). */
export class UsageError extends ContractsError {}

/** A file or directory could not be read or written. */
export class InputOutputError extends ContractsError {}

/** A required external tool (pandoc, git, a PDF engine) is missing or failed. */
export class EnvironmentError extends ContractsError {}

const CODE = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9./-]*$/;

/**
 * True for anything shaped like a ContractsError: a string `code` of the form `area/what` and an
 * integer `exitCode`. Node's own errors (`code: 'ENOENT'`, no exit code) are not: they are bugs to
 * wrap at the place that knows what was being read.
 */
export function isContractsError(error: unknown): error is ContractsErrorShape {
  if (error === null || typeof error !== 'object') return false;
  const { code, exitCode, message } = error as Partial<ContractsErrorShape>;
  return typeof code === 'string' && CODE.test(code) && Number.isInteger(exitCode) && typeof message === 'string';
}

/** Plain data for crossing a thread or process boundary (`structuredClone` drops classes). */
export function serializeError(error: unknown): ContractsErrorShape | { name: string; message: string; stack?: string } {
  if (isContractsError(error)) return { name: error.name, message: error.message, code: error.code, exitCode: error.exitCode };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

/** The error again on this side of the boundary: a ContractsError when it was one, else a plain Error. */
export function deserializeError(data: ReturnType<typeof serializeError>): Error {
  if (isContractsError(data)) {
    const error = new ContractsError(data.code, data.message, { exitCode: data.exitCode });
    error.name = data.name;
    return error;
  }
  const error = new Error(data.message);
  error.name = data.name;
  if ('stack' in data && data.stack) error.stack = data.stack;
  return error;
}

/**
 * The one line the CLI prints for an error: a ContractsError's message with any continuation lines
 * (an install hint, pandoc's stderr) joined onto it, then its stable code in brackets, as a diagnostic
 * ends with its code (scripts and support match on the code, never on the wording); anything else is
 * a bug and says so.
 */
export function errorLine(error: unknown): string {
  if (isContractsError(error))
    return `${error.message
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ')} [${error.code}]`;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error (please report it): ${message.split('\n')[0]} (CONTRACTS_DEBUG=1 prints the stack)`;
}
