import type { Diagnostic } from '@contracts/core';
import { longDate } from '@contracts/render';
import type { CheckResult, Playbook, RuleApplicability } from '@contracts/playbook';
import { text } from '../html/escape.js';

const standing = (r: RuleApplicability): string => {
  if (r.status === 'applies') return 'Applies';
  if (r.status === 'upcoming') return `Applies from ${longDate(r.from) ?? r.from}`;
  if (r.status === 'not-in-force') return `Law in force from ${longDate(r.from) ?? r.from}`;
  if (r.status === 'exempt') return `Exempt: ${r.exemption?.description ?? ''} (${r.exemption?.source ?? ''})`;
  return 'Repealed';
};

/** The rules the product evaluation brings in, with their standing and sources (`ruleApplicability`). */
export function rulesTable(rules: readonly RuleApplicability[], playbook: Playbook): string {
  if (rules.length === 0) return '<p>No risk rule of the playbook reaches this product and buyer.</p>';
  const byId = new Map(playbook.rules.map((r) => [r.id, r]));
  const rows = rules.map(
    (r) =>
      `<tr><th scope="row"><code>${text(r.ruleId)}</code></th><td>${text(standing(r))}</td><td>${text(byId.get(r.ruleId)?.message ?? '')}</td><td>${text(r.source)}</td></tr>`,
  );
  return `<div class="scroll" role="region" aria-label="Rules the evaluation brings in" tabindex="0"><table>
<caption>Rules the evaluation brings in, as of ${text(longDate(rules[0]!.asOf) ?? rules[0]!.asOf)} (the effective date, else the report date)</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Standing</th><th scope="col">Why</th><th scope="col">Source</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

/** Unmet risk requirements (in force and upcoming) and contradictions between evaluation and terms, with sources. */
export function findingsTable(check: CheckResult, playbook: Playbook): string {
  const located = (code: string, path: string) => {
    const d = check.diagnostics.find((x: Diagnostic) => x.code === code && x.path === path);
    return d?.line ? `${d.file}:${d.line}:${d.column}` : '';
  };
  const label = (term: string) => playbook.termsByPath.get(term)?.spec.label ?? term;
  const rows = check.findings.map((f) => {
    const status = f.status === 'upcoming' ? `Upcoming: applies from ${longDate(f.appliesFrom) ?? f.appliesFrom}` : f.missing ? 'Missing' : 'Not met';
    return `<tr><th scope="row">${text(label(f.term))}<br><span class="path">${text(f.term)}</span></th><td>${text(status)}</td><td>${text(f.demand)}</td><td>${text(f.message)}<br><span class="path">${text(f.code)}</span></td><td>${text(f.source)}</td><td class="path">${text(located(f.code, f.pointer))}</td></tr>`;
  });
  const checks = new Map(playbook.consistencyChecks.map((c) => [c.id, c]));
  for (const i of check.inconsistencies) {
    const c = checks.get(i.checkId);
    const term = i.termsPointer
      .replace(/^\/terms\//, '')
      .split('/')
      .join('.');
    rows.push(
      `<tr><th scope="row">${text(label(term))}<br><span class="path">${text(term)}</span></th><td>Contradicts the evaluation</td><td>${text(i.detail)}</td><td>${text(c?.message ?? '')}<br><span class="path">risk/${text(i.checkId)}</span></td><td>${text(c?.source ?? '')}</td><td class="path">${text(located(`risk/${i.checkId}`, i.termsPointer))}</td></tr>`,
    );
  }
  if (rows.length === 0) return '<p>Every risk requirement that applies is met.</p>';
  return `<div class="scroll" role="region" aria-label="Risk findings" tabindex="0"><table>
<caption>${rows.length} risk finding${rows.length === 1 ? '' : 's'}, as <code>contracts check</code> reports them</caption>
<thead><tr><th scope="col">Term</th><th scope="col">Status</th><th scope="col">Required</th><th scope="col">Why</th><th scope="col">Source</th><th scope="col">Where</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}
