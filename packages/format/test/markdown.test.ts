import type { Diagnostic } from '@contracts/core';
import { markdown } from '@contracts/format';
import { describe, expect, it } from 'vitest';
import { markdownText as cell } from '../src/escape.js';
import { diagnostics, options } from './sample.js';

describe('markdown', () => {
  it('escapes pipes, backticks and markup, and turns newlines into <br>', () => {
    expect(cell('a | b `c` <d> *e*\r\nf\ng')).toBe('a \\| b \\`c\\` \\<d\\> \\*e\\*<br>f<br>g');
  });

  it('keeps a tricky finding inside one table row of six cells', () => {
    const d: Diagnostic = { ...diagnostics[0]!, path: '/terms/a|b`c', message: 'one | two\nthree', fix: '`x` | y', source: 'A|B' };
    const row = markdown([d])
      .split('\n')
      .find((l) => l.startsWith('| ❌'))!;
    expect(row).toBe('| ❌ error | 24:24 | ``terms.a\\|b`c`` | one \\| two<br>three `playbook/walk-away` | \\`x\\` \\| y | A\\|B |');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
  });

  it('shows info rows only with verbose', () => {
    expect(markdown(diagnostics, options)).not.toContain('ℹ️');
    expect(markdown(diagnostics, { ...options, verbose: true })).toContain('| ℹ️ info | 40:13 |');
  });

  it('says so when everything is clean', () => {
    expect(markdown([], { files: [{ file: 'a.yaml' }] })).toBe('## Contracts\n\n✅ 0 errors, 0 warnings in 1 file (1 file without findings)\n');
  });
});
