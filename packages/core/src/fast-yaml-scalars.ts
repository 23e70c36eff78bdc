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
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (/^-?(?:0|[1-9][0-9]{0,14})$/.test(text) || /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/.test(text)) return Number(text);
  // yaml's other core-schema number forms (exponents, hex, octal, +, leading zeros, .inf, .nan) are rare
  // in contracts and have edge cases: the full parser decides them.
  if (coreNumber.some((re) => re.test(text))) bail();
  if (/^[-?:,\[\]{}#&*!|>'"%@`]/.test(text) && !/^[-?:][^\s,\[\]{}]/.test(text)) bail();
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #') || text.includes('\t')) bail();
  return text;
}

const simpleEscapes: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', e: '\x1b', a: '\x07', v: '\v', ' ': ' ' };

/** A double- or single-quoted scalar that closes on the same line; returns value and end offset in `text`. */
export function quoted(text: string, at: number): [string, number] {
  const q = text[at]!;
  let out = '';
  let i = at + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (q === "'" && ch === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return [out, i + 1];
    }
    if (q === '"' && ch === '"') return [out, i + 1];
    if (q === '"' && ch === '\\') {
      const next = text[i + 1] ?? bail();
      if (next in simpleEscapes) {
        out += simpleEscapes[next];
        i += 2;
        continue;
      }
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        const code = parseInt(text.slice(i + 2, i + 6), 16);
        if (code >= 0xd800 && code <= 0xdfff) bail();
        out += String.fromCharCode(code);
        i += 6;
        continue;
      }
      bail();
    }
    out += ch;
    i++;
  }
  return bail();
}
