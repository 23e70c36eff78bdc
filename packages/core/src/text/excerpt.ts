/**
 * A short, escaped excerpt of text from a file, for a diagnostic message. A message may quote a file,
 * but never more than a few words of it (a hostile symlink once made a `yaml/syntax` message echo a
 * credential from `.git/config`), and never a character that a terminal, a log viewer or a pull
 * request page would act on (see `showControls`).
 */
import { showControls } from './visible.js';

/** Most characters of file text a message quotes. */
export const EXCERPT_LENGTH = 40;

/** `text` cut to `max` characters (an ellipsis marks the cut) with unsafe characters escaped. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const cut = text.length > max ? `${[...text.slice(0, max + 1)].slice(0, max).join('')}…` : text;
  return showControls(cut);
}
