import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlaybookText } from '../src/index.js';
import { repoRoot } from './helpers.js';

const good = readFileSync(`${repoRoot}playbook.yaml`, 'utf8');
const lineOf = (text: string, needle: string | RegExp) =>
  text.split('\n').findIndex((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l))) + 1;

describe('a broken playbook', () => {
  it('is reported like a broken contract: YAML syntax errors with positions', async () => {
    const text = 'playbookVersion: 1\ntitle: x\nterms: {\n';
    const { playbook, diagnostics } = await loadPlaybookText(text, 'bad.yaml');
    expect(playbook).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ file: 'bad.yaml', severity: 'error', code: expect.stringMatching(/^yaml\//) });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it("stops an alias bomb in one line, while the playbook's own shared law scopes stay well inside the limit", async () => {
    const levels = Array.from({ length: 10 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`);
    const text = ['playbookVersion: 1', 'title: bomb', 'l0: &l0 [lol]', ...levels, 'terms: {}'].join('\n');
    const { playbook, diagnostics } = await loadPlaybookText(text, 'bomb.yaml');
    expect(playbook).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'yaml/alias-limit', file: 'bomb.yaml' })]);
    // The bundled playbook with twice its rules (each anchor used twice as often) still loads.
    const rules = good.slice(good.indexOf('riskRules:\n') + 'riskRules:\n'.length, good.indexOf('\n# ── Consistency checks'));
    const twice = good.replace(rules, `${rules}${rules.replace(/^ {2}- id: ([\w-]+)$/gm, '  - id: $1-again').replace(/&[\w-]+/g, '')}`);
    const loaded = await loadPlaybookText(twice);
    expect(loaded.diagnostics.filter((d) => d.code === 'yaml/alias-limit')).toEqual([]);
  });

  it('reports unknown fields and wrong types through the playbook schema, at the field', async () => {
    const text = good.replace('    label: Vendor breach notice to buyer\n', '    label: Vendor breach notice to buyer\n    prefered: 24\n');
    const { playbook, diagnostics } = await loadPlaybookText(text);
    expect(playbook).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'schema/unknown-field', line: lineOf(text, 'prefered: 24'), path: '/terms/incidentResponse.notificationHours/prefered' }),
    ]);
  });

  it('reports a term path that is not in the vendor-agreement schema', async () => {
    const text = good.replace('  incidentResponse.notificationHours:\n', '  incidentResponse.notificationHour:\n');
    const { playbook, diagnostics } = await loadPlaybookText(text);
    expect(playbook).toBeUndefined();
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'playbook/invalid',
        severity: 'error',
        line: lineOf(text, 'incidentResponse.notificationHour:'),
        column: 3,
        message: expect.stringContaining('No term incidentResponse.notificationHour'),
      }),
    );
  });

  it('reports an option that is not in the schema enum, at the option', async () => {
    const text = good
      .replace('order: [aes-256, aes-128, none]', 'order: [aes-512, aes-128, none]')
      .replace('    preferred: aes-256\n', '    preferred: aes-512\n');
    const { diagnostics } = await loadPlaybookText(text);
    const d = diagnostics.find((x) => x.path === '/terms/securityProgram.safeguards.encryptionAtRest/order/0');
    expect(d).toMatchObject({
      code: 'playbook/invalid',
      line: lineOf(text, 'aes-512, aes-128'),
      message: expect.stringContaining('"aes-512" is not an option'),
    });
  });

  it('reports a fallback that is better for the buyer than the preferred position', async () => {
    const text = good.replace('    preferred: 24\n    fallback: 48\n    walkAwayBeyond: 72\n', '    preferred: 24\n    fallback: 12\n    walkAwayBeyond: 72\n');
    const { playbook, diagnostics } = await loadPlaybookText(text);
    expect(playbook).toBeUndefined();
    const d = diagnostics.find((x) => x.message.includes('fallback is better'));
    expect(d).toMatchObject({ path: '/terms/incidentResponse.notificationHours/fallback', line: lineOf(text, /^\s*fallback: 12$/) });
  });

  it('reports a risk rule whose condition or term does not exist, and a condition with two operators', async () => {
    const text = good
      .replace('{ path: product.category, equals: medical-device }', '{ path: product.categry, equals: medical-device }')
      .replace('{ term: jurisdiction.ccpaServiceProviderTerms, equals: true }', '{ term: jurisdiction.ccpaTerms, equals: true }')
      .replace('{ path: product.deployment.internetFacing, truthy: true }', '{ path: product.deployment.internetFacing, truthy: true, exists: true }');
    const { playbook, diagnostics } = await loadPlaybookText(text);
    expect(playbook).toBeUndefined();
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ message: 'No field product.categry in the vendor-agreement schema', line: lineOf(text, 'product.categry') }),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ message: 'No term jurisdiction.ccpaTerms in the vendor-agreement schema', line: lineOf(text, 'jurisdiction.ccpaTerms') }),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('exactly one operator'), line: lineOf(text, 'truthy: true, exists: true') }),
    );
  });

  it('reports a condition value that the schema does not allow', async () => {
    const text = good.replace('{ path: product.dataSubjects, includes: eu-residents }', '{ path: product.dataSubjects, includes: eu-resident }');
    const { diagnostics } = await loadPlaybookText(text);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'playbook/invalid', message: expect.stringContaining('"eu-resident" is not a value of product.dataSubjects') }),
    );
  });

  it('loads the shipped playbook without any diagnostic', async () => {
    const { playbook, diagnostics } = await loadPlaybookText(good);
    expect(diagnostics).toEqual([]);
    expect(playbook!.rules.length).toBeGreaterThanOrEqual(20);
  });
});
