/**
 * Redline → a standalone HTML document: the rendered HTML contract with the changes marked. The redline
 * Markdown (with render's anchors) goes through render's one converter and document shell, exactly as
 * `render --to html` does (print CSS, the script-blocking CSP), so the cover page is a real table,
 * headings keep their numbers and ids, and `<ins>`/`<del>` sit inside cells, headings and list items.
 * On top: a header with the position changes (a table with a caption and scoped headers) and a key
 * to the marks. Marks never rely on colour alone: insertions are underlined and deletions struck
 * through, moves doubly so and labelled, and screen readers hear "inserted:", "deleted:" (CSS content).
 * Everything is escaped; the same redline always gives the same bytes.
 */
import { escapeHtml, htmlDocument, markdownToHtml, printCss } from '@contracts/render';
import type { Redline } from './build-redline.js';

/** Hidden from sight, read by screen readers (the clip pattern: not `display: none`, which hides it from both). */
const SR_ONLY = 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;';

const REDLINE_CSS = `
ins { color: #14532d; background: #e6f4ea; text-decoration: underline; text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
del { color: #8a1c1c; background: #fbe9e9; text-decoration: line-through; text-decoration-thickness: 0.08em; }
ins.moved-to, del.moved-from { color: #1e3a8a; background: #e8eefc; text-decoration-style: double; }
ins::before, ins::after, del::before, del::after { ${SR_ONLY} }
ins::before { content: " [inserted: "; }
del::before { content: " [deleted: "; }
ins.moved-to::before { content: " [moved here: "; }
del.moved-from::before { content: " [moved from here: "; }
ins::after, del::after { content: "] "; }
.redline-inserted, .redline-deleted, .redline-moved-from, .redline-moved-to { border-left: 3px solid; padding-left: 0.75rem; margin-left: -0.95rem; }
.redline-inserted { border-color: #2f7d46; }
.redline-deleted { border-color: #b42323; border-left-style: dashed; }
.redline-moved-from, .redline-moved-to { border-color: #1e3a8a; border-left-style: double; border-left-width: 4px; }
.redline-moved-from::before, .redline-moved-to::before { display: block; font: 600 0.8rem "Helvetica Neue", Arial, sans-serif; color: #1e3a8a; }
.redline-moved-from::before { content: "Moved from here"; }
.redline-moved-to::before { content: "Moved here"; }
.redline-summary { border: 1px solid #767676; padding: 0.5rem 1.25rem 1rem; margin-bottom: 2.5rem; break-after: page; page-break-after: always; }
.redline-summary h1 { font-size: 1.3rem; margin-top: 0.75rem; }
.redline-summary caption { text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
.redline-summary th[scope="row"] { background: none; font-weight: normal; text-align: left; }
.redline-key { font-size: 0.95rem; }
@media print { ins, del, .redline-summary th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function summary(redline: Redline): string {
  const s = redline.stats;
  const versions = `${escapeHtml(redline.from)} → ${escapeHtml(redline.to)}`;
  const rows = redline.positions.map(
    (p) =>
      `<tr><th scope="row" title="${escapeHtml(p.path)}">${escapeHtml(p.label)}</th><td><del>${escapeHtml(p.from)}</del></td><td><ins>${escapeHtml(p.to)}</ins></td><td>${escapeHtml(p.note)}</td></tr>`,
  );
  const table =
    rows.length > 0
      ? `<table>
<caption>Position changes, ${versions}</caption>
<thead><tr><th scope="col">Term</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col">Direction</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
      : '<p>No negotiated position changed; the wording did.</p>';
  const moved = s.paragraphsMoved > 0 ? `, ${s.paragraphsMoved} moved` : '';
  return `<section class="redline-summary" aria-labelledby="redline-title">
<h1 id="redline-title">Redline: ${versions}</h1>
<p>Changes by ${escapeHtml(redline.by.author)}, ${escapeHtml(redline.by.date)}. ${s.wordsInserted} words inserted, ${s.wordsDeleted} deleted; ${s.paragraphsChanged} paragraphs changed, ${s.paragraphsInserted} added, ${s.paragraphsDeleted} removed${moved}.</p>
<p class="redline-key">Key: <ins>inserted text is underlined</ins>, <del>deleted text is struck through</del>; a clause that moved is <del class="moved-from">double-struck where it was</del> and <ins class="moved-to">double-underlined where it is now</ins>, each labelled. A bar in the margin marks a clause added, removed or moved as a whole.</p>
${table}
</section>
`;
}

/** The redline as a complete HTML document (print CSS from the same templates as the contract). */
export function redlineHtml(redline: Redline): string {
  const css = printCss(redline.templatesDir) + REDLINE_CSS;
  return htmlDocument(summary(redline) + markdownToHtml(redline.anchoredMarkdown), { title: `Redline: ${redline.title}`, css });
}
