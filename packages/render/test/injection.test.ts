import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderDocxMany, renderHtml, renderMarkdown, type VendorAgreement } from '@contracts/render';
import { backends, clone, docxEntries, docxText, htmlText, loadContract } from './helpers.js';

// Field values are data: each must come out literally, in every format, and never as markup.
const INJECTIONS = [
  '{{ 7*7 }}',
  '{% include "../../etc/passwd" %}',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '`x`{=openxml}',
  '<div onclick="alert(1)">raw *html* block</div>',
  '# not a heading | not a cell | @citation $math$ ~sub~ ^sup^ --- &amp; \\ end',
];

async function variants(): Promise<VendorAgreement[]> {
  const base = await loadContract('springfield-smartcam.yaml');
  return INJECTIONS.map((value) => {
    const c = clone(base);
    c.parties.vendor.name = value;
    c.product.name = value;
    c.product.privacyByDesign!.notes = value;
    return c;
  });
}

describe('contract values never become template or markup code', () => {
  it('Markdown escapes every value and evaluates none', async () => {
    for (const [i, contract] of (await variants()).entries()) {
      const md = renderMarkdown(contract);
      expect(md).toContain(`**Product** means ${escapeMarkdown(INJECTIONS[i]!)}, including`);
      expect(md).not.toContain('49');
      expect(md).not.toMatch(/root:x:0/);
      // Every markup character of the value is backslash-escaped.
      expect(md).not.toMatch(/(^|[^\\])<(script|div)/m);
      expect(md).not.toMatch(/(^|[^\\])\]\(javascript/m);
      expect(md).not.toMatch(/(^|[^\\])\{=openxml/m);
      expect(
        md
          .split('\n')
          .filter((l) => l.includes('not a heading'))
          .every((l) => !l.startsWith('#')),
        INJECTIONS[i],
      ).toBe(true);
    }
  });

  it('HTML shows each value as text: no script element, no javascript: link, no raw HTML', async () => {
    for (const [i, contract] of (await variants()).entries()) {
      for (const engine of ['builtin', 'pandoc'] as const) {
        const html = await renderHtml(contract, { engine, ...(engine === 'pandoc' ? { backend: backends[0]! } : {}) });
        expect(html, `${engine} ${INJECTIONS[i]}`).not.toMatch(/<script|<div onclick|href="javascript:/i);
        const text = htmlText(html);
        expect(text, `${engine} ${INJECTIONS[i]}`).toContain(`Product means ${INJECTIONS[i]}, including`);
      }
    }
  });

  it.each(backends)('DOCX (%s pandoc) shows each value as text and carries no raw OpenXML', async (backend) => {
    const contracts = await variants();
    const docs = await renderDocxMany(
      contracts.map((c) => renderMarkdown(c)),
      { backend, concurrency: 2 },
    );
    for (const [i, docx] of docs.entries()) {
      const text = docxText(docx);
      expect(text, INJECTIONS[i]).toContain(`Product means ${INJECTIONS[i]}, including`);
      const xml = docxEntries(docx)['word/document.xml']!;
      // Raw OpenXML would appear as markup, not as the text `{=openxml}`; scripts only as escaped text.
      expect(xml).not.toMatch(/<script|<w:hyperlink[^>]*javascript/);
      if (INJECTIONS[i]!.includes('openxml')) expect(text).toContain('`x`{=openxml}');
    }
  });
});
