/**
 * `word/document.xml` → the paragraphs of a markup as the import needs them: for each, the text with
 * every tracked change accepted and with every one rejected, the bookmarks in it (our anchors), the
 * tracked changes (author, date, text) and the comments anchored on it. Table rows are one block
 * (cells joined by a space, as a reader scans them). Field codes, deleted field codes and the fallback
 * copy of drawings are not text a reader sees, so they are skipped.
 */
import { parseXml } from './xml.js';

/** One tracked change as Word records it. */
export interface TrackedChange {
  kind: 'insert' | 'delete';
  author: string;
  /** `w:date` as written (ISO 8601), when present. */
  date?: string;
  text: string;
}

/** A paragraph (or a table row) of the markup. */
export interface MarkupBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  /** Text with all changes accepted / all rejected (whitespace as written). */
  accepted: string;
  rejected: string;
  /** For a row: the accepted text of each cell. */
  cells?: string[];
  /** Names of the bookmarks that start in the block (or just before it). */
  bookmarks: string[];
  changes: TrackedChange[];
  /** Ids of the comments anchored in the block. */
  comments: string[];
}

/** The comment ranges' anchored text (accepted view), by comment id. */
export type CommentAnchors = Map<string, string>;

/** How the document is read. */
export interface ReadDocumentOptions {
  /**
   * Authors whose tracked changes are part of the base, already accepted: our own redline's changes
   * (base → later round) in a markup the counterparty made of the redline. Their insertions read as
   * plain text, their deletions as absent, and they are not listed as changes.
   */
  baseAuthors?: ReadonlySet<string>;
}

/** `gone`: deleted by a base author, in neither view. */
type Mode = 'same' | 'insert' | 'delete' | 'gone';

const SKIP = new Set([
  'w:instrText',
  'w:delInstrText',
  'mc:Fallback',
  'w:pPrChange',
  'w:rPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:numberingChange',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:txbxContent',
]);
const CHANGE: Record<string, 'insert' | 'delete'> = { 'w:ins': 'insert', 'w:moveTo': 'insert', 'w:del': 'delete', 'w:moveFrom': 'delete' };

