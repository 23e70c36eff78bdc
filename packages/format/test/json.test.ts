import type { Diagnostic } from '@contracts/core';
import { json } from '@contracts/format';
import { describe, expect, it } from 'vitest';
import { diagnostics } from './sample.js';

it('writes keys in one order whatever order the producer built them in', () => {
  const d = diagnostics[1]!;
  const scrambled = Object.fromEntries(Object.entries(d).reverse()) as unknown as Diagnostic;
  expect(json([scrambled])).toBe(json([d]));
  expect(Object.keys(JSON.parse(json([scrambled])).diagnostics[0])).toEqual([
    'code',
    'severity',
    'message',
    'file',
    'line',
    'column',
    'endLine',
    'endColumn',
    'path',
    'source',
    'fix',
    'related',
  ]);
});

describe('format names', () => {
  it('lists exactly the registered formatters (the CLI reads the names without loading them)', async () => {
    const { formatters, formatNames } = await import('../src/index.js');
    expect([...formatNames].sort()).toEqual(Object.keys(formatters).sort());
  });
});
