/**
 * Scalars for the fast YAML reader: plain scalars resolved exactly like yaml's core schema (or refused),
 * and quoted scalars that close on their line.
 */
import { bail } from './fast-yaml-bail.js';

/** yaml's core schema number tests (yaml/dist/schema/core/{int,float}.js). */
const coreNumber = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];

/** Resolves a plain scalar like yaml's core schema, bailing on every form where exactness is doubtful. */
export function plainScalar(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most scalars in a contract are words (`vendor`, `aes-256`, `NIST-SP-800-88`): a letter first rules
  // out every number form, so they skip the number tests.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if (text.length <= 5) {
      if (text === 'null' || text === 'Null' || text === 'NULL') return null;
      if (text === 'true' || text === 'True' || text === 'TRUE') return true;
      if (text === 'false' || text === 'False' || text === 'FALSE') return false;
    }
  } else {
    if (text === '' || text === '~') return null;
    if (/^-?(?:0|[1-9][0-9]{0,14})$/.test(text) || /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/.test(text)) return Number(text);
    // yaml's other core-schema number forms (exponents, hex, octal, +, leading zeros, .inf, .nan) are rare
    // in contracts and have edge cases: the full parser decides them.
    if (coreNumber.some((re) => re.test(text))) bail();
    if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^[-?:][^\s,[\]{}]/.test(text)) bail();
  }
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #') || text.includes('\t')) bail();
  return text;
}

const simpleEscapes: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  b: '\b',
  f: '\f',
  e: '\x1b',
  a: '\x07',
  v: '\v',
  ' ': ' ',
};

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/**
 * A double- or single-quoted scalar opening at `text[at]` that closes before `end` (on its line);
 * returns the value and the offset after the closing quote. Runs without escapes are sliced, not built
 * character by character.
 */
export function quoted(text: string, at: number, end = text.length): [string, number] {
  const q = text.charCodeAt(at);
  let out = '';
  let from = at + 1;
  let i = from;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch === q) {
      if (q === SINGLE_QUOTE && i + 1 < end && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
        out += text.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      return [out + text.slice(from, i), i + 1];
    }
    if (q === DOUBLE_QUOTE && ch === BACKSLASH) {
      out += text.slice(from, i);
      if (i + 1 >= end) bail();
      const next = text[i + 1]!;
      if (next in simpleEscapes) {
        out += simpleEscapes[next];
        i += 2;
      } else if (next === 'u' && i + 6 <= end && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        const code = parseInt(text.slice(i + 2, i + 6), 16);
        if (code >= 0xd800 && code <= 0xdfff) bail();
        out += String.fromCharCode(code);
        i += 6;
      } else bail();
      from = i;
      continue;
    }
    i++;
  }
  return bail();
}
