/**
 * Errors for broken environments and bad invocations. Problems *in a contract* are never thrown:
 * they are returned as `Diagnostic`s. Everything thrown to the CLI is a `ContractsError`, which the CLI
 * prints as one line (no stack trace) and maps to its exit code.
 */
export class ContractsError extends Error {
  /** Process exit code the CLI uses for this error: 2 for usage and I/O problems. */
  readonly exitCode: number = 2;
  /** A stable, machine-readable code such as `io/not-found` or `git/bad-ref`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The user asked for something that cannot be done as asked (bad flag value, bad ref, path outside the repo). */
export class UsageError extends ContractsError {}

/** A file or directory could not be read or written. */
export class InputOutputError extends ContractsError {}

/** A required external tool (pandoc, git, a PDF engine) is missing or failed. */
export class EnvironmentError extends ContractsError {}

export function isContractsError(error: unknown): error is ContractsError {
  return error instanceof ContractsError;
}
