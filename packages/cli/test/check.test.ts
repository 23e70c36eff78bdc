import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const example = (name: string) => readFileSync(join(repoRoot, 'contracts', `${name}.yaml`), 'utf8');
const tempDir = () => mkdtempSync(join(tmpdir(), 'contracts-check-'));
const summaryLine = /^ {2}\d+ walk-away, \d+ fallback, \d+ preferred, \d+ missing, \d+ risk findings?$/m;

/** Nordlicht with its two remote-access gaps closed: no errors, a few fallback warnings. */
const cleanContract = () =>
  example('nordlicht-building-sensors')
    .replace('buyerApprovalPerSession: false', 'buyerApprovalPerSession: true')
    .replace('    frequency: annual\n  remoteAccess:', '    frequency: annual\n    accessLogReview: true\n  remoteAccess:');

describe('contracts check', () => {
  it('checks contracts/ by default: errors exit 1, one summary line per file', async () => {
    const r = await runCli(['check']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('contracts/bright-smile-sterilizer.yaml');
    expect(r.stdout).toMatch(/81:24 +error +Vendor breach notice to buyer .* walk-away .*playbook\/walk-away/);
    expect(r.stdout).toMatch(/related: contracts\/bright-smile-sterilizer.yaml:26:13 product.category is medical-device/);
    expect(r.stdout.match(new RegExp(summaryLine.source, 'gm'))).toHaveLength(3);
    expect(r.stdout).not.toContain('playbook/preferred');
  });

  it('exits 0 for a contract without errors, and 1 when warnings exceed --max-warnings', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.yaml'), cleanContract());
    const ok = await runCli(['check', dir]);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/0 walk-away, \d+ fallback, \d+ preferred, 0 missing, 0 risk findings/);
    const limited = await runCli(['check', dir, '--max-warnings', '0']);
    expect(limited.exitCode).toBe(1);
    // Without errors, the exit says why: one line after the report, on stderr (machine formats stay clean).
    expect(limited.stderr).toMatch(/^contracts: failed: \d+ warnings?, more than --max-warnings 0 allows \[check\/too-many-warnings\]\n$/);
    const viaOclif = await runCli(['check', dir, '--max-warnings', '0', '--format', 'json'], { env: { CONTRACTS_OCLIF: '1' } });
    expect(viaOclif.stderr).toBe(limited.stderr);
    expect(() => JSON.parse(viaOclif.stdout)).not.toThrow();
    expect((await runCli(['check', dir, '--max-warnings', '99'])).stderr).toBe('');
  });

  it('shows preferred positions as info with --verbose', async () => {
    const r = await runCli(['check', 'contracts/springfield-smartcam.yaml', '--verbose']);
    expect(r.stdout).toMatch(/info +Security program standard \(securityProgram.standard\) is named-framework: preferred position +playbook\/preferred/);
  });

  it('lints the rendered agreements with --drafting: the bundled contracts read clean, and the data-level drafting checks run either way', async () => {
    const plain = await runCli(['check', '--format', 'json']);
    const linted = await runCli(['check', '--drafting', '--format', 'json']);
    const codes = (r: { stdout: string }) => (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(linted.exitCode).toBe(plain.exitCode);
    expect(codes(linted)).toEqual(codes(plain));
    expect(codes(plain)).toContain('drafting/cap-below-insurance');
    // A law named that does not bind the deal is a data-level drafting finding too, with or without --drafting.
    const dir = tempDir();
    const city = readFileSync(join(repoRoot, 'contracts', 'springfield-smartcam.yaml'), 'utf8').replace('regulations: []', 'regulations: [BIPA]');
    writeFileSync(join(dir, 'city.yaml'), city);
    for (const args of [
      ['check', dir, '--format', 'json'],
      ['check', dir, '--drafting', '--format', 'json'],
    ])
      expect(codes(await runCli(args))).toContain('drafting/law-not-applicable');
  });

  it('prints per-file summaries in JSON', async () => {
    const r = await runCli(['check', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { files: { file: string; summary: string }[]; diagnostics: { code: string }[] };
    expect(out.files.map((f) => f.file)).toEqual([
      'contracts/bright-smile-sterilizer.yaml',
      'contracts/nordlicht-building-sensors.yaml',
      'contracts/springfield-smartcam.yaml',
    ]);
    expect(out.files[0]!.summary).toMatch(/^\d+ walk-away/);
    expect(out.diagnostics.some((d) => d.code.startsWith('risk/'))).toBe(true);
  });

  it('splits files into complete, disjoint shards', async () => {
    const dir = tempDir();
    for (let i = 0; i < 17; i++) writeFileSync(join(dir, `c${i}.yaml`), cleanContract().replace('id: nordlicht-building-sensors', `id: c${i}`));
    const shards = await Promise.all([1, 2, 3].map((i) => runCli(['check', dir, '--shard', `${i}/3`, '--format', 'json'], { cwd: dir })));
    const files = shards.map((s) => (JSON.parse(s.stdout) as { files: { file: string }[] }).files.map((f) => f.file));
    const all = files.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Array.from({ length: 17 }, (_, i) => `c${i}.yaml`).sort());
    expect(files.every((f) => f.length > 0)).toBe(true);
    // Deterministic: the same shard twice lists the same files.
    const again = await runCli(['check', dir, '--shard', '2/3', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(again.stdout).files.map((f: { file: string }) => f.file)).toEqual(files[1]);
  });

  it.each(['0/3', '4/3', '1-3', 'a/b', '1/0'])('rejects --shard %s with exit 2', async (shard) => {
    const r = await runCli(['check', '--shard', shard]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--shard must be i/n');
  });

  it('checks only contracts changed since a git ref', async () => {
    const dir = tempDir();
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
      });
    mkdirSync(join(dir, 'contracts'));
    cpSync(join(repoRoot, 'contracts'), join(dir, 'contracts'), { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'round 1');
    const file = join(dir, 'contracts', 'springfield-smartcam.yaml');
    // A same-size edit within the second of the commit: git must not trust the index's stat data for it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('notificationHours: 48', 'notificationHours: 99'));
    const r = await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { files: { file: string }[]; diagnostics: { code: string; path: string }[] };
    expect(out.files.map((f) => f.file)).toEqual(['contracts/springfield-smartcam.yaml']);
    expect(out.diagnostics).toContainEqual(expect.objectContaining({ code: 'playbook/walk-away', path: '/terms/incidentResponse/notificationHours' }));
    const none = await runCli(['check', '--changed-since', 'HEAD', 'contracts/nordlicht-building-sensors.yaml'], { cwd: dir });
    expect(none.exitCode).toBe(0);
    expect((await runCli(['check', '--changed-since', 'no-such-ref'], { cwd: dir })).exitCode).toBe(2);
    // The round shorthand, as wherever a ref is taken: for one file it is that agreement's round.
    git('tag', '-a', '-m', 'Round 1', 'springfield-smartcam/round-1');
    const byRound = await runCli(['check', '--changed-since', 'round-1', '--format', 'json', 'contracts/springfield-smartcam.yaml'], { cwd: dir });
    expect((JSON.parse(byRound.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['contracts/springfield-smartcam.yaml']);
    const several = await runCli(['check', '--changed-since', 'round-1', 'contracts'], { cwd: dir });
    expect(several.exitCode).toBe(2);
    expect(several.stderr).toBe(
      "contracts: --changed-since round-1 is a round of one agreement: check that agreement's file, or name the round in full (<id>/round-1) [usage/round-needs-contract]\n",
    );
  });

  it('reports a second contract with an id another contract has, at its id line, in full and in partial runs', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'contracts'));
    const original = example('springfield-smartcam');
    writeFileSync(join(dir, 'contracts', 'springfield-smartcam.yaml'), original);
    // A copy made to start another deal, its id left as it was; it sorts after the original.
    writeFileSync(join(dir, 'contracts', 'tsprings-copy.yaml'), original);
    const idLine = original.split('\n').findIndex((l) => l.startsWith('id:')) + 1;
    const r = await runCli(['check', 'contracts', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; line: number; message: string }[] };
    const dups = out.diagnostics.filter((d) => d.code === 'contract/duplicate-id');
    expect(dups).toEqual([
      expect.objectContaining({
        file: 'contracts/tsprings-copy.yaml',
        line: idLine,
        message: expect.stringContaining('also the id of contracts/springfield-smartcam.yaml'),
      }),
    ]);
    expect(r.exitCode).toBe(1);
    // Checking only the copy (as --changed-since and --shard do) still finds the contract it duplicates.
    type Report = { files: { file: string }[]; diagnostics: { code: string; file: string }[] };
    const shards = await Promise.all(
      ['1/2', '2/2'].map(async (n) => JSON.parse((await runCli(['check', 'contracts', '--shard', n, '--format', 'json'], { cwd: dir })).stdout) as Report),
    );
    // Shards split by a hash of the path: each file lands in exactly one, and its finding with it.
    expect(shards.flatMap((s) => s.files.map((f) => f.file)).sort()).toEqual(['contracts/springfield-smartcam.yaml', 'contracts/tsprings-copy.yaml']);
    expect(shards.flatMap((s) => s.diagnostics.filter((d) => d.code === 'contract/duplicate-id').map((d) => d.file))).toEqual(['contracts/tsprings-copy.yaml']);
  });

  it('reports a broken playbook with positions and exits 1', async () => {
    const dir = tempDir();
    const text = readFileSync(join(repoRoot, 'playbook.yaml'), 'utf8').replace(
      '  incidentResponse.notificationHours:\n',
      '  incidentResponse.notificationHour:\n',
    );
    writeFileSync(join(dir, 'playbook.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.includes('notificationHour:')) + 1;
    const r = await runCli(['check', '--playbook', join(dir, 'playbook.yaml'), join(repoRoot, 'contracts')]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(`${line}:3`);
    expect(r.stdout).toMatch(/No term incidentResponse.notificationHour in the vendor-agreement schema +playbook\/invalid/);
  });

  it('uses ./playbook.yaml from the working directory when present', async () => {
    const dir = tempDir();
    const text = readFileSync(join(repoRoot, 'playbook.yaml'), 'utf8').replace(
      '    fallback: 48\n    walkAwayBeyond: 72\n',
      '    fallback: 48\n    walkAwayBeyond: 200\n',
    );
    writeFileSync(join(dir, 'playbook.yaml'), text);
    writeFileSync(join(dir, 'c.yaml'), example('bright-smile-sterilizer'));
    const r = await runCli(['check', 'c.yaml', '--format', 'json'], { cwd: dir });
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { code: string; path: string }[] }).diagnostics;
    expect(diagnostics.find((d) => d.path === '/terms/incidentResponse/notificationHours')?.code).toBe('playbook/fallback');
  });

  it('exits 2 when the playbook file does not exist', async () => {
    const r = await runCli(['check', '--playbook', 'no-such-playbook.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no-such-playbook.yaml');
  });
});
