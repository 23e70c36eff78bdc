/**
 * Why a markup is refused, in the project's one error model (a stable `code`, exit code 2). Each is
 * thrown before anything is written, and its message is the one line the user sees.
 */
import { InputOutputError, UsageError } from '@contracts/core';

/** The file is not a Word document we can read: empty, not a zip package, damaged, truncated XML. */
export class CorruptMarkupError extends InputOutputError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('import/corrupt', message, options);
  }
}

/** An encrypted (password-protected) document, or a legacy binary .doc: an OLE compound file. */
export class ProtectedMarkupError extends InputOutputError {
  constructor(message: string) {
    super('import/password-protected', message);
  }
}

/** A zip package whose entries would inflate past the limits (count, sizes, compression ratio). */
export class ZipBombError extends InputOutputError {
  constructor(message: string) {
    super('import/zip-bomb', message);
  }
}

/** A part declares a DTD or entities: never resolved, the document is refused unread. */
export class ExternalEntityError extends InputOutputError {
  constructor(message: string) {
    super('import/external-entity', message);
  }
}

/** The markup cannot be imported into this file as asked (another contract, no provenance, file changed, base missing). */
export class ImportRefusedError extends UsageError {}
