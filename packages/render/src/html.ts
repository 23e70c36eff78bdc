/**
 * Markdown → a standalone HTML document with print CSS. The built-in converter is the default (fast,
 * identical on every machine); `engine: 'pandoc'` sends the Markdown through pandoc instead, for clause
 * libraries that use Markdown beyond the subset ours emit. Either way the document shell is ours: inline
 * CSS and a Content-Security-Policy that forbids scripts, as a second line of defence.
 */
import type { VendorAgreement } from '@contracts/core';
import { convert, type BackendPreference } from '@contracts/pandoc';
import { ANCHOR_ID } from './anchors.js';
import { getEnvironment } from './environment.js';
import { escapeHtml } from './escape-html.js';
import { neutralizeText } from './escape-markdown.js';
import { renderAgreement, type RenderedAgreement, type RenderMarkdownOptions } from './markdown.js';
import { markdownToHtml } from './markdown-to-html.js';
import { checkPandocInput } from './pandoc-limits.js';
import { PANDOC_MARKDOWN_EXTENSIONS } from './pandoc-options.js';
import { withGridTablesForPandoc } from './pandoc-cell-breaks.js';

export interface HtmlDocumentOptions {
  title: string;
  css: string;
  lang?: string;
}

/** Wraps an HTML fragment in a complete document. */
export function htmlDocument(fragment: string, { title, css, lang = 'en' }: HtmlDocumentOptions): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="@contracts/render" />
<title>${escapeHtml(neutralizeText(title).replace(/\s+/g, ' '))}</title>
<style>
${css.replace(/<\//g, '<\\/')}
</style>
</head>
<body>
<main class="agreement">
${fragment}</main>
</body>
</html>
`;
}

/** Markdown (the template subset) → standalone HTML with the built-in converter. */
export function markdownToHtmlDocument(markdown: string, options: HtmlDocumentOptions): string {
  return htmlDocument(markdownToHtml(markdown), options);
}

export interface RenderHtmlOptions {
  templatesDir?: string;
  /** `builtin` (default) or `pandoc`. */
  engine?: 'builtin' | 'pandoc';
  /** Pandoc backend when `engine` is `pandoc`. */
  backend?: BackendPreference;
  /** Document title; default: the contract's title, or the first heading of the Markdown. */
  title?: string;
}

const stylesheets = new Map<string, string>();

/** The print stylesheet: `print.css` from the templates directory (overridable like any template), read once per process. */
export function printCss(templatesDir?: string): string {
  let css = stylesheets.get(templatesDir ?? '');
  if (css === undefined) stylesheets.set(templatesDir ?? '', (css = getEnvironment(templatesDir).library.read('print.css')?.text ?? ''));
  return css;
}

/**
 * A contract → exactly the document `render --to html` writes with the built-in converter (anchored:
 * every term value and clause carries an `id`), synchronously, with the people's Markdown it came
 * from (for a redline of the same version, without rendering it twice).
 */
export function agreementHtml(contract: VendorAgreement, options: RenderMarkdownOptions = {}): { html: string; rendered: RenderedAgreement } {
  const rendered = renderAgreement(contract, options);
  return { html: markdownToHtmlDocument(rendered.anchored, { title: contract.title, css: printCss(options.templatesDir) }), rendered };
}

const firstHeading = (markdown: string) => /^#\s+(.+)$/m.exec(markdown)?.[1]?.replace(/\\(.)/g, '$1') ?? 'Agreement';

/** Pandoc keeps the `a_t…` spelling Markdown needs; the HTML ids are the anchors' own (`_t…`). */
const anchorIds = (html: string) =>
  html.replace(/(\s)id="a(_[tc][0-9a-f_]+)"/g, (m, space: string, id: string) => (ANCHOR_ID.test(id) ? `${space}id="${id}"` : m));

/**
 * A contract or Markdown → standalone HTML. A contract renders with its anchors (every term value
 * and clause carries an `id`, see anchors.ts); Markdown converts as given. Async only for pandoc.
 */
export async function renderHtml(input: VendorAgreement | string, options: RenderHtmlOptions = {}): Promise<string> {
  if (typeof input !== 'string' && options.engine !== 'pandoc' && options.title === undefined) return agreementHtml(input, options).html;
  const markdown = typeof input === 'string' ? input : renderAgreement(input, options).anchored;
  const title = options.title ?? (typeof input === 'string' ? firstHeading(markdown) : input.title);
  const css = printCss(options.templatesDir);
  if (options.engine !== 'pandoc') return markdownToHtmlDocument(markdown, { title, css });
  checkPandocInput(markdown);
  const result = await convert(withGridTablesForPandoc(markdown), {
    from: 'markdown',
    to: 'html5',
    extensions: PANDOC_MARKDOWN_EXTENSIONS,
    ...(options.backend ? { backend: options.backend } : {}),
  });
  return htmlDocument(anchorIds(result.text()), { title, css });
}
