import { assets } from './assets.js';
import { text } from './escape.js';

export interface PageOptions {
  title: string;
  /** Folder depth below the site root: 0 for index.html, 1 for agreements/ and terms/. */
  depth: 0 | 1;
  /** The navigation entry this page is (marked `aria-current`); none for agreement and term pages. */
  current?: 'portfolio' | 'terms';
  /** Use the whole window width (the portfolio table). */
  wide?: boolean;
  /** Include the table script (sorting, filtering). */
  script?: boolean;
  /** The report's stamp: `Generated 2026-05-20 from 3 agreements …`. */
  footer: string;
}

/**
 * A complete page. The Content-Security-Policy is the rendered contract's (`default-src 'none'`, no
 * network, no plugins, no base or form targets) with one difference: instead of `'unsafe-inline'`, the
 * page's own stylesheet and script are allowed by their SHA-256 hashes, so nothing injected into the
 * page could run or restyle it, and the script still runs from file:// (where `'self'` is no origin).
 */
export function page(body: string, o: PageOptions): string {
  const { css, script, cssHash, scriptHash } = assets();
  const up = o.depth === 0 ? '' : '../';
  const csp = `default-src 'none'; style-src ${cssHash}; script-src ${o.script ? scriptHash : "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
  const current = (entry: PageOptions['current']) => (o.current === entry ? ' aria-current="page"' : '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="@contracts/report">
<title>${text(o.title)}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site">
<span class="brand">Contract portfolio</span>
<nav aria-label="Report">
<ul><li><a href="${up}index.html"${current('portfolio')}>Agreements</a></li><li><a href="${up}terms/index.html"${current('terms')}>Terms across the portfolio</a></li></ul>
</nav>
</header>
<main id="main" tabindex="-1"${o.wide ? ' class="wide"' : ''}>
${body}</main>
<footer class="site"><p>${o.footer}</p></footer>
${o.script ? `<script>${script}</script>\n` : ''}</body>
</html>
`;
}
