import { readFileSync } from 'node:fs';
import type { Document, YAMLError } from 'yaml';
import { decodeContractBytes, DEFAULT_MAX_BYTES } from './decode.js';
import type { Diagnostic } from '../diagnostic.js';
import { InputOutputError } from '../errors.js';
import { findUnsafeValue, MAX_DEPTH } from './inspect-value.js';
import { fastParseYaml } from './fast-yaml.js';
import type { FieldIndex } from './field-index.js';
import { LineIndex, type LinePositions } from './line-index.js';
import { locate } from './locate.js';
import { yamlLib } from './yaml-lib.js';
import { flowNestingBeyond } from './nesting.js';

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

const yamlErrorCodes: Record<string, Diagnostic['code']> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  TAB_AS_INDENT: 'yaml/tab-indentation',
  TAG_RESOLVE_FAILED: 'yaml/unknown-tag',
  BAD_ALIAS: 'yaml/syntax',
};

/**
 * yaml reports an unterminated quoted string where the file ends; the reader needs the opening quote.
 */
function errorOffsets(error: YAMLError, text: string): [number, number] {
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  if (error.code === 'MISSING_CHAR' && quote) {
    let at = Math.min(error.pos[0], text.length) - 1;
    while (at >= 0 && !(text[at] === quote && (quote === "'" || text[at - 1] !== '\\'))) at--;
    if (at >= 0) return [at, at + 1];
  }
  return [error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)];
}

function fromYamlError(error: YAMLError, file: string, lines: LinePositions, text: string): Diagnostic {
  const [from, to] = errorOffsets(error, text);
  const start = lines.linePos(from);
  const end = lines.linePos(to);
  // yaml's messages end with a code frame when prettyErrors is on; we keep the first sentence only.
  let message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (error.code === 'TAG_RESOLVE_FAILED') message = `${message.replace('Unresolved tag', 'Unknown tag')} (tags are not allowed in contract files)`;
  return {
    code: yamlErrorCodes[error.code] ?? 'yaml/syntax',
    severity: 'error',
    message,
    file,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    path: '',
  };
}

const parseOptions = {
  uniqueKeys: true,
  merge: false, // `<<` is an ordinary (and so unknown) key: merges hide where a value came from
  resolveKnownTags: false, // !!binary, !!set, !!omap … are reported, not decoded
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/** Parses contract text safely. Never throws for bad input: every problem becomes a diagnostic. */
export function loadYamlText(text: string, file: string, options: LoadOptions = {}): LoadedFile {
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
    return problem(
      'yaml/too-large',
      `File is ${(text.length / 1024 / 1024).toFixed(1)} MiB; a contract file may be at most ${(maxBytes / 1024 / 1024).toFixed(0)} MiB`,
    );
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
  for (const error of [...document.errors, ...document.warnings]) result.diagnostics.push(fromYamlError(error, file, lineCounter, text));
  if (result.diagnostics.length > 0) return result;

  if (!yamlLib().isMap(document.contents)) {
    const at = document.contents?.range?.[0] ?? 0;
    return problem('yaml/not-a-mapping', 'A contract must be a mapping of fields (`schemaVersion: 1`, `id: …`), not a list or a single value', at);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: options.maxAliasCount ?? 100 });
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
 * Reads a contract file synchronously, turning read failures into one clear `InputOutputError`. For a
 * batch of small files this is several times faster than fs/promises (no per-file promise and
 * file-handle round trips), and a batch is CPU-bound anyway.
 */
export function readContractFile(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new InputOutputError('io/unreadable', `Cannot read ${file}: ${why}`, { cause: error });
  }
}

/** Reads and parses a contract file. Throws `InputOutputError` only when the file cannot be read. */
export async function loadYamlFile(file: string, options: LoadOptions = {}): Promise<LoadedFile> {
  return loadYamlBytes(readContractFile(file), file, options);
}

/** Parses contract bytes (from disk or from git). */
export function loadYamlBytes(bytes: Uint8Array, file: string, options: LoadOptions = {}): LoadedFile {
  const decoded = decodeContractBytes(bytes, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) {
    return { file, text: '', value: undefined, document: undefined, lineCounter: new LineIndex(''), diagnostics: [decoded.diagnostic] };
  }
  return loadYamlText(decoded.text, file, options);
}
