/**
 * Redline → DOCX with real tracked changes: pandoc turns the `.insertion` / `.deletion` spans into
 * w:ins / w:del (author and date from the spans), with the same reference document as `render`;
 * the zip is then normalised so identical inputs give identical bytes.
 */
import { renderDocx, type RenderDocxOptions } from '@contracts/render';
import type { Redline } from './build-redline.js';

export interface RedlineDocxOptions {
  /** Seconds since 1970 for the document's metadata and zip entries. */
  epoch: number;
  backend?: RenderDocxOptions['backend'];
  referenceDoc?: RenderDocxOptions['referenceDoc'];
}

/** Converts the redline Markdown to normalised DOCX bytes. */
export function redlineDocx(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array> {
  return renderDocx(redline.markdown, {
    epoch: options.epoch,
    ...(redline.templatesDir ? { templatesDir: redline.templatesDir } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.referenceDoc ? { referenceDoc: options.referenceDoc } : {}),
  });
}
