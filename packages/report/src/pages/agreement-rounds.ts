import type { RoundRow } from '@contracts/diff';
import { text } from '../html/escape.js';
import { showPosition, tierName } from '../html/values.js';
import type { PositionSeries } from '../model.js';
import { positionChart } from './chart.js';

/** The rounds as `contracts rounds` lists them: the version's date and author, who tagged it, what moved. */
export function roundsTable(rows: readonly RoundRow[]): string {
  const body = rows.map(
    (r) =>
      `<tr><th scope="row" class="nowrap">round-${r.round}</th><td>${text(r.authorDate.slice(0, 10))}</td><td>${text(r.author)}</td>` +
      `<td>${text(r.tagger ?? '—')}${r.taggedAt ? `<br><span class="muted">${text(r.taggedAt.slice(0, 10))}</span>` : ''}</td>` +
      `<td class="num">${r.moved === null ? '—' : r.moved}</td><td>${text(r.message.split('\n')[0] ?? '')}</td></tr>`,
  );
  return `<div class="scroll" role="region" aria-label="Negotiation rounds" tabindex="0"><table>
<caption>Negotiation rounds, oldest first: the date and author of the version each round marks</caption>
<thead><tr><th scope="col">Round</th><th scope="col">Written</th><th scope="col">By</th><th scope="col">Tagged by</th><th scope="col" class="num">Terms moved</th><th scope="col">Tag message</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}

/** One chart per key position, then the same numbers as a table (the charts' text alternative). */
export function positionCharts(series: readonly PositionSeries[], rows: readonly RoundRow[]): string {
  if (series.length === 0) return '<p>No key position (a number or a ranked option) appears in a readable round.</p>';
  const rounds = rows.map((r) => r.round);
  const figures = series.map(
    (s, i) =>
      `<figure class="chart">\n${positionChart(s, rounds, `chart-${i + 1}`)}\n<figcaption>${text(s.label)}${s.unit && !s.label.includes('(') ? ` (${text(s.unit)})` : ''}: up is better for the buyer</figcaption>\n</figure>`,
  );
  const head = series.map((s) => `<th scope="col">${text(s.label)}</th>`).join('');
  const body = rounds.map((round) => {
    const cells = series.map((s) => {
      const p = s.points.find((x) => x.round === round);
      return `<td>${p ? `${text(showPosition(p.value, s.unit))} <span class="muted">(${text(tierName(p.tier).toLowerCase())})</span>` : '—'}</td>`;
    });
    return `<tr><th scope="row" class="nowrap">round-${round}</th>${cells.join('')}</tr>`;
  });
  return `<div class="charts">
${figures.join('\n')}
</div>
<div class="scroll" role="region" aria-label="Key positions by round" tabindex="0"><table>
<caption>Key positions by round (the numbers in the charts)</caption>
<thead><tr><th scope="col">Round</th>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}
