import { text } from '../html/escape.js';
import { page } from '../html/layout.js';
import type { AgreementSummary } from '../model.js';
import { agreementPage } from './links.js';

/**
 * Rows the script shows at a time (all of them without the script, and when printing): Chromium spends
 * 0.3–1 ms laying out each visible row after every change, so 1,000 visible rows cannot follow typing;
 * 50 fill a screen and keep a change under 100 ms on a busy 2-core machine.
 */
export const PAGE_ROWS = 50;

/** Days without a new round after which a negotiation counts as stalled (the "idle" quick filter). */
export const STALLED_DAYS = 30;

/** What each row can be filtered by (`only=` in the URL), in the words of the filter's checkboxes. */
const FLAGS: [flag: string, label: string][] = [
  ['walk-away', 'walk-away terms'],
  ['risk', 'unmet risk requirements'],
  ['upcoming', 'upcoming deadlines'],
  ['missing', 'missing terms'],
  ['problems', 'problems in the file'],
  ['wording', 'wording to review'],
];

function flagsOf(a: AgreementSummary): string[] {
  const s = a.summary;
  const flags = [];
  if (s?.walkAway) flags.push('walk-away');
  if (s?.risk) flags.push('risk');
  if (s?.upcoming) flags.push('upcoming');
  if (s?.missing) flags.push('missing');
  if (a.problems.some((d) => d.severity === 'error')) flags.push('problems');
  if (wordingTotal(a) > 0) flags.push('wording');
  return flags;
}

/** Everything of the counterparty's own wording counsel has to look at: changes, terms to settle, comments. */
const wordingTotal = (a: AgreementSummary): number => a.wording.review + a.wording.unsettled + a.wording.comments;

/** `3 to review, 1 to settle, 1 comment`, sorted by how much there is. */
function wordingCell(a: AgreementSummary): string {
  const w = a.wording;
  if (wordingTotal(a) === 0) return '<td class="num" data-sort="0">—</td>';
  const parts = [
    ...(w.review > 0 ? [`${w.review} to review`] : []),
    ...(w.unsettled > 0 ? [`<span class="count-alert">${w.unsettled} to settle</span>`] : []),
    ...(w.comments > 0 ? [`${w.comments} comment${w.comments === 1 ? '' : 's'}`] : []),
  ];
  return `<td class="num" data-sort="${wordingTotal(a)}"><a href="${agreementPage(a.key)}#wording">${parts.join(', ')}</a></td>`;
}

/** Stalest first: the agreements waiting longest for the next round lead; those without rounds last. */
export function portfolioOrder(agreements: readonly AgreementSummary[]): AgreementSummary[] {
  return [...agreements].sort((a, b) => {
    const x = a.latest?.daysSince ?? -1;
    const y = b.latest?.daysSince ?? -1;
    return y - x || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || (a.file < b.file ? -1 : 1);
  });
}

const COLUMNS = [
  ['agreement', 'Agreement', 'text', 'data-search'],
  ['vendor', 'Vendor', 'text', 'data-search'],
  ['product', 'Product', 'text', 'data-search'],
  ['buyer', 'Buyer', 'text', 'data-search'],
  ['round', 'Round', 'number', ''],
  ['last', 'Last round', 'text', ''],
  ['days', 'Days since', 'number', 'data-first="descending" aria-sort="descending"'],
  ['by', 'Moved last by', 'text', ''],
  ['wording', 'Wording to review', 'number', 'data-first="descending"'],
  ['walk-away', 'Walk-away', 'number', 'data-first="descending"'],
  ['fallback', 'Fallback', 'number', 'data-first="descending"'],
  ['preferred', 'Preferred', 'number', 'data-first="descending"'],
  ['missing', 'Missing', 'number', 'data-first="descending"'],
  ['risk', 'Unmet risk', 'number', 'data-first="descending"'],
  ['errors', 'Check errors', 'number', 'data-first="descending"'],
  ['warnings', 'Check warnings', 'number', 'data-first="descending"'],
  ['deadlines', 'Upcoming deadlines', 'text', ''],
] as const;

