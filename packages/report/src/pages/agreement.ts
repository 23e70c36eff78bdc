import type { Diagnostic } from '@contracts/core';
import type { CheckSummary, Playbook } from '@contracts/playbook';
import { longDate } from '@contracts/render';
import type { CheckedAgreement } from '../collect/check-agreement.js';
import type { WordingEntry } from '../collect/wording.js';
import { text } from '../html/escape.js';
import { page } from '../html/layout.js';
import type { AgreementSummary, PositionSeries } from '../model.js';
import { checkSection } from './agreement-check.js';
import { findingsTable, rulesTable } from './agreement-rules.js';
import { positionCharts, roundsTable } from './agreement-rounds.js';
import { termsTable } from './agreement-terms.js';
import { type ClauseName, wordingSection } from './agreement-wording.js';
import { PORTFOLIO, up } from './links.js';
import { productFacts } from './product.js';

/** The other documents an agreement page links to, or why each is missing. */
export interface AgreementLinks {
  /** The rendered contract (the working-tree version), relative to the agreement page. */
  contract?: string;
  contractProblem?: string;
  /** The redline between the last two rounds. */
  redline?: { href: string; from: string; to: string };
  redlineProblem?: string;
}

export interface AgreementPageInput {
  summary: AgreementSummary;
  checked: CheckedAgreement;
  series: PositionSeries[];
  links: AgreementLinks;
  /** The counterparty's wording, with check's diagnostics for each entry. */
  wording: WordingEntry[];
  /** Clause numbers and titles as the rendered contract prints them. */
  clauses: ReadonlyMap<string, ClauseName>;
  playbook: Playbook;
  footer: string;
}

/** One agreement: where it stands, the evaluation in plain words, every term, the risks, the rounds. */
export function agreementPage(o: AgreementPageInput): string {
  const { summary: s, checked } = o;
  const check = checked.check;
  const product = checked.value?.product;
  const facts = productFacts(product);
  const sections = [
    `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="${up(PORTFOLIO)}">Agreements</a></li><li><a href="#main" aria-current="page">${text(s.title)}</a></li></ol></nav>`,
    `<h1>${text(s.title)}</h1>`,
    `<p class="lede">${text(s.vendor || 'Vendor not named')} supplies ${text(s.product || 'an unnamed product')} to ${text(s.buyer || 'a buyer not named')}${(s.buyer || '.').endsWith('.') ? '' : '.'} File <code>${text(s.file)}</code>${s.id ? `, id <code>${text(s.id)}</code>` : ''}.</p>`,
    linksList(o.links),
    '<h2 id="standing">Where it stands</h2>',
    standing(s.summary, s),
    problems(s.problems),
    wordingSection(o.wording, o.clauses, o.links.contract),
    '<h2 id="evaluation">Product evaluation</h2>',
    facts.length > 0
      ? `<dl class="facts">\n${facts.map(([k, v]) => `<dt>${text(k)}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`
      : '<p>The file has no readable product evaluation.</p>',
    '<h3 id="rules">What the evaluation brings in</h3>',
    check ? rulesTable(checked.rules, o.playbook) : '<p>Not checked: the file could not be read.</p>',
    '<h2 id="risks">Risk findings</h2>',
    check ? findingsTable(check, o.playbook) : '<p>Not checked: the file could not be read.</p>',
    '<h2 id="terms">Terms</h2>',
    check
      ? termsTable(
          check.terms,
          o.playbook,
          o.wording.flatMap((e) => e.restates),
        )
      : '<p>Not checked: the file could not be read.</p>',
    checkSection(checked.diagnostics, s.findings),
    '<h2 id="rounds">Negotiation rounds</h2>',
    s.rounds.length > 0
      ? `${roundsTable(s.rounds)}\n<h3 id="moves">How the key positions moved</h3>\n${positionCharts(o.series, s.rounds)}`
      : `<p>No rounds yet${s.roundsProblem ? ` (${text(s.roundsProblem)})` : ''}: tag one with <code>contracts round ${text(s.file)}</code>.</p>`,
  ];
  return page(`${sections.filter(Boolean).join('\n')}\n`, { title: `${s.title} — contract report`, depth: 1, footer: o.footer });
}

function linksList(links: AgreementLinks): string {
  const items = [
    links.contract
      ? `<li><a href="${text(links.contract)}">The contract as rendered (current version)</a></li>`
      : `<li>No rendered contract: ${text(links.contractProblem ?? '')}</li>`,
    links.redline
      ? `<li><a href="${text(links.redline.href)}">Redline ${text(links.redline.from)} → ${text(links.redline.to)}</a></li>`
      : `<li>No redline: ${text(links.redlineProblem ?? '')}</li>`,
  ];
  return `<ul class="links" aria-label="Documents">\n${items.join('\n')}\n</ul>`;
}

function standing(summary: CheckSummary | undefined, s: AgreementSummary): string {
  const latest = s.latest
    ? `<p>Round ${s.latest.round}: the version was written by ${text(s.latest.author)} on ${text(longDate(s.latest.authorDate.slice(0, 10)) ?? s.latest.authorDate)}, ${s.latest.daysSince} day${s.latest.daysSince === 1 ? '' : 's'} before this report.</p>`
    : '<p>No negotiation round tagged yet.</p>';
  if (!summary) return `${latest}\n<p>The file could not be read as a contract, so no term is rated.</p>`;
  const item = (n: number, what: string, cls = '') => `<li><strong${n > 0 && cls ? ` class="${cls}"` : ''}>${n}</strong> ${what}</li>`;
  const next = s.deadlines[0];
  const w = s.wording;
  const wording =
    w.review + w.unsettled + w.comments > 0
      ? `\n<p class="wording-alert"><strong>The counterparty proposed wording of their own:</strong> <a href="#wording">${w.review} change${w.review === 1 ? '' : 's'} to review${w.unsettled > 0 ? `, ${w.unsettled} restated term${w.unsettled === 1 ? '' : 's'} to settle` : ''}${w.comments > 0 ? `, ${w.comments} comment${w.comments === 1 ? '' : 's'}` : ''}</a>. Counsel to review before signing.</p>`
      : '';
  const f = s.findings;
  return `${latest}${wording}
<p><a href="#check"><code>contracts check</code>: ${f.errors} error${f.errors === 1 ? '' : 's'}, ${f.warnings} warning${f.warnings === 1 ? '' : 's'}, ${f.infos} info${f.infos === 1 ? '' : 's'}</a>.</p>
<ul class="numbers" aria-label="Counts as contracts check reports them">
${item(summary.walkAway, 'walk-away', 'count-alert')}
${item(summary.fallback, 'fallback', 'count-warn')}
${item(summary.preferred, 'preferred')}
${item(summary.missing, 'missing', 'count-warn')}
${item(summary.risk, `unmet risk requirement${summary.risk === 1 ? '' : 's'}`, 'count-alert')}
${item(summary.upcoming, `upcoming deadline${summary.upcoming === 1 ? '' : 's'}${next ? ` (next ${text(next.date)})` : ''}`, 'count-warn')}
</ul>`;
}

function problems(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const items = diagnostics.map(
    (d) => `<li><code>${text(`${d.file}:${d.line}:${d.column}`)}</code> ${text(d.message)} <span class="path">${text(d.code)}</span></li>`,
  );
  return `<h3 id="problems">Problems in the file</h3>\n<ul class="problems">\n${items.join('\n')}\n</ul>`;
}
