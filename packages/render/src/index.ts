/**
 * `@contracts/render`: a contract → Markdown through the Nunjucks clause library in `templates/`, and
 * Markdown → HTML / DOCX / PDF. Markdown is the canonical output; every other format is made from it.
 *
 * @example
 * const md = renderMarkdown(contract);                       // sync, templates compiled once per process
 * const html = await renderHtml(md);                          // built-in converter, no pandoc needed
 * const docx = await renderDocx(md, { epoch: resolveEpoch(contract.effectiveDate) });
 * const all = await renderMany(contracts, 'docx', { concurrency: 2 });
 */
export { renderMarkdown, type RenderMarkdownOptions } from './markdown.js';
export { renderHtml, markdownToHtmlDocument, htmlDocument, printCss, type RenderHtmlOptions, type HtmlDocumentOptions } from './html.js';
export { markdownToHtml, escapeHtml } from './markdown-to-html.js';
export { renderDocx, renderDocxMany, referenceDocPath, type RenderDocxOptions, type RenderDocxManyOptions } from './docx.js';
export { normalizeDocx, normalizeEntries, resolveEpoch, ZIP_EPOCH } from './normalize-docx.js';
export { renderPdf, findPdfEngine, PDF_INSTALL_HINT, type PdfEngine } from './pdf.js';
export { renderMany, type RenderFormat, type RenderManyOptions } from './render-many.js';
export { DEFAULT_TEMPLATES_DIR } from './environment.js';
export { escapeMarkdown } from './escape-markdown.js';
export { PANDOC_MARKDOWN_EXTENSIONS } from './pandoc-options.js';
export { TemplateRenderError, PdfEngineUnavailableError } from './errors.js';
export { numberToWords, formatNumber, sentence, quantity, longDate } from './words.js';
