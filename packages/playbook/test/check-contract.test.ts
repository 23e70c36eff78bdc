import { loadYamlFile, loadYamlText } from '@contracts/core';
import { describe, expect, it } from 'vitest';
import { runFileTask } from '@contracts/core';
import { checkContract, checkFiles, summarize } from '../src/index.js';
import { asLoaded, baseContract, defaultPlaybook, repoRoot } from './helpers.js';

describe('checkContract', async () => {
  const playbook = await defaultPlaybook();

  it('rates the dental example: walk-away notice at its line, with source and suggested value', async () => {
    const loaded = await loadYamlFile(`${repoRoot}contracts/bright-smile-sterilizer.yaml`);
    const { diagnostics, summary, terms } = checkContract(loaded, playbook);
    const d = diagnostics.find((x) => x.path === '/terms/incidentResponse/notificationHours')!;
    expect(d).toMatchObject({ code: 'playbook/walk-away', severity: 'error', fix: '24', source: expect.stringContaining('GDPR Art. 33') });
    expect(loaded.text.split('\n')[d.line - 1]).toContain('notificationHours: 120');
    expect(terms.find((t) => t.path === 'incidentResponse.notificationHours')).toMatchObject({ tier: 'walk-away', value: 120 });
    expect(summary.walkAway).toBeGreaterThanOrEqual(1);
    expect(summary.text).toMatch(/^\d+ walk-away, \d+ fallback, \d+ preferred, \d+ missing, \d+ risk findings?$/);
  });

  it('gives the same findings and summary whether or not it returns the rated terms', async () => {
    for (const name of ['bright-smile-sterilizer', 'springfield-smartcam', 'nordlicht-building-sensors']) {
      const loaded = await loadYamlFile(`${repoRoot}contracts/${name}.yaml`);
      const full = checkContract(loaded, playbook, { info: false });
      const lean = checkContract(loaded, playbook, { info: false, terms: false });
      expect(lean.terms).toEqual([]);
      expect(full.terms.length).toBeGreaterThan(50);
      expect(lean.diagnostics).toEqual(full.diagnostics);
      expect(lean.summary).toEqual(full.summary);
      expect(summarize(full.terms, full.findings, full.inconsistencies)).toEqual(full.summary);
    }
  });

  it('shows fallback positions as warnings and preferred ones as info', async () => {
    const { diagnostics } = checkContract(await loadYamlFile(`${repoRoot}contracts/springfield-smartcam.yaml`), playbook);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'playbook/fallback', severity: 'warning', path: '/terms/incidentResponse/notificationHours' }),
    );
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'playbook/preferred', severity: 'info', path: '/terms/securityProgram/standard' }));
  });

  it('warns about a missing expected term, pointing at its parent', () => {
    const c = baseContract();
    delete c.terms.vulnerabilityManagement.supportPeriodYears;
    const loaded = asLoaded(c);
    const d = checkContract(loaded, playbook).diagnostics.find((x) => x.code === 'playbook/missing')!;
    expect(d).toMatchObject({ severity: 'warning', path: '/terms/vulnerabilityManagement/supportPeriodYears' });
    expect(loaded.text.split('\n')[d.line - 1]).toMatch(/^\s*vulnerabilityManagement:/);
  });

  it('reads an expected yes/no term left out as false, as the agreement does: deleting indemnity: false keeps its walk-away error', () => {
    const c = baseContract();
    c.terms.liability.indemnity = false;
    const stated = checkContract(asLoaded(c), playbook).diagnostics.find((x) => x.path === '/terms/liability/indemnity')!;
    delete c.terms.liability.indemnity;
    const loaded = asLoaded(c);
    const d = checkContract(loaded, playbook).diagnostics.find((x) => x.path === '/terms/liability/indemnity')!;
    expect(stated).toMatchObject({ code: 'playbook/walk-away', severity: 'error' });
    expect(d).toMatchObject({ code: 'playbook/walk-away', severity: 'error', fix: 'true' });
    expect(d.message).toBe(
      'Vendor indemnity for data incidents (liability.indemnity) is not stated, so the agreement reads as false: walk-away; preferred is true',
    );
    expect(loaded.text.split('\n')[d.line - 1]).toMatch(/^\s*liability:/);
  });

  it('does not rate a term that already failed the schema', () => {
    const loaded = loadYamlText(asLoaded(baseContract()).text.replace('notificationHours: 24', 'notificationHours: soon'), 'x.yaml');
    const schemaDiagnostics = [
      {
        code: 'schema/type',
        severity: 'error',
        message: '',
        file: 'x.yaml',
        path: '/terms/incidentResponse/notificationHours',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      } as const,
    ];
    const { diagnostics } = checkContract(loaded, playbook, { schemaDiagnostics });
    expect(diagnostics.filter((d) => d.path === '/terms/incidentResponse/notificationHours')).toEqual([]);
  });

  it('checks files end to end: parse and schema problems are kept, unreadable values not rated', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/pb-`);
    await writeFile(`${dir}/broken.yaml`, 'terms: [\n');
    await writeFile(`${dir}/invalid.yaml`, asLoaded(baseContract()).text.replace('notificationHours: 24', 'notificationHours: soon'));
    const [broken, invalid] = await checkFiles([`${dir}/broken.yaml`, `${dir}/invalid.yaml`], playbook);
    expect(broken!.summary).toBeUndefined();
    expect(broken!.diagnostics.every((d) => d.code.startsWith('yaml/'))).toBe(true);
    expect(invalid!.diagnostics).toContainEqual(expect.objectContaining({ code: 'schema/type', path: '/terms/incidentResponse/notificationHours' }));
    expect(invalid!.diagnostics.filter((d) => d.path === '/terms/incidentResponse/notificationHours' && d.code.startsWith('playbook/'))).toEqual([]);
    expect(invalid!.summary).toBeDefined();
  });

  it('gives the same results over worker threads, in input order (needs the build)', async () => {
    const files = ['bright-smile-sterilizer', 'nordlicht-building-sensors', 'springfield-smartcam', 'bright-smile-sterilizer'].map(
      (n) => `${repoRoot}contracts/${n}.yaml`,
    );
    const serial = await checkFiles(files, playbook, { info: false });
    const task = new URL('../dist/check-task.js', import.meta.url);
    const parallel = await runFileTask(task, files, { playbookPath: playbook.file, info: false }, { threads: 2, minFilesPerThread: 1 });
    expect(parallel).toEqual(serial);
    // Handed over one by one (how `check` writes as it goes): the same results, the same order, none kept.
    for (const threads of [1, 2]) {
      const handed: unknown[] = [];
      const returned = await runFileTask(task, files, { playbookPath: playbook.file, info: false }, { threads, minFilesPerThread: 1 }, (r) => handed.push(r));
      expect(returned).toEqual([]);
      expect(handed).toEqual(serial);
    }
  });
});
