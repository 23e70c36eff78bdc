/**
 * Our own DOCX redline is what counsel sends, so it is what the vendor marks up. The redline records
 * where its later round comes from (contract, commit, round) as a rendered DOCX does; its own tracked
 * changes (round 1 → round 2, by the buyer's counsel) are the base, already agreed; only the vendor's
 * changes on top are the vendor's proposal. Judged by LibreOffice: the vendor edits the redline with
 * tracking on, and the imported round, rendered, reads word for word as LibreOffice's accept-all of it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContractFile, type VendorAgreement } from '@contracts/core';
import type { Playbook } from '@contracts/playbook';
import { clauseContext } from '@contracts/playbook';
import { readProvenance, renderAgreement, renderDocx } from '@contracts/render';
import { unzipSync, zipSync } from 'fflate';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, wordDifferences, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { importMarkup } from '../src/index.js';
import { wordsWithoutNumbering } from './support/markup-corpus.js';
import { ROOT, roundOne } from './support/round-one.js';

const CLI = join(ROOT, 'packages/cli/bin/run.js');
const VENDOR = 'Marcus Lee (Acme)';
const lo = libreOfficeAvailability();
let dir: string;
let file: string;
let git: (...args: string[]) => string;
let playbook: Playbook;
let office: LibreOffice;
let redline: Uint8Array;
let roundTwo: string;

/** Round 2 as the buyer's counsel wrote it: the buyer renamed (the signature table's header), a shorter notice, a venue. */
const ROUND_TWO: [string, string][] = [
  ['name: City of Springfield', 'name: City of Springfield, Illinois'],
  ['notificationHours: 48', 'notificationHours: 24'],
];
/** The vendor's markup of the redline, tracked: back to 72 hours (inside the buyer's insertion), and a word of its own. */
const VENDOR_EDITS: [string, string][] = [
  ['twenty-four (24) hours', 'seventy-two (72) hours'],
  ['Each party bears its own costs of an audit', 'Each party bears its own costs of every audit'],
];

beforeAll(async () => {
  ({ dir, file, git, playbook } = await roundOne('contracts-import-redline-', { tag: true }));
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of ROUND_TWO) text = text.replace(from, to);
  writeFileSync(file, text);
  git('commit', '-qam', 'round 2', '--date', '2026-06-22T10:00:00Z');
  git('tag', '-a', 'springfield-smartcam/round-2', '-m', 'round 2');
  roundTwo = git('rev-parse', 'HEAD');
  const run = spawnSync(
    process.execPath,
    [CLI, 'redline', 'contracts/springfield-smartcam.yaml', '--from', 'round-1', '--to', 'round-2', '--out', 'redline.docx'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  expect(run.status, run.stderr).toBe(0);
  redline = readFileSync(join(dir, 'redline.docx'));
  if (lo.ok) office = await startLibreOffice();
});
afterAll(async () => {
  await office?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The imported contract rendered as `contracts render --to docx` renders it, as LibreOffice reads it. */
async function renderedWords(yaml: string): Promise<string[]> {
  const contract = parse(yaml) as VendorAgreement;
  const docx = await renderDocx(renderAgreement(contract, { extraContext: (c) => clauseContext(playbook, c) }).anchored, { epoch: 1_780_000_000 });
  return wordsWithoutNumbering(await office.text(docx));
}

describe('the DOCX redline', () => {
  it('records the later round it shows, as a rendered DOCX does: contract id, commit, round', () => {
    expect(readProvenance(redline)).toMatchObject({ contractId: 'springfield-smartcam', commit: roundTwo, round: 2, ref: 'springfield-smartcam/round-2' });
  });
});

describe.skipIf(!lo.ok)(`a vendor's markup of our redline ${lo.reason}`, () => {
  it("imports only the vendor's changes: the redline's own are the base, already agreed", async () => {
    const markup = join(dir, 'markup-of-redline.docx');
    expect(await office.edit(redline, { out: markup, author: VENDOR, replacements: VENDOR_EDITS, replaceAll: true, matchCase: true })).toEqual([]);
    const result = await importMarkup({ file, markup, playbook, dryRun: true });
    expect(result.base).toMatchObject({ commit: roundTwo, round: 2 });
    expect(result.baseAuthors).toEqual(['Buyer Counsel']);
    expect(result.values.map((v) => [v.path, v.from, v.to, v.author])).toEqual([['terms.incidentResponse.notificationHours', 24, 72, VENDOR]]);
    expect(result.wording.map((w) => [w.clause ?? w.paragraph, w.proposedBy])).toEqual([['audit/costs', VENDOR]]);
    expect(result.by.author).toBe(VENDOR);
    expect(wordDifferences(wordsWithoutNumbering(await office.text(markup, 'accept')), await renderedWords(result.yaml))).toEqual([]);
  });

  it('with --base, a markup of a redline without provenance keeps the signature table and reads the vendor’s changes as wording', async () => {
    // An older redline carried no provenance: the same document without docProps/custom.xml.
    const entries = unzipSync(redline);
    delete entries['docProps/custom.xml'];
    const markup = join(dir, 'markup-of-old-redline.docx');
    expect(await office.edit(zipSync(entries), { out: markup, author: VENDOR, replacements: VENDOR_EDITS, replaceAll: true, matchCase: true })).toEqual([]);
    const result = await importMarkup({ file, markup, playbook, base: 'springfield-smartcam/round-2', dryRun: true });
    expect(result.ours).toBe(false);
    expect(result.baseAuthors).toEqual(['Buyer Counsel']);
    const keys = result.wording.map((w) => w.clause ?? w.paragraph);
    expect(keys.filter((k) => k?.startsWith('signatures'))).toEqual([]);
    expect(keys).toContain('audit/costs');
    expect(result.wording.every((w) => w.proposedBy === VENDOR)).toBe(true);
    const imported = parse(result.yaml) as VendorAgreement;
    expect(imported.parties).toEqual((loadContractFile(file).value as VendorAgreement).parties);
    expect(wordDifferences(wordsWithoutNumbering(await office.text(markup, 'accept')), await renderedWords(result.yaml))).toEqual([]);
  });
});
