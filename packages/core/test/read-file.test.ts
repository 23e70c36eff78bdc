import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectContractFiles } from '../src/batch/files.js';
import { loadContractFile } from '../src/load/load.js';
import { readContractFile, repositoryRoot } from '../src/load/read-file.js';

const example = readFileSync(new URL('../../../contracts/springfield-smartcam.yaml', import.meta.url), 'utf8');
let repo: string;
let outside: string;

/** A real git work tree with a credential in .git/config, and a directory outside it. */
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'contracts-read-'));
  outside = mkdtempSync(join(tmpdir(), 'contracts-outside-'));
  execFileSync('git', ['init', '-q', repo]);
  execFileSync('git', ['-C', repo, 'config', 'http.extraheader', 'AUTHORIZATION: basic c2VjcmV0OnRva2Vu']);
  mkdirSync(join(repo, 'contracts', 'nested'), { recursive: true });
  writeFileSync(join(repo, 'contracts', 'a.yaml'), example);
  writeFileSync(join(repo, 'contracts', 'nested', 'walk-away.yaml'), example.replace(/^id: .*$/m, 'id: walk-away'));
  writeFileSync(join(outside, 'secret.yaml'), 'token: hunter2\n');
  symlinkSync('a.yaml', join(repo, 'contracts', 'inside-link.yaml'));
  symlinkSync('nested', join(repo, 'contracts', 'linked-dir'));
  symlinkSync('..', join(repo, 'contracts', 'loop'));
  symlinkSync('../.git/config', join(repo, 'contracts', 'git-config.yaml'));
  symlinkSync(join(outside, 'secret.yaml'), join(repo, 'contracts', 'outside.yaml'));
  symlinkSync(outside, join(repo, 'contracts', 'outside-dir'));
  execFileSync('mkfifo', [join(repo, 'contracts', 'pipe.yaml')]);
  mkdirSync(join(repo, 'contracts', 'folder.yaml'));
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const codes = (file: string) => loadContractFile(file).diagnostics.map((d) => d.code);

describe('reading contract files', () => {
  it('finds the repository root by walking up to .git, without running git', () => {
    expect(repositoryRoot(join(repo, 'contracts', 'nested'))).toBe(repo);
  });

  it('lists every contract-like entry, follows symlinks inside the repository once, and ends on link loops', async () => {
    const files = (await collectContractFiles([join(repo, 'contracts')])).map((f) => f.slice(repo.length + 1));
    expect(files).toEqual([
      'contracts/a.yaml',
      'contracts/folder.yaml',
      'contracts/git-config.yaml',
      'contracts/inside-link.yaml',
      'contracts/linked-dir/walk-away.yaml',
      'contracts/outside-dir',
      'contracts/outside.yaml',
      'contracts/pipe.yaml',
    ]);
  });

  it('reads a symlink whose target stays inside the repository', () => {
    const loaded = loadContractFile(join(repo, 'contracts', 'inside-link.yaml'));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value?.id).toBe('springfield-smartcam');
  });

  it('refuses symlinks that leave the repository or enter .git, with one diagnostic that quotes nothing of the target', () => {
    for (const name of ['outside.yaml', 'git-config.yaml', 'outside-dir']) {
      const [d, ...rest] = loadContractFile(join(repo, 'contracts', name)).diagnostics;
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ code: 'io/symlink-outside', severity: 'error', line: 1, column: 1, path: '' });
      expect(d!.message).not.toMatch(/hunter2|c2VjcmV0|AUTHORIZATION/);
    }
    expect(loadContractFile(join(repo, 'contracts', 'git-config.yaml')).diagnostics[0]!.message).toContain('.git folder');
  });

  it('gives a FIFO, a directory named .yaml and a device one io/not-a-file diagnostic each, without blocking', () => {
    expect(codes(join(repo, 'contracts', 'pipe.yaml'))).toEqual(['io/not-a-file']);
    expect(codes(join(repo, 'contracts', 'folder.yaml'))).toEqual(['io/not-a-file']);
    expect(codes('/dev/zero')).toEqual(['io/not-a-file']);
    expect(codes('/dev/null')).toEqual(['io/not-a-file']);
  });

  it('gives a socket named .yaml one io/not-a-file diagnostic', async () => {
    const path = join(repo, 'contracts', 'socket.yaml');
    const server = createServer().listen(path);
    await once(server, 'listening');
    try {
      expect(loadContractFile(path).diagnostics).toEqual([
        expect.objectContaining({ code: 'io/not-a-file', message: 'This is a socket, not a contract file; it was not read' }),
      ]);
    } finally {
      server.close();
    }
  });

  it('checks the size before reading: a 3 GB sparse file is one yaml/too-large, not ERR_FS_FILE_TOO_LARGE', () => {
    const big = join(outside, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 ** 3);
    const read = readContractFile(big);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.diagnostic).toMatchObject({ code: 'yaml/too-large', message: 'File is 3072 MiB; a contract file may be at most 2 MiB' });
    rmSync(big);
  });

  it('stops reading at the limit when the size on disk says nothing (/proc files report 0)', () => {
    const read = readContractFile(`/proc/${process.pid}/maps`, 64);
    expect(!read.ok && read.diagnostic.code).toBe('yaml/too-large');
    const small = readContractFile(`/proc/${process.pid}/stat`);
    expect(small.ok && small.bytes.length).toBeGreaterThan(10);
  });

  it('throws one InputOutputError for a file that exists but cannot be read', () => {
    expect(() => readContractFile(`/proc/${process.pid}/mem`)).toThrow(expect.objectContaining({ code: 'io/unreadable', exitCode: 2 }));
    expect(() => readContractFile(join(repo, 'missing.yaml'))).toThrow(
      expect.objectContaining({ code: 'io/unreadable', message: expect.stringContaining('no such file') }),
    );
  });
});
