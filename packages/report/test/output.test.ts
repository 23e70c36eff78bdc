import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareOutput, removeStale } from '../src/site/output.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-report-output-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const report = (dir: string, files: unknown) => writeFileSync(join(dir, 'report.json'), JSON.stringify({ generator: '@contracts/report', files }));

describe('the output folder', () => {
  it('may be new, empty, or a previous report, whose own files it lists', async () => {
    const dir = temp();
    expect(await prepareOutput(join(dir, 'new'), false)).toEqual({ previous: [] });
    expect(await prepareOutput(dir, false)).toEqual({ previous: [] });
    report(dir, ['index.html', 'agreements/a.html', '../outside.txt', 'agreements/../x.html', 'terms/t.html', 42]);
    expect(await prepareOutput(dir, false)).toEqual({ previous: ['index.html', 'agreements/a.html', 'terms/t.html'] });
  });

  it('is refused when it holds anything else, or a report.json some other tool wrote, unless forced', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(prepareOutput(dir, false)).rejects.toMatchObject({ code: 'report/out-not-empty', exitCode: 2 });
    expect(await prepareOutput(dir, true)).toEqual({ previous: [] });
    writeFileSync(join(dir, 'report.json'), '{"files": ["index.html"]}');
    await expect(prepareOutput(dir, false)).rejects.toMatchObject({ code: 'report/out-not-empty' });
  });

  it('is refused when it is a file, or its agreements folder is a link', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'file'), '');
    await expect(prepareOutput(join(dir, 'file'), true)).rejects.toMatchObject({ code: 'report/out-not-a-folder' });
    const site = join(dir, 'site');
    mkdirSync(site);
    report(site, []);
    symlinkSync(tmpdir(), join(site, 'agreements'));
    await expect(prepareOutput(site, true)).rejects.toMatchObject({ code: 'report/out-not-a-folder' });
  });

  it('removes only the previous pages not written again, never a link or a name it does not write', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'agreements'));
    for (const f of ['a.html', 'b.html', 'notes.html']) writeFileSync(join(dir, 'agreements', f), f);
    const outside = join(temp(), 'victim.html');
    writeFileSync(outside, 'keep');
    symlinkSync(outside, join(dir, 'agreements', 'link.html'));
    const removed = await removeStale(
      dir,
      ['agreements/a.html', 'agreements/b.html', 'agreements/link.html', '../victim.html'],
      new Set(['agreements/a.html']),
    );
    expect(removed).toBe(1);
    expect(readdirSync(join(dir, 'agreements')).sort()).toEqual(['a.html', 'link.html', 'notes.html']);
    expect(readdirSync(join(outside, '..'))).toEqual(['victim.html']);
  });
});
