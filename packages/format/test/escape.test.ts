import type { Diagnostic } from '@contracts/core';
import { formatters, markdownCode, markdownText, terminalText } from '@contracts/format';
import { describe, expect, it } from 'vitest';
import { diagnostics } from './sample.js';

/** Everything a terminal acts on rather than shows: C0 (but tab), DEL, C1, bidi controls, line separators. */
const ACTIVE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;
/** The same in a whole report, whose own lines end in \n. */
const ACTIVE_IN_REPORT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;
// Erase the line, move up, print a fake all-clear; then a right-to-left override and an 8-bit CSI.
const HOSTILE = 'Acme\u001b[2K\u001b[1A\r✔ 0 errors\n\u202Eevil\u2066\u009b31m\u0007';

describe('terminalText', () => {
  it('shows every control and bidi character as a visible escape, and leaves other text alone', () => {
    expect(terminalText(HOSTILE)).toBe('Acme\\x1B[2K\\x1B[1A\\r✔ 0 errors\\n\\u202Eevil\\u2066\\x9B31m\\x07');
    expect(terminalText('Müller GmbH\t— 72 hours, “quoted”, 日本')).toBe('Müller GmbH\t— 72 hours, “quoted”, 日本');
    for (let code = 0; code <= 0x206f; code++) {
      const char = String.fromCharCode(code);
      if (ACTIVE.test(char)) expect(terminalText(char), code.toString(16)).not.toMatch(ACTIVE);
    }
  });
});

describe('markdownText', () => {
  it('shows HTML, comments, images and table syntax as text', () => {
    expect(markdownText('<!-- hide the rest')).toBe('\\<!-- hide the rest');
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(markdownText('<details><summary>x</summary>')).toBe('\\<details\\>\\<summary\\>x\\</summary\\>');
    expect(markdownText('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(markdownText('a | b')).toBe('a \\| b');
    expect(markdownText('![x](https://e.example/p.png) [link](javascript:x) &lt; **b** ~~s~~ `c` \\')).toBe(
      '!\\[x\\](https://e.example/p.png) \\[link\\](javascript:x) \\&lt; \\*\\*b\\*\\* \\~\\~s\\~\\~ \\`c\\` \\\\',
    );
  });

  it('keeps one table cell on one row, and makes controls visible', () => {
    expect(markdownText('one\r\ntwo\rthree\nfour')).toBe('one<br>two<br>three<br>four');
    expect(markdownText('\u202Eevil\u001b[2K')).toBe('\\\\u202Eevil\\\\x1B\\[2K');
  });

  it('keeps @mentions from notifying anyone, and leaves e-mail addresses alone', () => {
    expect(markdownText('cc @legal-team and @acme/counsel, or mail dana@springfield.example')).toBe(
      'cc @&#8203;legal-team and @&#8203;acme/counsel, or mail dana@springfield.example',
    );
    expect(markdownText('@everyone<br>(@x)')).toBe('@&#8203;everyone\\<br\\>(@&#8203;x)');
  });
});

describe('markdownCode', () => {
  it('holds any text literally in one code span, table-safe on request', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('<!-- x\ny')).toBe('`<!-- x y`');
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(markdownCode('\u202Ex')).toBe('`\\u202Ex`');
  });
});

describe('formatters with hostile values', () => {
  const hostile: Diagnostic = {
    ...diagnostics[0]!,
    file: 'contracts/\u001b[31mevil.yaml',
    message: `Vendor name ${HOSTILE} is walk-away`,
    fix: '<!-- fix -->\u001b[2K',
    source: 'GDPR\u202E Art. 28',
    related: [{ ...diagnostics[0]!, message: 'see <img src=x>\u001b[1A' }],
  };

  it('stylish prints no control or bidi character a value brought in, and no fake line', () => {
    const out = formatters.stylish([hostile], { files: [{ file: hostile.file, summary: 'sum\u001b[2Kmary' }], verbose: true });
    expect(out).not.toMatch(ACTIVE_IN_REPORT);
    expect(out.split('\n').filter((l) => l.includes('✔'))).toEqual([expect.stringContaining('Vendor name Acme')]);
    expect(out).toContain('\\x1B[2K\\x1B[1A\\r✔ 0 errors\\n\\u202Eevil');
    const coloured = formatters.stylish([hostile], { color: true });
    expect(coloured.match(/\u001b/g)?.length).toBe(coloured.match(/\u001b\[[0-9;]*m/g)?.length); // only our own colours
  });

  it('markdown lets no HTML, comment or extra cell through', () => {
    const out = formatters.markdown([hostile]);
    expect(out).not.toMatch(/(?<!\\)<(?!br>)/);
    expect(out).not.toMatch(ACTIVE_IN_REPORT);
    const row = out.split('\n').find((l) => l.startsWith('| ❌'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
  });
});
