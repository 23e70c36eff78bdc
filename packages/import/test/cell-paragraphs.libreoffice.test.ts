/**
 * Paragraphs the vendor adds inside a table cell — under the Data return value on the cover page, under
 * "Name:" in the signature table — stay paragraphs of that cell in the next rendering (not joined into
 * the cell's text). Judge: the imported round, rendered, reads paragraph by paragraph (each cell's
 * paragraphs one by one) as LibreOffice's accept-all of the markup.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailability } from '../../../test-support/libreoffice/index.mjs';
import { roundsInOffice, VENDOR } from './support/rounds-in-office.js';

const lo = libreOfficeAvailability();
const negotiation = roundsInOffice('contracts-import-cell-paragraphs-');

describe.skipIf(!lo.ok)(`paragraphs the vendor adds inside table cells ${lo.reason}`, () => {
  it('round 2: a paragraph added under a cover-table value and one under the vendor signatory name stay paragraphs of their cells', async () => {
    const markup = join(negotiation.round.dir, 'round-1-markup.docx');
    const edit = {
      out: markup,
      author: VENDOR,
      matchCase: true,
      insertParagraphs: [
        ['after the Agreement ends', 'in CSV or JSON, at the Customer’s choice'],
        ['Name: Marcus Lee', 'for and on behalf of Acme Cameras Inc.'],
      ] as [string, string][],
    };
    expect(await negotiation.office.edit(negotiation.round.docx, edit)).toEqual([]);
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toEqual([]);
    // The name is not a value changed: the paragraph under it is wording of the row, the signatory's name stays.
    expect(negotiation.current().parties.vendor.signatory?.name).toBe('Marcus Lee');
    expect(negotiation.current().negotiatedWording).toMatchObject([
      {
        paragraph: 'cover-page/Data return',
        text: 'within thirty (30) days after the Agreement ends (Section 15 (Term and Termination))\n\nin CSV or JSON, at the Customer’s choice',
        proposedBy: VENDOR,
        tracked: true,
      },
      { paragraph: 'signatures/Name: Dana Whitfield', text: 'Name: Marcus Lee\n\nfor and on behalf of Acme Cameras Inc.', proposedBy: VENDOR, tracked: true },
    ]);
  });

  it('round 3: a markup of that round that changes a value elsewhere keeps both cells as they are', async () => {
    const before = negotiation.current().negotiatedWording;
    const { markup } = await negotiation.markupWithValues(2, { 'terms.termination.dataReturnDays': 60 });
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.termination.dataReturnDays', to: 60 }]);
    expect(negotiation.current().negotiatedWording).toEqual(before);
  });

  it('round 4: the paragraph they added, reworded, is restated in its cell', async () => {
    const { markup } = await negotiation.markupWithValues(3, {}, [['in CSV or JSON', 'in CSV, JSON or Parquet']]);
    await negotiation.importAndJudge(markup);
    expect(negotiation.current().negotiatedWording?.[0]).toMatchObject({
      paragraph: 'cover-page/Data return',
      text: 'within thirty (30) days after the Agreement ends (Section 15 (Term and Termination))\n\nin CSV, JSON or Parquet, at the Customer’s choice',
      round: 3,
    });
  });

  it("round 5: the value cell emptied, its label kept, leaves the row with an empty value (the entry names the label; text: '' alone deletes a row)", async () => {
    const markup = join(negotiation.round.dir, 'round-4-markup.docx');
    // The harness's deletion of the cell's last paragraph takes the whole cell's text, as selecting the cell and deleting does.
    const edit = { out: markup, author: VENDOR, matchCase: true, deleteParagraphs: ['in CSV, JSON or Parquet'] };
    expect(await negotiation.office.edit(await negotiation.docxOf(4), edit)).toEqual([]);
    await negotiation.importAndJudge(markup);
    expect(negotiation.current().negotiatedWording?.[0]).toMatchObject({ paragraph: 'cover-page/Data return', label: 'Data return', text: '', round: 4 });
  });
});
