/**
 * The built-in DOCX writer against pandoc, the tool it replaces (the project's rule for hand-writing
 * what a library does). For the bundled contracts, contracts generated from the schema, and fixtures
 * for typography and structure, both engines' documents must give a reader the same thing: the same
 * text in LibreOffice (paragraphs and table cells in reading order, exactly), the same paragraph
 * styles and heading outline levels, lists, tables and cell texts, bookmarks (names and the text they
 * span, as LibreOffice lists them too) and link targets (support/docx-view.ts). pandoc-wasm is always
 * a judge, the system pandoc too when installed. The writer must also add no schema error of its own
 * (Open XML SDK validator) and print the same pages as pandoc's document (LibreOffice → PDF → PNG).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValidator, type VendorAgreement } from '@contracts/core';
import validate from '@ooxml-tools/validate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beyondSubset, referenceDocPath, renderAgreement, renderDocxMany } from '@contracts/render';
import { fuzzSettings } from '../../../test-support/fuzz.js';
import { libreOfficeAvailability, startLibreOffice, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { backends, contractFiles, loadContract } from './helpers.js';
import { docxView } from './support/docx-view.js';
import { hasLibreOffice, throughLibreOffice } from './support/libreoffice.js';
import { objectArbitrary, type SchemaNode } from './support/schema-arbitrary.js';

const EPOCH = 1_779_098_400;
const fuzz = fuzzSettings({ seed: 20_260_611, runs: 12 });
const schema = JSON.parse(readFileSync(new URL('../../../schemas/vendor-agreement.schema.json', import.meta.url), 'utf8')) as SchemaNode;
const fixtures = readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => f.endsWith('.md'));

/** Named Markdown documents: every bundled contract both ways, generated contracts, the fixtures. */
async function corpus(): Promise<[string, string][]> {
  const seeds = await Promise.all(contractFiles.map(loadContract));
  const out: [string, string][] = [];
  for (const [i, c] of seeds.entries()) {
    const { markdown, anchored } = renderAgreement(c);
    out.push([`${contractFiles[i]} (anchored)`, anchored], [`${contractFiles[i]}`, markdown]);
  }
  const validator = await loadValidator('vendor-agreement');
  const contracts = fc.constantFrom(...seeds).chain((base) => objectArbitrary(schema, schema, base as unknown as Record<string, unknown>));
  const generated = fc.sample(contracts, { seed: fuzz.seed, numRuns: fuzz.options.numRuns * 3 }).filter((v) => validator(v));
  for (const [i, value] of generated.slice(0, fuzz.options.numRuns).entries()) {
    const { markdown, anchored } = renderAgreement(value as unknown as VendorAgreement);
    out.push([`generated #${i + 1} (anchored)`, anchored], [`generated #${i + 1}`, markdown]);
  }
  for (const f of fixtures) out.push([`fixture ${f}`, readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8')]);
  return out;
}

const lo = libreOfficeAvailability();
let documents: [string, string][];
let builtin: Uint8Array[];
const pandoc = new Map<string, Uint8Array[]>();

beforeAll(async () => {
  documents = await corpus();
  const markdowns = documents.map(([, md]) => md);
  builtin = await renderDocxMany(markdowns, { epoch: EPOCH, docxEngine: 'builtin' });
  for (const backend of backends) pandoc.set(backend, await renderDocxMany(markdowns, { epoch: EPOCH, docxEngine: 'pandoc', backend, concurrency: 2 }));
}, 600_000);

describe(`the built-in DOCX writer against pandoc (${fuzz.label} generated contracts)`, () => {
  it('writes every document of the corpus itself: the library never leaves the subset', () => {
    for (const [name, markdown] of documents) expect(beyondSubset(markdown), name).toBeUndefined();
  });

  it.each(backends)('gives the same paragraphs, styles, outline levels, lists, tables, bookmarks and links as %s pandoc', (backend) => {
    for (const [i, [name]] of documents.entries()) {
      const ours = docxView(builtin[i]!);
      const theirs = docxView(pandoc.get(backend)![i]!);
      expect(ours.blocks, name).toEqual(theirs.blocks);
      expect(ours.bookmarks, name).toEqual(theirs.bookmarks);
      expect(ours.links, name).toEqual(theirs.links);
      expect(ours.changes, name).toEqual(theirs.changes);
    }
  });

  describe.skipIf(!lo.ok)(`in LibreOffice ${lo.reason}`, () => {
    let office: LibreOffice;
    beforeAll(async () => {
      office = await startLibreOffice();
    }, 120_000);
    afterAll(() => office?.close());

    const ours: string[][] = [];
    it.each(backends)('shows the same text as %s pandoc, block for block', { timeout: 600_000 }, async (backend) => {
      for (const [i, [name]] of documents.entries()) {
        ours[i] ??= await office.text(builtin[i]!);
        expect(ours[i], name).toEqual(await office.text(pandoc.get(backend)![i]!));
      }
    });
  });

  it.skipIf(!hasLibreOffice)('keeps the same bookmarks as pandoc when LibreOffice opens them', { timeout: 600_000 }, () => {
    const picked = documents.flatMap(([name], i) => (name.includes('anchored') || name.startsWith('fixture') ? [i] : [])).slice(0, 8);
    const views = throughLibreOffice(picked.flatMap((i) => [builtin[i]!, pandoc.get('wasm')![i]!]));
    for (const [k, i] of picked.entries()) {
      expect(views[2 * k]!.bookmarks.sort(), documents[i]![0]).toEqual(views[2 * k + 1]!.bookmarks.sort());
      expect(views[2 * k]!.bookmarks.length).toBeGreaterThan(0);
    }
  });
});

describe('the built-in DOCX writer is valid OOXML', () => {
  const errors = async (docx: Uint8Array, version: 'Office2007' | 'Microsoft365') =>
    (await validate(new Uint8Array(docx), 'docx', version)).map((r) => `${r.path.partUri} ${r.id}: ${r.description}`);

  it('adds no schema error (ISO/IEC 29500 transitional) beyond what the reference document it copies has', { timeout: 600_000 }, async () => {
    const reference = new Set(await errors(readFileSync(referenceDocPath()), 'Microsoft365'));
    for (const [i, [name]] of documents.entries()) {
      const own = (await errors(builtin[i]!, 'Microsoft365')).filter((e) => !(e.startsWith('/word/styles.xml') && reference.has(e)));
      expect(own, name).toEqual([]);
    }
  });

  it('has no kind of Office 2007 schema error that pandoc’s document for the same Markdown lacks', { timeout: 600_000 }, async () => {
    for (const [i, [name]] of documents.entries()) {
      if (name.startsWith('generated')) continue;
      const theirs = new Set(await errors(pandoc.get('wasm')![i]!, 'Office2007'));
      expect(
        (await errors(builtin[i]!, 'Office2007')).filter((e) => !theirs.has(e)),
        name,
      ).toEqual([]);
    }
  });
});

const hasPdfToPpm = spawnSync('pdftoppm', ['-v']).status === 0;

describe.skipIf(!hasLibreOffice || !hasPdfToPpm)('the built-in DOCX on paper', () => {
  it('prints page for page what pandoc-wasm’s document prints (LibreOffice → PDF → PNG at 50 dpi)', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-pages-'));
    try {
      const i = documents.findIndex(([name]) => name.startsWith('springfield-smartcam.yaml (anchored)'));
      writeFileSync(join(dir, 'builtin.docx'), builtin[i]!);
      writeFileSync(join(dir, 'pandoc.docx'), pandoc.get('wasm')![i]!);
      const profile = `file://${join(dir, 'profile')}`;
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'builtin.docx'), join(dir, 'pandoc.docx')],
        {
          timeout: 240_000,
          stdio: 'ignore',
        },
      );
      for (const which of ['builtin', 'pandoc']) execFileSync('pdftoppm', ['-r', '50', '-png', join(dir, `${which}.pdf`), join(dir, which)]);
      const pages = (which: string) =>
        readdirSync(dir)
          .filter((f) => f.startsWith(`${which}-`) && f.endsWith('.png'))
          .sort();
      expect(pages('builtin').length).toBeGreaterThan(3);
      expect(pages('builtin')).toEqual(pages('pandoc').map((p) => p.replace('pandoc', 'builtin')));
      for (const page of pages('builtin'))
        expect(readFileSync(join(dir, page)).equals(readFileSync(join(dir, page.replace('builtin', 'pandoc')))), page).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
