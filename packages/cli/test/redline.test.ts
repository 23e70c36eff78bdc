import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUYER, commitFile, makeRepo, renameFile, tag, VENDOR, writeFile, type TestRepo } from './git-fixture.js';
import { repoRoot, runCli } from './run-cli.js';

const FILE = 'contracts/springfield-smartcam.yaml';
const example = readFileSync(join(repoRoot, FILE), 'utf8');
const hours = (n: number) => example.replace(/notificationHours: \d+/, `notificationHours: ${n}`);
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z

let repo: TestRepo;
const cli = (args: string[], env: Record<string, string> = {}) => runCli(['redline', FILE, ...args], { cwd: repo.dir, env: { ...repo.env, ...env } });
const part = (file: string, name = 'word/document.xml') => execFileSync('unzip', ['-p', join(repo.dir, file), name], { encoding: 'utf8', maxBuffer: 64 << 20 });

beforeAll(() => {
  repo = makeRepo('contracts-redline-');
  commitFile(repo, FILE, hours(72), { message: 'Buyer draft', author: BUYER, date: '2026-02-01T09:00:00Z' });
  tag(repo, 'springfield-smartcam/round-1', { message: 'Round 1' });
  commitFile(repo, FILE, hours(24), { message: 'Vendor markup', author: VENDOR, date: '2026-02-15T16:30:00+01:00' });
  tag(repo, 'springfield-smartcam/round-2', { message: 'Round 2' });
});
afterAll(() => repo.cleanup());