/** Reads the blocks of `word/document.xml` in reading order. */
export function readDocument(xml: string, name: string, options: ReadDocumentOptions = {}): { blocks: MarkupBlock[]; commentAnchors: CommentAnchors } {
  const baseAuthors = options.baseAuthors ?? new Set<string>();
  const blocks: MarkupBlock[] = [];
  const commentAnchors: CommentAnchors = new Map();
  const openComments = new Set<string>();
  const bookmarkNames = new Map<string, string>();
  let pendingBookmarks: string[] = [];
  let skip = 0;
  const modes: { mode: Mode; change?: TrackedChange }[] = [];
  let inText = false;
  let field = 0; // inside w:fldChar begin…separate: the field code, not its result
  let tableDepth = 0;
  let row: MarkupBlock | undefined;
  let rowMode: Mode = 'same';
  let cell: { accepted: string } | undefined;
  // The counterparty deleted the mark of the cell paragraph before: it runs on into the next one.
  let cellMarkDeleted = false;
  let para: (MarkupBlock & { style?: string; numbered?: boolean; mark?: Mode }) | undefined;
  let inPPr = false;

  const target = () => row ?? para;
  // Text is in the accepted view unless a change around it deletes it, in the rejected view unless one inserts it.
  const emit = (text: string) => {
    const block = target();
    if (!block || field > 0) return;
    const all = [rowMode, ...modes.map((m) => m.mode)];
    if (!all.some((m) => m === 'delete' || m === 'gone')) {
      block.accepted += text;
      // A cell keeps its paragraphs (and its line breaks, which a rendering prints between them) apart.
      if (cell) cell.accepted += text === '\n' ? '\n\n' : text;
      for (const id of openComments) commentAnchors.set(id, (commentAnchors.get(id) ?? '') + text);
    }
    if (!all.some((m) => m === 'insert' || m === 'gone')) block.rejected += text;
    const change = modes.findLast((m) => m.change)?.change;
    if (change) change.text += text;
  };
  const newBlock = (kind: MarkupBlock['kind']): MarkupBlock => {
    const block: MarkupBlock = { kind, accepted: '', rejected: '', bookmarks: pendingBookmarks, changes: [], comments: [...openComments] };
    pendingBookmarks = [];
    return block;
  };
  const space = () => {
    const block = target();
    if (block) {
      block.accepted += ' ';
      block.rejected += ' ';
    }
  };

  parseXml(xml, name, 'word/document.xml', {
    open(tag, a) {
      if (skip > 0 || SKIP.has(tag)) {
        skip++;
        return;
      }
      switch (tag) {
        case 'w:tbl':
          tableDepth++;
          break;
        case 'w:tr':
          if (tableDepth === 1) {
            row = { ...newBlock('row'), cells: [] };
            rowMode = 'same';
          }
          break;
        case 'w:tc':
          if (tableDepth === 1 && row) cell = { accepted: '' };
          break;
        case 'w:p':
          if (row) {
            space();
            if (cell && cell.accepted !== '' && !cellMarkDeleted) cell.accepted += '\n\n';
            cellMarkDeleted = false;
          } else para = newBlock('paragraph');
          break;
        case 'w:pPr':
          inPPr = true;
          break;
        case 'w:pStyle':
          if (para && inPPr) para.style = a['w:val'];
          break;
        case 'w:numPr':
          if (para && inPPr) para.numbered = true;
          break;
        case 'w:outlineLvl':
          if (para && inPPr) para.style ??= 'Heading';
          break;
        case 'w:t':
        case 'w:delText':
          inText = true;
          break;
        case 'w:tab':
          if (!inPPr) emit('\t');
          break;
        case 'w:br':
        case 'w:cr':
          emit('\n');
          break;
        case 'w:noBreakHyphen':
          emit('\u2011');
          break;
        case 'w:fldChar':
          if (a['w:fldCharType'] === 'begin') field++;
          else if (a['w:fldCharType'] === 'separate' || a['w:fldCharType'] === 'end') field = Math.max(0, field - 1);
          break;
        case 'w:bookmarkStart':
          if (a['w:name']) {
            bookmarkNames.set(a['w:id'] ?? '', a['w:name']);
            const block = target();
            if (block) block.bookmarks.push(a['w:name']);
            else pendingBookmarks.push(a['w:name']);
          }
          break;
        case 'w:commentRangeStart':
          if (a['w:id'] !== undefined) {
            openComments.add(a['w:id']);
            commentAnchors.set(a['w:id'], commentAnchors.get(a['w:id']) ?? '');
            const block = target();
            if (block && !block.comments.includes(a['w:id'])) block.comments.push(a['w:id']);
          }
          break;
        case 'w:commentRangeEnd':
          if (a['w:id'] !== undefined) openComments.delete(a['w:id']);
          break;
        case 'w:commentReference': {
          const block = target();
          if (block && a['w:id'] !== undefined && !block.comments.includes(a['w:id'])) block.comments.push(a['w:id']);
          break;
        }
        default: {
          const kind = CHANGE[tag];
          if (!kind) break;
          const change: TrackedChange = { kind, author: a['w:author'] ?? '', ...(a['w:date'] ? { date: a['w:date'] } : {}), text: '' };
          const ofBase = baseAuthors.has(change.author);
          if (inPPr && cell && kind === 'delete' && !ofBase) cellMarkDeleted = true;
          if (inPPr && para) {
            // A paragraph mark inserted or deleted (w:pPr/w:rPr/w:ins): the paragraph was split or joined.
            para.mark = kind;
            if (!ofBase) para.changes.push({ ...change, text: '¶' });
            skip++;
          } else if ((tag === 'w:ins' || tag === 'w:del') && row && !para && !cell) {
            // w:trPr/w:ins|w:del: a whole row inserted or deleted.
            if (!ofBase) row.changes.push({ ...change, text: '' });
            rowMode = ofBase ? (kind === 'delete' ? 'gone' : 'same') : kind;
            skip++;
          } else if (ofBase) {
            modes.push({ mode: kind === 'insert' ? 'same' : 'gone' });
          } else {
            target()?.changes.push(change);
            modes.push({ mode: kind, change });
          }
        }
      }
    },
    close(tag) {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (tag) {
        case 'w:tbl':
          tableDepth--;
          break;
        case 'w:tr':
          if (tableDepth === 1 && row) {
            row.accepted = row.accepted.trim();
            row.rejected = row.rejected.trim();
            blocks.push(row);
            row = undefined;
            rowMode = 'same';
          }
          break;
        case 'w:tc':
          if (tableDepth === 1 && row && cell) {
            row.cells!.push(cell.accepted.trim());
            space();
            cell = undefined;
          }
          break;
        case 'w:pPr':
          inPPr = false;
          break;
        case 'w:p':
          if (para && !row) {
            para.kind = /^(heading|title)/i.test(para.style ?? '') ? 'heading' : para.numbered || /^list/i.test(para.style ?? '') ? 'item' : 'paragraph';
            const { style: _s, numbered: _n, mark: _m, ...block } = para;
            blocks.push(block);
            para = undefined;
          }
          break;
        case 'w:t':
        case 'w:delText':
          inText = false;
          break;
        default:
          if (CHANGE[tag]) modes.pop();
      }
    },
    text(t) {
      if (skip === 0 && inText) emit(t);
    },
  });
  return { blocks, commentAnchors };
}
