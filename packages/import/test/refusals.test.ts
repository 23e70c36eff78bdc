/**
 * Every refusal: one line, exit code 2, a stable code, and the contract file untouched. The hostile
 * files are built here byte by byte (a zip bomb, an OLE container, a DTD with an external entity); the
 * markups of our own renderings are real DOCX output.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContractFile, type VendorAgreement } from '@contracts/core';
import type { Playbook } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMarkup } from '../src/index.js';
import { ROOT, roundOne } from './support/round-one.js';

let dir: string;
let file: string;
let playbook: Playbook;
let ours: Uint8Array;
let original: string;
let commit: string;
let git: (...args: string[]) => string;

beforeAll(async () => {
  ({ dir, file, playbook, original, commit, git, docx: ours } = await roundOne('contracts-import-refusals-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports `bytes` and returns the error it was refused with, checking that nothing was written. */
async function refusal(bytes: Uint8Array, options: { base?: string } = {}) {
  const markup = join(dir, 'markup.docx');
  writeFileSync(markup, bytes);
  const error = await importMarkup({ file, markup, playbook, ...options }).then(
    () => undefined,
    (e: unknown) => e as { code: string; exitCode: number; message: string },
  );
  expect(readFileSync(file, 'utf8')).toBe(original);
  expect(error).toBeDefined();
  expect(error!.exitCode).toBe(2);
  expect(error!.message).not.toMatch(/\n/);
  return error!;
}

/** Our rendering with some parts replaced or added. */
function repackaged(change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(ours);
  change(entries);
  return zipSync(entries);
}

const documentXml = (e: Record<string, Uint8Array>) => new TextDecoder().decode(e['word/document.xml']);
/** Our rendering with the incident notice edited (untracked) to 72 hours: a markup with one value changed. */
const seventyTwo = () => repackaged((e) => (e['word/document.xml'] = strToU8(documentXml(e).replaceAll('forty-eight (48) hours', 'seventy-two (72) hours'))));

