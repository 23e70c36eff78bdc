import { emptiedAs } from '@contracts/core';
import { agreementBlocks, type RenderedAgreement } from '@contracts/render';
import { type Restatement, type WordingEntry, wordingCounts } from '../collect/wording.js';
import { capitalised, lines, text, words } from '../html/escape.js';
import { showPosition } from '../html/values.js';
import { diagnosticItem } from './agreement-check.js';

/** How the rendering names a clause: its number and title (`12.3`, `Costs`), and the anchor of it in the rendered contract. */
export interface ClauseName {
  number: string;
  title?: string;
  anchor?: string;
}

const CLAUSE_HEAD = /^\*\*((?:\d+|[A-Z]+)\.\d+)\*\*(?:\s+\*\*(.+?)\*\*)?/;
const unescaped = (markdown: string) => markdown.replace(/\\(.)/g, '$1').replace(/\.$/, '');

/** Each clause's number and title as the contract prints them (with the negotiated wording in place, so deletions renumber). */
export function clauseNames(rendered: RenderedAgreement | undefined): Map<string, ClauseName> {
  const names = new Map<string, ClauseName>();
  if (!rendered) return names;
  const anchors = new Map(rendered.anchors.filter((a) => a.kind === 'clause' && a.occurrence === 1).map((a) => [a.key, a.id]));
  for (const block of agreementBlocks(rendered.anchored, rendered.anchors)) {
    if (block.clause === undefined || names.has(block.clause)) continue;
    const m = CLAUSE_HEAD.exec(block.markdown.trimStart());
    if (!m) continue;
    const anchor = anchors.get(block.clause);
    names.set(block.clause, { number: m[1]!, ...(m[2] ? { title: unescaped(m[2]) } : {}), ...(anchor ? { anchor } : {}) });
  }
  return names;
}

/** `Clause 12.3 (Costs)`; `Cover page, row “Cyber insurance”`; a clause the rendering no longer prints by its key. */
export function regionName(e: WordingEntry, names: ReadonlyMap<string, ClauseName>): string {
  if (e.kind === 'clause') {
    const n = names.get(e.key);
    return n ? `Clause ${n.number}${n.title ? ` (${n.title})` : ''}` : `Clause ${e.key}`;
  }
  if (e.kind === 'paragraph') {
    const slash = e.key.indexOf('/');
    if (slash < 0) return capitalised(words(e.key));
    return `${capitalised(words(e.key.slice(0, slash)))}, “${e.key.slice(slash + 1).replace(/~\d+$/, '')}”`;
  }
  return `Entry ${e.key}`;
}

/** `2026-12-02 00:00 UTC`, or the date as written when it is not an ISO time. */
const when = (iso: string | undefined) => (iso ? iso.replace('T', ' ').replace(/:\d\d(?:\.\d+)?Z$/, ' UTC') : 'date not recorded');

/** What a restated term's wording and value say, when they disagree: counsel's note on the terms table too. */
export function restatementNote(r: Restatement, unit?: string): string {
  const value = r.current === undefined ? 'no value' : showPosition(r.current, unit ?? '');
  if (!('read' in r))
    return `The contract’s wording says “${r.said}”; the value says ${value}: counsel to settle (contracts import could not read their words).`;
  return `The contract’s wording says “${r.said}” (read as ${showPosition(r.read, unit ?? '')}); the value is now ${value}: update or remove the wording.`;
}

const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => `<p>${lines(p)}</p>`)
    .join('\n');

