import type { Playbook } from '@contracts/playbook';
import { capitalised, text, words } from '../html/escape.js';
import { page } from '../html/layout.js';
import { playbookPosition } from '../html/values.js';
import type { AgreementSummary } from '../model.js';
import { sibling, termPage } from './links.js';
import { landings } from './term.js';

/** Every playbook term with how the portfolio stands on it, each linking to its page. */
export function termsIndexPage(playbook: Playbook, agreements: readonly AgreementSummary[], footer: string): string {
  const rows = playbook.terms.map((term) => {
    const found = landings(term, agreements);
    const count = (tier: string) => found.filter((f) => f.result.tier === tier).length;
    const preferred = term.spec.preferred === undefined ? '—' : text(playbookPosition(term.spec, term.spec.preferred));
    return (
      `<tr><th scope="row"><a href="${sibling(termPage(term.path))}">${text(term.spec.label)}</a><br><span class="path">${text(term.path)}</span></th>` +
      `<td>${text(capitalised(words(term.path.split('.')[0]!)))}</td><td>${preferred}</td>` +
      `<td class="num">${count('preferred')}</td><td class="num">${count('fallback')}</td><td class="num">${count('walk-away')}</td><td class="num">${count('missing')}</td></tr>`
    );
  });
  const body = `<h1>Terms across the portfolio</h1>
<p class="lede">Every term of the playbook “${text(playbook.title)}”, with how many of the ${agreements.length} agreements sit at each position. Open a term to see where every vendor landed on it.</p>
<div class="scroll tall" role="region" aria-label="Terms table" tabindex="0">
<table data-sortable>
<caption>${playbook.terms.length} playbook terms, in playbook order</caption>
<thead><tr><th scope="col" data-type="text">Term</th><th scope="col" data-type="text">Area</th><th scope="col">Playbook preferred</th><th scope="col" data-type="number" data-first="descending" class="num">Preferred</th><th scope="col" data-type="number" data-first="descending" class="num">Fallback</th><th scope="col" data-type="number" data-first="descending" class="num">Walk-away</th><th scope="col" data-type="number" data-first="descending" class="num">Missing</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
`;
  return page(body, { title: 'Terms across the portfolio', depth: 1, current: 'terms', script: true, footer });
}
