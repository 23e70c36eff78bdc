import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, type VendorAgreement } from '@contracts/render';
import { backends, clone, loadContract } from './helpers.js';

// Optional: parse the HTML in a real browser when Chromium is installed (playwright-core drives it).
const chromiumPath = process.env['CONTRACTS_CHROMIUM_PATH'] || '/usr/bin/chromium';
const INJECTIONS = ['<script>alert(1)</script>', '[x](javascript:alert(1))', '<img src=x onerror=alert(1)>', '`x`{=html}'];

describe.skipIf(!existsSync(chromiumPath))('HTML in a browser', () => {
  let browser: import('playwright-core').Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });
  afterAll(async () => browser?.close());

  it('has no script, event handler or javascript: link, and shows each value as text', async () => {
    const base = await loadContract('springfield-smartcam.yaml');
    const page = await browser.newPage({ javaScriptEnabled: true });
    for (const value of INJECTIONS) {
      const contract: VendorAgreement = clone(base);
      contract.parties.vendor.name = value;
      contract.product.name = value;
      contract.product.deployment.sites = [value];
      for (const engine of ['builtin', 'pandoc'] as const) {
        const html = await renderHtml(contract, { engine, backend: backends[0]! });
        await page.setContent(html);
        const found = await page.evaluate(() => ({
          scripts: document.querySelectorAll('script').length,
          images: document.querySelectorAll('img').length,
          handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
          jsLinks: [...document.querySelectorAll('a')].filter((a) => a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript')).length,
          h2: [...document.querySelectorAll('h2')].map((h) => h.textContent),
          product: [...document.querySelectorAll('p')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ')).find((t) => t.includes('Product means')),
        }));
        expect(found, `${engine} ${value}`).toMatchObject({ scripts: 0, images: 0, handlers: 0, jsLinks: 0 });
        expect(found.h2).toContain('7. Incident Response');
        expect(found.product).toContain(`Product means ${value}, including`);
      }
    }
    await page.close();
  });
});
