import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'contracts-init-'));

describe('contracts init and new', () => {
  it('sets up a repository whose new agreement starts at every preferred position', async () => {
    const dir = scratch();
    expect((await runCli(['init'], { cwd: dir })).exitCode).toBe(0);
    for (const f of ['schemas/vendor-agreement.schema.json', 'playbook.yaml', 'contracts/springfield-smartcam.yaml', '.github/workflows/contracts.yml']) {
      expect(() => readFileSync(join(dir, f))).not.toThrow();
    }
    const created = await runCli(['new', 'riverside-badges', '--vendor', 'Badgeworks Ltd.', '--buyer', 'Riverside Hospital'], { cwd: dir });
    expect(created.exitCode, created.stderr).toBe(0);
    const text = readFileSync(join(dir, 'contracts/riverside-badges.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/vendor-agreement.schema.json');
    expect((await runCli(['validate', 'contracts/riverside-badges.yaml'], { cwd: dir })).exitCode).toBe(0);
    const checked = await runCli(['check', 'contracts/riverside-badges.yaml'], { cwd: dir });
    expect(checked.exitCode).toBe(0);
    expect(checked.stdout).toMatch(/0 walk-away, 0 fallback, \d+ preferred, 0 missing, 0 risk findings/);
  });

  it('never replaces what a user wrote without --force', async () => {
    const dir = scratch();
    await runCli(['init'], { cwd: dir });
    expect((await runCli(['init'], { cwd: dir })).exitCode).toBe(0); // identical files: nothing to do
    writeFileSync(join(dir, 'playbook.yaml'), '# our own positions\n');
    const again = await runCli(['init'], { cwd: dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('playbook.yaml already exists; pass --force');
    expect(readFileSync(join(dir, 'playbook.yaml'), 'utf8')).toBe('# our own positions\n');
    await runCli(['init', '--force'], { cwd: dir });
    await runCli(['new', 'acme', '--vendor', 'Acme'], { cwd: dir });
    writeFileSync(join(dir, 'contracts/acme.yaml'), 'id: mine\n');
    const replaced = await runCli(['new', 'acme', '--vendor', 'Acme'], { cwd: dir });
    expect(replaced.exitCode).toBe(2);
    expect(readFileSync(join(dir, 'contracts/acme.yaml'), 'utf8')).toBe('id: mine\n');
  });

  it.each(['../../etc/passwd', 'con', 'LPT1', 'nul'])('refuses an id that cannot name a git tag or a file: %s (exit 2, one line)', async (id) => {
    const dir = scratch();
    const r = await runCli(['new', id, '--vendor', 'X'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^contracts: "[^"]+" cannot be an agreement id: .*\n$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'contracts'))).toBe(false);
  });
});
