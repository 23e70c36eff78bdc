import type { Diagnostic } from '@contracts/core';
import { github } from '@contracts/format';
import { describe, expect, it } from 'vitest';
import { diagnostics } from './sample.js';

const base = diagnostics[0]!;
const tricky: Diagnostic = {
  ...base,
  file: 'contracts/a,b:c%d.yaml',
  message: 'Line one, 100% sure\r\nline two :: not a command\n::error::injected',
  fix: 'a, b: c',
  source: 'Art. 5(1)(f), 50%',
  related: undefined,
};

/** The runner's side (actions/runner ActionCommand.TryParseV2): split at the first `::` after the name, then unescape. */
function parseCommand(line: string) {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return undefined;
  const decode = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (m[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const i = kv.indexOf('=');
        return [kv.slice(0, i), decode(kv.slice(i + 1))];
      }),
  );
  return { name: m[1], properties, data: decode(m[3]!) };
}

describe('github', () => {
  it('escapes data and properties exactly as the actions toolkit does', () => {
    const [line] = github([tricky]).split('\n');
    expect(line).toBe(
      '::error file=contracts/a%2Cb%3Ac%25d.yaml,line=24,col=24,endLine=24,endColumn=26,title=playbook/walk-away::' +
        'Line one, 100%25 sure%0D%0Aline two :: not a command%0A::error::injected%0ASuggested: a, b: c%0ASource: Art. 5(1)(f), 50%25',
    );
  });

  it('round-trips file names and messages through the runner parser', () => {
    const parsed = parseCommand(github([tricky]).split('\n')[0]!);
    expect(parsed).toMatchObject({ name: 'error', properties: { file: tricky.file, line: '24', title: 'playbook/walk-away' } });
    expect(parsed?.data.split('\n')).toEqual([
      'Line one, 100% sure\r',
      'line two :: not a command',
      '::error::injected',
      'Suggested: a, b: c',
      'Source: Art. 5(1)(f), 50%',
    ]);
  });

  it('shows control characters from contracts and file names as visible escapes, in annotations and log lines alike', () => {
    const hostile: Diagnostic = { ...base, file: 'contracts/\u202Eevil.yaml', message: 'value \u001b[2K\u001b[1A✔ 0 errors', fix: '\u009b31m' };
    const annotated = github([hostile]).split('\n')[0]!;
    expect(annotated).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(parseCommand(annotated)).toMatchObject({ properties: { file: 'contracts/\\u202Eevil.yaml' } });
    expect(parseCommand(annotated)?.data).toBe('value \\x1B[2K\\x1B[1A✔ 0 errors\nSuggested: \\x9B31m\nSource: ' + base.source);
    const logged = github(Array.from({ length: 11 }, () => hostile)).split('\n')[10]!;
    expect(logged).toMatch(/^contracts\/\\u202Eevil\.yaml:\d+:\d+: error: value \\x1B\[2K/);
  });

  it('writes one command line per diagnostic and one plain totals line', () => {
    const lines = github([tricky, ...diagnostics])
      .trimEnd()
      .split('\n');
    expect(lines.slice(0, -1).every((l) => l.startsWith('::'))).toBe(true);
    expect(lines).toHaveLength(4 + 1);
    expect(lines.at(-1)).toBe('contracts: 3 errors, 1 warning');
  });

  it('sends notices only with verbose', () => {
    expect(github(diagnostics)).not.toContain('::notice');
    expect(github(diagnostics, { verbose: true })).toContain('::notice file=contracts/acme-cameras.yaml,line=40,col=13');
  });

  it('leaves out columns for a range over several lines', () => {
    const out = github([diagnostics[3]!]);
    expect(out).toContain('::error file=contracts/globex.yaml,line=5,endLine=6,title=schema/required::');
  });
});

describe('github annotations within what GitHub shows', () => {
  // The bundled contracts in one step: 12 errors and 38 warnings, of which GitHub would show 10 and 10.
  const many = (severity: 'error' | 'warning', n: number, file: string) =>
    Array.from({ length: n }, (_, i): Diagnostic => ({ ...base, severity, file, line: i + 1, endLine: i + 1, path: `/terms/t${i}` }));
  const findings = [...many('error', 12, 'contracts/a.yaml'), ...many('warning', 38, 'contracts/b.yaml')];

  it('annotates at most 10 errors and 10 warnings, logs the rest as plain lines, and says so in one notice', () => {
    const lines = github(findings, { files: [{ file: 'contracts/a.yaml' }, { file: 'contracts/b.yaml' }] })
      .trimEnd()
      .split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    const notices = lines.filter((l) => l.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    expect(parseCommand(notices[0]!)?.data).toBe(
      '30 more findings (2 errors, 28 warnings) not shown as annotations: GitHub shows at most 10 errors and 10 warnings per step. They are listed in this log.',
    );
    const plain = lines.filter((l) => !l.startsWith('::') && !l.startsWith('contracts: '));
    expect(plain).toHaveLength(30);
    expect(plain[0]).toBe(`contracts/a.yaml:11:24: error: ${base.message} [playbook/walk-away]`);
    expect(lines.at(-1)).toBe('contracts: 12 errors, 38 warnings in 2 files');
  });

  it('starts each report with a fresh budget', () => {
    github(findings);
    expect(github(findings.slice(0, 3)).match(/^::error /gm)).toHaveLength(3);
  });

  it('names files relative to the repository root when run from a subdirectory', () => {
    const out = github([{ ...diagnostics[1]!, file: 'acme-cameras.yaml', related: [{ ...diagnostics[1]!.related![0]!, file: 'acme-cameras.yaml' }] }], {
      repository: { root: '/w/repo', cwd: '/w/repo/contracts' },
    });
    expect(out).toMatch(/^::warning file=contracts\/acme-cameras\.yaml,line=31,/);
    expect(out).toContain('Related: contracts/acme-cameras.yaml:12:18');
  });
});
