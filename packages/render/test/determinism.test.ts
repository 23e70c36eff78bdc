import { describe, expect, it } from 'vitest';
import { normalizeDocx, renderDocx, renderHtml, renderMarkdown, resolveEpoch } from '@contracts/render';
import { backends, contractFiles, docxEngines, docxEntries, loadContract } from './helpers.js';

describe('deterministic output', () => {
  it('renders identical Markdown and HTML twice', async () => {
    for (const name of contractFiles) {
      const contract = await loadContract(name);
      expect(renderMarkdown(contract)).toBe(renderMarkdown(structuredClone(contract)));
      expect(await renderHtml(contract)).toBe(await renderHtml(structuredClone(contract)));
    }
  });

  it.each(docxEngines)('renders byte-identical DOCX twice with the %s, dated SOURCE_DATE_EPOCH', async (_name, engine) => {
    const markdown = renderMarkdown(await loadContract('springfield-smartcam.yaml'));
    const epoch = resolveEpoch(undefined, { SOURCE_DATE_EPOCH: '1767225600' }); // 2026-01-01T00:00:00Z
    const first = await renderDocx(markdown, { epoch, ...engine });
    await new Promise((r) => setTimeout(r, 1100)); // pandoc's clock moves on; the output must not
    const second = await renderDocx(markdown, { epoch, ...engine });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const core = docxEntries(first)['docProps/core.xml']!;
    expect(core).toContain('2026-01-01T00:00:00Z');
    expect(Object.keys(docxEntries(first))[0]).toBe('[Content_Types].xml');
  });

  it('takes the epoch from SOURCE_DATE_EPOCH, else the effective date, else 1980-01-01', () => {
    expect(resolveEpoch('2026-07-01', { SOURCE_DATE_EPOCH: '1700000000' })).toBe(1700000000);
    expect(resolveEpoch('2026-07-01', {})).toBe(Date.UTC(2026, 6, 1) / 1000);
    expect(resolveEpoch(undefined, {})).toBe(315532800);
  });

  it('normalises the same DOCX content the same way regardless of input timestamps', async () => {
    const markdown = '# T\n\nBody.\n';
    const a = await renderDocx(markdown, { epoch: 1_000_000_000, backend: backends[0]! });
    expect(Buffer.from(normalizeDocx(a, 1_000_000_000)).equals(Buffer.from(a))).toBe(true);
  });
});
