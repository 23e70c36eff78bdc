import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadValidator, type VendorAgreement } from '@contracts/core';
import { pandocInfo } from '@contracts/pandoc';
import { loadPlaybook } from '@contracts/playbook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '@contracts/render';
import {
  buildRedline,
  changeDate,
  loadVersion,
  redlineDocx,
  redlineDocxMany,
  redlineHtml,
  redlineVersions,
  type Redline,
} from '../src/redline-document/index.js';

const springfield = readFileSync(fileURLToPath(new URL('../../../contracts/springfield-smartcam.yaml', import.meta.url)), 'utf8');
const withHours = (hours: number) => springfield.replace(/notificationHours: \d+/, `notificationHours: ${hours}`);
const BY = { author: 'Vic Vendor', date: changeDate('2026-03-01T14:00:00+02:00') };
const EPOCH = 1_772_366_400; // 2026-03-01T12:00:00Z

let dir: string;
let redline: Redline;

async function contractOf(text: string, label: string): Promise<VendorAgreement> {
  const loaded = loadVersion(Buffer.from(text), label, await loadValidator('vendor-agreement'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.contract;
}

/** One part of a DOCX, via the system unzip (the diff package does not depend on a zip library). */
function docxPart(bytes: Uint8Array, part = 'word/document.xml'): string {
  const file = join(dir, `part-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-document-'));
  const { playbook } = await loadPlaybook();
  redline = buildRedline(
    { contract: await contractOf(withHours(72), 'old'), label: 'round-1' },
    { contract: await contractOf(withHours(24), 'new'), label: 'round-2' },
    { by: BY, ...(playbook ? { playbook } : {}) },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildRedline', () => {
  it('marks the changed notice period as a deletion and an insertion in the Markdown', () => {
    const attrs = ' author="Vic Vendor" date="2026-03-01T12:00:00Z"';
    expect(redline.markdown).toContain(`[seventy-two (72]{.deletion${attrs}}[twenty-four (24]{.insertion${attrs}})`);
    // The Markdown output is the people-facing one, as render --to md: no anchors.
    expect(redline.markdown).not.toMatch(/\{#a_|^:::/m);
    expect(redline.anchoredMarkdown).toMatch(/^::: \{#a_c/m);
    expect(redline.stats).toMatchObject({ paragraphsChanged: 2, paragraphsInserted: 0, paragraphsDeleted: 0 });
  });

  it('rates the moved term with the playbook', () => {
    expect(redline.positions).toEqual([
      expect.objectContaining({ path: 'terms.incidentResponse.notificationHours', from: '72 hours', to: '24 hours', note: 'toward buyer' }),
    ]);
  });

  it('lists changed fields plainly without a playbook', async () => {
    const plain = buildRedline(
      { contract: await contractOf(withHours(72), 'a'), label: 'a' },
      { contract: await contractOf(withHours(24), 'b'), label: 'b' },
      { by: BY },
    );
    expect(plain.positions).toEqual([
      { label: 'terms.incidentResponse.notificationHours', path: 'terms.incidentResponse.notificationHours', from: '72', to: '24', note: '' },
    ]);
  });
});

describe('loadVersion', () => {
  it('returns the diagnostics of a broken version, named by file@ref', async () => {
    const loaded = loadVersion(Buffer.from('schemaVersion: 1\nid: [unclosed\n'), 'contracts/a.yaml@round-1', await loadValidator('vendor-agreement'));
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.diagnostics[0]).toMatchObject({ file: 'contracts/a.yaml@round-1', severity: 'error' });
  });
});

describe('redlineHtml', () => {
  it('is the rendered HTML contract with <ins>/<del>, under a header with the position change', async () => {
    const html = redlineHtml(redline);
    const by = 'datetime="2026-03-01T12:00:00Z" title="Vic Vendor"';
    expect(html).toContain(`<del ${by}>seventy-two (72</del><ins ${by}>twenty-four (24</ins>`);
    expect(html).toMatch(
      /<section class="redline-summary"[^>]*>[\s\S]*<caption>Position changes[^<]*<\/caption>[\s\S]*<th scope="row"[^>]*>Vendor breach notice to buyer<\/th><td><del>72 hours<\/del><\/td><td><ins>24 hours<\/ins>/,
    );
    expect(html).toContain('Redline: round-1 → round-2');
    expect(redlineHtml(redline)).toBe(html);
    // Below the header, the document render --to html makes of the later round: its shell, ids and CSP.
    const later = await renderHtml(await contractOf(withHours(24), 'new'));
    const head = (doc: string) => doc.slice(0, doc.indexOf('<style>'));
    expect(head(html)).toBe(head(later).replace(/<title>[^<]*<\/title>/, `<title>Redline: ${redline.title}</title>`));
    const ids = (doc: string) => [...doc.matchAll(/ id="(_[tc][^"]+)"/g)].map((m) => m[1]);
    expect(ids(html)).toEqual(ids(later));
  });
});

describe('redlineVersions', () => {
  const version = (text: string, ref: string, commit: string | null) => ({
    bytes: Buffer.from(text),
    ref,
    commit,
    loaded: { file: `contracts/s.yaml@${ref}` },
  });
  const by = { name: 'Vic Vendor', changedAt: 1_772_373_600, epoch: EPOCH }; // changed 2026-03-01T14:00:00Z

  it('loads, checks and redlines two versions in each format asked for, dated by the later version', async () => {
    const result = await redlineVersions(version(withHours(72), 'round-1', 'a'.repeat(40)), version(withHours(24), 'working tree', null), {
      format: ['md', 'html'],
      by,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.broken));
    expect(result.redline).toMatchObject({ id: 'springfield-smartcam', from: 'round-1 (aaaaaaa)', to: 'working tree' });
    expect(result.outputs.map((o) => o.format)).toEqual(['md', 'html']);
    expect(result.outputs[0]!.content).toContain('[seventy-two (72]{.deletion author="Vic Vendor" date="2026-03-01T14:00:00Z"}');
    expect(result.outputs[1]!.content).toContain('<del datetime="2026-03-01T14:00:00Z" title="Vic Vendor">seventy-two (72</del>');
  });

  it('returns the diagnostics of every broken version instead of a redline', async () => {
    const result = await redlineVersions(version('id: [unclosed\n', 'round-1', null), version('schemaVersion: 1\n', 'round-2', null), { format: 'md', by });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.broken.map((b) => [b.version, b.file])).toEqual([
      ['before', 'contracts/s.yaml@round-1'],
      ['after', 'contracts/s.yaml@round-2'],
    ]);
    expect(result.broken.every((b) => b.diagnostics.length > 0 && b.diagnostics.every((d) => d.severity === 'error'))).toBe(true);
  });
});

const backends = ['system', 'wasm'] as const;
describe.each(backends)('redlineDocx (%s pandoc)', (backend) => {
  let available = true;
  beforeAll(async () => {
    available = await pandocInfo({ backend }).then(
      () => true,
      () => false,
    );
  });

  it("writes real tracked changes by the later round's author at its date, byte-identical on a second run", async (ctx) => {
    if (!available) ctx.skip();
    const first = await redlineDocx(redline, { epoch: EPOCH, backend });
    const xml = docxPart(first);
    const deleted = [...xml.matchAll(/<w:del\b[^>]*>(?:(?!<\/w:del>).)*<\/w:del>/g)].map((m) => m[0]).join('');
    const inserted = [...xml.matchAll(/<w:ins\b[^>]*>(?:(?!<\/w:ins>).)*<\/w:ins>/g)].map((m) => m[0]).join('');
    expect(deleted).toMatch(/<w:delText[^>]*>[^<]*seventy-two/);
    expect(inserted).toMatch(/<w:t[^>]*>[^<]*twenty-four/);
    const revisions = [...xml.matchAll(/<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange)\b[^>]*>/g)].map((m) => m[0]);
    expect(revisions.length).toBeGreaterThan(0);
    for (const tag of revisions) expect(tag).toMatch(/ w:author="Vic Vendor"[^>]* w:date="2026-03-01T12:00:00Z"/);
    expect(docxPart(first, 'docProps/core.xml')).toContain('2026-03-01T12:00:00Z');
    const second = await redlineDocx(redline, { epoch: EPOCH, backend });
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });
});

describe('redlineDocxMany', () => {
  it('gives each redline the bytes redlineDocx gives it alone, in input order, rounds shared between redlines included', async () => {
    const redlines = await Promise.all(
      [
        [72, 24],
        [24, 12], // round 24 h is shared: rendered once
        [12, 96],
      ].map(async ([a, b]) =>
        buildRedline(
          { contract: await contractOf(withHours(a!), 'a'), label: `${a} h` },
          { contract: await contractOf(withHours(b!), 'b'), label: `${b} h` },
          { by: BY },
        ),
      ),
    );
    const many = await redlineDocxMany(redlines, { epoch: EPOCH, chunk: 2 });
    expect(many).toHaveLength(3);
    for (const [i, redline] of redlines.entries()) expect(Buffer.compare(many[i]!, await redlineDocx(redline, { epoch: EPOCH }))).toBe(0);
  });
});
