/**
 * A template row the vendor deleted in one round (keeping the row they added after it) and put back in
 * a later one, over rounds made in LibreOffice: put back where it belongs — above the rows they added —
 * it is the template's row again (the entry's `text: ''` goes, and a value in it is read as a value);
 * put back below them, where the template's row cannot print, the import refuses with one line naming
 * the row and writes nothing. Every imported round, rendered, reads paragraph by paragraph as
 * LibreOffice's accept-all of its markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailability } from '../../../test-support/libreoffice/index.mjs';
import { formatImport, importMarkup } from '../src/index.js';
import { deleteGoverningLawAddVenue, roundsInOffice, VENDOR } from './support/rounds-in-office.js';

const lo = libreOfficeAvailability();
const negotiation = roundsInOffice('contracts-import-readded-row-');
const GOVERNING_LAW: [string, string] = ['Governing law', 'the laws of the State of Illinois (Section 16 (Governing Law and Disputes))'];

describe.skipIf(!lo.ok)(`a deleted template row put back in a later round ${lo.reason}`, () => {
  it('round 2: the vendor adds a Venue row after Governing law and deletes the Governing law row', async () => {
    const markup = await deleteGoverningLawAddVenue(negotiation);
    await negotiation.importAndJudge(markup);
    expect(negotiation.current().negotiatedWording).toMatchObject([{ paragraph: 'cover-page/Governing law', text: '' }]);
  });

  it('round 3: the row put back below their Venue row is refused, naming it, with a stable code and exit 2, and nothing is written', async () => {
    const markup = join(negotiation.round.dir, 'round-2-misplaced.docx');
    const edit = { out: markup, author: VENDOR, matchCase: true, insertRows: [['Venue', GOVERNING_LAW]] as [string, string[]][] };
    expect(await negotiation.office.edit(await negotiation.docxOf(2), edit)).toEqual([]);
    const before = readFileSync(negotiation.round.file, 'utf8');
    const refused = await importMarkup({ file: negotiation.round.file, markup, playbook: negotiation.round.playbook }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'import/row-readded-out-of-place', exitCode: 2 });
    expect((refused as Error).message).toMatch(
      /round-2-misplaced\.docx: the row "Governing law" \(paragraph cover-page\/Governing law\), deleted in an earlier round/,
    );
    expect((refused as Error).message).not.toContain('\n');
    expect(readFileSync(negotiation.round.file, 'utf8')).toBe(before);
  });

  it('round 3: the row put back above their Venue row is the template row again: the entry keeps only the added row', async () => {
    const markup = join(negotiation.round.dir, 'round-2-markup.docx');
    const edit = { out: markup, author: VENDOR, matchCase: true, insertRows: [['Data breach liability', GOVERNING_LAW]] as [string, string[]][] };
    expect(await negotiation.office.edit(await negotiation.docxOf(2), edit)).toEqual([]);
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toEqual([]);
    expect(result.restoredRows).toEqual(['cover-page/Governing law']);
    expect(formatImport(result, 'text')).toContain(
      "\nTemplate rows put back\n  paragraph cover-page/Governing law: the template's row, deleted in an earlier round, is back\n",
    );
    expect(formatImport(result, 'markdown')).toContain(
      "#### Template rows put back (1)\n\n- paragraph cover-page/Governing law: the template's row, deleted in an earlier round, is back\n",
    );
    const wording = negotiation.current().negotiatedWording!;
    expect(wording).toHaveLength(1);
    expect(wording[0]).toMatchObject({
      paragraph: 'cover-page/Governing law',
      rowsAfter: [{ label: 'Venue', text: 'the courts of Sangamon County, Illinois' }],
    });
    expect(wording[0]).not.toHaveProperty('text');
    expect(wording[0]).not.toHaveProperty('label');
  });

  it('round 4: a value changed in the restored row is read as the term value, the added row kept', async () => {
    const before = negotiation.current().negotiatedWording;
    const { markup, intended } = await negotiation.markupWithValues(3, { 'terms.jurisdiction.governingLaw': 'US-DE' });
    const result = await negotiation.importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.jurisdiction.governingLaw', to: 'US-DE', author: VENDOR }]);
    const { negotiatedWording, ...values } = negotiation.current();
    const { negotiatedWording: _w, ...intendedValues } = intended;
    expect(values).toEqual(intendedValues);
    expect(negotiatedWording).toEqual(before);
  });

  it('round 5: the vendor deletes the Governing law row again', async () => {
    const markup = join(negotiation.round.dir, 'round-4-markup.docx');
    const edit = { out: markup, author: VENDOR, matchCase: true, deleteRows: ['Governing law'] };
    expect(await negotiation.office.edit(await negotiation.docxOf(4), edit)).toEqual([]);
    await negotiation.importAndJudge(markup);
    expect(negotiation.current().negotiatedWording).toMatchObject([{ paragraph: 'cover-page/Governing law', text: '', rowsAfter: [{ label: 'Venue' }] }]);
  });

  it('round 6: put back in their own words, the template row comes back with their wording as its text, the added row kept', async () => {
    const markup = join(negotiation.round.dir, 'round-5-markup.docx');
    const own = 'the laws of the State of Delaware, without regard to its conflict-of-laws rules';
    const edit = { out: markup, author: VENDOR, matchCase: true, insertRows: [['Data breach liability', ['Governing law', own]]] as [string, string[]][] };
    expect(await negotiation.office.edit(await negotiation.docxOf(5), edit)).toEqual([]);
    const result = await negotiation.importAndJudge(markup);
    expect(result.restoredRows).toEqual(['cover-page/Governing law']);
    expect(negotiation.current().negotiatedWording).toMatchObject([
      { paragraph: 'cover-page/Governing law', text: own, rowsAfter: [{ label: 'Venue' }], proposedBy: VENDOR, tracked: true, round: 5 },
    ]);
  });
});
