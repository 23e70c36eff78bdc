import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The stylesheet and the one script every page inlines, read once (from `assets/`, beside src/ and dist/). */
const read = (name: string) => readFileSync(new URL(`../../assets/${name}`, import.meta.url), 'utf8');

let cached: { css: string; script: string; cssHash: string; scriptHash: string } | undefined;

/** The assets and their CSP hashes (`'sha256-…'` of the exact text between the tags). */
export function assets(): { css: string; script: string; cssHash: string; scriptHash: string } {
  if (!cached) {
    const css = read('report.css');
    const script = read('table.js');
    cached = { css, script, cssHash: cspHash(css), scriptHash: cspHash(script) };
  }
  return cached;
}

export const cspHash = (source: string): string => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
