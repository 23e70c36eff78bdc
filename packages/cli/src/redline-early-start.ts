/**
 * A `contracts redline` that writes DOCX ends waiting for the comparison engine (docxodus: the .NET
 * runtime in WebAssembly, about a second of one core to start) while its first half second goes to
 * loading oclif. Started here, before oclif loads, the engine initialises on the second core
 * meanwhile; `runRedline` finds it running. Only for an invocation whose output will be DOCX
 * (`--format docx`, an `--out` ending in `.docx`, or neither, as `redlineFormat` decides); anything
 * unusual is left to oclif and `runRedline`, which start the engine themselves when they need it.
 */
import { setFlagsFromString } from 'node:v8';

/** The value of the first `--name value`, `--name=value`, `-c value` or `-cvalue` in `argv`. */
function flagValue(argv: readonly string[], name: string, char: string): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === `--${name}` || arg === `-${char}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    if (arg.startsWith(`-${char}`) && arg.length > 2 && !arg.startsWith('--')) return arg.slice(2);
  }
  return undefined;
}

/** Whether `argv` is a `redline` whose output will be DOCX (an unusual one may say no: runRedline decides). */
export function redlineWritesDocx(argv: readonly string[]): boolean {
  if (argv[0] !== 'redline' || argv.includes('--help') || argv.includes('-h')) return false;
  const format = flagValue(argv, 'format', 'f');
  const out = flagValue(argv, 'out', 'o');
  return format === 'docx' || (format === undefined && (out === undefined || out.toLowerCase().endsWith('.docx')));
}

/**
 * Starts the comparison engine now when `argv` is a redline to DOCX whose rounds pandoc renders
 * (CONTRACTS_DOCX_ENGINE=pandoc): with the built-in writer the redline is written without the engine.
 * Never throws, never prints.
 */
export async function startRedlineEarly(argv: readonly string[]): Promise<void> {
  if (!redlineWritesDocx(argv) || process.env['CONTRACTS_DOCX_ENGINE'] !== 'pandoc') return;
  try {
    // The flags run-redline sets for a one-shot DOCX redline; they must precede the engine's compilation.
    for (const flag of ['--liftoff-only', '--no-concurrent-marking', '--wasm-lazy-validation']) setFlagsFromString(flag);
    (await import('@contracts/docx-compare')).warmUpDocxCompare();
  } catch {
    // runRedline starts the engine (and reports what fails) itself.
  }
}
