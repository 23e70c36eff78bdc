/**
 * A cover-page row the vendor relabelled, or a row it added, over three rounds made in LibreOffice: the
 * row stays keyed by the template's label (`paragraph: cover-page/Data return`), so the next markup,
 * made from the round that prints their label, maps onto the same entry — a value changed in that row
 * is read, the label kept; a row they added and then reworded is restated; a label put back to the
 * template's leaves no entry. `check` warns on each entry, and every round, rendered, reads word for word
 * as LibreOffice's accept-all of the markup it came from.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlText, type VendorAgreement } from '@contracts/core';
import { checkContract, clauseContext } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, wordDifferences, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { importMarkup } from '../src/index.js';
import { editsBetween, withValues, wordsWithoutNumbering } from './support/markup-corpus.js';
import { type RoundOne, roundOne } from './support/round-one.js';

const VENDOR = 'Marcus Lee (Acme)';
const EPOCH = 1_780_000_000;
const lo = libreOfficeAvailability();
let round: RoundOne;
let office: LibreOffice;

beforeAll(async () => {
  round = await roundOne('contracts-import-row-labels-');
  if (lo.ok) office = await startLibreOffice();
});
afterAll(async () => {
  await office?.close();
  rmSync(round.dir, { recursive: true, force: true });
});

const rendered = (contract: VendorAgreement) => renderAgreement(contract, { extraContext: (c) => clauseContext(round.playbook, c) }).anchored;
const current = () => parse(readFileSync(round.file, 'utf8')) as VendorAgreement & { negotiatedWording?: Record<string, unknown>[] };

/** The committed round as `contracts render --to docx` renders it, with its provenance. */
const docxOf = async (roundNumber: number) =>
  renderDocx(rendered(current()), {
    epoch: EPOCH,
    provenance: { contractId: 'springfield-smartcam', commit: round.git('rev-parse', 'HEAD'), round: roundNumber },
  });

/** Imports `markup` and commits it; the judge: the imported round, rendered, reads as LibreOffice's accept-all of the markup. */
async function importAndJudge(markup: string) {
  const result = await importMarkup({ file: round.file, markup, playbook: round.playbook, commit: true });
  const accepted = wordsWithoutNumbering(await office.text(markup, 'accept'));
  const again = wordsWithoutNumbering(await office.text(await renderDocx(rendered(current()), { epoch: EPOCH })));
  expect(wordDifferences(accepted, again)).toEqual([]);
  return result;
}

describe.skipIf(!lo.ok)(`a relabelled or added cover-page row over several rounds ${lo.reason}`, () => {
  it('round 2: the label and the added row are kept as wording for the rows they belong to, and check warns on both', async () => {
    const markup = join(round.dir, 'round-1-markup.docx');
    const edit = {
      out: markup,
      author: VENDOR,
      matchCase: true,
      replacements: [['Data return', 'Data return and deletion', 0]] as [string, string, number][],
      insertRows: [['Governing law', ['Venue', 'the courts of Sangamon County, Illinois']]] as [string, string[]][],
    };
    expect(await office.edit(round.docx, edit)).toEqual([]);
    const result = await importAndJudge(markup);
    expect(result.values).toEqual([]);
    expect(current().negotiatedWording).toMatchObject([
      { paragraph: 'cover-page/Governing law', rowsAfter: [{ label: 'Venue', text: 'the courts of Sangamon County, Illinois' }], proposedBy: VENDOR },
      { paragraph: 'cover-page/Data return', label: 'Data return and deletion', proposedBy: VENDOR, tracked: true, round: 1 },
    ]);
    expect(current().negotiatedWording!.some((e) => 'text' in e)).toBe(false);
    const { diagnostics } = checkContract(loadYamlText(readFileSync(round.file, 'utf8'), round.file), round.playbook);
    expect(diagnostics.filter((d) => d.code === 'playbook/negotiated-wording').map((d) => d.message)).toEqual([
      expect.stringMatching(/\(paragraph cover-page\/Governing law, .*: adds 1 row after it\)/),
      expect.stringMatching(
        /^negotiated wording outside the playbook: counsel to review \(paragraph cover-page\/Data return, .*: labels the row "Data return and deletion"\)/,
      ),
    ]);
  });

  it('round 3: a markup of the relabelled round finds the same row; its value is read, the label stays, the reworded added row is restated', async () => {
    const base = current();
    const docx = await docxOf(2);
    const intended = withValues(base, { 'terms.termination.dataReturnDays': 90 });
    const edits = editsBetween(await office.text(docx), await office.text(await renderDocx(rendered(intended), { epoch: EPOCH })))!;
    const markup = join(round.dir, 'round-2-markup.docx');
    const replacements = [...edits.replacements, ['the courts of Sangamon County', 'the state courts of Sangamon County'] as [string, string]];
    expect(await office.edit(docx, { out: markup, author: VENDOR, matchCase: true, replacements })).toEqual([]);
    const result = await importAndJudge(markup);
    expect(result.values).toMatchObject([{ path: 'terms.termination.dataReturnDays', from: 30, to: 90, author: VENDOR }]);
    expect(result.regions.map((r) => [r.key, r.outcome])).toEqual(
      expect.arrayContaining([
        ['cover-page/Data return', 'values'],
        ['cover-page/Governing law', 'wording'],
      ]),
    );
    const { negotiatedWording, ...values } = current();
    const { negotiatedWording: _before, ...intendedValues } = intended;
    expect(values).toEqual(intendedValues);
    expect(negotiatedWording).toMatchObject([
      { paragraph: 'cover-page/Governing law', rowsAfter: [{ label: 'Venue', text: 'the state courts of Sangamon County, Illinois' }], round: 2 },
      { paragraph: 'cover-page/Data return', label: 'Data return and deletion', round: 1 },
    ]);
    expect(negotiatedWording).toHaveLength(2);
  });

  it('round 4: the label put back to the template’s, and the added row deleted, leave no wording', async () => {
    const docx = await docxOf(3);
    const markup = join(round.dir, 'round-3-markup.docx');
    const edit = {
      out: markup,
      author: VENDOR,
      matchCase: true,
      replacements: [['Data return and deletion', 'Data return']] as [string, string][],
      deleteRows: ['Venue'],
    };
    expect(await office.edit(docx, edit)).toEqual([]);
    const result = await importAndJudge(markup);
    expect(result.values).toEqual([]);
    expect(current().negotiatedWording).toBeUndefined();
    expect(current().terms.termination?.dataReturnDays).toBe(90);
  });
});
