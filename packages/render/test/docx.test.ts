import { describe, expect, it } from 'vitest';
import { findPdfEngine, renderAgreement, renderDocxMany, renderMany, renderMarkdown, renderPdf } from '@contracts/render';
import { backends, contractFiles, docxEngines, docxEntries, docxText, loadContract } from './helpers.js';

describe('DOCX', () => {
  it.each(docxEngines)('uses our heading styles and carries the clause text (%s)', async (_name, engine) => {
    const contracts = await Promise.all(contractFiles.map(loadContract));
    const docs = (await renderMany(contracts, 'docx', { ...engine, concurrency: 2 })) as Uint8Array[];
    for (const [i, docx] of docs.entries()) {
      const entries = docxEntries(docx);
      const xml = entries['word/document.xml']!;
      expect(xml).toMatch(/<w:pStyle w:val="Heading1" \/>[\s\S]*?Standard Terms/);
      expect(xml).toMatch(/<w:pStyle w:val="Heading2" \/>[\s\S]*?1\. Definitions/);
      expect(entries['word/styles.xml']).toContain('Georgia'); // our reference document
      const text = docxText(docx);
      expect(text).toContain(contracts[i]!.parties.vendor.name);
      expect(text).toMatch(/within [a-z -]+ \(\d+\) hours/);
      expect(text).not.toMatch(/\{\{|\{%|\\\./);
    }
  });
});

describe('PDF', () => {
  it.skipIf(!findPdfEngine())('prints through the installed engine', async () => {
    const markdown = renderMarkdown(await loadContract('springfield-smartcam.yaml'));
    const pdf = await renderPdf(markdown, { title: 'Test' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('explains how to install an engine when none is present', async () => {
    const missing = await renderPdfWithout();
    expect(missing).toMatchObject({ code: 'render/no-pdf-engine', exitCode: 2 });
    expect(String(missing.message)).toContain('apt-get install chromium');
  });
});

async function renderPdfWithout(): Promise<{ code: string; exitCode: number; message: string }> {
  const path = process.env['PATH'];
  const chromium = process.env['CONTRACTS_CHROMIUM_PATH'];
  process.env['PATH'] = '/nonexistent';
  delete process.env['CONTRACTS_CHROMIUM_PATH'];
  try {
    return await renderPdf('# T\n').then(
      () => ({ code: 'none', exitCode: 0, message: '' }),
      (e: { code: string; exitCode: number; message: string }) => e,
    );
  } finally {
    process.env['PATH'] = path;
    if (chromium !== undefined) process.env['CONTRACTS_CHROMIUM_PATH'] = chromium;
  }
}

describe('batch DOCX conversion', () => {
  it.each(backends)('gives every contract the same bytes as converting it alone (%s pandoc)', async (backend) => {
    const contracts = await Promise.all(contractFiles.map(loadContract));
    // The anchored Markdown, as renderMany converts it: bookmarks must split per document too.
    const markdowns = contracts.map((c) => renderAgreement(c).anchored);
    const batched = await renderDocxMany(markdowns, { docxEngine: 'pandoc', backend, batchSize: 10, concurrency: 1 });
    const alone = await renderDocxMany(markdowns, { docxEngine: 'pandoc', backend, batchSize: 1 });
    for (const [i, docx] of batched.entries()) {
      expect(docxText(docx)).toContain(contracts[i]!.parties.vendor.name);
      for (const [j, other] of contracts.entries()) if (j !== i) expect(docxText(docx)).not.toContain(other.parties.vendor.name);
      expect(Buffer.from(docx).equals(Buffer.from(alone[i]!)), contracts[i]!.id).toBe(true);
    }
  });

  it('falls back to one run per document when a shared part would carry content', async () => {
    const withFootnote = ['# A\n\nText.[^1]\n\n[^1]: Secret footnote of A.\n', '# B\n\nOther text.\n'];
    const [, b] = await renderDocxMany(withFootnote, { backend: backends[0]!, batchSize: 10, concurrency: 1 });
    expect(Object.values(docxEntries(b!)).join('')).not.toContain('Secret footnote of A');
  });
});
