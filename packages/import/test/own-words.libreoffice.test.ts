/**
 * A term the vendor restates in its own words, made in LibreOffice: "forty-eight (48) hours" → "96 hours"
 * everywhere is read (one number, and every passage that prints the term reads as written once numbers
 * compare by value), and the vendor's words are kept; "ninety-six (96) hours" in the operative clause
 * only, with the cover page still at 48, is not read — the document contradicts itself — and the import
 * says so, and `check` reports the term as unsettled. Either way the imported round, rendered, reads
 * word for word as LibreOffice's accept-all of the markup.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlText, type VendorAgreement } from '@contracts/core';
import { checkContract, clauseContext, type Playbook } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, wordDifferences, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { formatImport, importMarkup } from '../src/index.js';
import { numbersByValue } from '../src/match/own-words.js';
import { wordsWithoutNumbering } from './support/markup-corpus.js';
import { ROOT, type RoundOne, roundOne } from './support/round-one.js';

const VENDOR = 'Marcus Lee (Acme)';
const CLI = join(ROOT, 'packages/cli/bin/run.js');
const HOURS = 'terms.incidentResponse.notificationHours';
const SUPER_CAP = 'terms.liability.superCapMultipleOfFees';
const lo = libreOfficeAvailability();
let round: RoundOne;
let office: LibreOffice;
let playbook: Playbook;

beforeAll(async () => {
  round = await roundOne('contracts-import-own-words-');
  playbook = round.playbook;
  if (lo.ok) office = await startLibreOffice();
});
afterAll(async () => {
  await office?.close();
  rmSync(round.dir, { recursive: true, force: true });
});

/** LibreOffice's accept-all of `markup` and the imported contract as `render --to docx` renders it, both as LibreOffice reads them. */
async function acceptedAndRendered(markup: string, yaml: string): Promise<[string[], string[]]> {
  const contract = parse(yaml) as VendorAgreement;
  const docx = await renderDocx(renderAgreement(contract, { extraContext: (c) => clauseContext(playbook, c) }).anchored, { epoch: 1_780_000_000 });
  return [wordsWithoutNumbering(await office.text(markup, 'accept')), wordsWithoutNumbering(await office.text(docx))];
}

describe('numbers compared by value', () => {
  it('read words with figures, figures and words alike, and nothing else', () => {
    expect(numbersByValue('within ninety-six (96) hours')).toBe('within 96 hours');
    expect(numbersByValue('within ninety-six hours,')).toBe('within 96 hours,');
    expect(numbersByValue('USD 2,000,000 and one hundred and twenty (120) days')).toBe('USD 2000000 and 120 days');
    expect(numbersByValue('twenty (2) days')).toBe('20 (2) days');
  });
});

