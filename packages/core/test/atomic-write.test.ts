import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/write/atomic-write.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'atomic-write-'));

describe('writeFileAtomic', () => {
  it('writes a new file, leaves an identical one alone, and refuses a different one without force', async () => {
    const dir = scratch();
    const target = join(dir, 'nested', 'out.md');
    expect(await writeFileAtomic(target, 'one')).toBe('written');
    expect(await writeFileAtomic(target, 'one')).toBe('unchanged');
    await expect(writeFileAtomic(target, 'two')).rejects.toMatchObject({ code: 'io/exists', exitCode: 2 });
    expect(readFileSync(target, 'utf8')).toBe('one');
    expect(await writeFileAtomic(target, 'two', { force: true })).toBe('written');
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['out.md']);
  });

  it('never writes through a symbolic link at the target, even with force', async () => {
    const dir = scratch();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, join(dir, 'out.md'));
    await expect(writeFileAtomic(join(dir, 'out.md'), 'x', { force: true })).rejects.toMatchObject({ code: 'io/target-is-link' });
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });

  it('is not redirected by links planted at the old predictable temporary names', async () => {
    const dir = scratch();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep me');
    for (const name of [`out.md.${process.pid}.tmp`, 'out.md.tmp', '.out.md.tmp']) symlinkSync(outside, join(dir, name));
    await writeFileAtomic(join(dir, 'out.md'), 'rendered');
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('rendered');
  });

  it('refuses a FIFO at the target at once instead of blocking on it', async () => {
    const dir = scratch();
    const fifo = join(dir, 'out.docx');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: nothing to prove
    await expect(writeFileAtomic(fifo, 'x', { force: true })).rejects.toMatchObject({ code: 'io/target-not-regular' });
  });

  it('leaves no temporary file behind when interrupted by SIGINT', async () => {
    const dir = scratch();
    // The built module: a child Node 20 process cannot load TypeScript.
    const module = pathToFileURL(join(import.meta.dirname, '../dist/write/atomic-write.js')).href;
    // A child writes a large file; it is interrupted as soon as it says it has started.
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(module)});
      console.log('started');
      await writeFileAtomic(${JSON.stringify(join(dir, 'big.bin'))}, new Uint8Array(400 * 1024 * 1024));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGINT');
    const signal = await new Promise((resolve) => child.once('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGINT');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
