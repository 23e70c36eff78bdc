/**
 * A short, escaped excerpt of text from a file, for a diagnostic message. A message may quote a file,
 * but never more than a few words of it (a hostile symlink once made a `yaml/syntax` message echo a
 * credential from `.git/config`), and never a character that a terminal, a log viewer or a pull
 * request page would act on: C0/C1 controls (ESC sequences), bidirectional overrides, zero-width and
 * line-separator characters are written as `\u{…}` escapes.
 */

/** Most characters of file text a message quotes. */
export const EXCERPT_LENGTH = 40;

const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` cut to `max` characters (an ellipsis marks the cut) with unsafe characters escaped. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const cut = text.length > max ? `${[...text.slice(0, max + 1)].slice(0, max).join('')}…` : text;
  return cut.replace(unsafe, (c) => named[c] ?? `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`);
}
