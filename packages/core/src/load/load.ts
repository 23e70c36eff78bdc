import type { Document } from 'yaml';
import { decodeContractBytes, DEFAULT_MAX_BYTES, tooLarge } from './decode.js';
import type { Diagnostic } from '../diagnostic.js';
import { findUnsafeValue, MAX_DEPTH } from './inspect-value.js';
import { fastParseYaml } from './fast-yaml.js';
import type { FieldIndex } from './field-index.js';
import { LineIndex, type LinePositions } from './line-index.js';
import { locate } from './locate.js';
import { yamlLib } from './yaml-lib.js';
import { flowNestingBeyond } from './nesting.js';
import { DEFAULT_MAX_ALIAS_COUNT, parseOptions } from './parse-options.js';
import { readContractFile } from './read-file.js';
import { keyDiagnostics, yamlDiagnostics } from './yaml-errors.js';

/** A parsed YAML file: its value, its syntax tree (for positions) and what went wrong. */
export interface LoadedFile {
  file: string;
  text: string;
  /** The plain value, or `undefined` when the file could not be read as one mapping. */
  value: Record<string, unknown> | undefined;
  /** The YAML syntax tree, when the full parser read the file. */
  document: Document.Parsed | undefined;
  /** Where each field sits, when the fast reader read the file. */
  fields?: FieldIndex;
  lineCounter: LinePositions;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  maxBytes?: number;
  /** Most alias expansions allowed; stops "billion laughs" documents. */
  maxAliasCount?: number;
}

/** Parses contract text safely. Never throws for bad input: every problem becomes a diagnostic. */
export function loadYamlText(source: string, file: string, options: LoadOptions = {}): LoadedFile {
  // YAML 1.2 takes a lone CR as a line break, yaml does not (a lone-CR file with a comment first read as
  // empty). Each lone CR becomes an LF, which keeps every offset, line and column.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  // Positions come from the text itself (computed on first use), whichever parser reads it.
  const lineCounter = new LineIndex(text);
  const result: LoadedFile = { file, text, value: undefined, document: undefined, lineCounter, diagnostics: [] };
  const problem = (code: Diagnostic['code'], message: string, offset = 0, endOffset = offset + 1): LoadedFile => {
    const s = lineCounter.linePos(Math.min(offset, text.length));
    const e = lineCounter.linePos(Math.min(endOffset, text.length));
    const line = Math.max(1, s.line);
    const column = Math.max(1, s.col);
    const endLine = Math.max(line, e.line);
    const endColumn = endLine === line ? Math.max(column + 1, e.col) : e.col;
    result.diagnostics.push({ code, severity: 'error', message, file, line, column, endLine, endColumn, path: '' });
    return result;
  };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes) {
    result.diagnostics.push(tooLarge(file, text.length, maxBytes));
    return result;
  }
  if (text.trim() === '') return problem('yaml/empty', 'File is empty; a contract starts with `schemaVersion: 1`');

  // The fast reader's values are safe by construction (bounded depth, exact numbers): no unsafe-value walk.
  const fast = fastParseYaml(text);
  if (fast) {
    return { ...result, value: fast.value, fields: fast.fields };
  }

  const tooDeep = flowNestingBeyond(text, MAX_DEPTH);
  if (tooDeep !== undefined) return problem('yaml/too-deep', `Nesting is deeper than ${MAX_DEPTH} levels`, tooDeep);

  let documents: Document.Parsed[];
  try {
    const parsed = yamlLib().parseAllDocuments(text, parseOptions);
    documents = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    // The parser recurses on nested flow collections; absurd nesting exhausts the stack.
    if (error instanceof RangeError) return problem('yaml/too-deep', `Nesting is deeper than ${MAX_DEPTH} levels`);
    throw error;
  }
  const [document, second] = documents;
  if (!document) return problem('yaml/empty', 'File holds no YAML document; a contract starts with `schemaVersion: 1`');
  result.document = document;
  if (second) {
    const at = second.range[0];
    problem('yaml/multiple-documents', 'File holds more than one YAML document (`---`); put one contract per file', at, at + 3);
  }
  result.diagnostics.push(...yamlDiagnostics(document, file, lineCounter, text));
  if (result.diagnostics.length > 0) return result;

  if (!yamlLib().isMap(document.contents)) {
    const at = document.contents?.range?.[0] ?? 0;
    return problem('yaml/not-a-mapping', 'A contract must be a mapping of fields (`schemaVersion: 1`, `id: …`), not a list or a single value', at);
  }
  // Warnings (a key read as a number) keep the value; errors (two keys that became one name) drop it.
  const keys = keyDiagnostics(document, file, lineCounter);
  result.diagnostics.push(...keys);
  if (keys.some((d) => d.severity === 'error')) return result;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) return problem('yaml/too-deep', `Nesting is deeper than ${MAX_DEPTH} levels`);
    if (error instanceof ReferenceError) return problem('yaml/alias-limit', 'Too many alias expansions (`*name`); the file looks like an alias bomb');
    throw error;
  }
  const unsafe = findUnsafeValue(value);
  if (unsafe) {
    const range = locate(result, unsafe.pointer);
    result.diagnostics.push({ code: unsafe.code, severity: 'error', message: unsafe.message, file, ...range, path: unsafe.pointer });
    return result;
  }
  result.value = value as Record<string, unknown>;
  return result;
}

/**
 * Reads and parses a contract file. A file that is not read (a symlink out of the repository, a FIFO,
 * device or directory, too large) comes back with one diagnostic; only a file that cannot be read at
 * all throws `InputOutputError` (see read-file.ts).
 */
export function loadContractFile(file: string, options: LoadOptions = {}): LoadedFile {
  const read = readContractFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!read.ok) return unread(file, read.diagnostic);
  return loadYamlBytes(read.bytes, file, options);
}

/** `loadContractFile`, for callers that await. */
export async function loadYamlFile(file: string, options: LoadOptions = {}): Promise<LoadedFile> {
  return loadContractFile(file, options);
}

const unread = (file: string, diagnostic: Diagnostic): LoadedFile => ({
  file,
  text: '',
  value: undefined,
  document: undefined,
  lineCounter: new LineIndex(''),
  diagnostics: [diagnostic],
});

/** Parses contract bytes (from disk or from git). */
export function loadYamlBytes(bytes: Uint8Array, file: string, options: LoadOptions = {}): LoadedFile {
  const decoded = decodeContractBytes(bytes, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return unread(file, decoded.diagnostic);
  return loadYamlText(decoded.text, file, options);
}
