/**
 * Two DOCX files → one DOCX whose tracked changes turn the first into the second: Word's *accept all*
 * gives the later document, *reject all* the earlier one. The engine is docxodus' DocxDiff (see
 * engine.ts; why this engine: README). Every revision it writes — insertions, deletions, moves,
 * paragraph/run property changes — is stamped with the author and date given here, never the
 * engine's defaults or the clock, so the same inputs always give the same bytes.
 */
import { checkDocx } from './check-input.js';
import { callEngine } from './engine.js';
import { CompareFailedError, CompareTimeoutError, CorruptDocxError } from './errors.js';

export interface CompareDocxOptions {
  /** Who the changes are attributed to (`w:author`): the later version's author. */
  author: string;
  /** When (`w:date`): an ISO 8601 date-time, or seconds since 1970. Written as UTC whole seconds. */
  date: string | number;
  /** How the two inputs are named in error messages. Default: "the earlier document" / "the later document". */
  names?: { before?: string; after?: string };
  /** Report relocated paragraphs as moves (`w:moveFrom` / `w:moveTo`) rather than delete + insert. Default true. */
  detectMoves?: boolean;
}

/**
 * Compares `before` with `after` and returns the redline DOCX (bytes as the engine writes them; run it
 * through render's `normalizeDocx` to stamp an epoch on the package). Throws `CorruptDocxError`
 * (`docx-compare/corrupt-input`) naming the unreadable input, `CompareEngineUnavailableError`
 * (`docx-compare/unavailable`), `CompareTimeoutError` (`docx-compare/timeout`) or `CompareFailedError`
 * (`docx-compare/failed`).
 */
export async function compareDocx(before: Uint8Array, after: Uint8Array, options: CompareDocxOptions): Promise<Uint8Array> {
  const names = { before: options.names?.before ?? 'the earlier document', after: options.names?.after ?? 'the later document' };
  const author = options.author.trim();
  if (!author) throw new RangeError('compareDocx needs an author to attribute the changes to');
  const date = revisionDate(options.date);
  checkDocx(before, names.before);
  checkDocx(after, names.after);
  const request = {
    op: 'compare' as const,
    before,
    after,
    settings: { authorForRevisions: author, dateTimeForRevisions: date, deterministic: true, detectMoves: options.detectMoves ?? true },
  };
  // Rarely (twice in many thousands of comparisons, never reproduced on the same pair) the engine's
  // runtime stops making progress. The stuck engine is stopped at the time limit; the same comparison
  // then gets one fresh engine before the timeout is reported.
  const reply = await callEngine(request).catch((error: unknown) => {
    if (!isTimeout(error)) throw error;
    return callEngine(request).catch((again: unknown) => {
      if (isTimeout(again)) throw new CompareTimeoutError(`${(again as Error).message}, twice (the second time on a fresh engine)`);
      throw again;
    });
  });
  if (reply.ok) {
    if ('bytes' in reply && reply.bytes.byteLength > 0) return reply.bytes;
    throw new CompareFailedError('The comparison engine returned no document');
  }
  if (reply.unreadable === 'before' || reply.unreadable === 'after') {
    throw new CorruptDocxError(`${names[reply.unreadable]} cannot be read as a Word document (${reply.reason})`);
  }
  throw new CompareFailedError(`Comparing the two DOCX files failed inside the comparison engine: ${reply.reason}`);
}

const isTimeout = (error: unknown) => (error as { code?: unknown } | null)?.code === 'docx-compare/timeout';

/** `2026-05-18T10:00:00Z` from an ISO string with any offset, or from seconds since 1970. */
export function revisionDate(when: string | number): string {
  const ms = typeof when === 'number' ? when * 1000 : Date.parse(when);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a date for the tracked changes: ${String(when)}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
