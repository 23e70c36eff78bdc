/**
 * `@contracts/render`: a contract → Markdown through the Liquid clause library in `templates/` (rendered
 * in a sandbox: templates come from pull requests), and Markdown → HTML / DOCX / PDF. Markdown is the
 * canonical output; HTML and DOCX are made from its anchored form (see anchors.ts).
 *
 * @example
 * const md = renderMarkdown(contract);                       // sync, templates parsed once per process
 * const { anchored, anchors } = renderAgreement(contract);   // the same render with term and clause anchors
 * const html = await renderHtml(md);                          // built-in converter, no pandoc needed
 * const docx = await renderDocx(anchored, { epoch: resolveEpoch(contract.effectiveDate) }); // built-in writer
 * const all = await renderMany(contracts, 'docx', { concurrency: 2 });
 */
export {
  renderMarkdown,
  renderAgreement,
  type RenderMarkdownOptions,
  type RenderedAgreement,
  type RenderedSection,
  type ExtraContext,
} from './markdown.js';
export { agreementHtml, renderHtml, markdownToHtmlDocument, htmlDocument, printCss, type RenderHtmlOptions, type HtmlDocumentOptions } from './html.js';
export { markdownToHtml } from './markdown-to-html.js';
export { inlineToHtml, inlineConstructAt, type InlineConstruct, type Attributes } from './html-inline.js';
export { escapeHtml } from './escape-html.js';
export { anchorFor, anchorKey, ANCHOR_ID, type Anchor, type AnchorKind } from './anchors.js';
export { agreementBlocks, blockText, isHeaderRow, tableCells, type AgreementBlock, type BlockKind, type TermRange } from './agreement-blocks.js';
export { changesWording, withNegotiatedWording, withoutAnchorMarkup } from './negotiated-wording.js';
export { renderDocx, renderDocxMany, referenceDocPath, type RenderDocxOptions, type RenderDocxManyOptions } from './docx.js';
export { resolveDocxEngine, warmUpDocx, DOCX_ENGINES, type DocxEngine } from './docx-engine.js';
export {
  builtinDocxModel,
  docxPackage,
  bodyXml,
  paragraphXml,
  pPrXml,
  rowXml,
  tableXml,
  textRunXml,
  BREAK_RUN,
  escapeXml,
  type DocxModel,
  type BodyItem,
  type ParagraphItem,
  type TableItem,
  type TableRow,
  type RunItem,
  type ListMarker,
  type ReferenceDoc,
} from './docx-writer/index.js';
export { beyondSubset, type BeyondSubset } from './markdown/subset.js';
export { readProvenance, PROVENANCE_PROPERTIES, TOOLKIT_VERSION, type Provenance, type ProvenanceInput } from './provenance.js';
export { normalizeDocx, normalizeEntries, resolveEpoch, ZIP_EPOCH } from './normalize-docx.js';
export { renderPdf, findPdfEngine, PDF_INSTALL_HINT, type PdfEngine } from './pdf.js';
export { renderMany, type RenderFormat, type RenderManyOptions } from './render-many.js';
export { DEFAULT_TEMPLATES_DIR, libraryLabels, readTemplate } from './environment.js';
export type { Labels } from './liquid/filters.js';
export { jurisdictionName, regionName, isPlaceCode, placeCodesNamedIn } from './places.js';
export { escapeMarkdown, neutralizeBidi, neutralizeText } from './escape-markdown.js';
export { CELL_BREAK } from './markdown/inlines.js';
export { PANDOC_MARKDOWN_EXTENSIONS } from './pandoc-options.js';
export { checkPandocInput, MAX_PANDOC_INPUT_BYTES } from './pandoc-limits.js';
export { TemplateRenderError, PdfEngineUnavailableError } from './errors.js';
export { numberToWords, formatNumber, sentence, quantity, longDate } from './words.js';
