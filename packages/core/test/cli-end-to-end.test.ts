/**
 * Reading rules end to end, through the built CLI (`packages/cli/bin/run.js`, built by scripts/build.mjs)
 * as a CI job runs it: exit codes, one line for an unreadable file on one thread and over workers, one
 * diagnostic per refused file, no hang, nothing of a file outside the repository in the output.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper shared with the benches
import { run } from '../../../bench/lib/measure.mjs';
import { cliBin, repoRoot, runCli } from '../../cli/test/run-cli.js';

const example = join(repoRoot, 'contracts', 'springfield-smartcam.yaml');
let repo: string;
let many: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'contracts-e2e-'));
  execFileSync('git', ['init', '-q', repo]);
  execFileSync('git', ['-C', repo, 'config', 'http.extraheader', 'AUTHORIZATION: basic c2VjcmV0OnRva2Vu']);
  mkdirSync(join(repo, 'contracts'));
  copyFileSync(example, join(repo, 'contracts', 'good.yaml'));
  symlinkSync('../.git/config', join(repo, 'contracts', 'config.yaml'));
  symlinkSync('good.yaml', join(repo, 'contracts', 'walk-away-link.yaml'));
  symlinkSync('..', join(repo, 'contracts', 'loop'));
  execFileSync('mkfifo', [join(repo, 'contracts', 'fifo.yaml')]);
  copyFileSync(join(repoRoot, 'README.md'), join(repo, 'README.md'));
  // Many contracts in a folder that sorts before /proc, so the unreadable file lands in the last worker's slice
  // (check starts workers from 2,500 files on, validate from 150).
  many = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'contracts-many-'));
  for (let i = 0; i < 5000; i++) copyFileSync(example, join(many, `c${String(i).padStart(4, '0')}.yaml`));
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(many, { recursive: true, force: true });
});

const lines = (r: { stdout: string; stderr: string }) => `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);

describe('reading contract files, end to end through the CLI', () => {
  for (const command of ['validate', 'check']) {
    for (const threads of ['1', '4']) {
      it(`${command} with CONTRACTS_THREADS=${threads}: an unreadable file among 5,000 gives exit 2 and one line`, async () => {
        const unreadable = `/proc/${process.pid}/mem`;
        const result = await runCli([command, many, unreadable], { env: { CONTRACTS_THREADS: threads }, timeoutMs: 120_000 });
        expect(result.exitCode).toBe(2);
        const error = [expect.stringContaining(`Cannot read ${unreadable}: input/output error`)];
        // check writes its report as files are checked: what came before the failure is on stdout, the error alone on stderr.
        if (command === 'check') expect(result.stderr.split('\n').filter(Boolean)).toEqual(error);
        else expect(lines(result)).toEqual(error);
      }, 150_000);
    }
  }

  it('reports a symlink into .git and a FIFO once each, reads the link that stays inside, ends on a loop, and echoes no credential', async () => {
    const result = await runCli(['validate', '--format', 'json', 'contracts'], { cwd: repo, timeoutMs: 20_000 });
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(/c2VjcmV0|AUTHORIZATION/);
    const report = JSON.parse(result.stdout) as { file: string; code: string }[] | { diagnostics: { file: string; code: string }[] };
    const diagnostics = Array.isArray(report) ? report : report.diagnostics;
    expect(diagnostics.map((d) => [d.file, d.code]).sort()).toEqual([
      ['contracts/config.yaml', 'io/symlink-outside'],
      ['contracts/fifo.yaml', 'io/not-a-file'],
    ]);
  });

  it('gives README.md one diagnostic, and /dev/zero one, without hanging', async () => {
    const readme = await runCli(['check', 'README.md'], { cwd: repo });
    expect(readme.exitCode).toBe(1);
    expect(readme.stdout).toContain('does not look like a contract');
    expect(readme.stdout.match(/ error /g)).toHaveLength(1);
    const zero = await runCli(['validate', '/dev/zero'], { timeoutMs: 20_000 });
    expect(zero.exitCode).toBe(1);
    expect(zero.stdout).toContain('io/not-a-file');
  });

  it('never crashes check on keys named like Object.prototype members, at any level', async () => {
    const dir = join(repo, 'prototype');
    mkdirSync(dir);
    const text = readFileSync(example, 'utf8');
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      writeFileSync(join(dir, `${name}-top.yaml`), text.replace('schemaVersion: 1\n', `schemaVersion: 1\n${name}: 1\n`));
      writeFileSync(join(dir, `${name}-deep.yaml`), text.replace('    kind: government\n', `    kind: government\n    ${name}: {valueOf: 1}\n`));
      writeFileSync(join(dir, `${name}-list.yaml`), text.replace(/sites: \[.*\]/, `sites: [{${name}: 1}, {${name}: 2}]`));
    }
    const result = await runCli(['check', dir], { timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('internal error');
    expect(result.exitCode).toBe(1);
  }, 90_000);

  it('reports a 500 MB file as too large without reading it (peak RSS stays small)', async () => {
    const big = join(repo, 'big.yaml');
    writeFileSync(big, 'schemaVersion: 1\n');
    truncateSync(big, 500 * 1024 * 1024);
    const measured = (await run(process.execPath, [cliBin, 'validate', big])) as { code: number; peakMiB: number };
    const small = (await run(process.execPath, [cliBin, 'validate', join(repo, 'contracts', 'good.yaml')])) as { code: number; peakMiB: number };
    console.log(`peak RSS: 500 MB file ${measured.peakMiB.toFixed(0)} MiB, one 4 KB contract ${small.peakMiB.toFixed(0)} MiB`);
    expect(measured.code).toBe(1);
    expect(measured.peakMiB).toBeLessThan(small.peakMiB + 32);
    rmSync(big);
  }, 60_000);
});
