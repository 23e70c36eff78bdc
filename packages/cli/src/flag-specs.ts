import { formatNames } from '@contracts/format/names';

/**
 * Flags of the batch commands as plain data, without oclif. The oclif commands build their flags from
 * these (`oclifFlags` in base-command.ts), and the fast path (fast-path.ts) parses the same flags
 * without loading oclif at all: one definition, two parsers.
 */
export type FlagSpec =
  | { kind: 'string'; description: string; char?: string; options?: readonly string[]; default?: string }
  | { kind: 'integer'; description: string; min?: number }
  | { kind: 'boolean'; description: string; char?: string };

const format = { kind: 'string', char: 'f', description: 'Output format', options: formatNames, default: 'stylish' } as const;
/** `--playbook FILE`, the same on every command that rates positions. */
export const playbookSpec = { kind: 'string', description: 'Playbook file (default: ./playbook.yaml, else the bundled playbook)' } as const;
const maxWarnings = { kind: 'integer', description: 'Exit 1 when there are more warnings than this', min: 0 } as const;

export const validateFlagSpecs = { format, 'max-warnings': maxWarnings } as const satisfies Record<string, FlagSpec>;

export const checkFlagSpecs = {
  format,
  playbook: playbookSpec,
  'changed-since': { kind: 'string', description: 'Only contracts changed since this git ref (committed, staged or not, untracked)' },
  shard: { kind: 'string', description: 'Check only shard i of n (i/n), split deterministically by file path' },
  'max-warnings': maxWarnings,
  verbose: { kind: 'boolean', char: 'v', description: 'Also show preferred positions (info)' },
  drafting: { kind: 'boolean', description: 'Also render each contract and lint the drafting (defined terms, cross-references, annexes); slower' },
} as const satisfies Record<string, FlagSpec>;

/** The parsed value of each flag spec. */
export type FlagValues<T extends Record<string, FlagSpec>> = {
  [K in keyof T]: T[K] extends { kind: 'boolean' }
    ? boolean
    : T[K] extends { kind: 'integer' }
      ? number | undefined
      : T[K] extends { default: string }
        ? string
        : string | undefined;
};
