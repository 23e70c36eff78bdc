/**
 * Redline → a standalone HTML document: the clause library's print CSS plus redline colours, a
 * header listing the position changes (old → new) and the word counts, then the contract text with
 * <ins>/<del>. Everything is escaped; the same redline always gives the same bytes.
 */
import { htmlDocument, printCss } from '@contracts/render';
import { escapeHtml, toRedlineHtml } from '../redline/index.js';
import type { Redline } from './build-redline.js';

const REDLINE_CSS = `
ins { color: #1a5e1a; text-decoration: underline; background: #e9f6e9; }
del { color: #9b1c1c; text-decoration: line-through; background: #fbeaea; }
.redline-summary { border: 1px solid #999; padding: 0.5em 1em; margin-bottom: 2em; page-break-after: always; }
.redline-summary table { border-collapse: collapse; width: 100%; }
.redline-summary th, .redline-summary td { border-bottom: 1px solid #ccc; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
@media print { ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function summary(redline: Redline): string {
  const s = redline.stats;
  const rows = redline.positions.map(
    (p) =>
      `<tr><td title="${escapeHtml(p.path)}">${escapeHtml(p.label)}</td><td><del>${escapeHtml(p.from)}</del></td><td><ins>${escapeHtml(p.to)}</ins></td><td>${escapeHtml(p.note)}</td></tr>`,
  );
  const table =
    rows.length > 0
      ? `<table>\n<thead><tr><th>Term</th><th>Was</th><th>Now</th><th></th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
      : '<p>No negotiated position changed; the wording did.</p>';
  return `<section class="redline-summary">
<h2>Redline: ${escapeHtml(redline.from)} → ${escapeHtml(redline.to)}</h2>
<p>Changes by ${escapeHtml(redline.by.author)}, ${escapeHtml(redline.by.date)}. ${s.wordsInserted} words inserted, ${s.wordsDeleted} deleted; ${s.paragraphsChanged} paragraphs changed, ${s.paragraphsInserted} added, ${s.paragraphsDeleted} removed.</p>
<h3>Position changes</h3>
${table}
</section>
`;
}

/** The redline as a complete HTML document (print CSS from the same templates as the contract). */
export function redlineHtml(redline: Redline): string {
  const css = printCss(redline.templatesDir) + REDLINE_CSS;
  return htmlDocument(summary(redline) + toRedlineHtml(redline.blocks), { title: `Redline: ${redline.title}`, css });
}
