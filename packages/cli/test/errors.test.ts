import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFile, makeRepo, springfieldDrafts, type TestRepo } from './git-fixture.js';
import { repoRoot, runCli, type CliResult } from './run-cli.js';

/** Exit 2 and exactly one line on stderr, `contracts: …`, nothing on stdout, no stack. */
function expectOneLine(r: CliResult, message: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^contracts: /);
  expect(r.stderr).toMatch(message);
  expect(r.exitCode).toBe(2);
}

const smartcam = join(repoRoot, 'contracts/springfield-smartcam.yaml');

describe('every failure is one line with exit 2', () => {
  let repo: TestRepo;
  let outside: string;
  const file = 'contracts/springfield-smartcam.yaml';
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: repo.dir, env: { ...repo.env, ...env } });
  beforeAll(() => {
    repo = makeRepo('contracts-errors-');
    commitFile(repo, file, springfieldDrafts().vendorDraft, { message: 'Draft' });
    outside = mkdtempSync(join(tmpdir(), 'contracts-outside-'));
    writeFileSync(join(outside, 'a.yaml'), springfieldDrafts().vendorDraft);
    mkdirSync(join(repo.dir, 'empty'));
    symlinkSync(join(outside, 'a.yaml'), join(repo.dir, 'link.yaml'));
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('for a mistyped command, with the command meant', async () => {
    expectOneLine(
      await cli(['chek', file]),
      /^contracts: There is no command "chek"; did you mean contracts check\? \(contracts --help\) \[usage\/unknown-command\]$/m,
    );
    expectOneLine(
      await cli(['zzz']),
      /the commands are check, diff, history, import, init, new, pr, redline, render, report, round, rounds, schema, validate .*\[usage\/unknown-command\]/,
    );
  });

  it('for a missing pandoc binary', async () => {
    // The built-in writer is the default DOCX engine: pandoc is only needed when asked for.
    const r = await cli(['render', file, '--to', 'docx', '--docx-engine', 'pandoc', '--out', 'x.docx'], {
      CONTRACTS_PANDOC_BACKEND: 'system',
      CONTRACTS_PANDOC_PATH: '/nonexistent/pandoc',
    });
    expectOneLine(r, /pandoc/i);
  });

  it.each([
    ['diff', ['diff', file, '--from', 'no-such-ref']],
    ['history', ['history', file, '--term', 'x', '--playbook', 'no-such-playbook.yaml']],
    ['redline', ['redline', file, '--from', 'no-such-ref', '--out', 'x.md']],
  ])('for a bad ref or file given to %s', async (_name, args) => {
    expectOneLine(await cli(args), /no-such/);
  });

  it.each(['diff', 'history', 'rounds', 'round', 'redline'])('for a contract that is a symlink out of the repository (%s)', async (command) => {
    const args = [command, 'link.yaml', ...(command === 'diff' || command === 'redline' ? ['--from', 'HEAD'] : [])];
    // The link is in the repository; its target is not (the line says which, and nothing is read).
    expectOneLine(await cli(args), /^contracts: link\.yaml: This is a symbolic link to \S+, outside the repository; it was not read \[io\/symlink-outside\]$/m);
  });

  it.each(['diff', 'history', 'rounds', 'round', 'redline'])('for a directory that is not in a repository (%s)', async (command) => {
    const args = [command, 'a.yaml', ...(command === 'diff' || command === 'redline' ? ['--from', 'HEAD'] : [])];
    const r = await runCli(args, { cwd: outside, env: { ...repo.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
    expectOneLine(r, /^contracts: Not inside a git repository/);
  });

  it.each([
    ['an unknown flag', ['diff', file, '--from', 'HEAD', '--nope'], /Nonexistent flag: --nope \(see contracts diff --help\)/],
    ['a bad option value', ['rounds', file, '--format', 'nonsense'], /Expected --format=nonsense to be one of/],
    ['a missing argument', ['history'], /Missing 1 required arg: file Contract file \(see contracts history --help\)/],
    [
      'a missing required flag',
      ['report', file],
      /^contracts: --out is required \(folder to write the site to\); see contracts report --help \[usage\/missing-flag\]\n?$/,
    ],
  ])('for %s (oclif)', async (_name, args, message) => {
    expectOneLine(await cli(args), message);
  });

  it.each([
    ['check', ['check', 'empty']],
    ['check --format json', ['check', '--format', 'json', 'empty']],
    ['validate', ['validate', 'empty']],
    ['render', ['render', 'empty', '--to', 'md', '--out', 'build/']],
    ['check among other paths', ['check', smartcam, 'empty']],
  ])('for a path with no contract files (%s), not a green "0 files"', async (_name, args) => {
    expectOneLine(await cli(args), /^contracts: No contract files \(\*\.yaml, \*\.yml\) in "empty"/);
  });

  it('but a selection that leaves no file is fine (a PR that changed no contract)', async () => {
    const r = await cli(['check', '--changed-since', 'HEAD', 'contracts']);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toContain('0 errors, 0 warnings in 0 files');
  });
});
