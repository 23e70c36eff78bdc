/**
 * How much Markdown we hand to pandoc. A 20-page agreement is about 20 KB; long values are chunked so
 * pandoc stays linear (see marks.ts), and this cap keeps one conversion within a few seconds whatever
 * a contract holds. Past it the render stops with one line that says where the bulk is.
 */
import { ContractsError } from '@contracts/core';

export const MAX_PANDOC_INPUT_BYTES = 512 * 1024;

const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;

/** Throws `render/too-large` when `markdown` is over the limit. */
export function checkPandocInput(markdown: string, limit = MAX_PANDOC_INPUT_BYTES): void {
  const size = Buffer.byteLength(markdown);
  if (size <= limit) return;
  const lines = markdown.split('\n');
  let longest = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i]!.length > lines[longest]!.length) longest = i;
  const excerpt = lines[longest]!.replace(/\\(.)/g, '$1')
    .replace(/\[|\]\{[^}]*\}/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 40);
  throw new ContractsError(
    'render/too-large',
    `The agreement is ${kb(size)} of Markdown; DOCX and PDF conversion takes at most ${kb(limit)}. Its longest paragraph (line ${longest + 1}, ${kb(lines[longest]!.length)}) begins "${excerpt}": shorten the field value it prints.`,
  );
}
