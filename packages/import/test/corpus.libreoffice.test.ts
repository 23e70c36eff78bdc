/**
 * The import judged over a generated corpus of LibreOffice-made vendor markups (see
 * support/markup-corpus.ts): importing each gives exactly the YAML change that was meant; the imported
 * contract, rendered again, reads word for word as the markup with all changes accepted in LibreOffice
 * (clause numbers aside: a deleted clause renumbers the rest when rendered, Word keeps the old ones);
 * and the position diff against the base shows the moves the markup made, in the right direction.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContractFile, loadValidator, type SchemaValidator, type VendorAgreement } from '@contracts/core';
import { diffPositions } from '@contracts/diff';
import { clauseContext, loadPlaybook, type Playbook } from '@contracts/playbook';
import { renderAgreement as renderWithOptions, renderDocx } from '@contracts/render';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, withLibreOffice, wordDifferences, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { importMarkup } from '../src/index.js';
import { isFact } from '@contracts/playbook';
import { type CorpusCase, casesFor, editsBetween, paragraphsWithoutNumbering, withValues, wordsWithoutNumbering } from './support/markup-corpus.js';

const CONTRACTS = ['springfield-smartcam', 'nordlicht-building-sensors', 'bright-smile-sterilizer'];
const ROOT = join(import.meta.dirname, '../../..');
const EPOCH = 1_780_000_000;
const AUTHOR = 'Marcus Lee (Acme)';
const lo = libreOfficeAvailability();

const bases = new Map<string, { contract: VendorAgreement; docx: Uint8Array; blocks: string[]; file: string; dir: string }>();
const CASES: CorpusCase[] = CONTRACTS.flatMap((name) => casesFor(name, loadContractFile(join(ROOT, 'contracts', `${name}.yaml`)).value as VendorAgreement));
const results: { id: string; ok: boolean }[] = [];
let office: LibreOffice;
let playbook: Playbook;
let validator: SchemaValidator;
const work = mkdtempSync(join(tmpdir(), 'contracts-import-corpus-'));
/** Every rendering as `contracts render` makes it: the clause library names the laws the playbook says apply. */
const renderAgreement = (contract: VendorAgreement) => renderWithOptions(contract, { extraContext: (c) => clauseContext(playbook, c) });

