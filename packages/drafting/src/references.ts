/**
 * Cross-references and attachments. A link `[Section 5 (Incident Response)](#incident-response)` must
 * name a heading of this agreement by its number and title; a plain "Section 5" or "Section 5.2" (not
 * "Section 5 of" another instrument) and "Annex B" must exist; and no clause may speak of an
 * attachment, schedule, exhibit or appendix, or of annexes, that the agreement does not contain
 * ("SCC Annex I" names the SCCs' own annexes, which the SCC Annex fills in).
 */
import type { DocumentLine } from './document.js';
import type { Finding } from './finding.js';

const HEADING = /^(?:## (\d+)\. (.+?)|# Annex ([A-Z]+): (.+?)) \{#([a-z0-9-]+)\}$/;
const CLAUSE_NUMBER = /^\*\*(\d+|[A-Z]+)\.(\d+)\*\*/;
const LINK = /\[((?:\\.|[^\]\\])*)\]\(#([^)]*)\)/g;
const LINK_LABEL = /^(Section (\d+)|Annex ([A-Z]+)) \((.+)\)$/;
const PLAIN_SECTION = /(?<![\w-])Section (\d+)(?:\.(\d+))?(?![\w.-]*\d)(?! of\b)/g;
/** Another instrument's annex: "SCC Annex I", "its Annex III", "Annex I of the Cyber Resilience Act". */
const FOREIGN_ANNEX = /(?:SCC |its )[Aa]nnex(?:es)?\b|[Aa]nnex [A-Z0-9.]+ (?:of|to) the\b/g;
const PLAIN_ANNEX = /(?<![\w-])Annex ([A-Z]{1,2})(?![\w-])/g;
const ATTACHED = /\b(?:attached|attachments?|enclosed)\b/gi;
const OTHER_DOCUMENT = /\b(?:Schedule|Exhibit|Appendix|Addendum) [A-Z0-9]+\b/g;
const ANNEXES = /\b[Aa]nnex(?:es)?\b/g;

interface Target {
  title: string;
  anchor: string;
}

export function checkReferences(lines: readonly DocumentLine[]): Finding[] {
  const sections = new Map<string, Target>();
  const annexes = new Map<string, Target>();
  const anchors = new Map<string, { label: string; title: string }>();
  const clauses = new Set<string>();
  for (const line of lines) {
    const h = HEADING.exec(line.linked);
    if (h) {
      if (h[1]) sections.set(h[1], { title: h[2]!, anchor: h[5]! });
      else annexes.set(h[3]!, { title: h[4]!, anchor: h[5]! });
      anchors.set(h[5]!, { label: h[1] ? `Section ${h[1]}` : `Annex ${h[3]}`, title: (h[2] ?? h[4])! });
    }
    const c = CLAUSE_NUMBER.exec(line.linked);
    if (c) clauses.add(`${c[1]}.${c[2]}`);
  }
  const findings: Finding[] = [];
  const report = (line: DocumentLine, excerpt: string, message: string, code: Finding['code'] = 'drafting/broken-reference') =>
    findings.push({ code, severity: 'error', line, excerpt, message });
  for (const line of lines) {
    if (line.heading) continue;
    for (const m of line.linked.matchAll(LINK)) {
      const label = m[1]!.replace(/\\(.)/g, '$1');
      const target = anchors.get(m[2]!);
      const parts = LINK_LABEL.exec(label);
      if (!target) report(line, label, `"${label}" links to #${m[2]}, which no heading of this agreement has`);
      else if (!parts || parts[1] !== target.label || parts[4] !== target.title)
        report(line, label, `"${label}" links to ${target.label} (${target.title}), which it misnames`);
    }
    const plain = line.linked.replace(LINK, ' ').replace(/\\(.)/g, '$1').replace(FOREIGN_ANNEX, ' ');
    for (const m of plain.matchAll(PLAIN_SECTION)) {
      if (!sections.has(m[1]!)) report(line, m[0], `"${m[0]}" refers to a section this agreement does not have`);
      else if (m[2] !== undefined && !clauses.has(`${m[1]}.${m[2]}`)) report(line, m[0], `"${m[0]}" refers to a clause this agreement does not have`);
    }
    for (const m of plain.matchAll(PLAIN_ANNEX)) {
      if (!annexes.has(m[1]!)) report(line, m[0], `"${m[0]}" refers to an annex this agreement does not contain`, 'drafting/missing-attachment');
    }
    for (const m of plain.matchAll(ATTACHED))
      report(line, m[0], `"${m[0]}" refers to an attachment; the agreement attaches nothing but its Annexes, which are named`, 'drafting/missing-attachment');
    for (const m of plain.matchAll(OTHER_DOCUMENT))
      report(line, m[0], `"${m[0]}" refers to a document this agreement does not contain`, 'drafting/missing-attachment');
    if (annexes.size === 0)
      for (const m of plain.matchAll(ANNEXES)) report(line, m[0], `"${m[0]}" refers to annexes, but this agreement has none`, 'drafting/missing-attachment');
  }
  return findings;
}