function row(a: AgreementSummary): string {
  const s = a.summary;
  const count = (n: number | undefined, alert = '') =>
    `<td class="num">${n === undefined ? '—' : n > 0 && alert ? `<span class="${alert}">${n}</span>` : n}</td>`;
  const errors = a.problems.filter((d) => d.severity === 'error').length;
  const note = errors > 0 ? ` <span class="count-alert">(${errors} error${errors === 1 ? '' : 's'} in the file)</span>` : '';
  const next = a.deadlines[0];
  const deadlines = s?.upcoming
    ? `<td data-sort="${text(next?.date ?? '')}">${s.upcoming}${next ? `, next ${text(next.date)}` : ''}</td>`
    : '<td data-sort="">—</td>';
  const latest = a.latest;
  return [
    `<tr data-buyer="${text(a.buyer)}" data-flags="${flagsOf(a).join(' ')}"${latest ? ` data-days="${latest.daysSince}"` : ''}>`,
    `<th scope="row"><a href="${agreementPage(a.key)}">${text(a.title)}</a><br><span class="path">${text(a.id ?? a.file)}</span>${note}</th>`,
    `<td>${text(a.vendor)}</td><td>${text(a.product)}</td><td>${text(a.buyer)}</td>`,
    `<td class="num">${latest ? latest.round : '—'}</td><td>${latest ? text(latest.authorDate.slice(0, 10)) : '—'}</td>`,
    `<td class="num">${latest ? latest.daysSince : '—'}</td><td>${latest ? text(latest.author) : '—'}</td>`,
    wordingCell(a),
    count(s?.walkAway, 'count-alert'),
    count(s?.fallback),
    count(s?.preferred),
    count(s?.missing),
    count(s?.risk, 'count-alert'),
    count(a.findings.errors, 'count-alert'),
    count(a.findings.warnings),
    deadlines,
    '</tr>',
  ].join('');
}

/** The portfolio: totals with quick links to filtered views, the filter form (shown by the script), and the table. */
export function portfolioPage(agreements: readonly AgreementSummary[], o: { footer: string; playbook: string }): string {
  const ordered = portfolioOrder(agreements);
  const n = (flag: string) => ordered.filter((a) => flagsOf(a).includes(flag)).length;
  const stalled = ordered.filter((a) => (a.latest?.daysSince ?? -1) >= STALLED_DAYS).length;
  const quick = (count: number, what: string, hash: string) => `<li><a href="#${hash}"><strong>${count}</strong> ${what}</a></li>`;
  const buyers = [...new Set(ordered.map((a) => a.buyer).filter(Boolean))].sort();
  const heads = COLUMNS.map(
    ([key, label, type, extra]) =>
      `<th scope="col" data-key="${key}" data-type="${type}"${type === 'number' ? ' class="num"' : ''}${extra ? ` ${extra}` : ''}>${label}</th>`,
  );
  const body = `<h1>Agreements</h1>
<p class="lede">${ordered.length} agreement${ordered.length === 1 ? '' : 's'}, checked against the playbook “${text(o.playbook)}”. Counts are those of <code>contracts check</code> (its errors and warnings too); rounds those of <code>contracts rounds</code>.</p>
<ul class="numbers" aria-label="At a glance">
${quick(n('walk-away'), 'with walk-away terms', 'only=walk-away')}
${quick(n('risk'), 'with unmet risk requirements', 'only=risk')}
${quick(n('upcoming'), 'with upcoming deadlines', 'only=upcoming')}
${quick(n('wording'), 'with wording to review', 'only=wording')}
${quick(stalled, `idle for ${STALLED_DAYS} days or more`, `idle=${STALLED_DAYS}`)}
</ul>
<form id="filters" class="filters" role="search" aria-label="Filter agreements" hidden>
<div><label for="f-q">Search</label><input type="search" id="f-q" name="q" autocomplete="off" aria-describedby="f-q-hint"> <span id="f-q-hint" class="muted">title, id, vendor, product or buyer</span></div>
<div><label for="f-buyer">Buyer</label><select id="f-buyer" name="buyer"><option value="">All buyers</option>${buyers.map((b) => `<option value="${text(b)}">${text(b)}</option>`).join('')}</select></div>
<fieldset><legend>Only agreements with</legend>
${FLAGS.map(([flag, label]) => `<span><input type="checkbox" id="f-${flag}" name="only" value="${flag}"> <label for="f-${flag}">${label}</label></span>`).join('\n')}
</fieldset>
<div><label for="f-idle">Idle for at least (days)</label><input type="number" id="f-idle" name="idle" min="0" step="1" inputmode="numeric"></div>
<div><button type="button" name="clear" class="reset">Clear filters</button></div>
</form>
<div class="status-line"><p id="status" class="status" role="status">Showing all ${ordered.length} agreements.</p> <button type="button" id="more" class="reset" hidden>Show all</button></div>
<div class="scroll tall" role="region" aria-label="Agreements table" tabindex="0">
<table id="portfolio" data-sortable data-filters="filters" data-status="status" data-noun="agreements" data-page="${PAGE_ROWS}" data-more="more">
<caption>Every agreement with its latest round and where its terms stand; longest idle first</caption>
<thead><tr>${heads.join('')}</tr></thead>
<tbody>
${ordered.map(row).join('\n')}
</tbody>
</table>
</div>
`;
  return page(body, { title: 'Agreements — contract portfolio', depth: 0, current: 'portfolio', script: true, wide: true, footer: o.footer });
}
