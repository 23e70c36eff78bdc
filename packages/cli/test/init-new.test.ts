import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin, runCli } from './run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'contracts-init-'));

describe('contracts init and new', () => {
  it('sets up a repository whose new agreement starts at every preferred position', async () => {
    const dir = scratch();
    expect((await runCli(['init'], { cwd: dir })).exitCode).toBe(0);
    for (const f of [
      'schemas/vendor-agreement.schema.json',
      'playbook.yaml',
      'contracts/example-door-sensors.yaml',
      '.github/workflows/contracts.yml',
      'README.md',
    ]) {
      expect(() => readFileSync(join(dir, f))).not.toThrow();
    }
    // VS Code: every file under contracts/ (one folder deeper too) is mapped to the schema; the YAML extension is recommended.
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']['./schemas/vendor-agreement.schema.json']).toContain('contracts/**/*.yaml');
    expect(JSON.parse(readFileSync(join(dir, '.vscode/extensions.json'), 'utf8')).recommendations).toEqual(['redhat.vscode-yaml']);
    // The example passes its own check.
    const example = await runCli(['check', 'contracts/'], { cwd: dir });
    expect(example.exitCode, example.stdout).toBe(0);
    const created = await runCli(['new', 'riverside-badges', '--vendor', 'Badgeworks Ltd.', '--buyer', 'Riverside Hospital', '--yes'], { cwd: dir });
    expect(created.exitCode, created.stderr).toBe(0);
    const text = readFileSync(join(dir, 'contracts/riverside-badges.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/vendor-agreement.schema.json');
    expect((await runCli(['validate', 'contracts/riverside-badges.yaml'], { cwd: dir })).exitCode).toBe(0);
    const checked = await runCli(['check', 'contracts/riverside-badges.yaml'], { cwd: dir });
    expect(checked.exitCode).toBe(0);
    expect(checked.stdout).toMatch(/0 walk-away, 0 fallback, \d+ preferred, 0 missing, 0 risk findings/);
  });

  it('checks every file before writing any, merges the editor settings and keeps the README of an existing folder', async () => {
    const dir = scratch();
    mkdirSync(join(dir, '.vscode'));
    const settings = { 'editor.fontSize': 15, 'yaml.schemas': { 'https://json.schemastore.org/github-workflow.json': '.github/workflows/*.yml' } };
    writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify(settings));
    writeFileSync(join(dir, 'README.md'), '# Procurement team\n');
    writeFileSync(join(dir, 'playbook.yaml'), '# our own positions\n');
    // A conflict on a toolkit file: refused before anything is written.
    const refused = await runCli(['init'], { cwd: dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/^contracts: playbook\.yaml already exists with other content, so nothing was written; .*--force.* \[io\/exists\]\n$/);
    expect(readdirSync(dir).sort()).toEqual(['.vscode', 'README.md', 'playbook.yaml']);
    expect(readdirSync(join(dir, '.vscode'))).toEqual(['settings.json']);
    // Without the conflict: the user's settings keep their values and gain ours; their README stays.
    rmSync(join(dir, 'playbook.yaml'));
    const done = await runCli(['init'], { cwd: dir });
    expect(done.exitCode, done.stderr).toBe(0);
    expect(done.stderr).toContain('merged .vscode/settings.json');
    expect(done.stderr).toContain('kept your README.md; the guide for legal ops is in CONTRACTS.md');
    const merged = JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(merged['editor.fontSize']).toBe(15);
    expect(merged['yaml.schemas']).toMatchObject({
      'https://json.schemastore.org/github-workflow.json': '.github/workflows/*.yml',
      './schemas/vendor-agreement.schema.json': ['contracts/**/*.yaml', 'contracts/**/*.yml'],
    });
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# Procurement team\n');
    expect(readFileSync(join(dir, 'CONTRACTS.md'), 'utf8')).toContain('contracts');
    expect(existsSync(join(dir, 'contracts', 'example-door-sensors.yaml'))).toBe(true);
    // Run again: nothing changes, and --force still never replaces the user's own files.
    expect((await runCli(['init'], { cwd: dir })).exitCode).toBe(0);
    expect((await runCli(['init', '--force'], { cwd: dir })).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# Procurement team\n');
    expect(JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8'))['editor.fontSize']).toBe(15);
  });

  it('never replaces what a user wrote without --force', async () => {
    const dir = scratch();
    await runCli(['init'], { cwd: dir });
    expect((await runCli(['init'], { cwd: dir })).exitCode).toBe(0); // identical files: nothing to do
    writeFileSync(join(dir, 'playbook.yaml'), '# our own positions\n');
    const again = await runCli(['init'], { cwd: dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('playbook.yaml already exists with other content, so nothing was written');
    expect(readFileSync(join(dir, 'playbook.yaml'), 'utf8')).toBe('# our own positions\n');
    await runCli(['init', '--force'], { cwd: dir });
    await runCli(['new', 'acme', '--vendor', 'Acme', '--yes'], { cwd: dir });
    writeFileSync(join(dir, 'contracts/acme.yaml'), 'id: mine\n');
    const replaced = await runCli(['new', 'acme', '--vendor', 'Acme', '--yes'], { cwd: dir });
    expect(replaced.exitCode).toBe(2);
    expect(readFileSync(join(dir, 'contracts/acme.yaml'), 'utf8')).toBe('id: mine\n');
  });

  it.each(['../../etc/passwd', 'con', 'LPT1', 'nul'])('refuses an id that cannot name a git tag or a file: %s (exit 2, one line)', async (id) => {
    const dir = scratch();
    const r = await runCli(['new', id, '--vendor', 'X'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^contracts: "[^"]+" cannot be an agreement id: .* \[[a-z]+\/[a-z-]+\]\n$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'contracts'))).toBe(false);
  });

  it('reads the jurisdiction from the legal form and says what it assumed', async () => {
    const dir = scratch();
    await runCli(['init'], { cwd: dir });
    const r = await runCli(['new', 'hvac', '--vendor', 'Klimatik GmbH', '--yes'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('assumed vendor jurisdiction DE, from the legal form in "Klimatik GmbH"');
    expect(r.stderr).toContain('assumed vendor remote access (--remote-access): false');
    const text = readFileSync(join(dir, 'contracts/hvac.yaml'), 'utf8');
    expect(text).toMatch(/vendor:\n\s+name: Klimatik GmbH\n\s+jurisdiction: DE/);
    const given = await runCli(
      ['new', 'cams', '--vendor', 'Acme Cameras Inc.', '--yes', '--remote-access', '--remote-method', 'vpn', '--storage', 'US', '--data', 'video'],
      { cwd: dir },
    );
    expect(given.exitCode, given.stderr).toBe(0);
    expect(given.stderr).not.toContain('remote access (--remote-access)');
    expect(readFileSync(join(dir, 'contracts/cams.yaml'), 'utf8')).toMatch(/vendorRemoteAccess:\n\s+enabled: true\n\s+method: vpn/);
    const checked = await runCli(['check', 'contracts/hvac.yaml'], { cwd: dir });
    expect(checked.stdout).toMatch(/0 walk-away/);
  });

  it('fits a long vendor name into the title, and refuses a name longer than the schema allows with one line', async () => {
    const dir = scratch();
    await runCli(['init'], { cwd: dir });
    const long = `${'Northwind '.repeat(18)}Holdings Ltd`;
    const r = await runCli(['new', 'long', '--vendor', long, '--yes'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await runCli(['validate', 'contracts/long.yaml'], { cwd: dir })).exitCode).toBe(0);
    const tooLong = await runCli(['new', 'longer', '--vendor', 'X'.repeat(201), '--yes'], { cwd: dir });
    expect(tooLong.exitCode).toBe(2);
    expect(tooLong.stderr).toMatch(/^contracts: The vendor's name must be 1 to 200 characters \(the schema's limit\); it has 201\./);
  });

  it('asks the product-evaluation questions on a terminal (a real pseudo-terminal through script(1))', async () => {
    const dir = scratch();
    await runCli(['init'], { cwd: dir });
    const { spawn } = await import('node:child_process');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliBin)} new pty-cams --vendor "Klimatik GmbH"`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (screen += c));
    const waitFor = async (text: RegExp) => {
      for (let i = 0; i < 200 && !text.test(screen); i++) await new Promise((r) => setTimeout(r, 50));
      expect(screen).toMatch(text);
    };
    const answer = async (prompt: RegExp, keys: string) => {
      await waitFor(prompt);
      screen = '';
      child.stdin.write(keys);
    };
    const enter = '\r';
    const down = '\u001b[B';
    await answer(/kind of organisation/, enter); // company
    await answer(/Buyer's jurisdiction/, enter); // US
    await answer(/Where is Klimatik GmbH established/, enter); // DE, read from the legal form
    await answer(/What is the product/, enter); // camera: the first choice
    await answer(/How is it connected/, enter);
    await answer(/reached from the internet/, enter);
    await answer(/Where are the devices installed/, enter);
    await answer(/What data does it collect/, enter);
    await answer(/Whose data/, enter);
    await answer(/remote access/, `y${enter}`);
    await answer(/How does the vendor connect/, `${down}${enter}`); // vendor-cloud
    await answer(/Which features/, enter);
    await answer(/Where is the data stored/, enter);
    await answer(/Where is it processed/, `DE EU${enter}`);
    await answer(/Markets/, `EU${enter}`);
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code, screen).toBe(0);
    const text = readFileSync(join(dir, 'contracts/pty-cams.yaml'), 'utf8');
    expect(text).toMatch(/jurisdiction: DE/);
    expect(text).toMatch(/vendorRemoteAccess:\n\s+enabled: true\n\s+method: vendor-cloud/);
    expect(text).toMatch(/processing:\n\s+- DE\n\s+- EU/);
    expect(text).toMatch(/markets:\n\s+- EU/);
    expect((await runCli(['validate', 'contracts/pty-cams.yaml'], { cwd: dir })).exitCode).toBe(0);
  });
});
