import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderHtml, renderMarkdown } from '@contracts/render';
import { backends, contractFiles, htmlText, loadContract } from './helpers.js';

const typography = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/–/g, '--').replace(/—/g, '---').replace(/\s+/g, ' ').trim();

describe('HTML', () => {
  it.each(contractFiles)('%s: the built-in converter says what pandoc says', async (name) => {
    const markdown = renderMarkdown(await loadContract(name));
    const builtin = await renderHtml(markdown);
    const pandoc = await renderHtml(markdown, { engine: 'pandoc', backend: backends[0]! });
    expect(typography(htmlText(builtin))).toBe(typography(htmlText(pandoc)));
    const tags = (html: string) => [...html.matchAll(/<(h[1-6]|p|ul|li|table|tr|td|th|a|strong|em)\b[^>]*>/g)].map((m) => m[1]).join(' ');
    expect(tags(builtin)).toBe(tags(pandoc));
  });

  it('is a standalone document with print CSS and a script-blocking CSP', async () => {
    const html = await renderHtml(await loadContract('springfield-smartcam.yaml'));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<title>Connected Camera Purchase and Security Agreement</title>');
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<h2 id="incident-response">7. Incident Response</h2>');
    expect(html).toContain('<a href="#incident-response">Section 7 (Incident Response)</a>');
  });

  it('turns anything outside the subset into literal text', () => {
    expect(markdownToHtml('[x](javascript:alert(1)) <b>')).toBe('<p>[x](javascript:alert(1)) &lt;b&gt;</p>\n');
  });
});
