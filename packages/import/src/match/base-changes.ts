/**
 * Our own redline is what counsel sends, so it is what the counterparty marks up: its tracked changes
 * (the earlier round → the base, by the buyer's author) are already agreed on our side, and only the
 * changes the counterparty adds are their proposal. Which authors' changes are ours is read from the
 * text, not from names or dates (Word and LibreOffice keep both, but a redline of the working tree is
 * stamped with the time it was made): with every tracked change rejected, a markup of a rendered round
 * reads as the base, and accepting any of the counterparty's changes moves it away; a markup of a
 * redline reads as the earlier round, and accepting the redline author's changes brings it to the base.
 */
import type { Markup } from '../docx/read-markup.js';
import type { Rendering } from './rendering.js';
import { bagDistance, blockWords } from './words.js';

/** The markup with our redline's changes taken as accepted, and whose they were (none: a markup of a rendered round). */
export function acceptBaseChanges(markup: Markup, base: Rendering): { markup: Markup; baseAuthors: string[] } {
  const authors = [...new Set(markup.blocks.flatMap((b) => b.changes.map((c) => c.author)))];
  if (authors.length === 0) return { markup, baseAuthors: [] };
  const baseWords = base.blocks.flatMap((b) => b.words);
  const distance = (blocks: Markup['blocks']) =>
    bagDistance(
      baseWords,
      blocks.flatMap((b) => blockWords(b.rejected)),
    );
  let best = { blocks: markup.blocks, commentAnchors: markup.commentAnchors, distance: distance(markup.blocks) };
  const baseAuthors: string[] = [];
  // Authors one at a time, each kept only when it brings the document closer to the base.
  for (const author of authors) {
    const read = markup.reread({ baseAuthors: new Set([...baseAuthors, author]) });
    const d = distance(read.blocks);
    if (d >= best.distance) continue;
    best = { ...read, distance: d };
    baseAuthors.push(author);
  }
  if (baseAuthors.length === 0) return { markup, baseAuthors };
  return { markup: { ...markup, blocks: best.blocks, commentAnchors: best.commentAnchors }, baseAuthors };
}
