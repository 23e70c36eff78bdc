import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Microsoft's SARIF multitool (`@microsoft/sarif-multitool`, the .NET validator GitHub points to), run on a
 * log with GitHub's rules as well as the spec's: `validate --rule-kind "Sarif;Gh"`. It exits 0 whatever
 * it finds, so its findings are read from the SARIF log it writes.
 */
export interface MultitoolFinding {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
}

/** The multitool binary, or the reason it cannot run here (for `it.skipIf`). */
export function multitoolBinary(): { path?: string; reason?: string } {
  try {
    const require = createRequire(import.meta.url);
    const path = join(dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
    try {
      accessSync(path, constants.X_OK);
    } catch {
      chmodSync(path, 0o755); // its postinstall does this; a store linked without running it does not
    }
    return { path };
  } catch (error) {
    return { reason: `the SARIF multitool is not installed (${(error as Error).message})` };
  }
}

const exec = promisify(execFile);

interface ValidationLog {
  runs: {
    tool: { driver: { rules?: { id: string; messageStrings?: Record<string, { text: string }> }[] } };
    results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[];
  }[];
}

/** Every finding of the multitool on `sarif`, notes included. */
export async function multitoolValidate(sarif: string): Promise<MultitoolFinding[]> {
  const { path, reason } = multitoolBinary();
  if (!path) throw new Error(reason);
  const dir = mkdtempSync(join(tmpdir(), 'contracts-sarif-'));
  try {
    const input = join(dir, 'log.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, sarif);
    await exec(
      path,
      ['validate', input, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--output', output, '--log', 'ForceOverwrite', '--quiet'],
      {
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
        timeout: 120_000,
      },
    );
    const log = JSON.parse(readFileSync(output, 'utf8')) as ValidationLog;
    const run = log.runs[0];
    const rules = new Map((run?.tool.driver.rules ?? []).map((r) => [r.id, r.messageStrings ?? {}]));
    return (run?.results ?? []).map((r) => {
      // The multitool writes message ids and arguments; the text is the rule's template filled in.
      const template = r.message.text ?? rules.get(r.ruleId)?.[r.message.id ?? '']?.text ?? r.message.id ?? '';
      const message = template.replace(/\{(\d+)\}/g, (_, i: string) => r.message.arguments?.[Number(i)] ?? '');
      return { ruleId: r.ruleId, level: (r.level ?? 'warning') as MultitoolFinding['level'], message };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The findings that fail a log: errors and warnings (notes are advice, such as "consider message arguments"). */
export const failing = (findings: readonly MultitoolFinding[]) => findings.filter((f) => f.level !== 'note').map((f) => `${f.level} ${f.ruleId}: ${f.message}`);
