import { describe, expect, it } from 'vitest';
import { convert, convertMany, pandocInfo, PandocConversionError } from '../src/index.js';
import { BACKENDS, hasSystemPandoc, readZip, skipReason, writeZip, zipText } from './helpers.js';

const REDLINE = [
  '# Limitation of liability',
  '',
  'Liability is capped at [the fees paid in the prior twelve months]{.insertion author="Vendor" date="2026-01-02T00:00:00Z"}' +
    '[unlimited damages]{.deletion author="Buyer" date="2026-01-03T00:00:00Z"}.',
  '',
].join('\n');

describe.each(BACKENDS)('%s backend', (backend) => {
  const skip = backend === 'system' && !hasSystemPandoc;

  it.skipIf(skip)(`converts Markdown to HTML${skipReason(backend)}`, async () => {
    const result = await convert('# Fees\n\nThe *Buyer* pays:\n\n- licence\n- support\n', {
      from: 'markdown',
      to: 'html5',
      backend,
    });
    const html = result.text();
    expect(result.backend).toBe(backend);
    expect(html).toContain('<h1 id="fees">Fees</h1>');
    expect(html).toContain('<em>Buyer</em>');
    expect(html).toMatch(/<ul>\s*<li>licence<\/li>/);
  });

  it.skipIf(skip)(`applies standalone, metadata, css, toc and numbered sections${skipReason(backend)}`, async () => {
    const html = (
      await convert('# One\n\n# Two\n', {
        from: 'markdown',
        to: 'html',
        backend,
        standalone: true,
        metadata: { title: 'Master Services Agreement' },
        variables: { lang: 'en-GB' },
        css: ['contract.css'],
        toc: true,
        numberSections: true,
      })
    ).text();
    expect(html).toContain('<title>Master Services Agreement</title>');
    expect(html).toContain('lang="en-GB"');
    expect(html).toContain('href="contract.css"');
    expect(html).toMatch(/id="TOC"/);
    expect(html).toContain('class="header-section-number"');
  });

  it.skipIf(skip)(`writes tracked changes into DOCX${skipReason(backend)}`, async () => {
    const result = await convert(REDLINE, { from: 'markdown', to: 'docx', backend });
    expect(() => result.text()).toThrow(PandocConversionError);
    const xml = zipText(result.output, 'word/document.xml');
    expect(xml).toMatch(/<w:ins [^>]*w:author="Vendor"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Buyer"/);
    expect(xml).toContain('<w:delText');
    expect(xml).toContain('unlimited damages');
  });

  it.skipIf(skip)(`honours a reference document given as bytes or as a path${skipReason(backend)}`, async () => {
    const plain = await convert('# Title\n\nBody.\n', { from: 'markdown', to: 'docx', backend });
    // Build a reference doc that carries a marker style; pandoc copies the reference's styles.
    const entries = readZip(plain.output);
    const styles = entries.get('word/styles.xml')!.toString('utf8');
    const marker = '<w:style w:type="paragraph" w:customStyle="1" w:styleId="ContractsMarker"><w:name w:val="Contracts Marker"/></w:style>';
    entries.set('word/styles.xml', Buffer.from(styles.replace('</w:styles>', `${marker}</w:styles>`)));
    const referenceDoc = writeZip(entries);

    const styled = await convert('# Title\n\nBody.\n', { from: 'markdown', to: 'docx', backend, referenceDoc });
    expect(zipText(styled.output, 'word/styles.xml')).toContain('ContractsMarker');
    expect(zipText(plain.output, 'word/styles.xml')).not.toContain('ContractsMarker');

    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(await mkdtemp(join(tmpdir(), 'pandoc-test-')), 'reference.docx');
    await writeFile(path, referenceDoc);
    const fromPath = await convert('# Title\n', { from: 'markdown', to: 'docx', backend, referenceDoc: path });
    expect(zipText(fromPath.output, 'word/styles.xml')).toContain('ContractsMarker');
  });

  it.skipIf(skip)(`reads DOCX bytes back and reports warnings${skipReason(backend)}`, async () => {
    const docx = (await convert('Hello **world**.\n', { from: 'markdown', to: 'docx', backend })).output;
    const back = await convert(docx, { from: 'docx', to: 'markdown', backend });
    expect(back.text()).toContain('Hello **world**.');

    const warned = await convert('[a]: https://a.example\n[a]: https://b.example\n\n[a]\n', { from: 'markdown', to: 'html', backend });
    expect(warned.warnings).toEqual([expect.objectContaining({ type: 'DuplicateLinkReference' })]);
    expect(warned.warnings[0]?.message).toMatch(/Duplicate link reference/);
  });

  it.skipIf(skip)(`converts many documents, concurrently, in order${skipReason(backend)}`, async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => `# Clause ${i}\n`);
    const results = await convertMany(inputs, { from: 'markdown', to: 'html', backend }, { concurrency: 3 });
    for (const [i, r] of results.entries()) expect(r.text()).toContain(`Clause ${i}</h1>`);
    // Plain concurrent convert calls must not trample each other either (WASM queues them).
    const parallel = await Promise.all(inputs.map((input) => convert(input, { from: 'markdown', to: 'plain', backend })));
    for (const [i, r] of parallel.entries()) expect(r.text().trim()).toBe(`Clause ${i}`);
  });

  it.skipIf(skip)(`reports backend and version${skipReason(backend)}`, async () => {
    const info = await pandocInfo({ backend });
    expect(info.backend).toBe(backend);
    expect(info.version).toMatch(/^\d+\.\d+/);
  });
});
