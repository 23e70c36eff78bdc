/**
 * `@contracts/docx-compare`: two DOCX files → one DOCX with Word tracked changes, and the tracked
 * changes of a DOCX as data. One small interface over the OOXML comparison engine (docxodus, WASM,
 * loaded lazily and once per process), the way `@contracts/pandoc` wraps pandoc.
 *
 * @example
 * const redline = await compareDocx(round2Docx, round3Docx, { author: 'Marcus Lee', date: '2026-05-18T10:00:00Z' });
 * const changes = await revisions(redline); // [{ type: 'delete', author: 'Marcus Lee', text: 'On-site audit. …' }, …]
 */
export { compareDocx, revisionDate, type CompareDocxOptions } from './compare.js';
export { revisions, type Revision } from './revisions.js';
export { warmUpEngine as warmUpDocxCompare } from './engine.js';
export { CorruptDocxError, CompareEngineUnavailableError, CompareFailedError, CompareTimeoutError } from './errors.js';
