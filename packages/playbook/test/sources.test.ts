import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCitation, checkPlaybookCitations, checkProseCitations, loadSources, type PlaybookSource } from '../src/index.js';
import { repoRoot } from './helpers.js';

const table = loadSources(`${repoRoot}docs/law/sources.yaml`);
const playbook = parse(readFileSync(`${repoRoot}playbook.yaml`, 'utf8')) as PlaybookSource;

describe('sources table', () => {
  it('holds every citation in playbook.yaml (terms, rules, exemptions, obligations, consistency checks)', () => {
    expect(checkPlaybookCitations(playbook, table)).toEqual([]);
  });

  it('gives every entry an id, a title, a status, a verification level and the date it was checked', () => {
    const ids = new Set<string>();
    for (const e of table) {
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      expect(e.title.length).toBeGreaterThan(0);
      expect(['current', 'practice', 'withdrawn', 'superseded', 'incorrect']).toContain(e.status);
      expect(['text', 'secondary', 'unverified']).toContain(e.verified);
      expect(e.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (e.status !== 'practice') expect(e.inForce, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('lists each citation under one entry only', () => {
    const all = table.flatMap((e) => e.citations);
    expect(all.length).toBe(new Set(all).size);
  });

  it('rejects the stale and wrong citations the review found', () => {
    const withOld = structuredClone(playbook);
    withOld.terms['termination.destructionStandard']!.source = 'NIST SP 800-88 Rev. 1';
    withOld.riskRules![0]!.source = 'SEC Form 8-K Item 1.05 (17 CFR 229.106)';
    withOld.riskRules![1]!.source = 'GDPR Ch. V (Arts. 44-46)';
    withOld.riskRules![2]!.source = 'a law nobody has heard of';
    const problems = checkPlaybookCitations(withOld, table);
    expect(problems.map((p) => p.citation)).toEqual([
      'NIST SP 800-88 Rev. 1',
      'SEC Form 8-K Item 1.05 (17 CFR 229.106)',
      'GDPR Ch. V (Arts. 44-46)',
      'a law nobody has heard of',
    ]);
    expect(problems[0]!.message).toMatch(/withdrawn/);
    expect(problems[1]!.message).toMatch(/incorrect.*Item 106/);
  });

  it('rejects the citations counsel found wrong, naming the right one', () => {
    const wrong = {
      'ORS 646A.578': 'ORS 646A.581',
      'PSTI Regulations 2023 Sch. 2': 'PSTI Regulations 2023 reg. 6 and Sch. 4',
      'Va. Code 59.1-576(C)': 'Va. Code 59.1-576(B)',
    };
    for (const [bad, good] of Object.entries(wrong)) {
      const [problem] = checkCitation(bad, '/test', table);
      expect(problem!.message, bad).toMatch(/is incorrect/);
      expect(problem!.message, bad).toContain(good);
      expect(checkCitation(good, '/test', table), good).toEqual([]);
    }
  });

  it('holds every citation in the clause library (templates/**, labels included) to the table', () => {
    const files = filesUnder(`${repoRoot}templates`).filter((f) => /\.(liquid|json)$/.test(f));
    expect(files.length).toBeGreaterThan(15);
    const problems = files.flatMap((f) => checkProseCitations(readFileSync(f, 'utf8'), relative(repoRoot, f), table));
    expect(problems).toEqual([]);
  });

  it('finds stale and unknown citations in prose, for the clause library', () => {
    const prose =
      'The Vendor shall sanitise media under NIST SP 800-88 Rev. 1, sign a business associate agreement (45 CFR 164.504(e)), ' +
      'report within 72 hours (DFARS 252.204-7012) and comply with 99 CFR 1.2.';
    expect(checkProseCitations(prose, 'sample.md', table).map((p) => [p.citation, p.message.split(':')[0]])).toEqual([
      ['99 CFR 1.2', '"99 CFR 1.2" is not in the sources table'],
      ['NIST SP 800-88 Rev. 1', '"NIST SP 800-88 Rev. 1" is withdrawn'],
    ]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
