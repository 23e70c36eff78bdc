import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PlaybookSource } from './types.js';

/** One row of docs/law/sources.yaml: an instrument and the exact citations of it the playbook may use. */
export interface SourceEntry {
  id: string;
  title: string;
  citations: string[];
  url: string;
  inForce?: string;
  status: 'current' | 'practice' | 'withdrawn' | 'superseded' | 'incorrect';
  verified: 'text' | 'secondary' | 'unverified';
  checked: string;
  notes?: string;
}

export interface CitationProblem {
  /** Where the citation is used (a playbook pointer, or a file name and offset). */
  at: string;
  citation: string;
  message: string;
}

/** Reads a sources table (docs/law/sources.yaml). */
export function loadSources(path: string): SourceEntry[] {
  return (parse(readFileSync(path, 'utf8')) as { sources: SourceEntry[] }).sources;
}

const usable = new Set(['current', 'practice']);

/** Checks one `source` field: each `; `-separated citation must be in the table, and not withdrawn or wrong. */
export function checkCitation(source: string, at: string, table: readonly SourceEntry[]): CitationProblem[] {
  const byCitation = new Map<string, SourceEntry>();
  for (const e of table) for (const c of e.citations) byCitation.set(c, e);
  const problems: CitationProblem[] = [];
  for (const citation of source.split(';').map((s) => s.trim())) {
    const entry = byCitation.get(citation);
    if (!entry) problems.push({ at, citation, message: `"${citation}" is not in the sources table` });
    else if (!usable.has(entry.status)) problems.push({ at, citation, message: `"${citation}" is ${entry.status}: ${entry.notes ?? entry.title}` });
  }
  return problems;
}

/** Every `source` of a playbook (terms, rules, exemptions, obligations, consistency checks) held to the table. */
export function checkPlaybookCitations(playbook: PlaybookSource, table: readonly SourceEntry[]): CitationProblem[] {
  const out: CitationProblem[] = [];
  for (const [key, term] of Object.entries(playbook.terms)) out.push(...checkCitation(term.source, `/terms/${key}/source`, table));
  (playbook.riskRules ?? []).forEach((rule, i) => {
    out.push(...checkCitation(rule.source, `/riskRules/${i}/source`, table));
    rule.exemptions?.forEach((e, j) => {
      out.push(...checkCitation(e.source, `/riskRules/${i}/exemptions/${j}/source`, table));
    });
    rule.then.forEach((r, j) => {
      if (r.source) out.push(...checkCitation(r.source, `/riskRules/${i}/then/${j}/source`, table));
    });
  });
  (playbook.consistencyChecks ?? []).forEach((c, i) => {
    out.push(...checkCitation(c.source, `/consistencyChecks/${i}/source`, table));
  });
  return out;
}

/**
 * Citation-shaped strings in prose (clause templates, rendered agreements): CFR and U.S.C. sections,
 * EU acts, NIST publications, state codes, GDPR articles. Each must contain, or be contained in, a
 * citation of a usable table entry, and must not match a withdrawn or incorrect one.
 */
const prosePatterns = [
  /\b\d+ C\.?F\.?R\.? (?:§§?\s*)?(?:Part )?\d+(?:\.\d+)*(?:\([a-z0-9]+\))*/g,
  /\b\d+ U\.?S\.?C\.? (?:§§?\s*)?\d+[\w-]*/g,
  /\bNIST SP \d+-\d+[A-Z]?(?: Rev\. \d+)?/g,
  /\b(?:Regulation|Reg\.|Directive) \(EU\) \d{4}\/\d+/g,
  /\b\d+ ILCS \d+\/\d+(?:\([a-z]\))?/g,
  /\b23 NYCRR \d+(?:\.\d+)*/g,
  /\bDFARS \d+\.\d+-\d+/g,
];

export function checkProseCitations(text: string, file: string, table: readonly SourceEntry[]): CitationProblem[] {
  const good = table.filter((e) => usable.has(e.status)).flatMap((e) => e.citations.concat(e.title));
  const bad = table.filter((e) => !usable.has(e.status));
  const out: CitationProblem[] = [];
  for (const pattern of prosePatterns) {
    for (const m of text.matchAll(pattern)) {
      const found = m[0].replace(/\s+/g, ' ').replace(/§\s*/g, '').trim();
      const at = `${file}@${m.index}`;
      const stale = bad.find((e) => e.citations.some((c) => c === found || c.startsWith(`${found} `) || found.startsWith(c)));
      if (stale) out.push({ at, citation: found, message: `"${found}" is ${stale.status}: ${stale.notes ?? stale.title}` });
      else if (!good.some((c) => c.includes(found) || found.includes(c))) out.push({ at, citation: found, message: `"${found}" is not in the sources table` });
    }
  }
  return out;
}
