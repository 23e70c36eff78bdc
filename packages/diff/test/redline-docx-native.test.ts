/**
 * The DOCX redline the project writes itself (docx-redline/: both rounds through the built-in writer's
 * model, tracked changes written directly) against the comparison engine it replaces on the default
 * path (docxodus, `compareDocx` over the same two rendered rounds). Judged by LibreOffice: on a sample
 * of the generated corpus both redlines give the same *accept all* and *reject all* text, word for word,
 * and LibreOffice shows the native one's changes as tracked changes by the later round's author. The
 * package itself: paragraph marks and table rows tracked, `w:delText` in every deletion, unique ids,
 * the same bytes every time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VendorAgreement } from '@contracts/core';
import { compareDocx } from '@contracts/docx-compare';
import { normalizeDocx, referenceDocPath, renderAgreement, renderDocx } from '@contracts/render';
import validate from '@ooxml-tools/validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, wordDifferences, wordsOf, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { trackedDocxEntries } from '../src/docx-redline/index.js';
import { buildRedline, redlineDocx, redlineDocxMany, renderRounds, type Redline } from '../src/index.js';
import { bundledContract, moveClause, roundPairs } from './support/round-pairs.js';

const BY = { author: 'Marcus Lee (Acme Cameras)', date: '2026-05-18T10:00:00Z' };
const EPOCH = 1_779_098_400;
const PAIRS = roundPairs(18);
/** Every fourth pair of the corpus (14 of 55): the clause removals, restorations, reorders and cover-page edits among them. */
const SAMPLE = PAIRS.filter((_, i) => i % 4 === 0);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redline-native-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const redlineOf = (from: object, to: object): Redline =>
  buildRedline({ contract: from as VendorAgreement, label: 'round-1' }, { contract: to as VendorAgreement, label: 'round-2' }, { by: BY });

/** `word/document.xml` of a DOCX (the system unzip: the diff package has no zip library of its own). */
function documentXml(bytes: Uint8Array): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The Springfield contract and the same with a cover-page row removed and another added (no contract edit does either). */
function coverRows(): { redline: Redline; before: string; after: string } {
  const from = bundledContract('springfield-smartcam') as VendorAgreement;
  const rendered = renderAgreement(from);
  const after = rendered.anchored
    .replace(/^\| Cyber insurance .*\n/m, '')
    .replace(/^(\| Annual fees .*\n)/m, '$1| Source code escrow | with an agent the Buyer approves |\n');
  expect(after).not.toBe(rendered.anchored);
  const redline = buildRedline(
    { contract: from, label: 'round-1' },
    { contract: from, label: 'round-2', rendered: { ...rendered, anchored: after } },
    { by: BY },
  );
  return { redline, before: rendered.anchored, after };
}

