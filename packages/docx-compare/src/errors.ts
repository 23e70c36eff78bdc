/**
 * Errors of `@contracts/docx-compare`, in the project's one error model: a stable `code` and the CLI's
 * `exitCode` (2: the input or the environment is at fault, not a contract).
 */
import { ContractsError, EnvironmentError, InputOutputError } from '@contracts/core';

/** One of the documents is not a readable DOCX. The message names which one and why. */
export class CorruptDocxError extends InputOutputError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('docx-compare/corrupt-input', message, options);
  }
}

/** The comparison engine could not be started, or stopped (the `docxodus` package is missing or broken). */
export class CompareEngineUnavailableError extends EnvironmentError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('docx-compare/unavailable', message, options);
  }
}

/** The engine ran on two readable documents and failed anyway: a bug to report, said in one line. */
export class CompareFailedError extends ContractsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('docx-compare/failed', message, options);
  }
}

/** The engine did not answer in time and was stopped. */
export class CompareTimeoutError extends ContractsError {
  constructor(message: string) {
    super('docx-compare/timeout', message);
  }
}
