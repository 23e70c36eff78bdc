import type { Diagnostic } from '../diagnostic.js';

/** Default size limit: a real agreement is a few kilobytes; 2 MiB leaves room and stops hostile input early. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

function fileProblem(file: string, code: Diagnostic['code'], message: string, line = 1, column = 1): Diagnostic {
  return { code, severity: 'error', message, file, line, column, endLine: line, endColumn: column + 1, path: '' };
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(bytes >= 1024 * 1024 ? 1 : 2).replace(/\.0+$/, '');

/** `yaml/too-large` for a file of `size` bytes (`atLeast`: reading stopped at the limit, so it is larger still). */
export function tooLarge(file: string, size: number, maxBytes: number, atLeast = false): Diagnostic {
  const measured = atLeast ? `more than ${mib(maxBytes)}` : mib(size);
  return fileProblem(file, 'yaml/too-large', `File is ${measured} MiB; a contract file may be at most ${mib(maxBytes)} MiB`);
}

/** Line and column (1-based) of a byte offset, for problems found before the text is decoded. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that is not valid UTF-8, or -1 (only called once decoding has failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

// `ignoreBOM` keeps a byte-order mark in the text: yaml drops exactly one at the start and keeps any
// other, so the text both readers see must be the file's, not one with a BOM already taken off.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Turns file bytes into text, refusing what is not a UTF-8 text file: too large, binary (NUL bytes),
 * UTF-16/32 (BOM), or invalid UTF-8. Each refusal is a diagnostic pointing at the offending byte.
 */
export function decodeContractBytes(bytes: Uint8Array, file: string, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length > maxBytes) return { ok: false, diagnostic: tooLarge(file, bytes.length, maxBytes) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, diagnostic: fileProblem(file, 'yaml/encoding', 'File is encoded as UTF-16; save it as UTF-8') };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = byteLineColumn(bytes, nul);
    return {
      ok: false,
      diagnostic: fileProblem(file, 'yaml/binary', 'File contains binary data (a NUL byte); a contract must be a UTF-8 text file', at.line, at.column),
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const at = byteLineColumn(bytes, offset);
    const hex = bytes[offset]?.toString(16).padStart(2, '0') ?? '??';
    return { ok: false, diagnostic: fileProblem(file, 'yaml/encoding', `File is not valid UTF-8 (byte 0x${hex}); save it as UTF-8`, at.line, at.column) };
  }
}