describe.skipIf(!lo.ok)(`a term the vendor restates in its own words ${lo.reason}`, () => {
  it('is read when it says one number everywhere the term is printed, and the vendor’s words are kept', async () => {
    const markup = join(round.dir, 'own-words.docx');
    const edit = {
      out: markup,
      author: VENDOR,
      replacements: [['forty-eight (48) hours', '96 hours']] as [string, string][],
      replaceAll: true,
      matchCase: true,
    };
    expect(await office.edit(round.docx, edit)).toEqual([]);
    const result = await importMarkup({ file: round.file, markup, playbook, dryRun: true });
    expect(result.values).toMatchObject([{ path: HOURS, from: 48, to: 96, ownWords: true, author: VENDOR }]);
    expect(result.unread).toEqual([]);
    expect(result.wording.map((w) => [w.clause ?? w.paragraph, w.restates])).toEqual([
      ['cover-page/Incident notice', [{ term: HOURS, said: '96 hours', value: 96 }]],
      ['incidentResponse/notice', [{ term: HOURS, said: '96 hours', value: 96 }]],
    ]);
    expect(result.diff.positions).toMatchObject([{ path: 'incidentResponse.notificationHours', gained: 'vendor' }]);
    const [accepted, rendered] = await acceptedAndRendered(markup, result.yaml);
    expect(wordDifferences(accepted, rendered)).toEqual([]);
    // Once the buyer moves the term, the vendor's words no longer say what the term does: check says so.
    const moved = result.yaml.replace(/notificationHours: 96/, 'notificationHours: 24');
    const { diagnostics } = checkContract(loadYamlText(moved, 'springfield-smartcam.yaml'), playbook);
    expect(diagnostics.filter((d) => d.code === 'playbook/restated-term').map((d) => d.message)).toEqual([
      expect.stringContaining(
        'paragraph cover-page/Incident notice restates terms.incidentResponse.notificationHours as "96 hours" (96), but the term is now 24',
      ),
      expect.stringContaining('clause incidentResponse/notice restates'),
    ]);
  });

  it('is not read when only the operative clause changes (the cover page still says 48): the import says so, and check reports it', async () => {
    const markup = join(round.dir, 'clause-only.docx');
    const replacements: [string, string][] = [['in any event within forty-eight (48) hours', 'in any event within ninety-six (96) hours']];
    expect(await office.edit(round.docx, { out: markup, author: VENDOR, replacements, matchCase: true })).toEqual([]);
    const result = await importMarkup({ file: round.file, markup, playbook, dryRun: true });
    expect(result.values).toEqual([]);
    expect(result.unread).toMatchObject([
      {
        path: HOURS,
        region: 'clause:incidentResponse/notice',
        said: 'ninety-six (96) hours',
        contradicted: ['paragraph:cover-page/Incident notice'],
        current: 48,
      },
    ]);
    expect(formatImport(result, 'text')).toMatch(
      /NOT READ: .*\n {2}! terms\.incidentResponse\.notificationHours: clause incidentResponse\/notice now says "ninety-six \(96\) hours", but paragraph cover-page\/Incident notice still says "forty-eight \(48\)" where 96 would read "ninety-six \(96\)"\. Not read: the term stays 48/,
    );
    expect(result.wording).toMatchObject([{ clause: 'incidentResponse/notice', restates: [{ term: HOURS, said: 'ninety-six (96) hours' }] }]);
    const [accepted, rendered] = await acceptedAndRendered(markup, result.yaml);
    expect(wordDifferences(accepted, rendered)).toEqual([]);
    const file = join(round.dir, 'imported.yaml');
    writeFileSync(file, result.yaml);
    const { diagnostics } = checkContract(loadYamlText(result.yaml, file), playbook);
    expect(diagnostics.filter((d) => d.code === 'playbook/restated-term')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('which contracts import could not read: the term is rated at 48') },
    ]);
  });

  it('names the figure that disagrees: the multiple changed in both places, the amount beside it not', async () => {
    const markup = join(round.dir, 'supercap.docx');
    const replacements: [string, string][] = [['twelve (12) times the Annual Fees', 'twenty (20) times the Annual Fees']];
    expect(await office.edit(round.docx, { out: markup, author: VENDOR, replacements, replaceAll: true, matchCase: true })).toEqual([]);
    const result = await importMarkup({ file: round.file, markup, playbook, dryRun: true });
    const figure = { said: 'USD 5,040,000', reads: 'USD 8,400,000' };
    expect(result.unread).toMatchObject([
      {
        path: SUPER_CAP,
        region: 'paragraph:cover-page/Data breach liability',
        said: 'twenty (20)',
        tried: 20,
        current: 12,
        disagreeing: [
          { region: 'paragraph:cover-page/Data breach liability', ...figure },
          { region: 'clause:insuranceLiability/data-breach-liability', ...figure },
        ],
      },
      { path: SUPER_CAP, region: 'clause:insuranceLiability/data-breach-liability', said: 'twenty (20)' },
    ]);
    const text = formatImport(result, 'text');
    expect(text).toContain(
      '! terms.liability.superCapMultipleOfFees: paragraph cover-page/Data breach liability now says "twenty (20)", but it still says "USD 5,040,000" where 20 would read "USD 8,400,000"; clause insuranceLiability/data-breach-liability still says "USD 5,040,000" where 20 would read "USD 8,400,000". Not read: the term stays 12',
    );
    expect(text).not.toMatch(/still says otherwise/);
  });

  it('makes the built contracts import exit 1 when a term is NOT READ (written, but unsettled), and 0 when every term was read', async () => {
    const contracts = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'import', 'contracts/springfield-smartcam.yaml', ...args], { cwd: round.dir, encoding: 'utf8' });
    const read = contracts('own-words.docx', '--dry-run');
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout).not.toContain('NOT READ');
    const unread = contracts('clause-only.docx');
    expect(unread.status, unread.stderr).toBe(1);
    expect(unread.stderr).toBe('');
    expect(unread.stdout).toMatch(/NOT READ: terms restated/);
    expect(unread.stdout.trimEnd().split('\n').at(-1)).toBe(
      'wrote contracts/springfield-smartcam.yaml; 1 term NOT READ: imported, but counsel must settle it (exit 1)',
    );
    expect(readFileSync(round.file, 'utf8')).toContain('restates:');
    round.git('checkout', '--', '.');
    const json = contracts('clause-only.docx', '--dry-run', '--format', 'json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).unread).toMatchObject([{ path: HOURS, current: 48 }]);
  });
});
