/**
 * A cover-page row the vendor relabelled, or a row it added, over three rounds made in LibreOffice: the
 * row stays keyed by the template's label (`paragraph: cover-page/Data return`), so the next markup,
 * made from the round that prints their label, maps onto the same entry — a value changed in that row
 * is read, the label kept; a row they added and then reworded is restated; a label put back to the
 * template's leaves no entry. `check` warns on each entry, and every round, rendered, reads paragraph by paragraph
 * as LibreOffice's accept-all of the markup it came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlText } from '@contracts/core';
import { checkContract } from '@contracts/playbook';
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailability } from '../../../test-support/libreoffice/index.mjs';
import { roundsInOffice, VENDOR } from './support/rounds-in-office.js';

const lo = libreOfficeAvailability();
const negotiation = roundsInOffice('contracts-import-row-labels-');

describe.skipIf(!lo.ok)(`a relabelled or added cover-page row over several rounds ${lo.reason}`, () => {
  it('round 2: the label and the added row are kept as wording for the rows they belong to, and check warns on both', async () => {
    const markup = join(negotiation.round.dir, 'round-1-markup.docx');
    const edit = {
      out: markup,
      author: VENDOR,
      matchCase: true,
      replacements: [['Data return', 'Data return and deletion', 0]] as [string, string, number][],
      insertRows: [['Governing law', ['Venue', 'the courts of Sangamon County, Illinois']]] as [string, string[]][],
    };
    expect(await negotiation.office.edit(negotiation.round.docx, edit)).toEqual([]);
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toEqual([]);
    expect(negotiation.current().negotiatedWording).toMatchObject([
      { paragraph: 'cover-page/Governing law', rowsAfter: [{ label: 'Venue', text: 'the courts of Sangamon County, Illinois' }], proposedBy: VENDOR },
      { paragraph: 'cover-page/Data return', label: 'Data return and deletion', proposedBy: VENDOR, tracked: true, round: 1 },
    ]);
    expect(negotiation.current().negotiatedWording!.some((e) => 'text' in e)).toBe(false);
    const { diagnostics } = checkContract(loadYamlText(readFileSync(negotiation.round.file, 'utf8'), negotiation.round.file), negotiation.round.playbook);
    expect(diagnostics.filter((d) => d.code === 'playbook/negotiated-wording').map((d) => d.message)).toEqual([
      expect.stringMatching(/\(paragraph cover-page\/Governing law, .*: adds 1 row after it\)/),
      expect.stringMatching(
        /^negotiated wording outside the playbook: counsel to review \(paragraph cover-page\/Data return, .*: labels the row "Data return and deletion"\)/,
      ),
    ]);
  });

  it('round 3: a markup of the relabelled round finds the same row; its value is read, the label stays, the reworded added row is restated', async () => {
    const { markup, intended } = await negotiation.markupWithValues(2, { 'terms.termination.dataReturnDays': 90 }, [
      ['the courts of Sangamon County', 'the state courts of Sangamon County'],
    ]);
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.termination.dataReturnDays', from: 30, to: 90, author: VENDOR }]);
    expect(result.regions.map((r) => [r.key, r.outcome])).toEqual(
      expect.arrayContaining([
        ['cover-page/Data return', 'values'],
        ['cover-page/Governing law', 'wording'],
      ]),
    );
    const { negotiatedWording, ...values } = negotiation.current();
    const { negotiatedWording: _before, ...intendedValues } = intended;
    expect(values).toEqual(intendedValues);
    expect(negotiatedWording).toMatchObject([
      { paragraph: 'cover-page/Governing law', rowsAfter: [{ label: 'Venue', text: 'the state courts of Sangamon County, Illinois' }], round: 2 },
      { paragraph: 'cover-page/Data return', label: 'Data return and deletion', round: 1 },
    ]);
    expect(negotiatedWording).toHaveLength(2);
  });

  it('round 4: the label put back to the template’s, and the added row deleted, leave no wording', async () => {
    const docx = await negotiation.docxOf(3);
    const markup = join(negotiation.round.dir, 'round-3-markup.docx');
    const edit = {
      out: markup,
      author: VENDOR,
      matchCase: true,
      replacements: [['Data return and deletion', 'Data return']] as [string, string][],
      deleteRows: ['Venue'],
    };
    expect(await negotiation.office.edit(docx, edit)).toEqual([]);
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toEqual([]);
    expect(negotiation.current().negotiatedWording).toBeUndefined();
    expect(negotiation.current().terms.termination?.dataReturnDays).toBe(90);
  });
});
