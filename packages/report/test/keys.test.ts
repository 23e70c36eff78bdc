import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFiles } from '../src/keys.js';

describe('page names of the agreements', () => {
  const cwd = '/work/repo';
  it('come from the file names below the folder that holds them all', () => {
    const files = reportFiles(['contracts/springfield-smartcam.yaml', 'contracts/eu/nordlicht.yml'], cwd);
    expect(files).toEqual([
      { path: 'contracts/springfield-smartcam.yaml', shown: join('contracts', 'springfield-smartcam.yaml'), key: 'springfield-smartcam' },
      { path: 'contracts/eu/nordlicht.yml', shown: join('contracts', 'eu', 'nordlicht.yml'), key: 'eu--nordlicht' },
    ]);
  });

  it('are file-name safe, and never a name Windows reserves', () => {
    const keys = ['a/Über Vertrag (v2).yaml', 'a/con.yaml', 'a/.hidden.yaml', 'a/b/ü.yaml'].map((p) => reportFiles([p], cwd)[0]!.key);
    expect(keys).toEqual(['uber-vertrag-v2', 'con-agreement', 'hidden', 'u']);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });

  it('stay unique when two paths would give the same name', () => {
    const keys = reportFiles(['c/acme.yaml', 'c/acme.yml', 'c/ACME.yaml'], cwd).map((f) => f.key);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key).toMatch(/^acme-[0-9a-f]{8}$/);
    expect(reportFiles(['c/acme.yaml', 'c/acme.yml', 'c/ACME.yaml'], cwd).map((f) => f.key)).toEqual(keys);
  });
});
