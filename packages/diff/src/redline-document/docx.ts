/**
 * Redline → DOCX with real tracked changes, made from the two rounds' own documents: both versions are
 * rendered to DOCX exactly as `render --to docx` renders them (same templates, same reference document,
 * one pandoc run for the pair), then compared as OOXML by `@contracts/docx-compare`. Tables, numbered
 * headings, bold runs and cross-references therefore reach Word as Word has them, and *accept all* gives
 * the later round's document, *reject all* the earlier one's. Every change carries the redline's
 * author and date; render's `normalizeDocx` then fixes the zip so identical inputs give identical bytes.
 */
import { compareDocx, warmUpDocxCompare } from '@contracts/docx-compare';
import { normalizeDocx, renderDocxMany, type RenderDocxOptions } from '@contracts/render';
import type { Redline } from './build-redline.js';

export interface RedlineDocxOptions {
  /** Seconds since 1970 for the documents' metadata and zip entries (not the changes: they carry `redline.by.date`). */
  epoch: number;
  backend?: RenderDocxOptions['backend'];
  referenceDoc?: RenderDocxOptions['referenceDoc'];
}

/**
 * The two rounds rendered to DOCX, earlier first: the inputs of the comparison (and what the redline
 * must reproduce). One pandoc run for both (pandoc's start-up paid once), leaving the other core to the
 * comparison engine, which starts meanwhile.
 */
export function renderRounds(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array[]> {
  return renderDocxMany([redline.fromMarkdown, redline.toMarkdown], {
    epoch: options.epoch,
    concurrency: 1,
    batchSize: 2,
    ...(redline.templatesDir ? { templatesDir: redline.templatesDir } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.referenceDoc ? { referenceDoc: options.referenceDoc } : {}),
  });
}

/** Renders both rounds and compares them: normalised DOCX bytes with the changes tracked. */
export async function redlineDocx(redline: Redline, options: RedlineDocxOptions): Promise<Uint8Array> {
  void warmUpDocxCompare(); // the engine's WebAssembly compiles while pandoc renders
  const [before, after] = await renderRounds(redline, options);
  const tracked = await compareDocx(before!, after!, { author: redline.by.author, date: redline.by.date, names: { before: redline.from, after: redline.to } });
  return normalizeDocx(tracked, options.epoch);
}
