/** The three output formats of a redline behind one call (what the CLI needs). */
import type { Redline } from './build-redline.js';
import { redlineDocx, type RedlineDocxOptions } from './docx.js';
import { redlineHtml } from './html.js';

export const REDLINE_FORMATS = ['md', 'html', 'docx'] as const;
export type RedlineFormat = (typeof REDLINE_FORMATS)[number];

/** The redline in `format`: text for md/html, bytes for docx. */
export async function writeRedline(redline: Redline, format: RedlineFormat, docx: RedlineDocxOptions): Promise<string | Uint8Array> {
  if (format === 'md') return redline.markdown;
  if (format === 'html') return redlineHtml(redline);
  return redlineDocx(redline, docx);
}
