import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters, type FileSummary } from '@contracts/format';
import type { Diagnostic } from '@contracts/core';
import { repoRoot, runCli } from './run-cli.js';

/**
 * `check` writes stylish, github and json reports file by file as it goes. The bytes must be those of
 * the whole-report formatter over the same findings (parsed back from the json report, so the json
 * case also checks that its streamed bytes parse and re-render identically).
 */
describe('check writes its report as it goes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-stream-'));
  for (const name of ['springfield-smartcam', 'bright-smile-sterilizer']) cpSync(join(repoRoot, 'contracts', `${name}.yaml`), join(dir, `a-${name}.yaml`));
  mkdirSync(join(dir, 'z'));
  cpSync(join(repoRoot, 'contracts/nordlicht-building-sensors.yaml'), join(dir, 'z/nordlicht.yaml'));
  writeFileSync(join(dir, 'b-broken.yaml'), 'schemaVersion: 1\nid: [unclosed\n');
  // Several syntax errors at one position: their order comes from sorting, not from the parser.
  writeFileSync(join(dir, 'b-broken-2.yaml'), 'schemaVersion: 1\nid: x\n  bad: [\n');
  // A playbook with a warning (an option left unranked), named to sort between the contracts.
  const playbook = readFileSync(join(repoRoot, 'playbook.yaml'), 'utf8').replace(
    'order: [named-framework, industry-standard, commercially-reasonable]',
    'order: [named-framework, industry-standard]',
  );
  writeFileSync(join(dir, 'm-playbook.yaml'), playbook);

  const cases: [string, string[]][] = [
    ['stylish', []],
    ['stylish', ['--verbose']],
    ['github', []],
    ['github', ['--verbose']],
    ['json', []],
    ['json', ['--verbose']],
    // The playbook is also checked as a contract here: its findings from both roles share one file.
    ['stylish', ['.']],
  ];
  it.each(cases)('%s %j', async (format, extra) => {
    const paths = extra.includes('.') ? ['.'] : ['a-springfield-smartcam.yaml', 'a-bright-smile-sterilizer.yaml', 'b-broken.yaml', 'b-broken-2.yaml', 'z'];
    const flags = extra.filter((e) => e !== '.');
    const common = ['check', '--playbook', 'm-playbook.yaml', ...flags, ...paths];
    const [streamed, whole] = await Promise.all([runCli([...common, '--format', format], { cwd: dir }), runCli([...common, '--format', 'json'], { cwd: dir })]);
    const report = JSON.parse(whole.stdout) as { files: (FileSummary & { errors: number; warnings: number })[]; diagnostics: Diagnostic[] };
    expect(report.diagnostics.some((d) => d.file === 'm-playbook.yaml' && d.code === 'playbook/invalid')).toBe(true);
    const files = report.files.map(({ file, summary }) => (summary ? { file, summary } : { file }));
    const expected = formatters[format as 'stylish' | 'github' | 'json'](report.diagnostics, { verbose: flags.includes('--verbose'), files });
    expect(streamed.stdout).toBe(expected);
    expect(streamed.exitCode).toBe(whole.exitCode);
  });
});
