/**
 * The DOCX redline judged by LibreOffice, over a generated corpus of round pairs: for each pair,
 * *accept all changes* must give the later round's own rendered DOCX word for word, and *reject all*
 * the earlier round's; every change carries the later round's author and date; no Markdown leaks.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadValidator, type SchemaValidator, type VendorAgreement } from '@contracts/core';
import { renderDocx, renderMarkdown } from '@contracts/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, wordDifferences, wordsOf, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { buildRedline, redlineDocx } from '../src/index.js';
import { roundPairs } from './support/round-pairs.js';

const PAIRS = roundPairs(Number(process.env.REDLINE_CORPUS_PER_CONTRACT ?? 18));
const BY = { author: 'Marcus Lee (Acme Cameras)', date: '2026-05-18T10:00:00Z' };
const EPOCH = 1_779_098_400; // 2026-05-18T10:00:00Z
/** Markdown that must never reach a reader of the redline. */
const MARKDOWN = ['**', '](#', '|:--', '{.insertion', '{.deletion', '{#'];
/** Elements that carry a change's author and date. */
const REVISION =
  /<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange|tblPrChange|trPrChange|tcPrChange|tblGridChange|numberingChange|cellIns|cellDel)\b[^>]*>/g;

const lo = libreOfficeAvailability();
let office: LibreOffice;
let validator: SchemaValidator;
const results: { id: string; ok: boolean }[] = [];

beforeAll(async () => {
  validator = await loadValidator('vendor-agreement');
  if (lo.ok) office = await startLibreOffice();
});
afterAll(async () => {
  await office?.close();
  if (results.length > 0) console.log(`LibreOffice corpus: ${results.filter((r) => r.ok).length}/${results.length} round pairs pass`);
});

function valid(value: object, id: string): VendorAgreement {
  if (!validator(value)) throw new Error(`${id}: generated version is not schema-valid: ${JSON.stringify(validator.errors?.slice(0, 2))}`);
  return value as VendorAgreement;
}

describe('the generated corpus', () => {
  it(`has at least 50 round pairs, every version schema-valid and every pair different`, () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(50);
    for (const pair of PAIRS) {
      valid(pair.from, pair.id);
      valid(pair.to, pair.id);
      expect(renderMarkdown(pair.from as VendorAgreement), pair.id).not.toBe(renderMarkdown(pair.to as VendorAgreement));
    }
  });
});

// Concurrent: pandoc and the comparison engine prepare the next pairs while LibreOffice judges one.
describe.skipIf(!lo.ok).concurrent(`DOCX redlines in LibreOffice ${lo.reason}`, () => {
  it.for(PAIRS.map((p) => [`${p.id}: ${p.toEdits.join('; ')}${p.fromEdits.length ? ` (undoing: ${p.fromEdits.join('; ')})` : ''}`, p] as const))(
    '%s: accept all = the later round, reject all = the earlier round, word for word',
    async ([, pair], { expect }) => {
      const from = valid(pair.from, pair.id);
      const to = valid(pair.to, pair.id);
      const redline = buildRedline({ contract: from, label: 'round-1' }, { contract: to, label: 'round-2' }, { by: BY });
      const [docx, earlier, later] = await Promise.all([
        redlineDocx(redline, { epoch: EPOCH }),
        renderDocx(renderMarkdown(from), { epoch: EPOCH }),
        renderDocx(renderMarkdown(to), { epoch: EPOCH }),
      ]);
      const file = join(office.scratch, `${pair.id.replace(/\W/g, '-')}.docx`);
      writeFileSync(file, docx);
      const [{ shown, accepted, rejected, revisions: seen, pending }, expectedLater, expectedEarlier] = await Promise.all([
        office.redline(file),
        office.text(later),
        office.text(earlier),
      ]);
      const ok = { id: pair.id, ok: false };
      results.push(ok);
      expect(wordDifferences(wordsOf(expectedLater), wordsOf(accepted)), 'accept all ≠ the later round').toEqual([]);
      expect(wordDifferences(wordsOf(expectedEarlier), wordsOf(rejected)), 'reject all ≠ the earlier round').toEqual([]);

      const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const revisions = [...xml.matchAll(REVISION)].map((m) => m[0]);
      expect(revisions.length, 'the redline tracks no change').toBeGreaterThan(0);
      for (const tag of revisions) {
        expect(tag).toContain(` w:author="${BY.author}"`);
        expect(tag).toContain(` w:date="${BY.date}"`);
      }
      expect(pending, 'a tracked change survived accept all or reject all').toBe(false);
      for (const revision of seen) expect(revision).toMatchObject({ author: BY.author, date: '2026-05-18T10:00:00' });
      for (const text of [shown, accepted, rejected].flat()) for (const md of MARKDOWN) expect(text).not.toContain(md);
      ok.ok = true;
    },
  );
});
