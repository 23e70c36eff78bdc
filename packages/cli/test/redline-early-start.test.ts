import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { redlineWritesDocx, startRedlineEarly } from '../src/redline-early-start.js';
import { makeRepo } from './git-fixture.js';
import { runCli } from './run-cli.js';

const early = new URL('../dist/redline-early-start.js', import.meta.url).href;

/** A fresh Node process that only calls startRedlineEarly(argv): its output, status and wall time. */
function startAlone(argv: string[]) {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `await (await import(${JSON.stringify(early)})).startRedlineEarly(${JSON.stringify(argv)});`],
    {
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal, ms: Date.now() - started };
}

describe('the early start of the comparison engine', () => {
  it('is for a redline whose output is DOCX, as redline decides the format, and for nothing else', () => {
    for (const argv of [
      ['redline', 'a.yaml'],
      ['redline', 'a.yaml', '--format', 'docx'],
      ['redline', 'a.yaml', '--format=docx', '--out', 'x.md'],
      ['redline', 'a.yaml', '-fdocx'],
      ['redline', 'a.yaml', '-f', 'docx'],
      ['redline', 'a.yaml', '--out', 'R.DOCX'],
      ['redline', 'a.yaml', '-o', 'r.docx', '--from', 'round-1'],
    ])
      expect({ argv, docx: redlineWritesDocx(argv) }).toEqual({ argv, docx: true });
    for (const argv of [
      [],
      ['render', 'a.yaml', '--to', 'docx'],
      ['diff', 'a.yaml', '--format', 'docx'],
      ['pr', '--redline-format', 'docx'],
      ['redline', 'a.yaml', '--format', 'md'],
      ['redline', 'a.yaml', '--format', 'html', '--out', 'r.docx'],
      ['redline', 'a.yaml', '--out', '-'],
      ['redline', 'a.yaml', '--out', 'r.html'],
      ['redline', 'a.yaml', '-o', 'r.md'],
      ['redline', 'a.yaml', '--help'],
      ['redline', '-h'],
    ])
      expect({ argv, docx: redlineWritesDocx(argv) }).toEqual({ argv, docx: false });
  });

  it('never throws, whatever the arguments', async () => {
    for (const argv of [
      ['redline', '--format'],
      ['redline', '-o'],
      ['redline', '--out='],
      ['redline', '-f'],
      ['redline', '--', '--format', 'docx'],
    ])
      await expect(startRedlineEarly(argv)).resolves.toBeUndefined();
  });

  it('prints nothing and never keeps the process alive, started or not', () => {
    for (const argv of [
      ['redline', 'a.yaml', '--format', 'docx'],
      ['check', 'contracts'],
    ]) {
      const r = startAlone(argv);
      expect({ argv, stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal }).toEqual({
        argv,
        stdout: '',
        stderr: '',
        status: 0,
        signal: null,
      });
      expect(r.ms).toBeLessThan(10_000);
    }
  });

  it('leaves a redline to DOCX that fails at once with the same one line, exit code and no wait as one to Markdown', async () => {
    const repo = makeRepo('contracts-early-start-');
    try {
      const args = ['redline', 'contracts/missing.yaml', '--from', 'HEAD'];
      const [docx, md] = await Promise.all([
        runCli([...args, '--format', 'docx'], { cwd: repo.dir, env: repo.env }),
        runCli([...args, '--format', 'md'], { cwd: repo.dir, env: repo.env }),
      ]);
      expect(docx.stderr.trim().split('\n')).toHaveLength(1);
      expect({ stdout: docx.stdout, stderr: docx.stderr, exitCode: docx.exitCode }).toEqual({ stdout: md.stdout, stderr: md.stderr, exitCode: md.exitCode });
      expect(docx.exitCode).toBe(2);
      expect(docx.ms).toBeLessThan(15_000);
    } finally {
      repo.cleanup();
    }
  });
});
