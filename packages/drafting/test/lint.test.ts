import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledData, loadYamlFile, type LoadedFile } from '@contracts/core';
import { loadPlaybook } from '@contracts/playbook';
import { lintContract } from '@contracts/drafting';
import { combinations, fixture, userTemplates } from './helpers.js';

const playbook = (await loadPlaybook(bundledData.playbook)).playbook!;
const contracts = readdirSync(bundledData.contractsDir).filter((f) => f.endsWith('.yaml'));
const brief = (d: { code: string; message: string }) => `${d.code}: ${d.message}`;

describe('the drafting lint', () => {
  it.each(contracts)('finds nothing in the bundled contract %s', async (name) => {
    const loaded = await loadYamlFile(`${bundledData.contractsDir}${name}`);
    expect(lintContract(loaded, playbook).map(brief)).toEqual([]);
  });

  it('finds nothing in the maximal fixture, which prints every clause the library has', () => {
    expect(lintContract(fixture(), playbook).map(brief)).toEqual([]);
  });

  // Every subset of the optional Standard Terms sections of sections.json is tried (2,048), with the
  // sixteen subsets of the four annexes and a public or private buyer rotated through them, so each
  // annex subset and each kind of buyer meets every section switched on and off.
  it('finds nothing in any combination of sections (terms present or absent)', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const { loaded, label } of combinations()) {
      count++;
      // Minutes of synchronous work under a loaded CI: yield now and then, or the worker cannot answer
      // vitest's runner within its fixed 60 s RPC timeout ("Timeout calling onTaskUpdate") and the run fails.
      if (count % 32 === 0) await new Promise((resume) => setImmediate(resume));
      const found = lintContract(loaded, playbook);
      if (found.length > 0) failures.push(`${label}: ${found.map(brief).join(' | ')}`);
      if (failures.length >= 5) break;
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(2048);
  }, 600_000);
});

/** The fixture with some text of one template replaced, to plant a drafting error. */
function lintWith(template: string, from: string | RegExp, to: string, contract: LoadedFile = fixture()) {
  const ours = readFileSync(`${bundledData.templatesDir}${template}`, 'utf8');
  const changed = ours.replace(from, to);
  expect(changed, `${template} has no ${String(from)}`).not.toBe(ours);
  return lintContract(contract, playbook, { templatesDir: userTemplates({ [template]: changed }) });
}

describe('each drafting error is found, with its code and where to fix it', () => {
  it('a term used capitalised that this agreement does not define (drafting/undefined-term), at the contract line of the clause', () => {
    // Drop the insurance term: the Data Breach Cap is then not defined, and a clause still mentions it.
    const found = lintWith(
      'clauses/general.md.liquid',
      'Either party may change its notice details',
      'The Data Breach Cap survives. Either party may change its notice details',
      fixture(['terms.liability']),
    );
    expect(found).toMatchObject([{ code: 'drafting/undefined-term', severity: 'error', message: expect.stringContaining('"Data Breach Cap"') }]);
    expect(found[0]!.file).toMatch(/general\.md\.liquid$/);
  });

  it('a term defined and never used (drafting/unused-definition)', () => {
    const found = lintWith('clauses/definitions.md.liquid', '**Product** means', '**Widget** means something. **Product** means');
    expect(found).toMatchObject([{ code: 'drafting/unused-definition', severity: 'warning', message: expect.stringContaining('"Widget"') }]);
  });

  it('a term defined twice (drafting/duplicate-definition)', () => {
    const found = lintWith(
      'clauses/confidentiality.md.liquid',
      'Buyer Data is always the Buyer',
      'A **Security Incident** is bad. Buyer Data is always the Buyer',
    );
    expect(found.map((d) => d.code)).toEqual(['drafting/duplicate-definition']);
  });

  it('a cross-reference to a section or clause that does not exist, or a link that misnames its target (drafting/broken-reference)', () => {
    const plain = lintWith('clauses/audit.md.liquid', 'Each party bears its own costs', 'Section 14.12 and Section 99 apply. Each party bears its own costs');
    expect(plain.map((d) => [d.code, d.message.split(' (')[0]])).toEqual([
      ['drafting/broken-reference', '"Section 14.12" refers to a clause this agreement does not have'],
      ['drafting/broken-reference', '"Section 99" refers to a section this agreement does not have'],
    ]);
    // The contract line of the term that brought the Audit section in.
    expect(plain[0]).toMatchObject({ path: expect.stringMatching(/^\/terms\/audit/), file: expect.stringMatching(/maximal\.yaml$/) });
    const link = lintWith(
      'clauses/audit.md.liquid',
      'Each party bears its own costs',
      'See [Section 3 (Audit Rights)](#audit). Each party bears its own costs',
    );
    expect(link.map((d) => d.code)).toEqual(['drafting/broken-reference']);
    expect(link[0]!.message).toMatch(/misnames/);
  });

  it('a reference to an attachment, schedule or annex the agreement does not contain (drafting/missing-attachment)', () => {
    const found = lintWith(
      'clauses/audit.md.liquid',
      'Each party bears its own costs',
      'The audit plan attached as Schedule 2 and Annex F apply. Each party bears its own costs',
    );
    expect(found.map((d) => [d.code, d.message.split(' (')[0]])).toEqual([
      ['drafting/missing-attachment', '"Annex F" refers to an annex this agreement does not contain'],
      ['drafting/missing-attachment', '"Schedule 2" refers to a document this agreement does not contain'],
      ['drafting/missing-attachment', '"attached" refers to an attachment; the agreement attaches nothing but its Annexes, which are named'],
    ]);
  });

  it('annexes mentioned in an agreement that has none (drafting/missing-attachment)', () => {
    const noAnnexes = fixture(['terms.jurisdiction']);
    const found = lintWith(
      'clauses/general.md.liquid',
      'Either party may change its notice details',
      'The annexes apply. Either party may change its notice details',
      noAnnexes,
    );
    expect(found.map((d) => d.code)).toEqual(['drafting/missing-attachment']);
  });

  it('a jurisdiction printed as its code (drafting/raw-code), at the contract line of the value', () => {
    const found = lintWith('clauses/disputes.md.liquid', '{{ j.governingLaw | jurisdiction }}', '{{ j.governingLaw }}');
    expect(found).toMatchObject([{ code: 'drafting/raw-code', path: '/terms/jurisdiction/governingLaw', message: expect.stringContaining('"US-MA"') }]);
    expect(found[0]!.line).toBe(lineOf('governingLaw'));
  });
});

const fixturePath = new URL('./fixtures/maximal.yaml', import.meta.url).pathname;
const lineOf = (key: string) =>
  readFileSync(fixturePath, 'utf8')
    .split('\n')
    .findIndex((l) => l.trimStart().startsWith(`${key}:`)) + 1;
