/**
 * Defined terms. The clause library's convention (templates/README.md): a term is defined where it is
 * bold — `**Buyer Data** means …`, `(the **Buyer**)` — and nowhere else is bold except clause numbers
 * and titles (`**5.1**`, `**Notice.**`) and labels (`**Deployment:**`). Every term defined must be
 * defined once and used; every term the library defines anywhere, used capitalised here, must be
 * defined here (a clause can drop out and take its definition with it).
 */
import type { DocumentLine } from './document.js';
import type { Finding } from './finding.js';

const BOLD = /(?<!\\)\*\*(?! )((?:\\.|[^*\\])+?)(?<! )\*\*/g;

/** A bold span that is a definition, not a clause number, clause title or label. */
export const isDefinition = (bold: string) => /^[A-Z]/.test(bold) && !/[.:]$/.test(bold) && !/^[A-Z]{1,2}\.\d+$/.test(bold);

/** The terms a text defines, in order (duplicates kept). */
export function definedTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BOLD)) {
    const term = m[1]!.replace(/\\(.)/g, '$1').trim();
    if (isDefinition(term)) out.push(term);
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The term and its plural (`Vulnerability` → `Vulnerabilities`, `Subcontractor` → `Subcontractors`). */
export function usePattern(term: string): RegExp {
  const forms = [escapeRegExp(term)];
  if (/[^aeiou]y$/.test(term)) forms.push(`${escapeRegExp(term.slice(0, -1))}ies`);
  else if (!/s$/.test(term)) forms.push(`${escapeRegExp(term)}s`);
  return new RegExp(`(?<![\\w-])(?:${forms.join('|')})(?![\\w-])`, 'g');
}

/** Text a reader sees on a line, without definitions' own bold occurrence and without contract values. */
function prose(line: DocumentLine): string {
  let text = line.linked.replace(BOLD, (m, inner: string) => (isDefinition(inner) ? ' ' : m));
  for (const t of line.terms) text = text.split(t.text).join(' ');
  return text.replace(/\\(.)/g, '$1');
}

export function checkDefinitions(lines: readonly DocumentLine[], glossary: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const defined = new Map<string, DocumentLine>();
  for (const line of lines) {
    if (line.heading) continue;
    for (const term of definedTerms(line.linked)) {
      if (defined.has(term)) {
        findings.push({
          code: 'drafting/duplicate-definition',
          severity: 'error',
          line,
          excerpt: term,
          message: `"${term}" is defined twice (first on line ${defined.get(term)!.line})`,
        });
      } else defined.set(term, line);
    }
  }
  const bodies = lines.filter((l) => !l.heading).map((l) => ({ line: l, text: prose(l) }));
  for (const [term, at] of defined) {
    const pattern = usePattern(term);
    if (!bodies.some((b) => b.text.search(pattern) >= 0)) {
      findings.push({ code: 'drafting/unused-definition', severity: 'warning', line: at, excerpt: term, message: `"${term}" is defined but never used` });
    }
  }
  for (const term of glossary) {
    if (defined.has(term)) continue;
    const pattern = usePattern(term);
    const use = bodies.find((b) => b.text.search(pattern) >= 0);
    if (use) {
      findings.push({
        code: 'drafting/undefined-term',
        severity: 'error',
        line: use.line,
        excerpt: term,
        message: `"${term}" is used as a defined term but this agreement does not define it (the clause that defines it is not in this agreement)`,
      });
    }
  }
  return findings;
}
