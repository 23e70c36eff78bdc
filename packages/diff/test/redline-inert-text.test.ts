import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadValidator, type VendorAgreement } from '@contracts/core';
import { contractAt, openRepo, versionAuthor } from '@contracts/git';
import { loadPlaybook } from '@contracts/playbook';
import { renderHtml } from '@contracts/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVersion, redlineVersions, type RedlineFormat } from '../src/redline-document/index.js';

/**
 * Terminal escapes and bidi controls from a commit author never reach a redline (ops probe item 4): the
 * judge is the bytes of each output, every part of the DOCX unzipped. In a contract value they never get
 * that far: the schema refuses them in every text the agreement prints (schema/pattern), so a round with
 * such a vendor name is not redlined at all.
 */

// C0 controls but tab and line breaks, C1 controls, bidi embeddings/overrides/isolates and marks.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const HOSTILE_VENDOR = 'Evil\u001b[2K\u001b[1A\u001b[32m OK\u001b[0m Inc.\u202e';
const HOSTILE_AUTHOR = 'Vic\u001b[31m Vendor\u202e';
const PATH = 'contracts/springfield-smartcam.yaml';

let dir: string;
let outputs: Map<RedlineFormat, string | Uint8Array>;
let later: VendorAgreement;

const git = (args: string[], env: Record<string, string> = {}) =>
  execFileSync('git', args, { cwd: join(dir, 'repo'), env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...env }, encoding: 'utf8' });

/** Every part of a DOCX, by name, as UTF-8 text (the system unzip: the diff package has no zip library). */
function docxParts(bytes: Uint8Array): Map<string, string> {
  const out = mkdtempSync(join(dir, 'docx-'));
  writeFileSync(join(out, 'redline.docx'), bytes);
  execFileSync('unzip', ['-q', 'redline.docx', '-d', 'parts'], { cwd: out });
  const names = readdirSync(join(out, 'parts'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(names.map((e) => [relative(join(out, 'parts'), join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

/** What a reader sees once every change is accepted: deletions dropped, tags removed. */
const accepted = (html: string) => html.replace(/<del\b[^>]*>[\s\S]*?<\/del>/g, '').replace(/<[^>]+>/g, '');

const firstForbidden = (text: string) => {
  const m = FORBIDDEN.exec(text);
  return m
    ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${m.index}: …${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 20))}…`
    : undefined;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-inert-'));
  mkdirSync(join(dir, 'repo', 'contracts'), { recursive: true });
  const springfield = readFileSync(fileURLToPath(new URL(`../../../${PATH}`, import.meta.url)), 'utf8');
  git(['init', '-q', '-b', 'main']);
  writeFileSync(join(dir, 'repo', PATH), springfield);
  git(['add', '-A']);
  git(['-c', 'user.name=Buyer Counsel', '-c', 'user.email=b@x', 'commit', '-qm', 'round 1']);
  git(['tag', 'round-1']);
  const hostile = springfield.replace(/notificationHours: \d+/, 'notificationHours: 96');
  expect(hostile).not.toBe(springfield);
  writeFileSync(join(dir, 'repo', PATH), hostile);
  git(['-c', `user.name=${HOSTILE_AUTHOR}`, '-c', 'user.email=v@x', 'commit', '-qam', 'round 2'], { SOURCE_DATE_EPOCH: '' });
  git(['tag', 'round-2']);

  const repo = await openRepo(join(dir, 'repo'));
  const before = await contractAt(repo, 'round-1', PATH);
  const after = await contractAt(repo, 'round-2', PATH);
  const by = await versionAuthor(repo, 'round-2');
  expect(by.name).toBe(HOSTILE_AUTHOR); // git keeps the name as written: the redline must not
  const { playbook } = await loadPlaybook();
  const result = await redlineVersions(before, after, { format: ['md', 'html', 'docx'], by, ...(playbook ? { playbook } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.broken));
  outputs = new Map(result.outputs.map((o) => [o.format, o.content]));
  const loaded = loadVersion(after.bytes, after.loaded.file, await loadValidator('vendor-agreement'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  later = loaded.contract;
  expect(String(result.redline.by.author)).toBe('Vic[31m Vendor⟨U+202E⟩');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a redline of a hostile vendor name by a hostile commit author', () => {
  it('has no control or bidi character in the Markdown, and the author reads as render would print it', () => {
    const md = outputs.get('md') as string;
    expect(firstForbidden(md)).toBeUndefined();
    expect(md).toContain('author="Vic[31m Vendor⟨U+202E⟩"');
  });

  it('has no control or bidi character in the HTML, and the header names the author as render would print it', () => {
    const html = outputs.get('html') as string;
    expect(firstForbidden(html)).toBeUndefined();
    const header = html.slice(0, html.indexOf('</section>'));
    expect(header).toContain('Changes by Vic[31m Vendor⟨U+202E⟩');
    expect(accepted(html.slice(html.indexOf('</section>')))).toContain('ninety-six (96) hours');
  });

  it('has no control or bidi character in any part of the DOCX, w:author included', () => {
    const parts = docxParts(outputs.get('docx') as Uint8Array);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']));
    for (const [name, text] of parts) expect(firstForbidden(text), name).toBeUndefined();
    const authors = new Set([...parts.get('word/document.xml')!.matchAll(/w:author="([^"]*)"/g)].map((m) => m[1]));
    expect([...authors]).toEqual(['Vic[31m Vendor⟨U+202E⟩']);
  });

  it('matches render --to html of the later round, which has none either and prints the vendor the same way', async () => {
    const html = await renderHtml(later);
    expect(firstForbidden(html)).toBeUndefined();
  });

  it('is never made for a round whose vendor name holds them: the schema refuses the round', async () => {
    const springfield = readFileSync(join(dir, 'repo', PATH), 'utf8');
    const vendorName = /^( {4}name: ).*$/m.exec(springfield.split('vendor:')[1]!)![0];
    writeFileSync(join(dir, 'repo', PATH), springfield.replace(vendorName, `    name: ${JSON.stringify(HOSTILE_VENDOR)}`));
    git(['-c', 'user.name=Vendor', '-c', 'user.email=v@x', 'commit', '-qam', 'round 3']);
    git(['tag', 'round-3']);
    const repo = await openRepo(join(dir, 'repo'));
    const result = await redlineVersions(await contractAt(repo, 'round-2', PATH), await contractAt(repo, 'round-3', PATH), { format: ['md'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.broken.flatMap((b) => b.diagnostics.map((d) => [d.code, d.path]))).toContainEqual(['schema/pattern', '/parties/vendor/name']);
  });
});
