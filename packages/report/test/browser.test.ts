import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's generator is plain JavaScript
import { generateContracts } from '../../../bench/lib/generate-contracts.mjs';
import type { TestRepo } from '../../cli/test/git-fixture.js';
import { runCli } from '../../cli/test/run-cli.js';
import { portfolioRepo, REPORT_EPOCH } from './portfolio-repo.js';

// The judge of the HTML: Debian's Chromium (through playwright-core) and axe-core, on the site opened
// from disk, as a reader would open it from a file share.
const chromiumPath = process.env.CONTRACTS_CHROMIUM_PATH || '/usr/bin/chromium';
const missing = existsSync(chromiumPath)
  ? undefined
  : `Chromium not found at ${chromiumPath}; install it (apt-get install chromium) or set CONTRACTS_CHROMIUM_PATH`;
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(missing !== undefined)(missing ? `the report in Chromium (skipped: ${missing})` : 'the report in Chromium, opened from file://', () => {
  let repo: TestRepo;
  let out: string;
  let browser: Browser;
  let manifest: { agreements: { key: string; file: string; vendor: string; buyer: string; summary: { walkAway: number }; rounds: unknown[] }[] };
  const url = (path: string) => pathToFileURL(join(out, path)).href;
  const visibleRows = (page: Page) =>
    page.$$eval('#portfolio tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.querySelector('th a')!.textContent));
  const problems: string[] = [];

  async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`${path}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
    await page.goto(url(path));
    return page;
  }

  beforeAll(async () => {
    repo = portfolioRepo();
    out = mkdtempSync(join(tmpdir(), 'contracts-report-browser-'));
    const r = await runCli(['report', '--out', out], { cwd: repo.dir, env: { ...repo.env, SOURCE_DATE_EPOCH: REPORT_EPOCH }, timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    manifest = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    repo?.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('sorts by a column from its header, by mouse or keyboard, announcing the order with aria-sort', async () => {
    const page = await open('index.html');
    await page.screenshot({ path: join(ARTIFACTS, 'portfolio.png'), fullPage: true });
    const sortOf = (key: string) => page.getAttribute(`th[data-key="${key}"]`, 'aria-sort');
    expect(await sortOf('days')).toBe('descending'); // the page's own order: longest idle first
    await page.click('th[data-key="walk-away"] button');
    expect(await sortOf('walk-away')).toBe('descending');
    expect(await sortOf('days')).toBeNull();
    const byWalkAway = [...manifest.agreements].sort((a, b) => b.summary.walkAway - a.summary.walkAway)[0]!;
    expect((await visibleRows(page))[0]).toBe(titleOf(byWalkAway.key));
    await page.focus('th[data-key="vendor"] button');
    await page.keyboard.press('Enter');
    expect(await sortOf('vendor')).toBe('ascending');
    const vendors = await page.$$eval('#portfolio tbody tr td:nth-of-type(1)', (cells) => cells.map((c) => c.textContent));
    expect(vendors).toEqual([...manifest.agreements.map((a) => a.vendor)].sort((a, b) => a.localeCompare(b)));
    expect(new URL(page.url()).hash).toBe('#sort=vendor&dir=asc');
    await page.reload();
    expect(await sortOf('vendor')).toBe('ascending');
    await page.context().close();
  });

  it('filters by search, buyer and standing, keeps the view in the URL, and a reload restores it', async () => {
    const page = await open('index.html');
    await page.fill('#f-q', 'acme');
    expect(await visibleRows(page)).toEqual(['Connected Camera Purchase and Security Agreement']);
    expect(await page.textContent('#status')).toBe('Showing 1 of 3 agreements.');
    expect(new URL(page.url()).hash).toBe('#q=acme');
    await page.reload();
    expect(await page.inputValue('#f-q')).toBe('acme');
    expect(await visibleRows(page)).toEqual(['Connected Camera Purchase and Security Agreement']);

    await page.click('button[name="clear"]');
    expect(await visibleRows(page)).toHaveLength(3);
    expect(new URL(page.url()).hash).toBe('');
    await page.check('#f-walk-away');
    const withWalkAway = manifest.agreements.filter((a) => a.summary.walkAway > 0).map((a) => titleOf(a.key));
    expect((await visibleRows(page)).sort()).toEqual(withWalkAway.sort());
    await page.selectOption('#f-buyer', 'City of Springfield');
    expect(await visibleRows(page)).toEqual([]);
    expect(await page.textContent('#status')).toBe('Showing 0 of 3 agreements.');
    const shared = page.url();
    expect(new URL(shared).hash).toBe('#buyer=City+of+Springfield&only=walk-away');
    await page.screenshot({ path: join(ARTIFACTS, 'portfolio-filtered.png') });

    // A shared link opens the same view in a new tab.
    const other = await (await browser.newContext()).newPage();
    await other.goto(shared);
    expect(await other.inputValue('#f-buyer')).toBe('City of Springfield');
    expect(await other.isChecked('#f-walk-away')).toBe(true);
    expect(await visibleRows(other)).toEqual([]);
    await other.context().close();

    // The quick links at the top are filtered views too.
    await page.click('button[name="clear"]');
    await page.click('a[href="#only=risk"]');
    expect(await page.isChecked('#f-risk')).toBe(true);
    await page.context().close();
  });

  it('follows a link to an agreement page whose charts have one point per round', async () => {
    const page = await open('index.html');
    await page.click('a[href="agreements/springfield-smartcam.html"]');
    expect(page.url()).toBe(url('agreements/springfield-smartcam.html'));
    expect(await page.textContent('h1')).toBe('Connected Camera Purchase and Security Agreement');
    const rounds = manifest.agreements.find((a) => a.key === 'springfield-smartcam')!.rounds.length;
    expect(rounds).toBe(3);
    const notice = page.locator('figure.chart', { hasText: 'Vendor breach notice to buyer' });
    expect(await notice.locator('circle.point').count()).toBe(rounds);
    expect(await notice.locator('circle.point').evaluateAll((c) => c.map((p) => p.getAttribute('data-round')))).toEqual(['1', '2', '3']);
    expect(await notice.locator('svg').getAttribute('role')).toBe('img');
    expect(await notice.locator('svg desc').textContent()).toMatch(
      /^round 1: 168 hours \(walk-away\); round 2: 24 hours \(preferred\); round 3: 48 hours \(fallback\)\./,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'agreement.png'), fullPage: true });
    await page.click('a:text("Redline round-2 → round-3")');
    expect(page.url()).toBe(url('agreements/springfield-smartcam.redline.html'));
    await page.goBack();
    await page.click('a:text("The contract as rendered (current version)")');
    expect(page.url()).toBe(url('agreements/springfield-smartcam.contract.html'));
    await page.context().close();
  });

  it('filters to the agreements with wording to review, and shows that wording for counsel on the agreement page', async () => {
    const page = await open('index.html');
    await page.check('#f-wording');
    expect(await visibleRows(page)).toEqual(['Connected Camera Purchase and Security Agreement']);
    expect(new URL(page.url()).hash).toBe('#only=wording');
    await page.reload();
    expect(await page.isChecked('#f-wording')).toBe(true);
    await page.click('a:text("3 to review, 2 to settle, 3 comments")');
    expect(page.url()).toBe(`${url('agreements/springfield-smartcam.html')}#wording`);
    const section = page.locator('section.wording');
    expect(await section.locator('h3').evaluateAll((hs) => hs.map((h) => h.firstChild!.textContent!.trim()))).toEqual([
      'Cover page, “Cyber insurance”',
      'Cover page, “Data return”',
      'Clause 12.4 (Costs)',
      'Clause 7.1 (Notice)',
    ]);
    const unsettled = page.locator('tr.disputed', { hasText: 'Cyber insurance per claim' });
    expect(await unsettled.locator('.tier').textContent()).toBe('Counsel to settle');
    await section.nth(2).screenshot({ path: join(ARTIFACTS, 'agreement-wording-entry.png') });
    await unsettled.screenshot({ path: join(ARTIFACTS, 'agreement-unsettled-term.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'agreement-wording.png'), fullPage: true });
    // The clause's link lands on it in the rendered contract.
    await page.click('a:text("Clause 12.4 (Costs) as rendered")');
    expect(page.url()).toMatch(/springfield-smartcam\.contract\.html#_c[0-9a-f_]+$/);
    expect(await page.evaluate(() => document.getElementById(location.hash.slice(1))?.textContent)).toContain('The Buyer bears the costs of every audit.');
    await page.context().close();
  });

  it('shows a large portfolio a page of rows at a time, every match on "Show all", in the URL too', async () => {
    const big = mkdtempSync(join(tmpdir(), 'contracts-report-big-'));
    generateContracts(join(big, 'contracts'), 120);
    const r = await runCli(['report', '--out', join(big, 'site')], { cwd: big, env: { SOURCE_DATE_EPOCH: REPORT_EPOCH }, timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(big, 'site', 'index.html')).href);
    const shown = () => page.$$eval('#portfolio tbody tr', (rows) => rows.filter((row) => !(row as HTMLElement).hidden).length);
    expect(await shown()).toBe(50);
    expect(await page.textContent('#status')).toBe('Showing the first 50 of all 120 agreements.');
    await page.click('#more');
    expect(await shown()).toBe(120);
    expect(new URL(page.url()).hash).toBe('#all=1');
    expect(await page.isVisible('#more')).toBe(false);
    await page.fill('#f-q', 'bench-0001');
    expect(await page.textContent('#status')).toBe('Showing 10 of 120 agreements.'); // bench-00010 … bench-00019
    await page.close();
    rmSync(big, { recursive: true, force: true });
  });

  it('is a plain, complete table without JavaScript', async () => {
    const page = await open('index.html', { javaScriptEnabled: false });
    expect(await page.isVisible('#filters')).toBe(false);
    expect(await visibleRows(page)).toHaveLength(3);
    expect(await page.getAttribute('th[data-key="days"]', 'aria-sort')).toBe('descending');
    expect(await page.locator('thead button').count()).toBe(0);
    await page.context().close();
  });

  it('prints every row without the filter form or the navigation', async () => {
    const page = await open('index.html');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#filters')).toBe(false);
    expect(await page.isVisible('header.site')).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.scroll')!).overflow)).toBe('visible');
    await page.context().close();
  });

  it('has no serious or critical axe-core violation on any page type, and no script or CSP error', async () => {
    const pages = [
      'index.html',
      'agreements/springfield-smartcam.html',
      'agreements/bright-smile-sterilizer.html',
      'terms/index.html',
      'terms/incidentResponse.notificationHours.html',
      'terms/incidentResponse.cyberInsurance.perClaimUsd.html',
    ];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      const page = await open(path);
      // The infos check reports are folded away: open them, so axe sees them too.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      if (path.startsWith('terms/incident')) await page.screenshot({ path: join(ARTIFACTS, 'term.png'), fullPage: true });
      await page.evaluate(axeSource); // through DevTools, not a <script>: the page's CSP stays as it is
      const result = await page.evaluate(() =>
        (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(),
      );
      found[path] = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
      await page.context().close();
    }
    expect(found).toEqual(Object.fromEntries(pages.map((p) => [p, []])));
    expect(problems).toEqual([]);
  });

  const titleOf = (key: string) =>
    ({
      'springfield-smartcam': 'Connected Camera Purchase and Security Agreement',
      'nordlicht-building-sensors': 'Smart Building Sensor Subscription and Data Processing Agreement',
      'bright-smile-sterilizer': 'Connected Clinical Equipment and Records Services Agreement',
    })[key];
});
