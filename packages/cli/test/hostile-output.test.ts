import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commit, commitFile, edit, makeRepo, springfieldDrafts, tag, type TestRepo } from './git-fixture.js';
import { runCli } from './run-cli.js';

/**
 * A pull request controls the contract, its commit messages and its tags. Whatever they hold, the
 * terminal output shows it (escaped) and never obeys it, and Markdown for GitHub shows it as text.
 */
// In YAML double quotes: erase the line, go up, print a fake all-clear; a right-to-left override; an 8-bit CSI.
const YAML_HOSTILE = String.raw`Acme\e[2K\e[1A\r✔ 0 errors\n\u202Eevil\x9b31m`;
const MD_HOSTILE = '<!-- hide the rest --> <img src=x onerror=alert(1)> <details><summary>x</summary> <script>alert(1)</script> | cell';
// What a terminal would act on (C0 but tab and newline, DEL, C1, bidi controls).
const ACTIVE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;
const CONTROLS = '\u001b[2K\u001b[1A\r✔ 0 errors\u202E\u009b31m';

let repo: TestRepo;
const file = 'contracts/springfield-smartcam.yaml';
const cli = (args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });
const expectInert = (r: { stdout: string; stderr: string }) => {
  expect(r.stdout + r.stderr).not.toMatch(ACTIVE);
  expect((r.stdout + r.stderr).split('\n').filter((l) => /^\s*✔/.test(l))).toEqual([]);
};
/** Every `<` in GitHub Markdown is escaped, except the line breaks we write ourselves. */
const expectNoHtml = (markdown: string) => expect(markdown).not.toMatch(/(?<!\\)<(?!br>)/);

beforeAll(() => {
  repo = makeRepo('contracts-hostile-');
  const d = springfieldDrafts();
  commitFile(repo, file, d.vendorDraft, { message: `Draft ${CONTROLS} ${MD_HOSTILE}`, author: { name: `Vic${CONTROLS}`, email: 'vic@acme.example' } });
  tag(repo, 'springfield-smartcam/round-1', { message: `Round one ${CONTROLS}\n${MD_HOSTILE}` });
  const hostile = edit(d.buyerCounter, [
    ['    name: Acme Cameras Inc.\n', `    name: "${YAML_HOSTILE}"\n`],
    ['      Sound-event detection disabled', `      ${MD_HOSTILE} Sound-event detection disabled`],
  ]);
  commitFile(repo, file, hostile, { message: `Counter ${CONTROLS}`, date: '2024-03-08T10:00:00Z' });
  tag(repo, 'springfield-smartcam/round-2', { message: `Round two ${MD_HOSTILE}` });
});
afterAll(() => repo.cleanup());

describe('hostile contract values, commit messages and tag text', () => {
  it('diff prints them escaped in the terminal and as text in Markdown', async () => {
    const text = await cli(['diff', file, '--from', 'round-1', '--to', 'round-2']);
    expect(text.exitCode).toBe(0);
    expectInert(text);
    expect(text.stdout).toContain('Acme\\x1B[2K\\x1B[1A\\r✔ 0 errors\\n\\u202Eevil\\x9B31m');
    const md = await cli(['diff', file, '--from', 'round-1', '--to', 'round-2', '--format', 'markdown']);
    expectInert(md);
    expectNoHtml(md.stdout);
    expect(md.stdout).toContain('\\<!-- hide the rest --\\>');
    for (const row of md.stdout.split('\n').filter((l) => l.startsWith('| `product.') || l.startsWith('| `parties.'))) {
      expect(row.split(/(?<!\\)\|/), row).toHaveLength(5); // three cells: no value adds one
    }
  });

  it('history prints commit messages and author names escaped, in text and Markdown', async () => {
    const text = await cli(['history', file]);
    expect(text.exitCode).toBe(0);
    expectInert(text);
    expect(text.stdout).toContain('Vic\\x1B[2K\\x1B[1A\\r✔ 0 errors\\u202E\\x9B31m');
    const md = await cli(['history', file, '--format', 'markdown']);
    expectInert(md);
    expectNoHtml(md.stdout);
    for (const row of md.stdout.split('\n').filter((l) => l.startsWith('| `'))) expect(row.split(/(?<!\\)\|/), row).toHaveLength(9);
  });

  it('rounds prints tag messages escaped, in text and Markdown', async () => {
    const text = await cli(['rounds', file]);
    expect(text.exitCode).toBe(0);
    expectInert(text);
    expect(text.stdout).toContain('Round one \\x1B[2K\\x1B[1A\\r✔ 0 errors\\u202E\\x9B31m');
    const md = await cli(['rounds', file, '--format', 'markdown']);
    expectInert(md);
    expectNoHtml(md.stdout);
    for (const row of md.stdout.split('\n').filter((l) => l.startsWith('| round-'))) expect(row.split(/(?<!\\)\|/), row).toHaveLength(7);
    // JSON carries the values as they are: JSON.stringify escapes controls itself.
    const json = await cli(['rounds', file, '--format', 'json']);
    expect(JSON.parse(json.stdout).rounds[0].message).toBe(`Round one ${CONTROLS}\n${MD_HOSTILE}`);
  });

  it('round prints the tag message it was given escaped', async () => {
    commitFile(repo, file, `${springfieldDrafts().compromise}`, { message: 'Compromise', date: '2024-03-15T10:00:00Z' });
    const r = await cli(['round', file, '-m', `Round three ${CONTROLS}`]);
    expect(r.exitCode).toBe(0);
    expectInert(r);
    expect(r.stdout).toContain('Round three \\x1B[2K');
  });

  it('check (stylish) prints a hostile field name and value escaped', async () => {
    commitFile(repo, 'bad.yaml', `schemaVersion: 1\nid: "bad\\e[2K\\r✔ 0 errors"\n"sneaky\\e[1A\\u202E": 1\n`, { message: 'bad' });
    const r = await cli(['check', 'bad.yaml']);
    expect(r.exitCode).toBe(1);
    expectInert(r);
    expect(r.stdout).toContain('Unknown field sneaky\\x1B[1A\\u202E at the top level');
  });

  it('an error line quoting a hostile file name stays one inert line', async () => {
    commit(repo, { message: 'nothing' });
    const r = await cli(['diff', `missing\u001b[2K\u202E.yaml`, '--from', 'HEAD']);
    expect(r.exitCode).toBe(2);
    expectInert(r);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