beforeAll(async () => {
  validator = await loadValidator('vendor-agreement');
  playbook = (await loadPlaybook()).playbook!;
  if (!lo.ok) return;
  office = await startLibreOffice();
  for (const name of CONTRACTS) {
    const dir = join(work, name);
    mkdirSync(join(dir, 'contracts'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.name', 'Buyer Counsel');
    git('config', 'user.email', 'counsel@example.com');
    const file = join(dir, 'contracts', `${name}.yaml`);
    copyFileSync(join(ROOT, 'contracts', `${name}.yaml`), file);
    git('add', '.');
    git('commit', '-qm', 'round 1');
    const commit = git('rev-parse', 'HEAD').trim();
    const contract = loadContractFile(file).value as VendorAgreement;
    const docx = await renderDocx(renderAgreement(contract).anchored, { epoch: EPOCH, provenance: { contractId: contract.id, commit, round: 1 } });
    bases.set(name, { contract, docx, blocks: await office.text(docx), file, dir });
  }
});

afterAll(async () => {
  await office?.close();
  rmSync(work, { recursive: true, force: true });
  if (results.length > 0) console.log(`import corpus: ${results.filter((r) => r.ok).length}/${results.length} markups imported exactly`);
});

describe('the generated corpus', () => {
  it('has at least 40 markups over the bundled contracts, of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const kinds = (f: (c: CorpusCase) => boolean) => CASES.filter(f).length;
    expect(kinds((c) => Object.values(c.values).some((v) => typeof v === 'number'))).toBeGreaterThan(5);
    expect(kinds((c) => Object.values(c.values).some((v) => v === false))).toBeGreaterThan(3);
    expect(kinds((c) => Object.values(c.values).some(Array.isArray))).toBeGreaterThan(1);
    expect(kinds((c) => c.wording.length > 0)).toBeGreaterThan(1);
    expect(kinds((c) => !c.record)).toBeGreaterThan(1);
    expect(kinds((c) => c.comments.length > 0)).toBeGreaterThan(0);
    expect(kinds((c) => c.compare === true)).toBeGreaterThan(5);
  });

  it('deletes a removed clause and edits its changed neighbour, as counsel would (not a rewrite of one into the other)', () => {
    const before = ['14.2 Indemnity. The Vendor shall defend the Buyer.', '14.3 Excluded Claims. (a) fraud; (b) the indemnity; and (c) death.', '14.4 Cap.'];
    const after = ['14.2 Excluded Claims. (a) fraud; and (b) death.', '14.3 Cap.'];
    const edits = editsBetween(before, after)!;
    expect(edits.deleteParagraphs).toEqual([before[0]]);
    expect(edits.replacements).toHaveLength(1);
    const [from, to] = edits.replacements[0]!;
    expect(before[1]!.replace(from, to)).toBe(after[0]);
  });
});

describe.skipIf(!lo.ok)(`vendor markups made in LibreOffice ${lo.reason}`, () => {
  it.for(CASES.map((c) => [`${c.id} (${c.what})`, c] as const))('%s: imports exactly the change meant, and renders as the markup reads', async ([, c]) => {
    const base = bases.get(c.contract)!;
    const intended = withValues(base.contract, c.values);
    expect(validator(intended), JSON.stringify(validator.errors?.slice(0, 2))).toBe(true);
    const markup = join(base.dir, `${c.id.replace(/\W+/g, '-')}.docx`);
    const edited = c.compare ? join(base.dir, `${c.id.replace(/\W+/g, '-')}.edited.docx`) : markup;
    if (c.steps) {
      let from: string | Uint8Array = base.docx;
      for (const step of c.steps) {
        expect(await office.edit(from, { out: edited, author: AUTHOR, ...step, record: c.record, matchCase: true })).toEqual([]);
        from = readFileSync(edited);
      }
    } else {
      const afterBlocks = await office.text(await renderDocx(renderAgreement(intended).anchored, { epoch: EPOCH }));
      const edits = editsBetween(base.blocks, afterBlocks);
      expect(edits, 'the change can be made as Word edits').toBeDefined();
      const missing = await office.edit(base.docx, {
        out: edited,
        author: AUTHOR,
        replacements: [...edits!.replacements, ...c.replacements],
        deleteParagraphs: edits!.deleteParagraphs,
        insertParagraphs: c.insertParagraphs,
        insertRows: c.insertRows ?? [],
        deleteRows: c.deleteRows ?? [],
        comments: c.comments,
        record: c.record && !c.compare,
        matchCase: true,
      });
      expect(missing).toEqual([]);
    }
    // LibreOffice 7.4 aborts on a second Compare Document in one process: each comparison has its own.
    if (c.compare) await withLibreOffice((fresh) => fresh.compare(base.docx, edited, { out: markup, author: AUTHOR }));
    let ok = false;
    try {
      const result = await importMarkup({ file: base.file, markup, playbook, dryRun: true });
      const imported = parse(result.yaml) as VendorAgreement & {
        negotiatedWording?: {
          clause?: string;
          paragraph?: string;
          text?: string;
          label?: string;
          rowsAfter?: unknown[];
          comments?: unknown[];
          restates?: { term: string }[];
        }[];
      };
      const { negotiatedWording = [], ...values } = imported;
      // Exactly the change meant: the intended contract, plus negotiated wording where expected. A fact
      // (parties, product) the vendor changed is not applied: its passages are kept in the vendor's words,
      // each restating the fact, for counsel to confirm.
      const facts = Object.keys(c.values).filter(isFact);
      const expected = withValues(base.contract, Object.fromEntries(Object.entries(c.values).filter(([path]) => !isFact(path))));
      expect(values).toEqual(expected);
      expect(result.factsChanged.map((f) => [f.path, f.to]).sort()).toEqual(facts.map((path) => [path, c.values[path]]).sort());
      const restatesFact = (e: (typeof negotiatedWording)[number]) => e.restates?.some((r) => isFact(r.term)) === true;
      expect(negotiatedWording.filter((e) => e.text !== undefined && !restatesFact(e)).map((e) => e.clause ?? e.paragraph)).toEqual(c.wording);
      expect(negotiatedWording.some(restatesFact)).toBe(facts.length > 0);
      expect([...new Set(negotiatedWording.flatMap((e) => (e.restates ?? []).map((r) => r.term)).filter(isFact))].sort()).toEqual([...facts].sort());
      expect(negotiatedWording.filter((e) => e.label !== undefined).map((e) => [e.paragraph, e.label])).toEqual(c.labels ?? []);
      expect(negotiatedWording.filter((e) => e.rowsAfter !== undefined).map((e) => [e.paragraph, e.rowsAfter])).toEqual(c.rowsAfter ?? []);
      expect(negotiatedWording.flatMap((e) => e.comments ?? []).length).toBe(c.comments.length);
      if (c.comments.length > 0) expect(result.regions.some((r) => r.comments.some((m) => m.author === AUTHOR && m.date))).toBe(true);
      // LibreOffice's accept-all is the judge of the rendering.
      const acceptedBlocks = await office.text(markup, 'accept');
      const renderedBlocks = await office.text(await renderDocx(renderAgreement(imported).anchored, { epoch: EPOCH }));
      expect(wordDifferences(wordsWithoutNumbering(acceptedBlocks), wordsWithoutNumbering(renderedBlocks))).toEqual([]);
      // Paragraph by paragraph too: a paragraph the vendor added is not run on into the one before it.
      expect(paragraphsWithoutNumbering(renderedBlocks)).toEqual(paragraphsWithoutNumbering(acceptedBlocks));
      // A list stays a list: the new item is an item, and the items after a new paragraph still are.
      const { markdown } = renderAgreement(imported);
      for (const item of c.items ?? []) expect(markdown).toContain(`\n- ${item}`);
      // The same moves as the markup made, toward the same side.
      const moves = (to: VendorAgreement) => diffPositions(base.contract, to, playbook).positions.map((p) => [p.path, p.gained, p.tierTo]);
      expect(moves(imported)).toEqual(moves(expected));
      if (c.record) expect(result.values.filter((v) => v.author !== AUTHOR).map((v) => [v.path, v.author])).toEqual([]);
      ok = true;
    } finally {
      results.push({ id: c.id, ok });
    }
  });
});
