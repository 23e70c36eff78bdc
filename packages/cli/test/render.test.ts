import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const smartcam = join(repoRoot, 'contracts/springfield-smartcam.yaml');
const scratch = () => mkdtempSync(join(tmpdir(), 'contracts-render-'));

describe('contracts render', () => {
  it('prints Markdown to stdout', async () => {
    const { stdout, stderr, exitCode } = await runCli(['render', smartcam, '--to', 'md']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^# Connected Camera Purchase and Security Agreement\n/);
    expect(stdout).toContain('## 7. Incident Response {#incident-response}');
    expect(stdout).toContain('within forty-eight (48) hours');
  });

  it("renders wording that restates a term it no longer matches, and warns with check's finding, the file still written", async () => {
    const cwd = scratch();
    const file = join(cwd, 'restated.yaml');
    const entry = [
      'negotiatedWording:',
      '  - clause: incidentResponse/notice',
      '    text: Notice. The Vendor shall notify the Buyer within 72 hours after it becomes aware of a Security Incident.',
      '    proposedBy: Marcus Lee (Acme Cameras)',
      '    restates:',
      '      - term: terms.incidentResponse.notificationHours',
      '        said: 72 hours',
      '        value: 72',
      '',
    ].join('\n');
    writeFileSync(file, `${readFileSync(smartcam, 'utf8')}${entry}`); // the term says 48
    const { stdout, stderr, exitCode } = await runCli(['render', file, '--to', 'md'], { cwd });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('within 72 hours after it becomes aware');
    expect(stderr).toMatch(/restates terms\.incidentResponse\.notificationHours as "72 hours" \(72\), but the term is now 48.*playbook\/restated-term/);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      "contracts: rendered, but the counterparty's wording restates a term it does not match in one place: the document says what the wording says; settle it before sending",
    );
    // A clean contract renders with nothing on stderr.
    expect((await runCli(['render', smartcam, '--to', 'md'], { cwd })).stderr).toBe('');
  });

  it('refuses an --out whose extension names another format, and writes nothing', async () => {
    const cwd = scratch();
    const r = await runCli(['render', smartcam, '--to', 'md', '--out', 'x.docx'], { cwd });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'contracts: --to md does not match --out x.docx, a .docx file; pass --to docx, or an --out ending in .md [usage/format-extension-mismatch]\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
    // An extension that names no format is no contradiction.
    expect((await runCli(['render', smartcam, '--to', 'md', '--out', 'x.txt'], { cwd })).exitCode).toBe(0);
  });

  it('prints standalone HTML with print CSS to stdout, byte-identical across runs', async () => {
    const first = await runCli(['render', smartcam, '--to', 'html']);
    const second = await runCli(['render', smartcam, '--to', 'html']);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(first.stdout).toContain('@media print');
    expect(first.stdout).toBe(second.stdout);
  });

  it('renders md and html without touching pandoc at all', async () => {
    // A bogus backend makes any pandoc call fail, so success proves md/html never start pandoc (or its WASM build).
    const env = { CONTRACTS_PANDOC_BACKEND: 'bogus', PATH: '/nonexistent' };
    for (const to of ['md', 'html']) {
      const { exitCode, stderr } = await runCli(['render', smartcam, '--to', to], { env });
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
    }
  });

  it('writes DOCX with the built-in writer without pandoc, and through pandoc with --docx-engine pandoc', async () => {
    const cwd = scratch();
    const env = { CONTRACTS_PANDOC_BACKEND: 'bogus' };
    const builtin = await runCli(['render', smartcam, '--to', 'docx', '--out', 'a.docx'], { cwd, env });
    expect(builtin.exitCode).toBe(0);
    expect(readFileSync(join(cwd, 'a.docx')).subarray(0, 2).toString()).toBe('PK');
    // The bogus backend proves the second run went to pandoc: it fails with pandoc's one-line error.
    const viaPandoc = await runCli(['render', smartcam, '--to', 'docx', '--out', 'b.docx', '--docx-engine', 'pandoc'], { cwd, env });
    expect(viaPandoc.exitCode).toBe(2);
    expect(viaPandoc.stderr.trim().split('\n')).toHaveLength(1);
    expect(viaPandoc.stderr).toContain('Unknown pandoc backend "bogus"');
    const badEngine = await runCli(['render', smartcam, '--to', 'docx', '--out', 'c.docx'], { cwd, env: { CONTRACTS_DOCX_ENGINE: 'word' } });
    expect(badEngine.exitCode).toBe(2);
    expect(badEngine.stderr).toMatch(/Unknown DOCX engine "word" .*use one of builtin, pandoc/);
  });

  it('writes <id>.docx in the working directory and never overwrites a different file without --force', async () => {
    const cwd = scratch();
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    const first = await runCli(['render', smartcam, '--to', 'docx'], { cwd, env });
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain('wrote springfield-smartcam.docx');
    const bytes = readFileSync(join(cwd, 'springfield-smartcam.docx'));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004'); // a zip; content is checked in @contracts/render tests

    const again = await runCli(['render', smartcam, '--to', 'docx'], { cwd, env });
    expect(again.exitCode).toBe(0); // identical bytes: nothing to refuse
    expect(readFileSync(join(cwd, 'springfield-smartcam.docx')).equals(bytes)).toBe(true);

    writeFileSync(join(cwd, 'other.docx'), 'mine');
    const refused = await runCli(['render', smartcam, '--to', 'docx', '--out', 'other.docx'], { cwd, env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('already exists; pass --force');
    expect(readFileSync(join(cwd, 'other.docx'), 'utf8')).toBe('mine');
    const forced = await runCli(['render', smartcam, '--to', 'docx', '--out', 'other.docx', '--force'], { cwd, env });
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(join(cwd, 'other.docx')).equals(bytes)).toBe(true);
  });

  it('renders a directory of contracts into --out DIR', async () => {
    const cwd = scratch();
    const { exitCode, stderr } = await runCli(['render', join(repoRoot, 'contracts'), '--to', 'md', '--out', 'build'], { cwd });
    expect(exitCode).toBe(0);
    expect(stderr).toContain('wrote build/nordlicht-building-sensors.md');
    expect(readFileSync(join(cwd, 'build/bright-smile-sterilizer.md'), 'utf8')).toContain('45 CFR § 164.504(e)');
  });

  it('asks for --out DIR when given several contracts', async () => {
    const { exitCode, stderr } = await runCli(['render', join(repoRoot, 'contracts'), '--to', 'md']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('needs --out DIR');
  });

  it('refuses two contracts with one id before writing anything (exit 2)', async () => {
    const dir = scratch();
    const source = readFileSync(smartcam, 'utf8');
    writeFileSync(join(dir, 'a.yaml'), source);
    writeFileSync(join(dir, 'b.yaml'), source);
    const { stderr, exitCode } = await runCli(['render', dir, '--to', 'md', '--out', join(dir, 'out')]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/both have id springfield-smartcam/);
    expect(() => readFileSync(join(dir, 'out', 'springfield-smartcam.md'))).toThrow();
  });

  it('uses a clause from --templates and falls back to ours for the rest', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'clauses'));
    writeFileSync(join(dir, 'clauses/audit.md.liquid'), '{% heading %}\n\n**{% clause "custom" %}** Custom audit wording.\n');
    const { stdout, exitCode } = await runCli(['render', smartcam, '--to', 'md', '--templates', dir]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('**12.1** Custom audit wording.');
    expect(stdout).toContain('## 15. Term and Termination');
  });

  it('reports a template error as one line naming file, line and term, exit 2', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'clauses'));
    writeFileSync(join(dir, 'clauses/audit.md.liquid'), '{% heading %}\n\n{{ c.terms.audit.nope }}\n');
    const { stderr, exitCode } = await runCli(['render', smartcam, '--to', 'md', '--templates', dir]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/audit\.md\.liquid:3:\d+: `c\.terms\.audit\.nope` is undefined/);
  });

  it('rejects an include outside the templates directory', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'clauses'));
    writeFileSync(join(dir, 'clauses/audit.md.liquid'), '{% include "../../../etc/passwd" %}\n');
    const { stderr, stdout, exitCode } = await runCli(['render', smartcam, '--to', 'md', '--templates', dir]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('not allowed');
    expect(stdout).not.toContain('root:');
  });

  it('refuses to render a contract with schema errors (exit 1)', async () => {
    const dir = scratch();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync(smartcam, 'utf8').replace('notificationHours: 48', 'notificationHours: soon'));
    const { stderr, exitCode } = await runCli(['render', file, '--to', 'md']);
    expect(exitCode).toBe(1);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('contracts: not rendered: fix the schema error above first');
    // A YAML error is named as one (a duplicate key is no schema error).
    writeFileSync(file, readFileSync(smartcam, 'utf8').replace('    notificationHours: 48\n', '    notificationHours: 48\n    notificationHours: 72\n'));
    const duplicate = await runCli(['render', file, '--to', 'md']);
    expect(duplicate.exitCode).toBe(1);
    expect(duplicate.stderr).toContain('yaml/duplicate-key');
    expect(duplicate.stderr.trimEnd().split('\n').at(-1)).toBe('contracts: not rendered: fix the YAML error above first');
  });

  it('exits 2 with installation advice when no PDF engine is present', async () => {
    const cwd = scratch();
    const { stderr, exitCode } = await runCli(['render', smartcam, '--to', 'pdf'], { cwd, env: { PATH: '/nonexistent', CONTRACTS_CHROMIUM_PATH: '' } });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/No PDF engine found\. Install Chromium/);
  });
});
