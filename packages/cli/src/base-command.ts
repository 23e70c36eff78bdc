// Subpath imports: `@oclif/core`'s index also loads help, ux and semver (for a Node version check),
// about 40 ms of start-up that every command paid.
import { Command } from '@oclif/core/command';
import * as Flags from '@oclif/core/flags';
import type { BooleanFlag, OptionFlag } from '@oclif/core/interfaces';
import { isContractsError, UsageError } from '@contracts/core/errors';
import { playbookSpec, type FlagSpec } from './flag-specs.js';

import { reportError, writeAndFlush } from './output.js';

export { useColor } from './output.js';

/**
 * Shared behaviour: every failure prints one line (`reportError`) with the documented exit code, never a
 * stack trace: errors a user can act on (bad path, bad ref, missing pandoc) their own code, oclif's usage
 * errors (unknown flag, missing argument, bad option value) exit 2 with oclif's message on one line.
 */
export abstract class BaseCommand extends Command {
  static override baseFlags = {};

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (isContractsError(error)) return reportError(error);
    if (error.oclif?.exit !== undefined && error.oclif.exit !== 0 && !('code' in error && error.code === 'EEXIT')) {
      // oclif parse errors: the message without colour codes or oclif's help hint, on one line.
      const lines = error.message
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .map((line) => line.trim())
        // oclif heads a list of failed flags with "The following error(s) occurred:"; one error needs no heading.
        .filter((line) => line !== '' && !line.startsWith('See more help') && !/^The following errors? occurred:?$/.test(line))
        .map((line) => line.replace(/^The following errors? occurred:\s*/, ''));
      const help = this.id ? `contracts ${this.id} --help` : 'contracts --help';
      // "Missing required flag out" → "--out is required (folder to write the site to); see contracts report --help".
      const flags = (this.ctor as { flags?: Record<string, { description?: string }> }).flags ?? {};
      const missing = lines.map((line) => /^Missing required flag (\S+)$/.exec(line)?.[1]);
      if (lines.length > 0 && missing.every((name) => name !== undefined)) {
        const what = missing.map((name) => {
          const description = flags[name!]?.description;
          return `--${name} is required${description ? ` (${description.charAt(0).toLowerCase()}${description.slice(1)})` : ''}`;
        });
        this.parsed = true;
        return reportError(new UsageError('usage/missing-flag', `${what.join('; ')}; see ${help}`));
      }
      const text = lines.reduce((all, line) => (all === '' ? line : `${all}${all.endsWith(':') ? ' ' : '; '}${line}`), '').replace(/\s+/g, ' ');
      // The arguments were parsed (and refused): without this oclif warns, outside production, that they were not.
      this.parsed = true;
      return reportError(new UsageError('usage/invalid', `${text} (see ${help})`));
    }
    // oclif's own exits (help, version) keep their behaviour; anything else is one line, never a stack.
    if (error.oclif?.exit !== undefined) return super.catch(error);
    return reportError(error);
  }

  /** Writes to stdout and waits for it to drain, so large outputs are never cut off by an early exit. */
  protected async print(text: string): Promise<void> {
    await writeAndFlush(text);
  }
}

export const formatFlag = (options: readonly string[], defaultValue: string) =>
  Flags.string({ char: 'f', description: 'Output format', options: [...options], default: defaultValue });

/** `--playbook FILE`, the same on every command that rates positions. */
export const playbookFlag = () => Flags.string({ description: playbookSpec.description });

type OclifFlag<S extends FlagSpec> = S extends { kind: 'boolean' }
  ? BooleanFlag<boolean>
  : S extends { kind: 'integer' }
    ? OptionFlag<number | undefined>
    : S extends { default: string }
      ? OptionFlag<string>
      : OptionFlag<string | undefined>;

/** oclif flags from the plain flag specs (flag-specs.ts) that the fast path parses too. */
export function oclifFlags<T extends Record<string, FlagSpec>>(specs: T): { [K in keyof T]: OclifFlag<T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const char = 'char' in spec && spec.char !== undefined ? { char: spec.char as 'f' } : {};
    if (spec.kind === 'boolean') out[name] = Flags.boolean({ description: spec.description, default: false, ...char });
    else if (spec.kind === 'integer') out[name] = Flags.integer({ description: spec.description, ...(spec.min !== undefined ? { min: spec.min } : {}) });
    else {
      out[name] = Flags.string({
        description: spec.description,
        ...char,
        ...(spec.options ? { options: [...spec.options] } : {}),
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      });
    }
  }
  return out as { [K in keyof T]: OclifFlag<T[K]> };
}
