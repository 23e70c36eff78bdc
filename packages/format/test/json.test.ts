import type { Diagnostic } from '@contracts/core';
import { json } from '@contracts/format';
import { expect, it } from 'vitest';
import { diagnostics } from './sample.js';

it('writes keys in one order whatever order the producer built them in', () => {
  const d = diagnostics[1]!;
  const scrambled = Object.fromEntries(Object.entries(d).reverse()) as unknown as Diagnostic;
  expect(json([scrambled])).toBe(json([d]));
  expect(Object.keys(JSON.parse(json([scrambled])).diagnostics[0])).toEqual([
    'code', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'path', 'source', 'fix', 'related',
  ]);
});
