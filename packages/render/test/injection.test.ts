import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  MAX_PANDOC_INPUT_BYTES,
  neutralizeBidi,
  renderDocx,
  renderDocxMany,
  renderHtml,
  renderMany,
  renderMarkdown,
  type VendorAgreement,
} from '@contracts/render';
import { backends, clone, docxEngines, docxEntries, docxText, htmlText, loadContract } from './helpers.js';

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
    // The buyer's internal notes are never printed; a free-text field that is: the deployment sites.
    c.product.deployment.sites = [value];
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

  it.each(docxEngines)('DOCX (%s) shows each value as text and carries no raw OpenXML', async (_name, engine) => {
    const contracts = await variants();
    const docs = await renderDocxMany(
      contracts.map((c) => renderMarkdown(c)),
      { ...engine, concurrency: 2 },
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

describe('bidi controls in values cannot reorder the agreement', () => {
  const RLO = '\u202e';
  const value = `Acme ${RLO}gnirts\u2066x\u2069 \u200fCo`;

  it.each(docxEngines)('are shown as ⟨U+…⟩ and never reach Markdown, HTML or DOCX (%s)', async (_name, engine) => {
    const contract = clone(await loadContract('springfield-smartcam.yaml'));
    contract.parties.vendor.name = value;
    contract.title = `Agreement ${RLO}with Acme`;
    const md = renderMarkdown(contract);
    const html = await renderHtml(contract);
    const [docx] = await renderMany([contract], 'docx', engine);
    const shown = 'Acme ⟨U+202E⟩gnirts⟨U+2066⟩x⟨U+2069⟩ Co';
    for (const [format, text] of [
      ['md', md.replace(/\\(.)/g, '$1')],
      ['html', htmlText(html)],
      ['docx', docxText(docx as Uint8Array)],
    ] as const) {
      expect(text, format).toContain(shown);
      expect(text, format).toContain('Agreement ⟨U+202E⟩with Acme');
      expect(text, format).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    }
  });

  it('are neutralised in template text too (a template from a pull request)', () => {
    expect(neutralizeBidi(`a${RLO}b\u200ec`)).toBe('a⟨U+202E⟩bc');
  });
});

describe('long values stay cheap to convert', () => {
  it.each(docxEngines)('a 200 KB field value renders to DOCX with every word kept (%s: linear)', async (_name, engine) => {
    const contract = clone(await loadContract('springfield-smartcam.yaml'));
    const words = 'The vendor shall notify the buyer promptly, and (in any event) within 72 hours; see clause 5.1. ';
    contract.product.deployment.sites = [`${words.repeat(2100)}END-OF-NOTES`];
    const [docx] = await renderMany([contract], 'docx', engine);
    const text = docxText(docx as Uint8Array).replace(/\s+/g, ' ');
    expect(text).toContain(`${words.repeat(3).trim()} `);
    expect(text).toContain('5.1. END-OF-NOTES');
    expect(text.split('within 72 hours').length - 1).toBe(2100);
  });

  it('an agreement over the pandoc limit stops with one render/too-large line', async () => {
    const markdown = `# T\n\n${'word '.repeat(MAX_PANDOC_INPUT_BYTES / 4)}\n`;
    const error = await renderDocx(markdown, { backend: backends[0]! }).catch((e: { code: string; message: string }) => e);
    expect(error).toMatchObject({ code: 'render/too-large', exitCode: 2 });
    expect((error as Error).message).toMatch(
      /^The agreement is \d+ KB of Markdown; DOCX and PDF conversion takes at most 512 KB\. Its longest paragraph \(line 3, \d+ KB\) begins "word word/,
    );
    expect((error as Error).message).not.toContain('\n');
  });
});