describe('the native DOCX redline', () => {
  it('is what the default engine writes, for every pair of the corpus', () => {
    for (const pair of PAIRS) expect(trackedDocxEntries(redlineOf(pair.from, pair.to), referenceDocPath(), EPOCH), pair.id).toHaveProperty('entries');
  });

  it('tracks paragraph marks and table rows, deletes with w:delText only, gives every change an author, a date and its own id', async () => {
    const redlines: [string, Redline][] = [
      ...PAIRS.map((pair) => [pair.id, redlineOf(pair.from, pair.to)] as [string, Redline]),
      ['cover rows', coverRows().redline],
    ];
    const xmls = await Promise.all(redlines.map(async ([, redline]) => documentXml(await redlineDocx(redline, { epoch: EPOCH }))));
    const all = xmls.join('\n');
    const has = (re: RegExp) => re.test(all);
    expect(has(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del w:id="\d+" [^>]*\/><\/w:rPr><\/w:pPr>/), 'a deleted paragraph mark').toBe(true);
    expect(has(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins w:id="\d+" [^>]*\/><\/w:rPr><\/w:pPr>/), 'an inserted paragraph mark').toBe(true);
    for (const kind of ['ins', 'del']) expect(has(new RegExp(`<w:trPr><w:${kind} w:id="\\d+" [^>]*/></w:trPr>`)), `a tracked row (${kind})`).toBe(true);
    for (const [i, xml] of xmls.entries()) {
      const changes = [...xml.matchAll(/<w:(ins|del)\b[^>]*>/g)].map((m) => m[0]);
      expect(changes.length, redlines[i]![0]).toBeGreaterThan(0);
      for (const tag of changes) expect(tag).toMatch(new RegExp(` w:author="${BY.author.replace(/[()]/g, '\\$&')}" w:date="${BY.date}"`));
      const ids = [...xml.matchAll(/<w:(?:ins|del|bookmarkStart)\b[^>]* w:id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, redlines[i]![0]).toBe(ids.length);
      for (const deletion of xml.matchAll(/<w:del\b[^>]*[^/]>((?:(?!<\/w:del>).)*)<\/w:del>/g)) expect(deletion[1]).not.toMatch(/<w:t\b/);
    }
  });

  it('adds no kind of schema error to its rounds (ISO/IEC 29500, Open XML SDK validator), tracked rows and list items included', async () => {
    const kinds = async (docx: Uint8Array) =>
      new Set((await validate(new Uint8Array(docx), 'docx', 'Office2007')).map((r) => `${r.path.partUri} ${r.id}: ${r.description}`));
    const reordered = PAIRS.find((p) => p.toEdits.some((e) => e.includes('reordered')))!;
    for (const redline of [coverRows().redline, redlineOf(reordered.from, reordered.to)]) {
      const [earlier, later] = await renderRounds(redline, { epoch: EPOCH });
      const allowed = new Set([...(await kinds(earlier!)), ...(await kinds(later!))]);
      expect([...(await kinds(await redlineDocx(redline, { epoch: EPOCH })))].filter((e) => !allowed.has(e))).toEqual([]);
    }
  });

  it('gives the same bytes every time, alone or in a batch', async () => {
    const redlines = PAIRS.slice(0, 6).map((pair) => redlineOf(pair.from, pair.to));
    const many = await redlineDocxMany(redlines, { epoch: EPOCH });
    for (const [i, redline] of redlines.entries()) expect(Buffer.compare(many[i]!, await redlineDocx(redline, { epoch: EPOCH }))).toBe(0);
  });
});

const lo = libreOfficeAvailability();
describe.skipIf(!lo.ok)(`the native DOCX redline in LibreOffice ${lo.reason}`, () => {
  let office: LibreOffice;
  beforeAll(async () => {
    office = await startLibreOffice();
  });
  afterAll(async () => {
    await office?.close();
  });

  it.for(SAMPLE.map((p) => [`${p.id}: ${p.toEdits.join('; ')}`, p] as const))(
    '%s: accept all and reject all give what docxodus gives, and the changes show as tracked by the author',
    async ([, pair]) => {
      const redline = redlineOf(pair.from, pair.to);
      const [earlier, later] = await renderRounds(redline, { epoch: EPOCH });
      const [native, docxodus] = await Promise.all([
        redlineDocx(redline, { epoch: EPOCH }),
        compareDocx(earlier!, later!, { author: BY.author, date: BY.date }).then((bytes) => normalizeDocx(bytes, EPOCH)),
      ]);
      const ours = await office.redline(native);
      const theirs = await office.redline(docxodus);
      expect(wordDifferences(wordsOf(theirs.accepted), wordsOf(ours.accepted)), 'accept all: native ≠ docxodus').toEqual([]);
      expect(wordDifferences(wordsOf(theirs.rejected), wordsOf(ours.rejected)), 'reject all: native ≠ docxodus').toEqual([]);
      expect(ours.revisions.length).toBeGreaterThan(0);
      expect(new Set(ours.revisions.map((r) => r.type))).toEqual(new Set(['Insert', 'Delete']));
      for (const revision of ours.revisions) expect(revision).toMatchObject({ author: BY.author, date: '2026-05-18T10:00:00' });
      expect(ours.pending).toBe(false);
    },
  );

  it('leaves the rounds pandoc renders to the comparison engine, with the same accept all and reject all', async () => {
    const pair = PAIRS[1]!;
    const redline = redlineOf(pair.from, pair.to);
    const [native, compared] = await Promise.all([redlineDocx(redline, { epoch: EPOCH }), redlineDocx(redline, { epoch: EPOCH, docxEngine: 'pandoc' })]);
    expect(Buffer.compare(native, compared)).not.toBe(0);
    const [ours, theirs] = [await office.redline(native), await office.redline(compared)];
    expect(wordDifferences(wordsOf(theirs.accepted), wordsOf(ours.accepted))).toEqual([]);
    expect(wordDifferences(wordsOf(theirs.rejected), wordsOf(ours.rejected))).toEqual([]);
    expect(theirs.revisions.every((r) => r.author === BY.author)).toBe(true);
  });

  it('redlines a removed and an added cover-page row as tracked rows, accept and reject all giving each round', async () => {
    const { redline, before, after } = coverRows();
    const result = await office.redline(await redlineDocx(redline, { epoch: EPOCH }));
    const [earlier, later] = await Promise.all([office.text(await renderDocx(before)), office.text(await renderDocx(after))]);
    expect(wordDifferences(wordsOf(later), wordsOf(result.accepted))).toEqual([]);
    expect(wordDifferences(wordsOf(earlier), wordsOf(result.rejected))).toEqual([]);
    expect(result.pending).toBe(false);
    expect(result.revisions.length).toBeGreaterThan(0);
  });

  it('redlines a moved clause as deleted where it was and inserted where it is, accept and reject all giving each round', async () => {
    const from = bundledContract('springfield-smartcam') as VendorAgreement;
    const before = renderAgreement(from);
    const anchored = moveClause(before.anchored, 'Content of notice.', 'Costs of remediation.').markdown;
    const redline = buildRedline({ contract: from, label: 'round-1' }, { contract: from, label: 'round-2', rendered: { ...before, anchored } }, { by: BY });
    const result = await office.redline(await redlineDocx(redline, { epoch: EPOCH }));
    const [earlier, later] = await Promise.all([office.text(await renderDocx(before.anchored)), office.text(await renderDocx(anchored))]);
    expect(wordDifferences(wordsOf(later), wordsOf(result.accepted))).toEqual([]);
    expect(wordDifferences(wordsOf(earlier), wordsOf(result.rejected))).toEqual([]);
    expect(result.revisions.length).toBeGreaterThan(0);
  });
});
