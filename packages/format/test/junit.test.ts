import type { Diagnostic } from '@contracts/core';
import { junit } from '@contracts/format';
import { describe, expect, it } from 'vitest';
import { diagnostics, options } from './sample.js';

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
/** Just enough XML reading for counts: every start tag of one element, with its attributes. */
const tags = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}\\b[^>]*>`, 'g'))].map((m) => m[0]);

describe('junit', () => {
  it('counts one suite per file and one case per finding, with a passing case for a clean file', () => {
    const xml = junit(diagnostics, options);
    const suites = tags(xml, 'testsuite');
    expect(suites.map((s) => [attr(s, 'name'), attr(s, 'tests'), attr(s, 'failures')])).toEqual([
      ['contracts/acme-cameras.yaml', '2', '2'],
      ['contracts/clean.yaml', '1', '0'],
      ['contracts/globex.yaml', '1', '1'],
      ['contracts/no-summary.yaml', '1', '0'],
    ]);
    const root = tags(xml, 'testsuites')[0]!;
    expect([attr(root, 'tests'), attr(root, 'failures')]).toEqual(['5', '3']);
    expect(tags(xml, 'testcase')).toHaveLength(5);
    expect(tags(xml, 'failure').map((f) => attr(f, 'type'))).toEqual(['error', 'warning', 'error']);
  });

  it('adds infos as passing cases only with verbose', () => {
    const xml = junit(diagnostics, { ...options, verbose: true });
    expect(tags(xml, 'testcase')).toHaveLength(6);
    expect(xml).toContain('<system-out>info: audit.onSite is at the preferred position.');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const nasty: Diagnostic = { ...diagnostics[0]!, file: 'a&b<"c">.yaml', message: `x < y & "z" 'q'\u0001\u001b\uFFFE\uD800 tab\there\nnext` };
    const xml = junit([nasty]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/);
    expect(xml).toContain('classname="a&amp;b&lt;&quot;c&quot;&gt;.yaml"');
    expect(xml).toContain('message="x &lt; y &amp; &quot;z&quot; &apos;q&apos; tab&#9;here&#10;next"');
    expect(xml).toContain('>error: x &lt; y &amp; "z" \'q\' tab\there\nnext\n');
  });

  it('keeps test names unique when one code fires twice at one place', () => {
    const xml = junit([diagnostics[3]!, { ...diagnostics[3]!, message: 'another' }]);
    expect(tags(xml, 'testcase').map((t) => attr(t, 'name'))).toEqual(['schema/required at 5:3', 'schema/required at 5:3 (2)']);
  });
});
