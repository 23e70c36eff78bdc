import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, TemplateRenderError } from '@contracts/render';
import { loadContract } from './helpers.js';

function userTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clauses-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function renderError(fn: () => unknown): TemplateRenderError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateRenderError);
    return error as TemplateRenderError;
  }
  throw new Error('expected a TemplateRenderError');
}

describe('clause library', () => {
  it('lets a user template override ours file by file', async () => {
    const dir = userTemplates({ 'clauses/audit.md.liquid': '{% heading %}\n\n**{% clause "own" %}** Our own audit clause for {{ c.parties.vendor.name }}.\n' });
    const md = renderMarkdown(await loadContract('springfield-smartcam.yaml'), { templatesDir: dir });
    expect(md).toContain('## 12. Audit Rights {#audit}\n\n**12.1** Our own audit clause for Acme Cameras Inc.');
    expect(md).not.toContain('On-site audit');
    expect(md).toContain('## 7. Incident Response'); // the rest still comes from our library
  });

  it('names the template file, line and term of an undefined value in a one-line render/template error', async () => {
    const dir = userTemplates({ 'clauses/audit.md.liquid': '{% heading %}\n\nThe auditor is\n{{ c.terms.audit.auditorName }}.\n' });
    const contract = await loadContract('springfield-smartcam.yaml');
    const error = renderError(() => renderMarkdown(contract, { templatesDir: dir }));
    expect(error.code).toBe('render/template');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/clauses\/audit\.md\.liquid:4:1: `c\.terms\.audit\.auditorName` is undefined/);
    expect(error.message).not.toContain('\n');
  });

  it('rejects includes that climb out of the templates directory', async () => {
    const contract = await loadContract('springfield-smartcam.yaml');
    for (const name of ['../../etc/passwd', '/etc/passwd', 'clauses/../../package.json']) {
      const dir = userTemplates({ 'clauses/audit.md.liquid': `{% heading %}\n{% include "${name}" %}\n` });
      const error = renderError(() => renderMarkdown(contract, { templatesDir: dir }));
      expect(error.message).toContain('not allowed');
      expect(error.message).toMatch(/audit\.md\.liquid:2:1: /);
    }
  });

  it('does not follow a symbolic link out of the templates directory', async () => {
    const dir = userTemplates({ 'clauses/audit.md.liquid': '{% include "leak.txt" %}\n' });
    symlinkSync('/etc/hostname', join(dir, 'leak.txt'));
    const error = renderError(() => renderMarkdown(loadContractSync, { templatesDir: dir }));
    expect(error.message).toMatch(/outside/);
  });

  it('tells the owner of a Nunjucks template to migrate it instead of silently using ours', () => {
    const dir = userTemplates({ 'clauses/audit.md.njk': '{{ heading() }}\n' });
    const error = renderError(() => renderMarkdown(loadContractSync, { templatesDir: dir }));
    expect(error.message).toMatch(/audit\.md\.njk is a Nunjucks template; .* rename it to audit\.md\.liquid/);
  });

  it('keeps the line of text a tag ends and drops a line that holds only tags', async () => {
    const dir = userTemplates({
      'clauses/audit.md.liquid': '{% heading %}\n\nA{% if true %}, b{% endif %}\n  {% if true %}\nC {% if false %}x{% endif %}d.\n{% endif %}\n',
    });
    const md = renderMarkdown(loadContractSync, { templatesDir: dir });
    expect(md).toContain('{#audit}\n\nA, b\nC d.\n\n## 13.');
  });

  it('reports template syntax errors with file and line', async () => {
    const dir = userTemplates({ 'clauses/audit.md.liquid': 'ok\n{% if %}\n' });
    const error = renderError(() => renderMarkdown(loadContractSync, { templatesDir: dir }));
    expect(error.message).toMatch(/audit\.md\.liquid:2:\d+: invalid value expression/);
    expect(error.message).not.toContain('\n');
  });
});

// Only audit.md.liquid is overridden in these tests and it fails first, so an almost-empty contract will do.
const loadContractSync = await loadContract('springfield-smartcam.yaml');

describe('a contract with no negotiated terms', () => {
  const minimal = {
    schemaVersion: 1,
    id: 'minimal',
    title: 'Minimal Agreement',
    parties: { buyer: { name: 'Buyer Co', kind: 'company', jurisdiction: 'US-NY' }, vendor: { name: 'Vendor Co', jurisdiction: 'US-DE' } },
    product: {
      name: 'Sensor',
      category: 'other',
      deployment: { network: 'isolated', internetFacing: false, physical: ['office'] },
      dataCollected: ['telemetry'],
      dataLocations: { storage: ['US'] },
    },
    terms: {},
  } as const;

  it('keeps only the clauses that need no terms, numbered from 1', () => {
    const md = renderMarkdown(structuredClone(minimal) as never);
    expect([...md.matchAll(/^## (\d+)\. (.+?) \{#/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      '1 Definitions',
      '2 Structure and Order of Precedence',
      '3 Data Ownership, Use of Data and Confidentiality',
      '4 Term and Termination',
      '5 Governing Law and Disputes',
      '6 General',
    ]);
    expect(md).not.toMatch(/undefined|Section \d+ \(Incident/);
  });

  it('explains a cross-reference to a clause this agreement does not have', () => {
    const dir = userTemplates({ 'clauses/general.md.liquid': '{% heading %}\n\nSee {% ref "audit" %}.\n' });
    const error = renderError(() => renderMarkdown(structuredClone(minimal) as never, { templatesDir: dir }));
    expect(error.message).toMatch(
      /general\.md\.liquid:3:5: \{% ref "audit" %\} names a section that is not in this agreement; guard it with \{% if has\.audit %\}/,
    );
  });
});
