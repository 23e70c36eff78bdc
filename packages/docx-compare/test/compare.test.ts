import { isContractsError } from '@contracts/core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { docx } from './support.js';
import { describe, expect, it } from 'vitest';
import { compareDocx, revisionDate, revisions } from '../src/index.js';

const before = docx([
  '**1.1** The Vendor shall notify the Buyer within forty-eight (48) hours.',
  '**1.2** On-site audits are permitted once a year.',
  'Signed.',
]);
const after = docx(['**1.1** The Vendor shall notify the Buyer within twenty-four (24) hours.', 'Signed.']);
const BY = { author: 'Marcus Lee (Acme Cameras)', date: '2026-05-18T12:00:00+02:00' };
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('compareDocx', () => {
  it('writes the changes as tracked changes, every one by the given author at the given date', async () => {
    const xml = documentXml(await compareDocx(before, after, BY));
    expect(xml).toMatch(/<w:del\b[^>]*>(?:(?!<\/w:del>).)*forty-eight/);
    expect(xml).toMatch(/<w:ins\b[^>]*>(?:(?!<\/w:ins>).)*twenty-four/);
    expect(xml).toMatch(/<w:del\b[^>]*>(?:(?!<\/w:del>).)*On-site audits/);
    const tags = [...xml.matchAll(/<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange)\b[^>]*>/g)].map((m) => m[0]);
    expect(tags.length).toBeGreaterThanOrEqual(3);
    for (const tag of tags) expect(tag).toMatch(/ w:author="Marcus Lee \(Acme Cameras\)"[^>]* w:date="2026-05-18T10:00:00Z"/);
  });

  it('gives the same bytes for the same inputs, whatever the clock says', async () => {
    const first = await compareDocx(before, after, BY);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.compare(first, await compareDocx(before, after, BY))).toBe(0);
  });

  it('reports the tracked changes of its output as data', async () => {
    const changes = await revisions(await compareDocx(before, after, BY));
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes.map((c) => c.author))).toEqual(new Set([BY.author]));
    expect(changes.map((c) => c.text).join(' ')).toContain('forty-eight');
    expect(changes.some((c) => c.type === 'insert' && c.text.includes('twenty-four'))).toBe(true);
  });

  it('answers several comparisons in flight, each with its own result', async () => {
    const other = docx(['**1.1** The Vendor shall notify the Buyer within twelve (12) hours.', 'Signed.']);
    const [a, b] = await Promise.all([compareDocx(before, after, BY), compareDocx(before, other, BY)]);
    expect(documentXml(a)).toContain('twenty-four');
    expect(documentXml(b)).toContain('twelve');
  });

  const bad: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(), /^round-1 is empty, not a DOCX file$/],
    ['a text file', strToU8('hello, world'), /^round-1 is not a DOCX file \(a DOCX is a zip package/],
    ['a truncated file', before.subarray(0, 200), /^round-1 is a damaged zip package/],
    [
      'a zip without a Word body',
      zipSync({ 'a.txt': strToU8('x') }),
      /^round-1 is not a Word document: the package has no \[Content_Types\]\.xml and no word\/document\.xml$/,
    ],
    ['a Word body that is not XML', docx([], '<w:document><oops'), /^round-1 cannot be read as a Word document \(/],
  ];
  it.each(bad)('says in one line, with a stable code, that %s is not a DOCX', async (_what, bytes, message) => {
    const error = await compareDocx(bytes, after, { ...BY, names: { before: 'round-1' } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isContractsError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'docx-compare/corrupt-input', exitCode: 2 });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names the later document when that one is broken', async () => {
    await expect(compareDocx(before, docx([], '<w:document><oops'), BY)).rejects.toThrow(/^the later document cannot be read as a Word document/);
  });

  it('needs an author and a date', async () => {
    await expect(compareDocx(before, after, { author: ' ', date: BY.date })).rejects.toThrow(RangeError);
    await expect(compareDocx(before, after, { author: 'A', date: 'yesterday' })).rejects.toThrow(/Not a date/);
  });
});

describe('revisionDate', () => {
  it('writes UTC whole seconds, the form Word writes', () => {
    expect(revisionDate('2026-05-18T12:00:00.750+02:00')).toBe('2026-05-18T10:00:00Z');
    expect(revisionDate(1_779_098_400)).toBe('2026-05-18T10:00:00Z');
  });
});
