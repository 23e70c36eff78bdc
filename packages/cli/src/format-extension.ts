import { extname } from 'node:path';
import { UsageError } from '@contracts/core';

/** The output format a file name's extension names among `formats` (`.markdown` as md, `.htm` as html), if any. */
export function formatOfExtension<F extends string>(out: string, formats: readonly F[]): F | undefined {
  const ext = extname(out)
    .slice(1)
    .toLowerCase()
    .replace(/^markdown$/, 'md')
    .replace(/^htm$/, 'html');
  return (formats as readonly string[]).includes(ext) ? (ext as F) : undefined;
}

/**
 * Refuses an output file whose extension names another format than the one asked for
 * (`--to md --out x.docx`): a file named `.docx` that holds Markdown is a file counsel cannot open,
 * found only when it is sent. `flag` is how the command names the format option. An extension that
 * names none of `formats` (`.txt`, none) is not a contradiction.
 */
export function assertExtensionMatches<F extends string>(format: F, out: string | undefined, formats: readonly F[], flag: string): void {
  if (out === undefined || out === '-') return;
  const named = formatOfExtension(out, formats);
  if (named !== undefined && named !== format)
    throw new UsageError(
      'usage/format-extension-mismatch',
      `${flag} ${format} does not match --out ${out}, a .${extname(out).slice(1)} file; pass ${flag} ${named}, or an --out ending in .${format}`,
    );
}
