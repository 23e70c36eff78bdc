/**
 * A cover-page row the vendor deleted while keeping the row it added after it, over three rounds made
 * in LibreOffice: the next rendering prints only their added row (keyed under the deleted one,
 * `paragraph: cover-page/Governing law`), so the next markup's first row there is theirs, not the
 * template's. Reading it as the template's row would relabel the deleted row with their label and bring
 * it back; it is read as what it is — the deleted row stays deleted, their reworded row is restated.
 * Every round, rendered, reads paragraph by paragraph as LibreOffice's accept-all of its markup.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorAgreement } from '@contracts/core';
import { clauseContext } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { importMarkup } from '../src/index.js';
import { editsBetween, paragraphsWithoutNumbering, withValues } from './support/markup-corpus.js';
import { type RoundOne, roundOne } from './support/round-one.js';

const VENDOR = 'Marcus Lee (Acme)';
const EPOCH = 1_780_000_000;
const lo = libreOfficeAvailability();
let round: RoundOne;
let office: LibreOffice;

beforeAll(async () => {
  round = await roundOne('contracts-import-deleted-row-');
  if (lo.ok) office = await startLibreOffice();
});
afterAll(async () => {
  await office?.close();
  rmSync(round.dir, { recursive: true, force: true });
});

const rendered = (contract: VendorAgreement) => renderAgreement(contract, { extraContext: (c) => clauseContext(round.playbook, c) }).anchored;
const current = () => parse(readFileSync(round.file, 'utf8')) as VendorAgreement & { negotiatedWording?: Record<string, unknown>[] };
const docxOf = async (roundNumber: number) =>
  renderDocx(rendered(current()), {
    epoch: EPOCH,
    provenance: { contractId: 'springfield-smartcam', commit: round.git('rev-parse', 'HEAD'), round: roundNumber },
  });

/** Imports `markup` and commits it; the judge: the imported round, rendered, reads paragraph by paragraph as LibreOffice's accept-all. */
async function importAndJudge(markup: string) {
  const result = await importMarkup({ file: round.file, markup, playbook: round.playbook, commit: true });
  const accepted = paragraphsWithoutNumbering(await office.text(markup, 'accept'));
  const again = paragraphsWithoutNumbering(await office.text(await renderDocx(rendered(current()), { epoch: EPOCH })));
  expect(again).toEqual(accepted);
  return result;
}

describe.skipIf(!lo.ok)(`a deleted cover-page row whose added row stays, over several rounds ${lo.reason}`, () => {
  it('round 2: the vendor adds a Venue row after Governing law and deletes the Governing law row', async () => {
    const markup = join(round.dir, 'round-1-markup.docx');
    const edit = {
      out: markup,
      author: VENDOR,
      matchCase: true,
      insertRows: [['Governing law', ['Venue', 'the courts of Sangamon County, Illinois']]] as [string, string[]][],
      deleteRows: ['Governing law'],
    };
    expect(await office.edit(round.docx, edit)).toEqual([]);
    const result = await importAndJudge(markup);
    expect(result.values).toEqual([]);
    expect(current().negotiatedWording).toMatchObject([
      { paragraph: 'cover-page/Governing law', text: '', rowsAfter: [{ label: 'Venue', text: 'the courts of Sangamon County, Illinois' }] },
    ]);
  });

  it('round 3: their row reworded is restated under the deleted row, which stays deleted (not relabelled "Venue"), and a value elsewhere is read', async () => {
    const base = current();
    const docx = await docxOf(2);
    const intended = withValues(base, { 'terms.termination.dataReturnDays': 90 });
    const edits = editsBetween(await office.text(docx), await office.text(await renderDocx(rendered(intended), { epoch: EPOCH })))!;
    const markup = join(round.dir, 'round-2-markup.docx');
    const replacements = [...edits.replacements, ['the courts of Sangamon County', 'the state courts of Sangamon County'] as [string, string]];
    expect(await office.edit(docx, { out: markup, author: VENDOR, matchCase: true, replacements })).toEqual([]);
    const result = await importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.termination.dataReturnDays', from: 30, to: 90, author: VENDOR }]);
    const { negotiatedWording, ...values } = current();
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
    const before = current().negotiatedWording;
    const docx = await docxOf(3);
    const markup = join(round.dir, 'round-3-markup.docx');
    const intended = withValues(current(), { 'terms.termination.dataReturnDays': 60 });
    const edits = editsBetween(await office.text(docx), await office.text(await renderDocx(rendered(intended), { epoch: EPOCH })))!;
    expect(await office.edit(docx, { out: markup, author: VENDOR, matchCase: true, replacements: edits.replacements })).toEqual([]);
    const result = await importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.termination.dataReturnDays', from: 90, to: 60 }]);
    expect(current().negotiatedWording).toEqual(before);
  });
});
