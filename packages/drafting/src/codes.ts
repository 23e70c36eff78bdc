/**
 * Jurisdiction and region codes printed as codes ("the laws of US-MA") instead of names: any ISO
 * 3166-2 subdivision code the dataset knows, and a country code after "laws of", "in" or "from".
 */
import { isPlaceCode } from '@contracts/render';
import type { DocumentLine } from './document.js';
import type { Finding } from './finding.js';

const SUBDIVISION = /(?<![\w-])[A-Z]{2}-[A-Z0-9]{1,3}(?![\w-])/g;
const COUNTRY_AFTER = /\b(?:laws of|in|from|of) ([A-Z]{2})(?![\w-])/g;

export function checkCodes(lines: readonly DocumentLine[]): Finding[] {
  const findings: Finding[] = [];
  for (const line of lines) {
    const report = (code: string) =>
      findings.push({
        code: 'drafting/raw-code',
        severity: 'error',
        line,
        excerpt: code,
        message: `"${code}" is printed as a code; print its name (the jurisdiction or region filter)`,
      });
    for (const m of line.text.matchAll(SUBDIVISION)) if (isPlaceCode(m[0])) report(m[0]);
    for (const m of line.text.matchAll(COUNTRY_AFTER)) if (isPlaceCode(m[1]!)) report(m[1]!);
  }
  return findings;
}
