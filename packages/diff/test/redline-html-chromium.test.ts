/**
 * The HTML redline judged in Chromium (playwright-core) and by axe-core: the cover page is a table whose
 * changed cells hold <ins>/<del>, headings keep their numbers, no Markdown shows, no serious or critical
 * accessibility violation. And a text judge over the generated corpus the DOCX judge uses: with every
 * <del> removed and <ins> unwrapped the redline reads as `renderHtml` of the later round, with the reverse
 * as the earlier round; the Markdown redline, converted by pandoc, the same against pandoc's HTML of each
 * round's `render --to md`. Screenshots go to test-artifacts/redline-html/ (and, with
 * UPDATE_SCREENSHOTS=1, to docs/redline-html.png).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VendorAgreement } from '@contracts/core';
import { convert, pandocInfo } from '@contracts/pandoc';
import { loadPlaybook } from '@contracts/playbook';
import { renderAgreement, renderHtml, renderMarkdown } from '@contracts/render';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRedline, diffStructured, redlineHtml, redlineStats, toRedlineMarkdown, type Redline } from '../src/index.js';
import { bundledContract, demoRounds, moveClause, roundPairs } from './support/round-pairs.js';

const CHROMIUM = process.env.CONTRACTS_CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const root = fileURLToPath(new URL('../../../', import.meta.url));
const ARTIFACTS = join(root, 'test-artifacts/redline-html');
const BY = { author: 'Marcus Lee (Acme Cameras)', date: '2026-05-18T10:00:00Z' };
/** Markdown that must never reach a reader. */
const MARKDOWN = ['**', '](#', '|:--', '{.', '{#', ':::'];

let browser: Browser;
let context: BrowserContext;
let page: Page;

// The redline's own CSP forbids every script; axe is injected past it (bypassCSP), nothing else runs.
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1000, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => browser?.close());

const redlineOf = (from: object, to: object, playbook?: Parameters<typeof buildRedline>[2]['playbook']) =>
  buildRedline(
    { contract: from as VendorAgreement, label: 'round-2 (047d781)' },
    { contract: to as VendorAgreement, label: 'round-3 (6e8024c)' },
    { by: BY, ...(playbook ? { playbook } : {}) },
  );

/**
 * The text of `main` (whitespace normalised) as it stands, after accepting every change and after
 * rejecting every change, leaving out `skip` (the redline's header).
 */
