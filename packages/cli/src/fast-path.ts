import { readFileSync } from 'node:fs';
import { checkFlagSpecs, validateFlagSpecs, type FlagSpec } from './flag-specs.js';
import { reportError, writeAndFlush, type BatchOutcome } from './output.js';

/**
 * `check` and `validate` without oclif. They are the commands CI runs on every pull request, and
 * loading oclif (its modules, then its config and command table) took about 100 ms of a run that
 * checks 1,000 contracts in under a second. This path takes only plain invocations: paths plus the
 * commands' own flags written `--name value`, `--name=value` or `-c value`. Anything else (help,
 * version, an unknown or repeated flag, a bad value, `--`) returns false and oclif runs the command
 * as always, with its usage errors and help. Both paths parse the same flag specs (flag-specs.ts) and
 * call the same command function, so they cannot disagree about what a flag means.
 */
type Run = (paths: string[], flags: never, write: (chunk: string) => void) => Promise<BatchOutcome>;
const commands: Record<string, { specs: Record<string, FlagSpec>; run: Run }> = {
  check: { specs: checkFlagSpecs, run: async (paths, flags, write) => (await import('./run-check.js')).checkCommand(paths, flags, write) },
  validate: {
    specs: validateFlagSpecs,
    run: async (paths, flags) => (await import('./run-validation.js')).validateCommand(paths, flags, packageVersion()),
  },
};

const packageVersion = (): string => (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface SimpleInvocation {
  command: string;
  paths: string[];
  flags: Record<string, string | number | boolean | undefined>;
}

/** Parses a plain invocation of a fast-path command, or returns undefined for oclif to handle. */
export function parseSimpleInvocation(argv: readonly string[]): SimpleInvocation | undefined {
  const [command, ...rest] = argv;
  const definition = command !== undefined && Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!definition) return undefined;
  const byChar = new Map(Object.entries(definition.specs).flatMap(([name, spec]) => ('char' in spec && spec.char ? [[spec.char, name] as const] : [])));
  const paths: string[] = [];
  const raw = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith('-')) {
      paths.push(token);
      continue;
    }
    let name: string | undefined;
    let value: string | undefined;
    const long = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(token);
    if (long) [name, value] = [long[1], long[2]];
    else if (/^-[a-zA-Z]$/.test(token)) name = byChar.get(token[1]!);
    const spec = name !== undefined && Object.hasOwn(definition.specs, name) ? definition.specs[name] : undefined;
    if (!spec || raw.has(name!)) return undefined;
    if (spec.kind === 'boolean') {
      if (value !== undefined) return undefined;
      raw.set(name!, true);
      continue;
    }
    if (value === undefined) {
      value = rest[++i];
      if (value === undefined || value.startsWith('-')) return undefined;
    }
    if (value === '') return undefined;
    raw.set(name!, value);
  }
  const flags: SimpleInvocation['flags'] = {};
  for (const [name, spec] of Object.entries(definition.specs)) {
    const given = raw.get(name);
    if (spec.kind === 'boolean') flags[name] = given === true;
    else if (spec.kind === 'integer') {
      if (given === undefined) flags[name] = undefined;
      else if (typeof given !== 'string' || !/^-?\d{1,15}$/.test(given) || (spec.min !== undefined && Number(given) < spec.min)) return undefined;
      else flags[name] = Number(given);
    } else {
      if (typeof given === 'string' && spec.options && !spec.options.includes(given)) return undefined;
      flags[name] = typeof given === 'string' ? given : spec.default;
    }
  }
  return { command: command!, paths, flags };
}

/**
 * Runs a plain `check` or `validate` invocation. Returns false when oclif should run it instead
 * (not a plain invocation); once the command has started, it is never handed over, whatever happens.
 */
export async function runWithoutOclif(argv: readonly string[]): Promise<boolean> {
  const invocation = parseSimpleInvocation(argv);
  if (!invocation) return false;
  let result: BatchOutcome;
  const write = (chunk: string) => {
    if (chunk !== '') process.stdout.write(chunk);
  };
  try {
    result = await commands[invocation.command]!.run(invocation.paths, invocation.flags as never, write);
  } catch (error) {
    // Reported here, exactly as the oclif commands report it. Never run again through oclif: part of
    // the report may be out already, and a command must not run twice.
    reportError(error);
    return true;
  }
  // Written and flushed before the exit code is set, so an early exit never cuts the report short.
  await writeAndFlush(result.output);
  if (result.note) process.stderr.write(`${result.note}\n`);
  process.exitCode = result.exitCode;
  return true;
}