describe('contracts redline', () => {
  it('writes a DOCX with tracked changes by the --to commit author at its date', async () => {
    const r = await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'r.docx']);
    expect(r.stderr).toMatch(/^wrote r\.docx: round-1 \([0-9a-f]{7}\) → round-2 \([0-9a-f]{7}\)/);
    expect(r.exitCode).toBe(0);
    const xml = part('r.docx');
    expect(xml).toMatch(/<w:del [^>]*w:author="Vic Vendor"[^>]* w:date="2026-02-15T15:30:00Z"[^>]*>(?:(?!<\/w:del>).)*<w:delText[^>]*>[^<]*seventy-two/);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Vic Vendor"[^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*>[^<]*twenty-four/);
    // The zip is stamped with the --to commit's date, so the file depends only on the two versions.
    expect(part('r.docx', 'docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-02-15T15:30:00Z<');
  });

  it('dates the file by SOURCE_DATE_EPOCH and the changes still by the --to commit', async () => {
    expect((await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'sde.docx'], EPOCH)).exitCode).toBe(0);
    const dates = new Set([...part('sde.docx').matchAll(/ w:date="([^"]+)"/g)].map((m) => m[1]));
    expect([...dates]).toEqual(['2026-02-15T15:30:00Z']);
    expect(part('sde.docx', 'docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z<');
  });

  const soffice = ['soffice', 'libreoffice'].find((bin) => {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 30_000 });
      return true;
    } catch {
      return false;
    }
  });

  it.skipIf(!soffice)('opens in LibreOffice with the changes as tracked changes, and keeps the cover-page table', async () => {
    expect((await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'lo.docx'])).exitCode).toBe(0);
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'fodt', '--outdir', repo.dir, join(repo.dir, 'lo.docx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const fodt = readFileSync(join(repo.dir, 'lo.fodt'), 'utf8');
    expect(fodt.match(/<text:changed-region /g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(fodt).toMatch(/<text:insertion>[\s\S]*?<dc:creator>Vic Vendor<\/dc:creator>/);
    expect(fodt).toMatch(/<text:deletion>[\s\S]*?<dc:creator>Vic Vendor<\/dc:creator>/);
    expect(fodt).toContain('<table:table '); // the cover page stayed a table in the redline
    expect(fodt).not.toContain('**'); // clause numbers stayed bold, not literal asterisks
    rmSync(profile, { recursive: true, force: true });
  });

  it('is byte-identical across runs, on the system and the WASM pandoc', async () => {
    await cli(['--from', 'round-1', '--to', 'round-2', '--format', 'docx', '--out', 'a.docx']);
    const again = await cli(['--from', 'round-1', '--to', 'round-2', '--format', 'docx', '--out', 'a.docx']);
    expect(again.exitCode).toBe(0); // same bytes: writing over an identical file needs no --force
    const wasm = await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'w.docx'], { CONTRACTS_PANDOC_BACKEND: 'wasm' });
    expect(wasm.exitCode).toBe(0);
    expect(part('w.docx')).toMatch(/<w:del [^>]*w:author="Vic Vendor"/);
    const _wasm2 = await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'w2.docx'], { CONTRACTS_PANDOC_BACKEND: 'wasm' });
    expect(readFileSync(join(repo.dir, 'w2.docx')).equals(readFileSync(join(repo.dir, 'w.docx')))).toBe(true);
  });

  it('infers HTML from --out and lists the position change in the header', async () => {
    const r = await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'r.html']);
    expect(r.exitCode).toBe(0);
    const html = readFileSync(join(repo.dir, 'r.html'), 'utf8');
    expect(html).toMatch(/<section class="redline-summary"[^>]*>[\s\S]*<del>72 hours<\/del>[\s\S]*<ins>24 hours<\/ins>/);
    expect(html).toMatch(/<del [^>]*title="Vic Vendor">seventy-two \(72<\/del><ins [^>]*title="Vic Vendor">twenty-four \(24<\/ins>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />`);
  });

  it('redlines against the working tree by default, as git config user.name at SOURCE_DATE_EPOCH', async () => {
    writeFile(repo, FILE, hours(12));
    try {
      const r = await cli(['--from', 'round-2', '--format', 'md', '--out', '-'], EPOCH);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('[twenty-four (24]{.deletion author="Nick Negotiator" date="2026-01-01T00:00:00Z"}[twelve (12]{.insertion');
    } finally {
      writeFile(repo, FILE, hours(24));
    }
  });

  it('refuses to overwrite a different existing --out without --force', async () => {
    writeFileSync(join(repo.dir, 'keep.docx'), 'mine');
    const r = await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'keep.docx']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(join(repo.dir, 'keep.docx'), 'utf8')).toBe('mine');
    const forced = await cli(['--from', 'round-1', '--to', 'round-2', '--out', 'keep.docx', '--force']);
    expect(forced.exitCode).toBe(0);
  });

  it.each([
    ['an unknown ref', ['--from', 'round-9', '--to', 'round-2', '--out', 'x.md'], /Unknown git ref "round-9"/],
    ['DOCX to stdout, before any work', ['--from', 'round-1', '--format', 'docx', '--out', '-'], /DOCX cannot go to stdout/],
    ['an option-like ref', ['--from=--upload-pack=evil', '--out', 'x.md'], /Invalid git ref/],
    ['an output format it cannot guess', ['--from', 'round-1', '--out', 'x.pdf'], /--format md\|html\|docx/],
  ])('exits 2 with one line for %s', async (_name, args, message) => {
    const r = await cli(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(repo.dir, 'x.md'))).toBe(false);
  });

  it('refuses a --format the --out extension contradicts, with one line and nothing written, and takes --format for an extension of no format', async () => {
    for (const [format, out] of [
      ['md', 'x.docx'],
      ['docx', 'x.HTML'],
      ['html', 'x.markdown'],
    ] as const) {
      const r = await cli(['--from', 'round-1', '--to', 'round-2', '--format', format, '--out', out]);
      expect(r.exitCode, `${format} ${out}`).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`--format ${format} does not match --out ${out}`);
      expect(existsSync(join(repo.dir, out))).toBe(false);
    }
    const txt = await cli(['--from', 'round-1', '--to', 'round-2', '--format', 'md', '--out', 'notes.txt']);
    expect(txt.exitCode).toBe(0);
    expect(readFileSync(join(repo.dir, 'notes.txt'), 'utf8')).toContain('{.insertion author=');
  });

  it('exits 2 outside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contracts-norepo-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), example);
      const r = await runCli(['redline', 'a.yaml', '--from', 'HEAD', '--out', 'x.md'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^contracts: Not inside a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the diagnostics of a version that does not parse, naming file@ref, exit 1', async () => {
    const bad = makeRepo('contracts-redline-bad-');
    try {
      commitFile(bad, FILE, example.replace('notificationHours: 48', 'notificationHours: [48'), { message: 'broken' });
      tag(bad, 'broken');
      commitFile(bad, FILE, example, { message: 'fixed' });
      const r = await runCli(['redline', FILE, '--from', 'broken', '--to', 'HEAD', '--out', 'x.md'], { cwd: bad.dir, env: bad.env });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`${FILE}@broken`);
      expect(r.stderr).toContain('no redline');
      expect(existsSync(join(bad.dir, 'x.md'))).toBe(false);
    } finally {
      bad.cleanup();
    }
  });

  it('without --out writes <id>-<from>-<to>.<ext> in the working directory, DOCX by default', async () => {
    const r = await cli(['--from', 'round-1', '--to', 'round-2']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^wrote springfield-smartcam-round-1-round-2\.docx: /);
    expect(part('springfield-smartcam-round-1-round-2.docx')).toMatch(/<w:ins /);
    const html = await cli(['--from', 'springfield-smartcam/round-1', '--format', 'html']);
    expect(html.exitCode).toBe(0);
    expect(existsSync(join(repo.dir, 'springfield-smartcam-springfield-smartcam-round-1-working.html'))).toBe(true);
  });
});

describe('a contract renamed with git mv between rounds', () => {
  let moved: TestRepo;
  const NEW = 'contracts/springfield/smartcam.yaml';
  const run = (args: string[]) => runCli(args, { cwd: moved.dir, env: moved.env });
  beforeAll(() => {
    moved = makeRepo('contracts-renamed-');
    commitFile(moved, FILE, hours(72), { message: 'Buyer draft', author: BUYER, date: '2026-02-01T09:00:00Z' });
    tag(moved, 'springfield-smartcam/round-1', { message: 'Round 1' });
    renameFile(moved, FILE, NEW, { message: 'Move into a folder', date: '2026-02-10T09:00:00Z' });
    commitFile(moved, NEW, hours(24), { message: 'Vendor markup', author: VENDOR, date: '2026-02-15T16:30:00+01:00' });
    tag(moved, 'springfield-smartcam/round-2', { message: 'Round 2' });
  });
  afterAll(() => moved.cleanup());

  it('redlines across the rename', async () => {
    const r = await run(['redline', NEW, '--from', 'round-1', '--to', 'round-2', '--format', 'md', '--out', '-']);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toMatch(/\[seventy-two \(72\]\{\.deletion author="Vic Vendor"[^}]*\}\[twenty-four \(24\]\{\.insertion/);
  });

  it('redlines across the rename as HTML and as DOCX too', async () => {
    expect(await run(['redline', NEW, '--from', 'round-1', '--to', 'round-2', '--out', 'moved.html'])).toMatchObject({ exitCode: 0 });
    expect(readFileSync(join(moved.dir, 'moved.html'), 'utf8')).toMatch(/<del [^>]*>seventy-two \(72<\/del><ins [^>]*>twenty-four \(24<\/ins>/);
    expect(await run(['redline', NEW, '--from', 'round-1', '--to', 'round-2', '--out', 'moved.docx'])).toMatchObject({ exitCode: 0 });
    const xml = execFileSync('unzip', ['-p', join(moved.dir, 'moved.docx'), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(xml).toMatch(/<w:del [^>]*w:author="Vic Vendor"[^>]*>(?:(?!<\/w:del>).)*seventy-two/);
  });

  // `redline` takes whatever `diff` takes: the same refs resolve to the same versions, across the rename.
  it.each([
    ['round shorthand', ['--from', 'round-1', '--to', 'round-2'], 'seventy-two', 'twenty-four'],
    ['full tag names', ['--from', 'springfield-smartcam/round-1', '--to', 'springfield-smartcam/round-2'], 'seventy-two', 'twenty-four'],
    ['HEAD~n and HEAD', ['--from', 'HEAD~2', '--to', 'HEAD'], 'seventy-two', 'twenty-four'],
    ['the working tree as the later version', ['--from', 'round-1'], 'seventy-two', 'twenty-four'],
    ['the later version first', ['--from', 'round-2', '--to', 'round-1'], 'twenty-four', 'seventy-two'],
    ['the rename commit itself', ['--from', 'HEAD~1', '--to', 'HEAD~2'], '', ''],
  ])('accepts what diff accepts across the rename: %s', async (_name, refs, deleted, inserted) => {
    const diff = await run(['diff', NEW, ...refs, '--format', 'json']);
    expect(diff.exitCode, diff.stderr).toBe(0);
    const r = await run(['redline', NEW, ...refs, '--format', 'md', '--out', '-']);
    expect(r, r.stderr).toMatchObject({ exitCode: 0, stderr: '' });
    if (deleted) expect(r.stdout).toMatch(new RegExp(`\\[${deleted} \\(\\d+\\]\\{\\.deletion[^}]*\\}\\[${inserted} \\(`));
    else expect(r.stdout).not.toMatch(/\{\.(insertion|deletion)/);
  });

  it('accepts the same file path as diff from a folder below the root', async () => {
    const cwd = join(moved.dir, 'contracts');
    const args = ['springfield/smartcam.yaml', '--from', 'round-1', '--to', 'round-2'];
    expect((await runCli(['diff', ...args], { cwd, env: moved.env })).exitCode).toBe(0);
    const r = await runCli(['redline', ...args, '--format', 'md', '--out', '-'], { cwd, env: moved.env });
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toContain('{.insertion');
  });

  it('diffs and lists the history across the rename', async () => {
    const diff = await run(['diff', NEW, '--from', 'round-1', '--to', 'round-2', '--format', 'json']);
    expect(diff.exitCode).toBe(0);
    expect(JSON.parse(diff.stdout).positions).toContainEqual(expect.objectContaining({ path: 'incidentResponse.notificationHours', from: 72, to: 24 }));
    const history = await run(['history', NEW, '--format', 'json']);
    expect(history.exitCode).toBe(0);
    expect(JSON.parse(history.stdout).steps.map((s: { path: string }) => s.path)).toEqual([FILE, NEW, NEW]);
    const rounds = await run(['rounds', NEW, '--format', 'json']);
    expect(JSON.parse(rounds.stdout).rounds.map((r: { moved: number | null }) => r.moved)).toEqual([null, 1]);
  });
});