async function texts(html: string, marks: { ins: string; del: string }, skip?: string) {
  await page.setContent(html);
  return page.evaluate(
    ({ marks, skip }) => {
      const read = (how: 'shown' | 'accept' | 'reject') => {
        const main = (document.querySelector('main') ?? document.body).cloneNode(true) as HTMLElement;
        if (skip) for (const e of main.querySelectorAll(skip)) e.remove();
        const [drop, keep] = how === 'accept' ? [marks.del, marks.ins] : how === 'reject' ? [marks.ins, marks.del] : ['', ''];
        if (drop) for (const e of main.querySelectorAll(drop)) e.remove();
        if (keep) for (const e of main.querySelectorAll(keep)) e.replaceWith(...e.childNodes);
        return (main.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      return { shown: read('shown'), accepted: read('accept'), rejected: read('reject') };
    },
    { marks, skip },
  );
}

/** '' when the texts agree, else the words around the first place they part (what a failure shows). */
function difference(expected: string, actual: string): string {
  if (expected === actual) return '';
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const from = Math.max(0, at - 80);
  return `expected …${expected.slice(from, at + 80)}… but got …${actual.slice(from, at + 80)}…`;
}

const HTML_MARKS = { ins: 'ins', del: 'del' };
const PANDOC_MARKS = { ins: 'span.insertion', del: 'span.deletion' };
const mainText = async (html: string, skip?: string) => (await texts(html, { ins: '', del: '' }, skip)).shown;

describe.skipIf(!existsSync(CHROMIUM))('the HTML redline in Chromium', () => {
  let demo: Redline;
  let removal: Redline;
  let move: { redline: Redline; earlier: string; later: string };
  beforeAll(async () => {
    const { playbook } = await loadPlaybook();
    const pair = demoRounds();
    demo = redlineOf(pair.from, pair.to, playbook);
    const from = bundledContract('springfield-smartcam');
    const to = structuredClone(from);
    to.terms.audit.onSite = false;
    removal = redlineOf(from, to, playbook);
    // A clause moved (no template reorders today, so the later round's Markdown is reordered by hand).
    const { anchored, anchors } = renderAgreement(from as VendorAgreement);
    const later = moveClause(anchored, 'Content of notice.', 'Costs of remediation.').markdown;
    const blocks = diffStructured(anchored, later, { oldAnchors: anchors, newAnchors: anchors });
    move = {
      redline: { ...removal, blocks, anchoredMarkdown: toRedlineMarkdown(blocks, BY), stats: redlineStats(blocks), positions: [] },
      earlier: await renderHtml(anchored),
      later: await renderHtml(later),
    };
  });

  it('marks a moved clause where it was and where it is, each id once, and reads as each round', async () => {
    const html = redlineHtml(move.redline);
    const judged = await texts(html, HTML_MARKS, '.redline-summary');
    expect(difference(await mainText(move.later), judged.accepted), 'accept all').toBe('');
    expect(difference(await mainText(move.earlier), judged.rejected), 'reject all').toBe('');
    await page.setContent(html);
    const found = await page.evaluate(() => ({
      from: document.querySelector('.redline-moved-from del.moved-from')?.textContent?.slice(0, 22),
      to: document.querySelector('.redline-moved-to ins.moved-to')?.textContent?.slice(0, 22),
      label: getComputedStyle(document.querySelector('.redline-moved-from')!, '::before').content,
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    }));
    // The Markdown was reordered by hand, so the clause keeps its number: the move is what is marked.
    expect(found).toMatchObject({ from: expect.stringMatching(/^\d+\.2 Content of notice\./), label: '"Moved from here"' });
    expect(found.to).toBe(found.from);
    expect(new Set(found.ids).size).toBe(found.ids.length);
  });

  it('is the contract with its changes marked: a cover-page table with <ins>/<del> in cells, numbered headings, no Markdown', async () => {
    for (const redline of [demo, removal]) {
      await page.setContent(redlineHtml(redline));
      const found = await page.evaluate(() => {
        const cover = [...document.querySelectorAll('main table')].find((t) => t.textContent?.includes('Agreed position'));
        const cell = (label: string) => [...(cover?.querySelectorAll('tr') ?? [])].find((tr) => tr.cells[0]?.textContent?.trim() === label)?.cells[1];
        const notice = cell('Incident notice');
        const accepted = (e: Element) => {
          const copy = e.cloneNode(true) as Element;
          for (const d of copy.querySelectorAll('del')) d.remove();
          return copy.textContent?.trim() ?? '';
        };
        return {
          cover: cover?.tagName,
          noticeMarks: notice ? [notice.querySelectorAll('ins').length, notice.querySelectorAll('del').length] : [],
          headings: [...document.querySelectorAll('main h2[id]')].map(accepted),
          text: document.querySelector('main')?.textContent ?? '',
          summary: [...document.querySelectorAll('.redline-summary table th[scope="col"]')].map((th) => th.textContent),
          caption: document.querySelector('.redline-summary caption')?.textContent,
        };
      });
      expect(found.cover).toBe('TABLE');
      expect(found.summary).toEqual(['Term', 'Was', 'Now', 'Direction']);
      expect(found.caption).toContain('Position changes');
      expect(
        found.headings.filter((h) => !/^Cover Page$|^Signatures$/.test(h)).every((h) => /^\d+\. \S/.test(h)),
        JSON.stringify(found.headings),
      ).toBe(true);
      for (const md of MARKDOWN) expect(found.text, md).not.toContain(md);
      if (redline === demo) expect(found.noticeMarks).toEqual([1, 1]); // 24 → 48 hours, in the table cell
    }
    // The removed clause: struck as a whole, in a marked block; the next clauses only renumbered.
    await page.setContent(redlineHtml(removal));
    const audit = await page.evaluate(() => ({
      removed: document.querySelector('.redline-deleted del')?.textContent?.slice(0, 30),
      renumbered: [...document.querySelectorAll('#audit ~ div p > strong:first-child')].slice(0, 3).map((s) => s.innerHTML),
    }));
    expect(audit.removed).toMatch(/^\d+\.1 On-site audit\. The Buyer,/);
    const section = audit.removed!.split('.')[0];
    expect(audit.renumbered[0]).toMatch(new RegExp(`^${section}\\.<del [^>]*>2</del><ins [^>]*>1</ins>$`));
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const report: Record<string, string[]> = {};
    for (const [name, redline] of [
      ['round-2 → round-3', demo],
      ['clause removed', removal],
      ['clause moved', move.redline],
    ] as const) {
      await page.setContent(redlineHtml(redline));
      await page.addScriptTag({ path: axe });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      report[name] = violations.map((v: { id: string; impact: string; nodes: number }) => `${v.id} (${v.impact}, ${v.nodes})`);
      expect(violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    }
    console.log(`axe-core: ${JSON.stringify(report)}`);
  });

  it('screenshots the round-2 → round-3 redline and a clause removal', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = async (redline: Redline, from: string, to: string, file: string) => {
      await page.setContent(redlineHtml(redline));
      const box = await page.evaluate(
        ({ from, to }) => {
          const top = document.querySelector(from)!.getBoundingClientRect().top + window.scrollY;
          const bottom = document.querySelector(to)!.getBoundingClientRect().top + window.scrollY;
          const main = document.querySelector('main')!.getBoundingClientRect();
          return { x: main.left, y: Math.max(0, top - 16), width: main.width, height: bottom - top + 16 };
        },
        { from, to },
      );
      const png = await page.screenshot({ clip: box, fullPage: true });
      writeFileSync(join(ARTIFACTS, file), png);
      return png;
    };
    const demoShot = await shot(demo, '.redline-summary', 'main > h3', 'round-2-to-3.png');
    const removalShot = await shot(removal, '#audit', '#remote-access', 'clause-removed.png');
    // One picture for the README: both side by side.
    const img = (png: Buffer, caption: string) =>
      `<figure><figcaption>${caption}</figcaption><img alt="" src="data:image/png;base64,${png.toString('base64')}"></figure>`;
    await page.setContent(
      `<body style="margin:0;display:flex;gap:16px;align-items:flex-start;background:#d9d9d6;font:14px sans-serif"><style>figure{margin:12px}img{width:640px;display:block;border:1px solid #999}</style>${img(demoShot, 'Round 2 → round 3: the position changes, and the cover page with the changed values marked')}${img(removalShot, 'A clause removed: struck as a whole, the clauses after it renumbered')}</body>`,
    );
    const both = await page.screenshot({ fullPage: true });
    writeFileSync(join(ARTIFACTS, 'redline-html.png'), both);
    if (process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(join(root, 'docs/redline-html.png'), both);
    console.log(`screenshots: ${ARTIFACTS}/{round-2-to-3,clause-removed,redline-html}.png`);
    expect(both.length).toBeGreaterThan(10_000);
  });

  const PAIRS = roundPairs(Number(process.env.REDLINE_CORPUS_PER_CONTRACT ?? 18));
  it(`reads as the later round with the changes accepted and as the earlier with them rejected, for all ${PAIRS.length} round pairs of the corpus`, async () => {
    let passed = 0;
    for (const pair of PAIRS) {
      const redline = redlineOf(pair.from, pair.to);
      const [earlier, later] = await Promise.all([renderHtml(pair.from as VendorAgreement), renderHtml(pair.to as VendorAgreement)]);
      const judged = await texts(redlineHtml(redline), HTML_MARKS, '.redline-summary');
      expect(difference(await mainText(later), judged.accepted), `${pair.id}: accept all`).toBe('');
      expect(difference(await mainText(earlier), judged.rejected), `${pair.id}: reject all`).toBe('');
      for (const md of MARKDOWN) expect(judged.shown, `${pair.id}: ${md}`).not.toContain(md);
      passed++;
    }
    console.log(`HTML redline text judge: ${passed}/${PAIRS.length} round pairs pass`);
  });

  it.skipIf(!existsSync('/usr/bin/pandoc'))(
    `gives the Markdown redline that pandoc reads as each round, for all ${PAIRS.length} round pairs`,
    async () => {
      await pandocInfo({ backend: 'system' });
      // Many pairs share a round (the bundled contract unedited): each Markdown is converted once.
      const converted = new Map<string, Promise<string>>();
      const html = (markdown: string) => {
        if (!converted.has(markdown))
          converted.set(
            markdown,
            convert(markdown, { from: 'markdown', to: 'html5', backend: 'system' }).then((r) => r.text()),
          );
        return converted.get(markdown)!;
      };
      let passed = 0;
      for (const pair of PAIRS) {
        const redline = redlineOf(pair.from, pair.to);
        const [judged, earlier, later] = await Promise.all([
          html(redline.markdown),
          html(renderMarkdown(pair.from as VendorAgreement)),
          html(renderMarkdown(pair.to as VendorAgreement)),
        ]);
        const seen = await texts(judged, PANDOC_MARKS);
        expect(difference(await mainText(later), seen.accepted), `${pair.id}: accept all`).toBe('');
        expect(difference(await mainText(earlier), seen.rejected), `${pair.id}: reject all`).toBe('');
        for (const md of MARKDOWN) expect(seen.shown, `${pair.id}: ${md}`).not.toContain(md);
        passed++;
      }
      console.log(`Markdown redline through pandoc, text judge: ${passed}/${PAIRS.length} round pairs pass`);
      // About 110 pandoc conversions: a minute on an idle 2-core machine, more while other suites run.
    },
    300_000,
  );
});
