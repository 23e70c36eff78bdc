import type { Playbook, TermResult } from '@contracts/playbook';
import { capitalised, text, words } from '../html/escape.js';
import type { Restatement } from '../collect/wording.js';
import { playbookPosition, showPosition, tierBadge, tierName } from '../html/values.js';
import { restatementNote } from './agreement-wording.js';
import { termPage, up } from './links.js';

/**
 * Every rated term beside the playbook's positions, grouped by clause area. Terms the agreement lacks
 * are listed only when the playbook expects them or a rule requires them (as `contracts check` counts them).
 */
export function termsTable(terms: readonly TermResult[], playbook: Playbook, restated: readonly Restatement[] = []): string {
  // A term the counterparty's wording restates otherwise than its value: the contract says one thing, the rating another.
  const unsettled = new Map<string, Restatement[]>();
  for (const r of restated) {
    if (!r.problem) continue;
    const path = r.term.replace(/^terms\./, '');
    unsettled.set(path, [...(unsettled.get(path) ?? []), r]);
  }
  const shown = terms.filter((t) => t.tier !== 'missing' || t.expected || t.requiredBy.length > 0);
  if (shown.length === 0) return '<p>No term could be rated.</p>';
  const rows: string[] = [];
  let area = '';
  for (const t of shown) {
    const here = t.path.split('.')[0]!;
    if (here !== area) {
      area = here;
      rows.push(`<tr class="area"><th scope="colgroup" colspan="6">${text(capitalised(words(area)))}</th></tr>`);
    }
    const spec = playbook.termsByPath.get(t.path)?.spec;
    const position = (v: unknown) => (spec && v !== undefined ? text(playbookPosition(spec, v)) : '—');
    const disputed = unsettled.get(t.path);
    const standing = disputed
      ? `<span class="tier tier-unsettled">Counsel to settle</span> ${disputed.map((r) => `<span class="unsettled">${text(restatementNote(r, spec?.unit))}</span>`).join(' ')} <span class="muted">Rated ${text(tierName(t.tier, t.beyondFallback).toLowerCase())} on the value.</span>`
      : tierBadge(t.tier, t.beyondFallback);
    rows.push(
      `<tr${disputed ? ' class="disputed"' : ''}><th scope="row"><a href="${up(termPage(t.path))}">${text(t.label)}</a><br><span class="path">${text(t.path)}</span></th>` +
        `<td>${text(showPosition(t.value, spec?.unit))}</td><td>${standing}</td>` +
        `<td>${position(spec?.preferred)}</td><td>${position(spec?.fallback)}</td>` +
        `<td>${t.requiredBy.map((r) => `<code>${text(r)}</code>`).join(', ')}</td></tr>`,
    );
  }
  return `<div class="scroll" role="region" aria-label="Terms against the playbook" tabindex="0"><table>
<caption>${shown.length} terms rated against the playbook “${text(playbook.title)}”</caption>
<thead><tr><th scope="col">Term</th><th scope="col">This agreement</th><th scope="col">Standing</th><th scope="col">Playbook preferred</th><th scope="col">Fallback</th><th scope="col">Required by</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}
