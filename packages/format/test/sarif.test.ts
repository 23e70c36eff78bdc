import type { Diagnostic } from '@contracts/core';
import { sarif } from '@contracts/format';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { artifactLocation } from '../src/sarif.js';
import { failing, multitoolBinary, multitoolValidate } from './multitool.js';
import { diagnostics, options } from './sample.js';

// ajv is a dependency of core, not of this package: resolve it from there (see the report / fixtures/README.md).
const require = createRequire(new URL('../../core/package.json', import.meta.url));
type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const Ajv = require('ajv') as new (options: object) => { compile(schema: object): Validate };
const addFormats = require('ajv-formats') as (ajv: object) => void;

function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // The official file declares draft-04; its keywords mean the same in draft-07, ajv's default.
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...rest });
}
const validate = sarifValidator();
const expectValid = (text: string) => {
  validate(JSON.parse(text));
  expect(validate.errors ?? []).toEqual([]);
};

const odd: Diagnostic = {
  ...diagnostics[0]!,
  file: 'contracts/my file #1,%.yaml',
  related: [{ ...diagnostics[1]!.related![0]!, file: '/abs/other:x.yaml' }],
};

describe('sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    expectValid(sarif(diagnostics, options));
    expectValid(sarif([odd, { ...diagnostics[3]!, path: '', line: 0, column: 0, endLine: 0, endColumn: 0 }]));
    expectValid(sarif([]));
  });

  it('is checked by a validator that does reject bad logs', () => {
    const log = JSON.parse(sarif(diagnostics, options));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/1/locations/0/physicalLocation/region/startLine']),
    );
  });

  it('has one rule per code, sorted, and results pointing at them', () => {
    const log = JSON.parse(sarif(diagnostics, options));
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'contracts', version: '0.1.0' });
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(['playbook/preferred', 'playbook/walk-away', 'risk/eu-transfer-mechanism', 'schema/required']);
    for (const r of run.results) expect(ids[r.ruleIndex]).toBe(r.ruleId);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note', 'error']);
  });

  it('makes relative, percent-encoded URIs against %SRCROOT%', () => {
    expect(artifactLocation('contracts/my file #1,%.yaml')).toEqual({ uri: 'contracts/my%20file%20%231%2C%25.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('.\\sub\\a.yaml')).toEqual({ uri: 'sub/a.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('a:b.yaml')).toEqual({ uri: 'a%3Ab.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/abs/other:x.yaml')).toEqual({ uri: 'file:///abs/other%3Ax.yaml' });
    expect(artifactLocation('C:\\work\\a b.yaml')).toEqual({ uri: 'file:///C:/work/a%20b.yaml' });
  });

  it('leaves out a region it cannot express', () => {
    const log = JSON.parse(sarif([{ ...diagnostics[3]!, line: 0, column: 0, endLine: 0, endColumn: 0 }]));
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toBeUndefined();
  });
});

describe('sarif for GitHub code scanning', () => {
  const repository = { root: '/work/repo', cwd: '/work/repo/contracts' };
  const strip = (file: string) => file.replace(/^contracts\//, '');
  const inSubdir = diagnostics.map((d) => ({
    ...d,
    file: strip(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: strip(r.file) })) } : {}),
  }));
  const log = (list = inSubdir) => JSON.parse(sarif(list, { ...options, toolInformationUri: 'https://example.org/contracts', repository }));

  it.skipIf(!multitoolBinary().path)(
    `passes Microsoft's SARIF multitool with GitHub's rules (--rule-kind "Sarif;Gh"): no error, no warning${multitoolBinary().reason ? ` (skipped: ${multitoolBinary().reason})` : ''}`,
    async () => {
      const text = sarif(inSubdir, { ...options, toolInformationUri: 'https://example.org/contracts', repository });
      expect(failing(await multitoolValidate(text))).toEqual([]);
      // The judge does fail what it should: the log as it was before this issue (no fullDescription, no version).
      const bare = JSON.parse(text);
      for (const rule of bare.runs[0].tool.driver.rules) delete rule.fullDescription;
      delete bare.runs[0].tool.driver.version;
      expect(failing(await multitoolValidate(JSON.stringify(bare))).join('\n')).toMatch(/error GH2012[\s\S]*warning SARIF2005/);
    },
  );

  it('gives every rule a name, a full description and help, citing each source once', () => {
    const rules = log().runs[0].tool.driver.rules as { id: string; name: string; fullDescription: { text: string }; help: { text: string } }[];
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.fullDescription.text.length).toBeGreaterThan(10);
      expect(rule.help.text.length).toBeGreaterThan(10);
    }
    const twice = [
      { ...diagnostics[0]!, source: 'article; GDPR Art. 33' },
      { ...diagnostics[0]!, line: 30, path: '/terms/x', source: 'article; GDPR Art. 33; NIS2 Art. 23' },
    ];
    const [rule] = log(twice).runs[0].tool.driver.rules;
    expect(rule.help.text).toMatch(/Sources: GDPR Art\. 33; NIS2 Art\. 23; article$/);
  });

  it('names files relative to the repository root, wherever it ran, with the root in originalUriBaseIds', () => {
    const run = log().runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'contracts/acme-cameras.yaml', uriBaseId: '%SRCROOT%' });
    expect(run.results[1].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('contracts/acme-cameras.yaml');
  });

  it('fingerprints a finding by file, code and field, so moving lines keeps the alert', () => {
    const before = log().runs[0].results.map((r: { partialFingerprints: object }) => r.partialFingerprints);
    const moved = log(inSubdir.map((d) => ({ ...d, line: d.line + 7, endLine: d.endLine + 7 }))).runs[0].results.map(
      (r: { partialFingerprints: object }) => r.partialFingerprints,
    );
    expect(moved).toEqual(before);
    expect(new Set(before.map((p: Record<string, string>) => p['contractsFinding/v1'])).size).toBe(before.length);
  });
});
