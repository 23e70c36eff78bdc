/**
 * The LibreOffice harness itself (test-support/libreoffice), on a rendered contract: what it reads is
 * what LibreOffice holds, tracked edits are attributed to the named author, and its Compare Document
 * yields a redline that accepts and rejects into the two versions. (The Word-import work reuses it.)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { VendorAgreement } from '@contracts/core';
import { renderDocx, renderMarkdown } from '@contracts/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, wordsOf, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { bundledContract } from './support/round-pairs.js';

const lo = libreOfficeAvailability();
let office: LibreOffice;
let docx: Uint8Array;

beforeAll(async () => {
  if (!lo.ok) return;
  office = await startLibreOffice();
  docx = await renderDocx(renderMarkdown(bundledContract('springfield-smartcam') as VendorAgreement), { epoch: 1_779_098_400 });
});
afterAll(() => office?.close());

describe.skipIf(!lo.ok)(`LibreOffice over UNO ${lo.reason}`, () => {
  it('reads paragraphs and table cells in reading order', async () => {
    const blocks = await office.text(docx);
    expect(blocks[0]).toBe('Connected Camera Purchase and Security Agreement');
    const cell = blocks.indexOf('Incident notice');
    expect(cell).toBeGreaterThan(0);
    expect(blocks[cell + 1]).toMatch(/^within forty-eight \(48\) hours/);
  });

  it('records tracked edits and comments as a named author, saved as Word', async () => {
    const out = join(office.scratch, 'vendor-markup.docx');
    const missing = await office.edit(docx, {
      out,
      author: 'Marcus Lee',
      replacements: [['forty-eight (48) hours', 'seventy-two (72) hours']],
      comments: [['SOC 2 Type II', 'We can offer ISO 27001 instead.']],
    });
    expect(missing).toEqual([]);
    const revisions = await office.revisions(out);
    expect(revisions.length).toBeGreaterThan(0);
    expect(new Set(revisions.map((r) => r.author))).toEqual(new Set(['Marcus Lee']));
    expect((await office.text(out, 'accept')).join(' ')).toContain('seventy-two (72) hours');
    expect(wordsOf(await office.text(out, 'reject'))).toEqual(wordsOf(await office.text(docx)));
    const comments = execFileSync('unzip', ['-p', out, 'word/comments.xml'], { encoding: 'utf8' });
    expect(comments).toMatch(/w:author="Marcus Lee"[\s\S]*We can offer ISO 27001 instead\./);
  });

  it("runs LibreOffice's own Compare Document into a redline that accepts and rejects into the two versions", async () => {
    const contract = bundledContract('springfield-smartcam');
    contract.terms.incidentResponse.notificationHours = 24;
    const later = await renderDocx(renderMarkdown(contract as VendorAgreement), { epoch: 1_779_098_400 });
    const compared = join(office.scratch, 'compared.docx');
    await office.compare(docx, later, { out: compared, author: 'LibreOffice' });
    const { accepted, rejected, revisions } = await office.redline(compared);
    expect(revisions.length).toBeGreaterThan(0);
    expect(wordsOf(accepted)).toEqual(wordsOf(await office.text(later)));
    expect(wordsOf(rejected)).toEqual(wordsOf(await office.text(docx)));
  });
});
