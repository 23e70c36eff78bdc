/**
 * A DOCX redline written directly, without a comparison engine: both rounds go through the built-in
 * DOCX writer's model (render's docx-writer: paragraphs, headings, list items and table rows, each
 * with its runs), the redline's own alignment pairs their paragraphs and rows (units.ts), the word
 * diff marks what changed inside them (tracked-runs.ts), and the later round's document is written
 * with the differences as tracked changes (tracked-body.ts), every one by `redline.by`. Accepting
 * all changes gives the later round's document as `render --to docx` writes it, rejecting all the
 * earlier one's. Where this cannot serve — a round beyond the writer's Markdown subset (pandoc
 * renders it), a reference document the writer cannot use, a round that already holds tracked
 * changes — it says why, and the caller compares the two rendered documents instead.
 */
import { builtinDocxModel, checkPandocInput, docxPackage } from '@contracts/render';
import type { Redline } from '../redline-document/build-redline.js';
import { trackedBody } from './tracked-body.js';
import { alignUnits, roundSource, roundUnits } from './units.js';

/** A DOCX package's entries, as render's `normalizeEntries` takes them. */
export type DocxEntries = ReturnType<typeof docxPackage>;

/**
 * The tracked DOCX package's entries for `redline` (normalise them with render's `normalizeEntries`),
 * or why the built-in writer cannot make it.
 */
export function trackedDocxEntries(redline: Redline, referenceDoc: string | Uint8Array, epoch: number): { entries: DocxEntries } | { reason: string } {
  const sources = [roundSource(redline.blocks, 'old'), roundSource(redline.blocks, 'new')] as const;
  const built = [];
  for (const source of sources) {
    checkPandocInput(source.markdown);
    const model = builtinDocxModel(source.markdown, referenceDoc);
    if ('reason' in model) return model;
    if (model.model.tracked) return { reason: 'a round already holds tracked changes' };
    built.push(model);
  }
  const [before, after] = built as [(typeof built)[0], (typeof built)[0]];
  const rounds = [roundUnits(before.model), roundUnits(after.model)] as const;
  const steps = alignUnits(redline.blocks, [...sources], [...rounds]);
  if (!steps) return { reason: "the rounds' paragraphs do not line up with the redline's blocks" };
  const body = trackedBody(steps, rounds[1], [before.model.lists, after.model.lists], redline.by);
  return { entries: docxPackage(body.xml, body.lists, after.model.links, after.reference, epoch) };
}