describe('a markup that cannot be imported is refused with one line, and nothing is written', () => {
  it('a DOCX rendered from another contract', async () => {
    const other = loadContractFile(join(ROOT, 'contracts/nordlicht-building-sensors.yaml')).value as VendorAgreement;
    const docx = await renderDocx(renderAgreement(other).anchored, { epoch: 1, provenance: { contractId: other.id, commit } });
    expect(await refusal(docx)).toMatchObject({ code: 'import/other-contract', message: expect.stringContaining('nordlicht-building-sensors') });
  });

  it('a base commit that does not exist here says to fetch it', async () => {
    const contract = loadContractFile(file).value as VendorAgreement;
    const docx = await renderDocx(renderAgreement(contract).anchored, { epoch: 1, provenance: { contractId: contract.id, commit: 'f'.repeat(40) } });
    expect(await refusal(docx)).toMatchObject({ code: 'import/base-missing', message: expect.stringMatching(/fetch/) });
  });

  it('a working-tree file changed since the base', async () => {
    writeFileSync(file, `${original}# a local edit\n`);
    try {
      const markup = join(dir, 'markup.docx');
      writeFileSync(markup, ours);
      await expect(importMarkup({ file, markup, playbook })).rejects.toMatchObject({
        code: 'import/changed-since-base',
        exitCode: 2,
        message: expect.stringMatching(/has uncommitted edits, and .*markup\.docx was made from [0-9a-f]{7} \(round-1\): commit or stash them/),
      });
      expect(readFileSync(file, 'utf8')).toBe(`${original}# a local edit\n`);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('a markup already imported says so, committed or not, and names the commit and round it is in', async () => {
    const markup = join(dir, 'seventy-two.docx');
    writeFileSync(markup, seventyTwo());
    await importMarkup({ file, markup, playbook });
    try {
      await expect(importMarkup({ file, markup, playbook })).rejects.toMatchObject({
        code: 'import/already-imported',
        exitCode: 2,
        message: expect.stringMatching(
          /already holds .*seventy-two\.docx: importing it onto [0-9a-f]{7} \(round-1\).*in the working tree \(not committed yet\); nothing to do/,
        ),
      });
      git('commit', '-qam', 'their markup');
      git('tag', '-a', 'springfield-smartcam/round-2', '-m', 'round 2');
      await expect(importMarkup({ file, markup, playbook })).rejects.toMatchObject({
        code: 'import/already-imported',
        message: expect.stringMatching(/as [0-9a-f]{7} \(round-2\) "their markup"; nothing to do/),
      });
      // Another markup of round 1: the file moved on to round 2 since, and the message says which commits and how to import onto the base.
      const other = join(dir, 'other.docx');
      writeFileSync(
        other,
        repackaged((e) => (e['word/document.xml'] = strToU8(documentXml(e).replaceAll('forty-eight (48) hours', 'ninety-six (96) hours')))),
      );
      const before = readFileSync(file, 'utf8');
      await expect(importMarkup({ file, markup: other, playbook })).rejects.toMatchObject({
        code: 'import/changed-since-base',
        message: expect.stringMatching(
          new RegExp(
            `has moved on to round-2 since ${commit.slice(0, 7)} \\(round-1\\), the version .*other\\.docx was made from: 1 commit since \\([0-9a-f]{7} \\(round-2\\) "their markup"\\)\\. .*git switch -c their-markup ${commit.slice(0, 7)}.*--base REF`,
          ),
        ),
      });
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      git('reset', '-q', '--hard', commit);
      git('tag', '-d', 'springfield-smartcam/round-2');
    }
  });

  it('a missing markup or contract file, as every command reports a missing file (io/not-found)', async () => {
    await expect(importMarkup({ file, markup: join(dir, 'nowhere.docx'), playbook, names: { markup: 'nowhere.docx' } })).rejects.toMatchObject({
      code: 'io/not-found',
      exitCode: 2,
      message: 'No such file or directory: nowhere.docx',
    });
    await expect(
      importMarkup({ file: join(dir, 'contracts/nope.yaml'), markup: join(dir, 'markup.docx'), playbook, names: { file: 'contracts/nope.yaml' } }),
    ).rejects.toMatchObject({
      code: 'io/not-found',
      message: 'No such file or directory: contracts/nope.yaml',
    });
  });

  it('a DOCX that is not one of ours says how to proceed (--base REF)', async () => {
    const foreign = repackaged((e) => {
      delete e['docProps/custom.xml'];
    });
    expect(await refusal(foreign)).toMatchObject({ code: 'import/not-ours', message: expect.stringMatching(/--base REF.*negotiated wording/) });
  });

  it('a password-protected document (an OLE compound file)', async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(cfb)).toMatchObject({ code: 'import/password-protected', message: expect.stringMatching(/password/) });
  });

  it.each([
    ['empty', new Uint8Array()],
    ['not a zip', strToU8('<html>not a document</html>')],
    ['truncated', () => ours.slice(0, Math.floor(ours.length / 2))],
    ['a zip without a Word body', () => zipSync({ 'hello.txt': strToU8('hi') })],
    ['malformed XML', () => repackaged((e) => (e['word/document.xml'] = strToU8('<w:document><w:body><w:p></w:body>')))],
  ])('a corrupt file (%s)', async (_name, bytes) => {
    expect(await refusal(typeof bytes === 'function' ? bytes() : bytes)).toMatchObject({ code: 'import/corrupt' });
  });

  it('a zip bomb, before anything is inflated (ratio, size, entry count)', async () => {
    const dense = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(await refusal(dense)).toMatchObject({ code: 'import/zip-bomb', message: expect.stringMatching(/compressed \d+:1/) });
    // A central directory that declares 3 GB for a part: refused from the directory alone.
    const lying = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const view = new DataView(lying.buffer);
    for (let at = 0; at + 4 <= lying.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && new TextDecoder().decode(lying.slice(at + 46, at + 46 + 17)) === 'word/document.xml')
        view.setUint32(at + 24, 3_000_000_000, true);
    }
    expect(await refusal(lying)).toMatchObject({ code: 'import/zip-bomb', message: expect.stringMatching(/would inflate/) });
    const many = zipSync(Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`word/media/x${i}.bin`, strToU8('x')])));
    expect(await refusal(many)).toMatchObject({ code: 'import/zip-bomb', message: expect.stringMatching(/entries/) });
  });

  it.each([
    [
      'an external entity in document.xml',
      'word/document.xml',
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>',
    ],
    [
      'a billion-laughs DTD in styles.xml',
      'word/styles.xml',
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><w:styles>&b;</w:styles>',
    ],
    ['a DTD in a relationships part', 'word/_rels/document.xml.rels', '<!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd"><Relationships/>'],
  ])('%s (never resolved)', async (_name, part, xml) => {
    expect(await refusal(repackaged((e) => (e[part] = strToU8(xml))))).toMatchObject({
      code: 'import/external-entity',
      message: expect.stringContaining(part),
    });
  });
});

describe('a markup of ours', () => {
  it('with no changes imports as nothing to do, and writes nothing', async () => {
    const markup = join(dir, 'markup.docx');
    writeFileSync(markup, ours);
    const result = await importMarkup({ file, markup, playbook });
    expect(result).toMatchObject({ values: [], wording: [], written: false, base: { commit, round: 1 } });
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('without provenance but with --base: every change is kept as negotiated wording', async () => {
    const foreign = repackaged((e) => {
      delete e['docProps/custom.xml'];
      const xml = new TextDecoder().decode(e['word/document.xml']);
      e['word/document.xml'] = strToU8(xml.replaceAll('forty-eight (48) hours', 'seventy-two (72) hours'));
    });
    const markup = join(dir, 'foreign.docx');
    writeFileSync(markup, foreign);
    const result = await importMarkup({ file, markup, playbook, base: 'HEAD', dryRun: true });
    expect(result.ours).toBe(false);
    expect(result.values).toEqual([]);
    expect(result.wording.map((w) => w.paragraph ?? w.clause)).toEqual(['cover-page/Incident notice', 'incidentResponse/notice']);
    expect(result.wording.every((w) => w.tracked === false)).toBe(true);
  });
});
