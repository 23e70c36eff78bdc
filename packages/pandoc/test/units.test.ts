import { describe, expect, it } from 'vitest';
import { compareVersions, parsePandocVersion } from '../src/index.js';
import { formatWithExtensions, toDefaults } from '../src/defaults.js';
import { mapWithConcurrency, SerialQueue } from '../src/queue.js';
import { parseSystemWarnings } from '../src/system.js';

describe('versions', () => {
  it('parses `pandoc --version` output', () => {
    expect(parsePandocVersion('pandoc 2.17.1.1\nCompiled with pandoc-types')).toBe('2.17.1.1');
    expect(parsePandocVersion('pandoc.exe 3.1.9\n')).toBe('3.1.9');
    expect(parsePandocVersion('not pandoc')).toBeUndefined();
  });
  it('compares numerically, not lexically', () => {
    expect(compareVersions('2.9', '2.11')).toBeLessThan(0);
    expect(compareVersions('3.10', '3.9')).toBeGreaterThan(0);
    expect(compareVersions('2.11', '2.11.0')).toBe(0);
  });
});

describe('defaults', () => {
  it('maps options to defaults-file keys', () => {
    expect(formatWithExtensions('markdown', { smart: false, mark: true })).toBe('markdown-smart+mark');
    expect(toDefaults({ from: 'markdown', to: 'docx', toc: true, numberSections: true }, 'ref.docx')).toEqual({
      from: 'markdown',
      to: 'docx',
      'table-of-contents': true,
      'number-sections': true,
      'reference-doc': 'ref.docx',
    });
  });
  it('pairs JSON log entries with stderr text', () => {
    const log = JSON.stringify([
      { type: 'DuplicateLinkReference', verbosity: 'WARNING' },
      { type: 'X', verbosity: 'INFO' },
    ]);
    expect(parseSystemWarnings(log, "[WARNING] Duplicate link reference '[a]' at line 2\n")).toEqual([
      { type: 'DuplicateLinkReference', message: "Duplicate link reference '[a]' at line 2" },
    ]);
  });
});

describe('queues', () => {
  it('SerialQueue runs one task at a time and survives failures', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
  it('mapWithConcurrency bounds parallelism and keeps order', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapWithConcurrency([5, 1, 3, 2], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20]);
    expect(peak).toBe(2);
  });
});
