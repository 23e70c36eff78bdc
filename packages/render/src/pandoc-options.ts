/**
 * Pandoc reads our Markdown with raw HTML, raw TeX and raw attributes (`{=openxml}`) switched off. The
 * Markdown autoescape already makes contract values literal; this makes sure that even a clause
 * template (ours or a user's) cannot smuggle raw markup into HTML or DOCX.
 */
export const PANDOC_MARKDOWN_EXTENSIONS: Readonly<Record<string, boolean>> = {
  raw_html: false,
  raw_tex: false,
  raw_attribute: false,
  native_divs: false,
  native_spans: false,
};
