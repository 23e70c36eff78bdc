/**
 * Choosing the DOCX engine, and what the built-in writer does with what it does not write itself:
 * Markdown beyond its subset and reference documents it cannot use go to pandoc with no difference
 * in the result; a user's reference document keeps its headers, footers, media, page setup and
 * settings exactly as pandoc keeps them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { beyondSubset, referenceDocPath, renderDocx, renderMany, resolveDocxEngine } from '@contracts/render';
import { backends, docxEntries, loadContract } from './helpers.js';
import { hasLibreOffice } from './support/libreoffice.js';

const EPOCH = 1_779_098_400;
const backend = backends[0]!;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

// Each is one construct the built-in writer leaves to pandoc, with the line it is on.
const BEYOND: [string, string, number][] = [
  ['a footnote', '# T\n\nText.[^1]\n\n[^1]: The note.\n', 3],
  ['a block quote', '# T\n\n> Quoted.\n', 3],
  ['a nested list', '# T\n\n- a\n  - b\n', 3],
  ['a loose list', '# T\n\n- a\n\n- b\n', 3],
  ['a heading without a blank line before it', '# T\n\nText\n## Not a heading\n', 4],
  ['smallcaps', '# T\n\n[Small]{.smallcaps} caps.\n', 3],
  ['an HTML entity', '# T\n\nAT&amp;T\n', 3],
  ['an image', '# T\n\n![logo](logo.png)\n', 3],
  ['emphasis with underscores', '# T\n\n_emphasis_\n', 3],
  ['a hard line break (two trailing spaces)', '# T\n\nline  \nbreak\n', 3],
  ['a link to an address the subset does not take', '# T\n\n[x](ftp://example.com)\n', 3],
  ['a fenced code block', '# T\n\n```\ncode\n```\n', 3],
];

describe('DOCX engine choice', () => {
  it('is the built-in writer unless the docxEngine option or CONTRACTS_DOCX_ENGINE says pandoc; anything else is one clear line', () => {
    expect(resolveDocxEngine(undefined, {})).toBe('builtin');
    expect(resolveDocxEngine(undefined, { CONTRACTS_DOCX_ENGINE: 'pandoc' })).toBe('pandoc');
    expect(resolveDocxEngine('builtin', { CONTRACTS_DOCX_ENGINE: 'pandoc' })).toBe('builtin');
    expect(() => resolveDocxEngine('word', {})).toThrow(expect.objectContaining({ code: 'render/bad-docx-engine', exitCode: 2 }));
    expect(() => resolveDocxEngine(undefined, { CONTRACTS_DOCX_ENGINE: 'wasm' })).toThrow(/^Unknown DOCX engine "wasm" .*use one of builtin, pandoc\.$/);
  });

  it('CONTRACTS_DOCX_ENGINE=pandoc makes renderMany convert with pandoc', async () => {
    const contract = await loadContract('springfield-smartcam.yaml');
    const [viaPandoc] = await renderMany([contract], 'docx', { docxEngine: 'pandoc', backend, epoch: EPOCH });
    process.env['CONTRACTS_DOCX_ENGINE'] = 'pandoc';
    try {
      const [fromEnv] = await renderMany([contract], 'docx', { backend, epoch: EPOCH });
      expect(same(fromEnv as Uint8Array, viaPandoc as Uint8Array)).toBe(true);
    } finally {
      delete process.env['CONTRACTS_DOCX_ENGINE'];
    }
    const [builtin] = await renderMany([contract], 'docx', { backend, epoch: EPOCH });
    expect(same(builtin as Uint8Array, viaPandoc as Uint8Array)).toBe(false);
  });
});

describe('Markdown beyond the built-in writer’s subset', () => {
  it.each(BEYOND)('%s: is found, with its line, and converted by pandoc byte for byte', async (construct, markdown, line) => {
    expect(beyondSubset(markdown)).toEqual({ line, construct: expect.stringContaining(construct) });
    const [ours, theirs] = await Promise.all([
      renderDocx(markdown, { epoch: EPOCH, backend }),
      renderDocx(markdown, { epoch: EPOCH, backend, docxEngine: 'pandoc' }),
    ]);
    expect(same(ours, theirs)).toBe(true);
  });
});

/** Our reference document with a header, a footer, a logo, an A4 page and hyphenation settings. */
function referenceWithLayout(): Uint8Array {
  const entries = unzipSync(readFileSync(referenceDocPath()));
  const w =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  entries['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:hdr ${w}><w:p><w:r><w:t>CONFIDENTIAL DRAFT</w:t></w:r></w:p></w:hdr>`);
  entries['word/footer1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><w:ftr ${w}><w:p><w:r><w:t>City of Springfield Procurement</w:t></w:r></w:p></w:ftr>`,
  );
  // A 1×1 PNG, as a logo a header would show.
  entries['word/media/logo.png'] = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  entries['word/_rels/header1.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/></Relationships>',
  );
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = strFromU8(entries['word/_rels/document.xml.rels']!);
  entries['word/_rels/document.xml.rels'] = strToU8(
    rels.replace(
      '</Relationships>',
      `${rel('rId40', 'header', 'header1.xml')}${rel('rId41', 'footer', 'footer1.xml')}${rel('rId42', 'image', 'media/logo.png')}</Relationships>`,
    ),
  );
  const sectPr =
    '<w:sectPr><w:headerReference w:type="default" r:id="rId40"/><w:footerReference w:type="default" r:id="rId41"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>';
  entries['word/document.xml'] = strToU8(strFromU8(entries['word/document.xml']!).replace(/<w:sectPr\s*\/>/, sectPr));
  const settings = strFromU8(entries['word/settings.xml']!);
  entries['word/settings.xml'] = strToU8(settings.replace('<w:defaultTabStop w:val="720" />', '<w:defaultTabStop w:val="709" /><w:autoHyphenation />'));
  return zipSync(entries);
}

const elements = (xml: string) =>
  [...xml.matchAll(/<([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*\/?>/g)].map((m) => `${m[1]} ${[...m[2]!.matchAll(/[\w:]+="[^"]*"/g)].sort().join(' ')}`);
const children = (xml: string) => [...xml.matchAll(/<w:(\w+)\b/g)].map((m) => m[1]).filter((n) => n !== 'settings');

describe('a reference document with its own page layout', () => {
  it('keeps headers, footers, media, page size, margins and settings as pandoc keeps them', async () => {
    const referenceDoc = referenceWithLayout();
    const markdown = '# Agreement\n\nText of the agreement.\n';
    const [ours, theirs] = await Promise.all(
      (['builtin', 'pandoc'] as const).map((docxEngine) => renderDocx(markdown, { epoch: EPOCH, referenceDoc, docxEngine, backend: 'wasm' })),
    );
    const [a, b] = [docxEntries(ours), docxEntries(theirs)];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const part of ['word/header1.xml', 'word/footer1.xml', 'word/_rels/header1.xml.rels']) expect(a[part], part).toBe(b[part]);
    const sectPr = (xml: string) => elements(/<w:sectPr[\s\S]*<\/w:sectPr>/.exec(xml)![0]);
    expect(sectPr(a['word/document.xml']!)).toEqual(sectPr(b['word/document.xml']!));
    const targets = (rels: string, ids: string[]) =>
      ids.map((id) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.slice(1).find(Boolean));
    expect(targets(a['word/_rels/document.xml.rels']!, ['rId40', 'rId41', 'rId42'])).toEqual(['header1.xml', 'footer1.xml', 'media/logo.png']);
    expect(targets(b['word/_rels/document.xml.rels']!, ['rId40', 'rId41', 'rId42'])).toEqual(['header1.xml', 'footer1.xml', 'media/logo.png']);
    expect(elements(a['[Content_Types].xml']!).sort()).toEqual(elements(b['[Content_Types].xml']!).sort());
    expect(children(a['word/settings.xml']!)).toEqual(children(b['word/settings.xml']!));
    expect(a['word/settings.xml']).toContain('<w:autoHyphenation />');
  });

  it('falls back to pandoc, byte for byte, when the reference lacks a part pandoc takes from its own defaults', async () => {
    const entries = unzipSync(readFileSync(referenceDocPath()));
    delete entries['word/theme/theme1.xml'];
    const referenceDoc = zipSync(entries);
    const [ours, theirs] = await Promise.all(
      (['builtin', 'pandoc'] as const).map((docxEngine) => renderDocx('# T\n\nText.\n', { epoch: EPOCH, referenceDoc, docxEngine, backend })),
    );
    expect(same(ours, theirs)).toBe(true);
  });

  it.skipIf(!hasLibreOffice || spawnSync('pdftotext', ['-v']).status !== 0)(
    'prints the header and footer on an A4 page in LibreOffice',
    { timeout: 300_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'docx-layout-'));
      try {
        const docx = await renderDocx('# Agreement\n\nText of the agreement.\n', { epoch: EPOCH, referenceDoc: referenceWithLayout() });
        writeFileSync(join(dir, 'a.docx'), docx);
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'a.docx')],
          {
            timeout: 240_000,
            stdio: 'ignore',
          },
        );
        const text = execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
        expect(text).toMatch(/CONFIDENTIAL DRAFT[\s\S]*Text of the agreement[\s\S]*City of Springfield Procurement/);
        expect(execFileSync('pdfinfo', [join(dir, 'a.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
