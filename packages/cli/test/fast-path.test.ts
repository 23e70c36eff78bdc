import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimpleInvocation } from '../src/fast-path.js';
import { runCli } from './run-cli.js';

const broken = mkdtempSync(join(tmpdir(), 'contracts-fast-path-'));
writeFileSync(join(broken, 'bad.yaml'), 'schemaVersion: 1\nid: Bad Id\nunknownField: [\n');
writeFileSync(join(broken, 'odd.yaml'), 'schemaVersion: 1\nid: odd\ntitel: x\n');

describe('fast path for check and validate', () => {
  it('takes plain invocations and leaves everything else to oclif', () => {
    expect(parseSimpleInvocation(['check', '-f', 'json', '--verbose', 'contracts'])).toEqual({
      command: 'check',
      paths: ['contracts'],
      flags: { format: 'json', playbook: undefined, 'changed-since': undefined, shard: undefined, 'max-warnings': undefined, verbose: true, drafting: false },
    });
    expect(parseSimpleInvocation(['validate', '--max-warnings=0'])?.flags).toEqual({ format: 'stylish', 'max-warnings': 0 });
    for (const argv of [
      ['check', '--help'],
      ['check', '-h'],
      ['--version'],
      ['diff', 'a'],
      ['constructor'],
      ['check', '--format', 'yaml'],
      ['check', '--format'],
      ['check', '--playbook='],
      ['check', '--verbose=yes'],
      ['check', '-v', '-v'],
      ['check', '--max-warnings', '-1'],
      ['check', '--max-warnings', 'x'],
      ['check', '--unknown'],
      ['check', '--constructor', 'x'],
      ['check', '--to-string'],
      ['check', '--', 'contracts'],
      ['check', '-fjson'],
      ['validate', '--playbook', 'p.yaml'],
    ]) {
      expect({ argv, parsed: parseSimpleInvocation(argv) }).toEqual({ argv, parsed: undefined });
    }
  });

  // The same invocation through both parsers: byte-identical output, same exit code.
  const invocations = [
    ['check', 'contracts'],
    ['check', '--format', 'json', 'contracts/springfield-smartcam.yaml'],
    ['check', '-f', 'github', '--verbose', 'contracts'],
    ['check', '--format=sarif', '--max-warnings', '0', 'contracts'],
    ['check', '--shard', '2/3', '--format', 'junit', 'contracts'],
    ['check', '--shard', '4/3', 'contracts'],
    ['check', '--playbook', 'no-such-playbook.yaml', 'contracts'],
    ['check', '--format', 'markdown', broken],
    ['check', 'no/such/dir'],
    ['check', '--max-warnings', '-1', 'contracts'],
    ['validate', '--format', 'json', broken],
    ['validate', '--format', 'sarif', 'contracts'],
    ['validate', '--max-warnings', '0', broken],
  ];
  it.each(invocations)('answers %s exactly as oclif does', async (...argv) => {
    const [fast, oclif] = await Promise.all([runCli(argv), runCli(argv, { env: { CONTRACTS_OCLIF: '1' } })]);
    expect(fast.exitCode).toBe(oclif.exitCode);
    expect(fast.stdout).toBe(oclif.stdout);
    const pidless = (text: string) => text.replace(/\(node:\d+\)/g, '(node:PID)');
    expect(pidless(fast.stderr)).toBe(pidless(oclif.stderr));
  });

  it('stops quietly when the reader of its output goes away (`| head`)', async () => {
    const { spawn } = await import('node:child_process');
    const { cliBin, repoRoot } = await import('./run-cli.js');
    // Far more output than a pipe buffers (64 KiB), so writes fail once the reader has gone.
    const many = mkdtempSync(join(tmpdir(), 'contracts-epipe-'));
    const example = readFileSync(join(repoRoot, 'contracts/springfield-smartcam.yaml'));
    for (let i = 0; i < 60; i++) writeFileSync(join(many, `c${i}.yaml`), example);
    const child = spawn(process.execPath, [cliBin, 'check', '--verbose', many], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).not.toBeNull();
  });

  it('really skips oclif on a plain check', async () => {
    const probe = join(broken, 'probe.mjs');
    // Loads the CLI in-process, runs it, and reports whether any oclif module was loaded.
    writeFileSync(
      probe,
      `import { createRequire } from 'node:module';\nprocess.argv = [process.argv[0], 'contracts', 'check', '--format', 'json', ${JSON.stringify(join(broken, 'odd.yaml'))}];\nawait import(${JSON.stringify(new URL('../bin/run.js', import.meta.url).href)});\nconst loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('@oclif'));\nprocess.stderr.write('OCLIF_MODULES=' + loaded.length + '\\n');\n`,
    );
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
    expect(result.stderr).toContain('OCLIF_MODULES=0');
    expect(JSON.parse(result.stdout).diagnostics.length).toBeGreaterThan(0);
  });
});
