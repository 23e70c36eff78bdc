import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx, renderMarkdown } from '@contracts/render';
import { loadContract } from './helpers.js';

// A pull request controls the templates. Each payload replaces the audit clause; it must fail with one
// `render/template` line naming file:line:col, or render harmlessly, and never reach Node.
const canary = join(tmpdir(), `pwned-${process.pid}-${Date.now()}`);
const js = `process.mainModule.require('fs').writeFileSync('${canary}', 'x')`;

const REFUSED: Record<string, string[]> = {
  'constructor chains': [
    `{{ range.constructor("${js}")() }}`,
    `{{ "".constructor.constructor("${js}")() }}`,
    `{{ c.constructor.constructor("${js}")() }}`,
    '{{ c.constructor }}',
    '{{ c.parties.vendor.name.constructor }}',
    '{{ c.product.dataCollected.constructor }}',
    '{% assign f = c.constructor %}{{ f.name }}',
    '{{ section.constructor }}',
    '{{ has.constructor }}',
    '{{ sections.first.constructor }}',
    '{% for clause in sections %}{{ clause.constructor }}{% endfor %}',
    '{{ c.parties | map: "constructor" | first }}',
  ],
  'prototype and this': ['{{ c.__proto__ }}', '{{ c["__proto__"]["constructor"] }}', '{{ c.parties.prototype }}', '{{ this }}', '{{ this.constructor }}'],
  globals: ['{{ process.env.PATH }}', '{{ require }}', '{{ global.process }}', '{{ globalThis }}', '{{ module }}', '{{ import }}'],
  'filter and tag abuse': ['{{ c.title | raw }}', '{{ c.title | safe }}', '{{ "x" | eval }}', '{% javascript %}', '{% evil %}', `{{ "${js}" | constructor }}`],
  'files outside the templates': [
    '{% include "../../etc/passwd" %}',
    '{% include "/etc/passwd" %}',
    '{% include "clauses/../../../etc/passwd" %}',
    '{% render "../../etc/passwd" %}',
    '{% layout "/etc/passwd" %}x',
    '{% include "{{ c.id }}/../../etc/passwd" %}',
    '{% include "leak.txt" %}',
    '{% include "out/secret.md" %}',
  ],
  'unbounded work': [
    '{% for i in (1..100000000) %}x{% endfor %}',
    '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
    '{% include "clauses/audit.md.liquid" %}',
  ],
};

const HARMLESS = ['{{ c.parties.vendor.name | upcase }}', '{{ c | json | size }}', '{{ "now" | date }}', '{% increment c %}', '{{ c.terms.audit | size }}'];

async function renderWith(payload: string): Promise<{ markdown?: string; error?: { code?: string; message: string } }> {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
  mkdirSync(join(dir, 'clauses'));
  writeFileSync(join(dir, 'clauses/audit.md.liquid'), `{% heading %}\n\n${payload}\n`);
  symlinkSync('/etc/hostname', join(dir, 'leak.txt'));
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  writeFileSync(join(outside, 'secret.md'), 'SECRET');
  symlinkSync(outside, join(dir, 'out'));
  try {
    return { markdown: renderMarkdown(await loadContract('springfield-smartcam.yaml'), { templatesDir: dir }) };
  } catch (error) {
    return { error: error as { code?: string; message: string } };
  }
}

describe('templates from a pull request run in a sandbox', () => {
  for (const [category, payloads] of Object.entries(REFUSED)) {
    it.each(payloads)(`${category}: %s fails with one render/template line naming file:line:col`, async (payload) => {
      const { error, markdown } = await renderWith(payload);
      expect(markdown, 'rendered').toBeUndefined();
      expect(error?.code).toBe('render/template');
      expect(error?.message).toMatch(/clauses\/audit\.md\.liquid:3:\d+: \S/);
      expect(error?.message).not.toMatch(/\n|root:|SECRET|\[native code\]|at .*\.js:\d+/);
      expect(existsSync(canary)).toBe(false);
    });
  }

  it.each(HARMLESS)('%s renders data only', async (payload) => {
    const { markdown, error } = await renderWith(payload);
    expect(error).toBeUndefined();
    expect(markdown).toContain('## 12. Audit Rights {#audit}');
    const audit = markdown!.split('{#audit}')[1]!.split('\n## ')[0];
    expect(audit).not.toMatch(/function|\[native code\]|process|SECRET|root:/);
  });

  it('stops a template that loops for ever within its time budget', async () => {
    const started = performance.now();
    const { error } = await renderWith('{% for a in (1..3000) %}{% for b in (1..3000) %}{% for d in (1..3000) %}x{% endfor %}{% endfor %}{% endfor %}');
    expect(error?.message).toMatch(/audit\.md\.liquid:3:\d+: template render limit exceeded/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('does not hand pandoc a reference.docx that is a link out of the templates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
    symlinkSync('/etc/hostname', join(dir, 'reference.docx'));
    await expect(renderDocx('# T\n', { templatesDir: dir })).rejects.toMatchObject({
      code: 'render/template',
      message: expect.stringMatching(/resolves outside/),
    });
  });

  it('refuses a clause directory that is a link out of the templates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'audit.md.liquid'), '{% heading %}\n\nFrom outside.\n');
    symlinkSync(outside, join(dir, 'clauses'));
    const contract = await loadContract('springfield-smartcam.yaml');
    expect(() => renderMarkdown(contract, { templatesDir: dir })).toThrow(/resolves outside .*links out of the templates directory are not followed/);
  });
});
