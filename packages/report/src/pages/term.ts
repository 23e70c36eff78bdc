import type { CompiledTerm, TermResult, Tier } from '@contracts/playbook';
import { text } from '../html/escape.js';
import { page } from '../html/layout.js';
import { playbookPosition, showPosition, tierBadge } from '../html/values.js';
import type { AgreementSummary } from '../model.js';
import { agreementPage, TERMS_INDEX, up } from './links.js';

const indexes = new WeakMap<AgreementSummary, Map<string, TermResult>>();
/** An agreement's terms by path, built once (every term page looks up every agreement). */
function termIndex(agreement: AgreementSummary): Map<string, TermResult> {
  let index = indexes.get(agreement);
  if (!index) indexes.set(agreement, (index = new Map(agreement.terms.map((t) => [t.path, t]))));
  return index;
}

/** Tiers from best to worst for the buyer: the order of the standing column. */
export const TIER_RANK: Record<Tier, number> = { preferred: 0, fallback: 1, 'walk-away': 2, missing: 3, unrated: 4 };

/** The agreements that state the term, or are counted as lacking it (the playbook expects it, or a rule requires it). */
export function landings(term: CompiledTerm, agreements: readonly AgreementSummary[]): { agreement: AgreementSummary; result: TermResult }[] {
  const out: { agreement: AgreementSummary; result: TermResult }[] = [];
  for (const agreement of agreements) {
    const result = termIndex(agreement).get(term.path);
    if (result && (result.tier !== 'missing' || result.expected || result.requiredBy.length > 0)) out.push({ agreement, result });
  }
  return out;
}

/** One playbook term across the portfolio: the playbook's positions, what others accept, and every agreement. */
export function termPage(term: CompiledTerm, agreements: readonly AgreementSummary[], footer: string): string {
  const { spec } = term;
  const found = landings(term, agreements);
  const position = (v: unknown) => (v === undefined ? '—' : text(playbookPosition(spec, v)));
  const facts: [string, string][] = [
    ['Preferred', position(spec.preferred)],
    ['Fallback', position(spec.fallback)],
    ['Walk-away limit', spec.walkAwayBeyond === undefined ? '—' : `${position(spec.walkAwayBeyond)}; anything worse is a walk-away`],
    ['Expected in every agreement', spec.expected === false ? 'no (only when a rule requires it)' : 'yes'],
    ['Why', text(spec.rationale)],
    ['Source', text(spec.source)],
  ];
  const body = `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="${up(TERMS_INDEX)}">Terms across the portfolio</a></li><li><a href="#main" aria-current="page">${text(spec.label)}</a></li></ol></nav>
<h1>${text(spec.label)}</h1>
<p class="lede"><code>${text(term.path)}</code>: where every agreement landed on this term, beside the playbook's positions.</p>
<dl class="facts">
${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}
</dl>
<h2 id="accepted">What others accept</h2>
${distribution(term, found)}
<h2 id="agreements">Every agreement</h2>
${everyAgreement(term, found)}
`;
  return page(body, { title: `${spec.label} — terms across the portfolio`, depth: 1, script: found.length > 1, footer });
}

function distribution(term: CompiledTerm, found: ReturnType<typeof landings>): string {
  if (found.length === 0) return '<p>No agreement states this term, and none is required to.</p>';
  const groups = new Map<string, { value: unknown; tier: Tier; beyond: boolean; count: number }>();
  for (const { result } of found) {
    const key = JSON.stringify(result.value ?? null);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { value: result.value, tier: result.tier, beyond: result.beyondFallback === true, count: 1 });
  }
  const score = (v: unknown) => (v === undefined || v === null ? Number.NEGATIVE_INFINITY : (term.score(v) ?? Number.NEGATIVE_INFINITY));
  const sorted = [...groups.values()].sort((a, b) => score(b.value) - score(a.value) || b.count - a.count);
  const rows = sorted.map(
    (g) =>
      `<tr><th scope="row">${text(showPosition(g.value, term.spec.unit))}</th><td>${tierBadge(g.tier, g.beyond)}</td><td class="num">${g.count}</td><td class="num">${Math.round((g.count / found.length) * 100)}%</td></tr>`,
  );
  return `<div class="scroll" role="region" aria-label="Values found" tabindex="0"><table>
<caption>Each value found, best for the buyer first, with how many of the ${found.length} agreements hold it</caption>
<thead><tr><th scope="col">Value</th><th scope="col">Standing</th><th scope="col" class="num">Agreements</th><th scope="col" class="num">Share</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

/** The agreement's own wording says otherwise than the value rated: the rating alone would mislead. */
const unsettled = (a: AgreementSummary, path: string) =>
  a.unsettledTerms.includes(path)
    ? ` <a class="tier tier-unsettled" href="${up(agreementPage(a.key))}#wording">Counsel to settle: the contract’s wording says otherwise</a>`
    : '';

function everyAgreement(term: CompiledTerm, found: ReturnType<typeof landings>): string {
  if (found.length === 0) return '<p>None.</p>';
  const numeric = term.spec.kind === 'number';
  const rows = found.map(({ agreement: a, result: r }) => {
    const sortValue = numeric && typeof r.value === 'number' ? ` data-sort="${r.value}"` : '';
    return (
      `<tr><th scope="row"><a href="${up(agreementPage(a.key))}">${text(a.title)}</a><br><span class="path">${text(a.id ?? a.file)}</span></th>` +
      `<td>${text(a.vendor)}</td><td>${text(a.buyer)}</td><td${sortValue}>${text(showPosition(r.value, term.spec.unit))}</td>` +
      `<td data-sort="${TIER_RANK[r.tier]}">${tierBadge(r.tier, r.beyondFallback)}${unsettled(a, term.path)}</td><td>${r.requiredBy.map((id) => `<code>${text(id)}</code>`).join(', ')}</td>` +
      `<td class="num">${a.latest ? a.latest.round : '—'}</td></tr>`
    );
  });
  return `<div class="scroll tall" role="region" aria-label="Every agreement on this term" tabindex="0"><table data-sortable>
<caption>Every agreement on this term, in portfolio order</caption>
<thead><tr><th scope="col" data-type="text">Agreement</th><th scope="col" data-type="text">Vendor</th><th scope="col" data-type="text">Buyer</th><th scope="col" data-type="${numeric ? 'number' : 'text'}">Value</th><th scope="col" data-type="number">Standing</th><th scope="col">Required by</th><th scope="col" data-type="number" class="num">Round</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}
