import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docx } from './support.js';

describe('the engine thread', () => {
  it('never keeps a process alive while idle (a command that fails before comparing exits at once)', () => {
    // The built package, in a plain Node process: exactly what the CLI does when it warms the engine up.
    const script = `const { warmUpDocxCompare } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      warmUpDocxCompare();`;
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('a comparison that does not finish', () => {
  it('is stopped at the time limit, tried once more on a fresh engine, then reported as one timeout error', async () => {
    // A limit no comparison can meet (the engine alone takes longer to start): both attempts time out.
    const dir = mkdtempSync(join(tmpdir(), 'compare-timeout-'));
    const file = join(dir, 'one.docx');
    writeFileSync(file, docx(['One paragraph.']));
    const script = `const { compareDocx } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      const { readFileSync } = await import('node:fs');
      const docx = readFileSync(${JSON.stringify(file)});
      try { await compareDocx(docx, docx, { author: 'A', date: 0 }); console.log('finished'); }
      catch (error) { console.log(JSON.stringify({ code: error.code, exitCode: error.exitCode, message: error.message })); }`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 60_000,
      encoding: 'utf8',
      env: { ...process.env, CONTRACTS_COMPARE_TIMEOUT_MS: '5' },
    });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      code: 'docx-compare/timeout',
      exitCode: 2,
      message: 'The DOCX comparison did not finish within 0.005 s; the engine was stopped, twice (the second time on a fresh engine)',
    });
  });
});
