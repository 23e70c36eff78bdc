import type { Diagnostic } from '@contracts/core';
import { text } from '../html/escape.js';

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** A diagnostic as a list item: its severity in words, message, code and line. */
export const diagnosticItem = (d: Diagnostic): string =>
  `<li><span class="severity severity-${d.severity}">${SEVERITY[d.severity]}</span> ${text(d.message)} <span class="path">${text(d.code)}${d.line ? ` · ${text(`${d.file}:${d.line}:${d.column}`)}` : ''}</span></li>`;

/**
 * Every finding `contracts check --verbose` makes for the file, in its order and numbers: errors and
 * warnings listed, infos (mostly preferred positions, which the terms table shows) folded away.
 */
export function checkSection(diagnostics: readonly Diagnostic[], counts: { errors: number; warnings: number; infos: number }): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  const infos = diagnostics.filter((d) => d.severity === 'info');
  const head = `<h2 id="check">What <code>contracts check</code> reports</h2>
<p>${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} and ${plural(counts.infos, 'info')}, as <code>contracts check --verbose</code> reports them for this file (without <code>--verbose</code> it leaves the infos out).</p>`;
  const listed = shown.length > 0 ? `<ul class="problems">\n${shown.map(diagnosticItem).join('\n')}\n</ul>` : '<p>No error or warning.</p>';
  const folded =
    infos.length > 0
      ? `\n<details><summary>${plural(infos.length, 'info')}</summary>\n<ul class="problems">\n${infos.map(diagnosticItem).join('\n')}\n</ul>\n</details>`
      : '';
  return `${head}\n${listed}${folded}`;
}
