/**
 * A cover-page row the vendor deleted while keeping the row it added after it, over three rounds made
 * in LibreOffice: the next rendering prints only their added row (keyed under the deleted one,
 * `paragraph: cover-page/Governing law`), so the next markup's first row there is theirs, not the
 * template's. Reading it as the template's row would relabel the deleted row with their label and bring
 * it back; it is read as what it is — the deleted row stays deleted, their reworded row is restated.
 * Every round, rendered, reads paragraph by paragraph as LibreOffice's accept-all of its markup.
 */
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailability } from '../../../test-support/libreoffice/index.mjs';
import { deleteGoverningLawAddVenue, roundsInOffice, VENDOR } from './support/rounds-in-office.js';

const lo = libreOfficeAvailability();
const negotiation = roundsInOffice('contracts-import-deleted-row-');

describe.skipIf(!lo.ok)(`a deleted cover-page row whose added row stays, over several rounds ${lo.reason}`, () => {
  it('round 2: the vendor adds a Venue row after Governing law and deletes the Governing law row', async () => {
    const markup = await deleteGoverningLawAddVenue(negotiation);
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toEqual([]);
    expect(negotiation.current().negotiatedWording).toMatchObject([
      { paragraph: 'cover-page/Governing law', text: '', rowsAfter: [{ label: 'Venue', text: 'the courts of Sangamon County, Illinois' }] },
    ]);
  });

  it('round 3: their row reworded is restated under the deleted row, which stays deleted (not relabelled "Venue"), and a value elsewhere is read', async () => {
    const { markup, intended } = await negotiation.markupWithValues(2, { 'terms.termination.dataReturnDays': 90 }, [
      ['the courts of Sangamon County', 'the state courts of Sangamon County'],
    ]);
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.termination.dataReturnDays', from: 30, to: 90, author: VENDOR }]);
    const { negotiatedWording, ...values } = negotiation.current();
    const { negotiatedWording: _before, ...intendedValues } = intended;
    expect(values).toEqual(intendedValues);
    expect(negotiatedWording).toHaveLength(1);
    expect(negotiatedWording![0]).toMatchObject({
      paragraph: 'cover-page/Governing law',
      text: '',
      rowsAfter: [{ label: 'Venue', text: 'the state courts of Sangamon County, Illinois' }],
      round: 2,
    });
    expect(negotiatedWording![0]).not.toHaveProperty('label');
  });

  it('round 4: a markup that leaves the row alone leaves the entry as it is', async () => {
    const before = negotiation.current().negotiatedWording;
    const { markup } = await negotiation.markupWithValues(3, { 'terms.termination.dataReturnDays': 60 });
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.termination.dataReturnDays', from: 90, to: 60 }]);
    expect(negotiation.current().negotiatedWording).toEqual(before);
  });
});
