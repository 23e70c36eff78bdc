import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const example = readFileSync(join(repoRoot, 'contracts/springfield-smartcam.yaml'), 'utf8');
const scratch = () => mkdtempSync(join(tmpdir(), 'contracts-cli-'));
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|TypeError|RangeError|ReferenceError/);

describe('contracts validate', () => {
  it('passes the bundled examples with exit 0', async () => {
    const r = await runCli(['validate', 'contracts']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('0 errors, 0 warnings in 3 files');
  });

  it('validates contracts/ when given no path', async () => {
    const r = await runCli(['validate']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('in 3 files');
  });

  it('reports a lawyer-readable error at file:line:col with the field path and code, exit 1', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'deal.yaml'), example.replace('notificationHours: 48', 'notificationHours: soon'));
    const r = await runCli(['validate', dir], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const line = example.split('\n').findIndex((l) => l.includes('notificationHours')) + 1;
    expect(r.stdout).toContain('deal.yaml');
    expect(r.stdout).toContain(`${line}:24  error    terms.incidentResponse.notificationHours must be a whole number of hours (found "soon")  schema/type`);
    const json = await runCli(['validate', '--format', 'json', dir], { cwd: dir });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.diagnostics[0]).toMatchObject({
      file: 'deal.yaml',
      line,
      column: 24,
      path: '/terms/incidentResponse/notificationHours',
      code: 'schema/type',
    });
  });

  it.each([
    ['broken syntax', 'id: [oops\n'],
    [
      'an alias bomb',
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    ],
    ['deep nesting', `x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`],
    ['a code-execution tag', 'x: !!js/function "function(){ process.exit(9) }"\n'],
    ['binary bytes', '\u0000\u0001\u0002'],
  ])('turns %s into one diagnostic with a position and exit 1, no stack trace', async (_name, content) => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.yaml'), content);
    const r = await runCli(['validate', 'bad.yaml'], { cwd: dir, timeoutMs: 10_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml\n\s+\d+:\d+\s+error/);
    noStackTrace(r.stdout + r.stderr);
  });

  it('exits 2 with one clear line for a missing path', async () => {
    const r = await runCli(['validate', 'no/such/file.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe('contracts: No such file or directory: no/such/file.yaml [io/not-found]');
    expect(r.stdout).toBe('');
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 for an unreadable file', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'secret.yaml'), example);
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const r = await runCli(['validate', 'secret.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('permission denied');
  });

  it('exits 2 with a usage message for an unknown --format', async () => {
    const dir = scratch();
    const r = await runCli(['validate', '--format', 'nonsense', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Expected --format=nonsense to be one of');
    noStackTrace(r.stderr);
  });

  it('names a missing required flag (exit 2)', async () => {
    const r = await runCli(['render', 'contracts/springfield-smartcam.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^contracts: --to is required \(.*\); see contracts render --help \[usage\/missing-flag\]\n$/);
    noStackTrace(r.stderr);
  });

  it('shows examples in --help', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('EXAMPLES');
    expect(r.stdout).toContain('contracts validate contracts/');
  });

  it('prints GitHub annotations with --format github', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'deal.yaml'), example.replace('id: springfield-smartcam', 'id: Springfield SmartCam'));
    const r = await runCli(['validate', '--format', 'github', 'deal.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^::error file=deal\.yaml,line=5,col=5,endLine=5,endColumn=\d+,title=schema\/pattern::/m);
  });
});

describe('contracts schema', () => {
  it('prints the bundled schema', async () => {
    const r = await runCli(['schema']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).$id).toContain('vendor-agreement');
  });

  it('writes --out atomically and refuses to overwrite a different file without --force', async () => {
    const dir = scratch();
    const out = join(dir, 'schema.json');
    expect((await runCli(['schema', '--out', out])).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).$schema).toContain('2020-12');
    writeFileSync(out, '{"mine": true}');
    const refused = await runCli(['schema', '--out', out]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('already exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('{"mine": true}');
    expect((await runCli(['schema', '--out', out, '--force'])).exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('vendor-agreement');
  });
});
