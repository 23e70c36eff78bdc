/**
 * Negotiated wording that puts several paragraphs in one table cell (a cover-page value, a row added
 * after it, a signature cell): a pipe-table cell holds no paragraphs, so they print with a hard line
 * break between them — in the built-in DOCX writer and HTML converter (CELL_BREAK), and through pandoc,
 * which reads raw markup switched off, as the same table written as a grid table. Judge: LibreOffice
 * reads the same blocks, line breaks where the paragraphs were, from every DOCX engine.
 */
import { join } from 'node:path';
import { loadContractFile, type VendorAgreement } from '@contracts/core';
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailability, withLibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { CELL_BREAK, renderAgreement, renderDocx, renderHtml } from '../src/index.js';
import { withGridTablesForPandoc } from '../src/pandoc-cell-breaks.js';
import { asRendered, backends, docxEngines, docxEntries } from './helpers.js';

const ROOT = join(import.meta.dirname, '../../..');
const contract = loadContractFile(join(ROOT, 'contracts', 'springfield-smartcam.yaml')).value as VendorAgreement;
const negotiated: VendorAgreement = {
  ...contract,
  negotiatedWording: [
    { paragraph: 'cover-page/Data return', text: 'within ninety (90) days\n\nin CSV or JSON, at the Customer’s choice (Section 15 (Term and Termination))' },
    { paragraph: 'cover-page/Governing law', rowsAfter: [{ label: 'Venue', text: 'the courts of Sangamon County\n\n- 1. not a list, #not a heading' }] },
    { paragraph: 'signatures/Name: Dana Whitfield', text: 'Name: Marcus Lee\n\nfor and on behalf of Acme Cameras Inc.' },
  ],
};
const rendered = renderAgreement(negotiated, asRendered);
const lo = libreOfficeAvailability();

describe("a table cell's paragraphs", () => {
  it('print as one row each, with the cell break between its paragraphs and the reference live', () => {
    const rows = rendered.markdown.split('\n').filter((l) => l.includes(CELL_BREAK));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.startsWith('| Data return'))).toMatch(
      /^\| Data return \| within ninety \(90\) days`<br \/>`\{=html\}.*in CSV or JSON, at the Customer’s choice \(\[Section \d+ \(Term and Termination\)\]\(#termination\)\) \|$/,
    );
    expect(rows.find((r) => r.startsWith('| Venue'))).toContain(`the courts of Sangamon County${CELL_BREAK}1\\. not a list, \\#not a heading |`);
  });

  it.each(docxEngines)('make a line break inside the cell in the DOCX of the %s, and nothing of the markup shows', async (_name, engine) => {
    const xml = docxEntries(await renderDocx(rendered.anchored, { epoch: 1_780_000_000, ...engine }))['word/document.xml']!;
    const cells = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/g)]
      .map((m) => m[0])
      .filter((c) => c.includes('in CSV or JSON') || c.includes('Sangamon') || c.includes('for and on behalf'));
    expect(cells).toHaveLength(3);
    for (const cell of cells) {
      expect(cell.match(/<w:p>|<w:p /g)).toHaveLength(1);
      expect(cell).toMatch(/<w:br ?\/>/);
    }
    expect(xml).not.toContain('{=');
    expect(xml).not.toContain('&lt;br');
  });

  it.each([['built-in converter', {}] as const, ...backends.map((backend) => [`${backend} pandoc`, { engine: 'pandoc' as const, backend }] as const)])(
    'make a <br /> inside the cell in the HTML of the %s',
    async (_name, options) => {
      const html = await renderHtml(rendered.anchored, options);
      expect(html).toMatch(/<td[^>]*>within ninety \(90\) days<br \/>\s*in CSV or JSON/);
      expect(html).toMatch(/<td[^>]*>Name: Marcus Lee<br \/>\s*for and on behalf of Acme Cameras Inc\.<\/td>/);
      expect(html).not.toContain('{=');
      expect(html).not.toContain('<ol');
    },
  );

  it('leave a document without a cell break exactly as it was for pandoc', () => {
    const plain = renderAgreement(contract, asRendered).anchored;
    expect(withGridTablesForPandoc(plain)).toBe(plain);
  });

  it.skipIf(!lo.ok)(
    `read in LibreOffice as the same blocks, a line break where each paragraph was, from every DOCX engine ${lo.reason}`,
    { timeout: 300_000 },
    () =>
      withLibreOffice(async (office) => {
        const texts = [];
        for (const [, engine] of docxEngines) texts.push(await office.text(await renderDocx(rendered.anchored, { epoch: 1_780_000_000, ...engine })));
        expect(texts[0]).toContain('within ninety (90) days\nin CSV or JSON, at the Customer’s choice (Section 15 (Term and Termination))');
        expect(texts[0]).toContain('Name: Marcus Lee\nfor and on behalf of Acme Cameras Inc.');
        for (const text of texts.slice(1)) expect(text).toEqual(texts[0]);
      }),
  );
});