function entryHtml(e: WordingEntry, names: ReadonlyMap<string, ClauseName>, contract: string | undefined): string {
  const id = `wording-${e.index + 1}`;
  const anchor = e.kind === 'clause' ? names.get(e.key)?.anchor : undefined;
  const facts: [string, string][] = [
    ['Proposed by', `${text(e.proposedBy ?? 'not recorded')}, ${text(when(e.proposedAt))}`],
    [
      'How',
      e.tracked === false
        ? '<strong>An untracked edit</strong>: they changed the text without tracked changes'
        : e.tracked
          ? 'A tracked change'
          : 'Comments only',
    ],
  ];
  if (e.round !== undefined) facts.push(['Markup of', `round ${e.round}`]);
  if (contract && anchor) facts.push(['In the contract', `<a href="${text(`${contract}#${anchor}`)}">${text(regionName(e, names))} as rendered</a>`]);
  const parts = [
    `<section class="wording" aria-labelledby="${id}">`,
    `<h3 id="${id}">${text(regionName(e, names))} <span class="path">${text(`${e.kind === 'entry' ? '' : `${e.kind} `}${e.key}`)}</span></h3>`,
    `<dl class="facts">\n${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`,
  ];
  if (e.label !== undefined) parts.push(`<h4>Label changed</h4>\n<p>They label the row “${text(e.label)}”.</p>`);
  if (e.text !== undefined)
    parts.push(
      emptiedAs(e) !== undefined
        ? `<h4>Their text</h4>\n<p><strong>${emptiedAs(e) === 'value-emptied' ? 'They empty the row’s value; the row stays.' : `They delete the ${e.kind === 'clause' ? 'clause' : 'paragraph'}.`}</strong></p>`
        : `<h4>Their text</h4>\n<blockquote class="their-words">\n${paragraphs(e.text)}\n</blockquote>`,
    );
  if (e.rowsAfter.length > 0)
    parts.push(
      `<h4>Rows added after it</h4>\n<table><caption>${e.rowsAfter.length} row${e.rowsAfter.length === 1 ? '' : 's'} they added</caption><thead><tr><th scope="col">Label</th><th scope="col">Text</th></tr></thead><tbody>\n${e.rowsAfter.map((r) => `<tr><th scope="row">${text(r.label)}</th><td>${lines(r.text)}</td></tr>`).join('\n')}\n</tbody></table>`,
    );
  if (e.restates.length > 0)
    parts.push(
      `<h4>Terms restated in their words</h4>\n<ul class="restated">\n${e.restates
        .map((r) => {
          // check's own words (for a withheld fact they say to confirm or reject it; for a term, to settle or update).
          const note = r.problem ? `<strong class="count-alert">${text(r.problem.message)}</strong>` : 'The value agrees with their words.';
          return `<li><code>${text(r.term)}</code>: “${text(r.said)}”. ${note}</li>`;
        })
        .join('\n')}\n</ul>`,
    );
  if (e.comments.length > 0)
    parts.push(
      `<h4>Their comments</h4>\n<ol class="comments">\n${e.comments
        .map((c) => {
          const replies = c.replies.map((r) => `<li><strong>${text(r.author)}</strong>, ${text(when(r.date))}: ${lines(r.text)}</li>`);
          return `<li><strong>${text(c.author)}</strong>, ${text(when(c.date))}${c.on ? `, on “${text(c.on)}”` : ''}:<blockquote class="their-words"><p>${lines(c.text)}</p></blockquote>${replies.length > 0 ? `\n<ol class="replies" aria-label="Replies">${replies.join('')}</ol>` : ''}</li>`;
        })
        .join('\n')}\n</ol>`,
    );
  if (e.diagnostics.length > 0)
    parts.push(`<h4>What <code>contracts check</code> reports</h4>\n<ul class="problems">\n${e.diagnostics.map(diagnosticItem).join('\n')}\n</ul>`);
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * The section counsel reads before signing: every `negotiatedWording` entry — where (as the contract
 * names it), who proposed it and when, tracked or not, their text, rows added, labels changed, the terms
 * it restates and their comments — with what check reports for it. Their text is theirs: escaped, never markup.
 */
export function wordingSection(entries: readonly WordingEntry[], names: ReadonlyMap<string, ClauseName>, contract: string | undefined): string {
  const head = '<h2 id="wording">Wording the counterparty proposed: counsel to review</h2>';
  if (entries.length === 0) return `${head}\n<p>None: every clause reads as the templates and the terms make it.</p>`;
  const { review, unsettled, comments } = wordingCounts(entries);
  const counts = [
    `${review} wording change${review === 1 ? '' : 's'} to review`,
    ...(unsettled > 0 ? [`${unsettled} restated term${unsettled === 1 ? '' : 's'} to settle`] : []),
    ...(comments > 0 ? [`${comments} comment${comments === 1 ? '' : 's'} (replies included)`] : []),
  ];
  return `${head}\n<p>${counts.join(', ')}. Their text prints in the rendered contract in place of the templates’ wording; no playbook term rates it.</p>\n${entries.map((e) => entryHtml(e, names, contract)).join('\n')}`;
}
