/**
 * Errors thrown by `@contracts/pandoc`. The package deliberately does not depend on `@contracts/core`,
 * so these mirror its `ContractsError` shape (`code`, `exitCode = 2`) without extending it: the CLI
 * can treat anything with a string `code` and numeric `exitCode` the same way.
 */

/** Base class: a stable machine-readable `code` and the process exit code the CLI should use. */
export abstract class PandocError extends Error {
  /** Process exit code for the CLI: 2, an environment or usage problem rather than a contract problem. */
  readonly exitCode: number = 2;
  /** A stable code such as `pandoc/unavailable` or `pandoc/failed`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** How to get a working backend; appended to every "unavailable" message so the user can act on it. */
export const INSTALL_HINT =
  'Install pandoc >= 2.11 (https://pandoc.org/installing.html, e.g. `apt-get install pandoc` or ' +
  '`brew install pandoc`), or set CONTRACTS_PANDOC_PATH to a pandoc binary, or install the optional ' +
  'WebAssembly build with `pnpm add pandoc-wasm` (GPL-2.0-or-later) and set CONTRACTS_PANDOC_BACKEND=wasm.';

/** No usable pandoc backend: binary missing or too old, `pandoc-wasm` not installed, bad backend name. */
export class PandocUnavailableError extends PandocError {
  /** The message without the installation hint, for combining several reasons into one error. */
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown; code?: string }) {
    super(options?.code ?? 'pandoc/unavailable', `${reason}\n${INSTALL_HINT}`, options);
    this.reason = reason;
  }
}

/**
 * Pandoc ran (or was about to run) but could not convert: unreadable input, unknown format, bad option,
 * timeout. `stderr` holds pandoc's own diagnostics, which are usually the most useful part.
 */
export class PandocConversionError extends PandocError {
  /** Pandoc's stderr (system backend) or error text (wasm backend); empty when pandoc never ran. */
  readonly stderr: string;
  /** Exit status of the pandoc process (system backend only). */
  readonly pandocExitCode: number | undefined;
  constructor(message: string, details: { code?: string; stderr?: string; pandocExitCode?: number; cause?: unknown } = {}) {
    super(details.code ?? 'pandoc/failed', message, { cause: details.cause });
    this.stderr = details.stderr ?? '';
    this.pandocExitCode = details.pandocExitCode;
  }
}
