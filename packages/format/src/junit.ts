import type { Diagnostic } from '@contracts/core';
import { dottedPath, sortDiagnostics } from '@contracts/core';
import { allFiles, groupByFile } from './totals.js';
import type { Formatter } from './types.js';

// XML 1.0 cannot carry most C0 controls, U+FFFE/U+FFFF or lone surrogates even as references: drop them.
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapeText = (s: string) => s.replace(invalidXml, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// In attributes, parsers turn raw tabs and newlines into spaces; references keep them.
const escapeAttr = (s: string) =>
  escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

const attrs = (pairs: [string, string | number][]) => pairs.map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join('');

function details(d: Diagnostic): string {
  const lines = [`${d.severity}: ${d.message}`, `at ${d.file}:${d.line}:${d.column} (${dottedPath(d.path)})`];
  if (d.fix) lines.push(`suggested: ${d.fix}`);
  if (d.source) lines.push(`source: ${d.source}`);
  for (const r of d.related ?? []) lines.push(`related: ${r.file}:${r.line}:${r.column} ${r.message}`);
  return lines.join('\n');
}

function testcase(d: Diagnostic, name: string): string {
  const head = `    <testcase${attrs([
    ['classname', d.file],
    ['name', name],
    ['time', 0],
  ])}>`;
  const inner =
    d.severity === 'info'
      ? `      <system-out>${escapeText(details(d))}</system-out>`
      : `      <failure${attrs([
          ['type', d.severity],
          ['message', d.message],
        ])}>${escapeText(details(d))}</failure>`;
  return `${head}\n${inner}\n    </testcase>`;
}

/**
 * JUnit XML as ESLint writes it, which Jenkins, GitLab and Azure DevOps all display: one `<testsuite>` per file and
 * one `<testcase>` per finding, errors and warnings both as `<failure>` (told apart by `type`), infos (only with
 * `verbose`) as passing cases with `<system-out>`. A file with nothing to report gets one passing case, so
 * `tests` is max(1, findings). Test names repeat when one code fires twice at one place, so repeats get ` (2)`, ….
 */
export const junit: Formatter = (diagnostics, options = {}) => {
  const shown = sortDiagnostics(diagnostics.filter((d) => options.verbose || d.severity !== 'info'));
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const byFile = groupByFile(shown);
  for (const file of allFiles(shown, options)) {
    const rows = byFile.get(file) ?? [];
    const fails = rows.filter((d) => d.severity !== 'info').length;
    const seen = new Map<string, number>();
    const cases = rows.map((d) => {
      const base = `${d.code} at ${d.line}:${d.column}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return testcase(d, n === 1 ? base : `${base} (${n})`);
    });
    if (cases.length === 0)
      cases.push(
        `    <testcase${attrs([
          ['classname', file],
          ['name', 'no findings'],
          ['time', 0],
        ])}/>`,
      );
    tests += cases.length;
    failures += fails;
    const head = attrs([
      ['name', file],
      ['tests', cases.length],
      ['failures', fails],
      ['errors', 0],
      ['skipped', 0],
      ['time', 0],
    ]);
    suites.push(`  <testsuite${head}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  const root = attrs([
    ['name', 'contracts'],
    ['tests', tests],
    ['failures', failures],
    ['errors', 0],
    ['time', 0],
  ]);
  return `${['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${root}>`, ...suites, '</testsuites>'].join('\n')}\n`;
};
