/**
 * The runs of one paragraph (or table cell) with its word changes tracked. The two rounds' runs are
 * read as the text a reader sees (a line break is "\n"); the project's word diff (`diffWords`) compares
 * the two texts, and the runs are cut at its boundaries: equal and inserted text are the later round's
 * runs, deleted text the earlier round's (`w:delText`), each piece keeping its run's `w:rPr`. Hyperlinks
 * and bookmarks are the later round's; deleted text that was a cross-reference stays one (an anchor in
 * the document), an external link's deleted text keeps its look but not its target (the relationship
 * is the earlier round's).
 */
import { BREAK_RUN, escapeXml, textRunXml, type RunItem } from '@contracts/render';
import { diffWords } from '../redline/words.js';
import type { Interner } from '../redline/tokenize.js';
import type { OpKind } from '../redline/types.js';

/** Who made the changes, and when: every `w:ins`/`w:del` carries them, with an id unique in the document. */
export class ChangeMarks {
  private next = 1;
  private readonly attributes: string;

  constructor(by: { author: string; date: string }) {
    this.attributes = ` w:author="${escapeXml(by.author)}" w:date="${escapeXml(by.date)}"`;
  }

  /** The start tag of a run-level change. */
  open(kind: 'ins' | 'del'): string {
    return `<w:${kind} w:id="${this.next++}"${this.attributes}>`;
  }

  /** An empty change element: a paragraph mark's (in `w:pPr/w:rPr`) or a row's (in `w:trPr`). */
  mark(kind: 'ins' | 'del'): string {
    return `<w:${kind} w:id="${this.next++}"${this.attributes} />`;
  }
}

const visible = (runs: readonly RunItem[]) => runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'break' ? '\n' : '')).join('');

/** Reads a paragraph's runs a number of characters at a time, cutting text runs where asked. */
class RunCursor {
  private item = 0;
  private offset = 0;
  /** The open hyperlink's start tag, while the cursor is inside one. */
  link: string | undefined;

  constructor(private readonly runs: readonly RunItem[]) {}

  /**
   * The items holding the next `n` characters, with the zero-width items (hyperlink ends, bookmarks)
   * before and among them; those right after the last character wait for the next call.
   */
  take(n: number, onItem: (item: RunItem) => void): void {
    while (this.item < this.runs.length) {
      const run = this.runs[this.item]!;
      if (run.kind !== 'text' && run.kind !== 'break') {
        if (n === 0 && run.kind === 'open') return; // a link that starts here holds what comes next
        if (run.kind === 'open' && run.xml.startsWith('<w:hyperlink')) this.link = run.xml;
        else if (run.kind === 'close' && run.xml === '</w:hyperlink>') this.link = undefined;
        onItem(run);
        this.item++;
        continue;
      }
      if (n === 0) return;
      const length = run.kind === 'text' ? run.text.length - this.offset : 1;
      if (run.kind === 'break' || (this.offset === 0 && length <= n)) {
        onItem(run);
      } else {
        const text = run.text.slice(this.offset, this.offset + Math.min(n, length));
        onItem({ kind: 'text', text, props: run.props });
      }
      const used = Math.min(n, length);
      n -= used;
      if (used === length) {
        this.item++;
        this.offset = 0;
      } else this.offset += used;
    }
  }

  /** Everything left (zero-width items after the last character). */
  rest(onItem: (item: RunItem) => void): void {
    this.take(Number.MAX_SAFE_INTEGER, onItem);
  }
}

interface Op {
  kind: OpKind;
  /** Characters of the later round's text (equal, insert). */
  length: number;
  /** Characters of the earlier round's text (equal, delete). */
  oldLength: number;
}

/** The word ops between two texts as lengths; a whole replacement when the diff does not spell both texts back. */
function opsOf(before: string, after: string, words: Interner): Op[] {
  if (before === after) return [{ kind: 'equal', length: after.length, oldLength: before.length }];
  const whole: Op[] = [
    ...(before ? [{ kind: 'delete' as const, length: 0, oldLength: before.length }] : []),
    ...(after ? [{ kind: 'insert' as const, length: after.length, oldLength: 0 }] : []),
  ];
  if (!before || !after) return whole;
  const ops = diffWords(before, after, words);
  let older = '';
  let newer = '';
  for (const op of ops) {
    if (op.kind !== 'insert') older += op.kind === 'equal' ? (op.oldText ?? op.text) : op.text;
    if (op.kind !== 'delete') newer += op.text;
  }
  if (older !== before || newer !== after) return whole;
  return ops.map((op) => ({
    kind: op.kind,
    length: op.kind === 'delete' ? 0 : op.text.length,
    oldLength: op.kind === 'insert' ? 0 : (op.oldText ?? op.text).length,
  }));
}

/**
 * The runs of a paragraph edited from `before` to `after` (either may be empty: a paragraph inserted
 * or deleted whole), changes tracked with `marks`.
 */
export function trackedRuns(before: readonly RunItem[], after: readonly RunItem[], words: Interner, marks: ChangeMarks): string {
  const older = new RunCursor(before);
  const newer = new RunCursor(after);
  let xml = '';
  let open: 'ins' | 'del' | undefined; // the change element being written
  const close = () => {
    if (open) xml += `</w:${open}>`;
    open = undefined;
  };
  const inChange = (kind: 'ins' | 'del', run: string) => {
    if (open !== kind) {
      close();
      xml += marks.open(kind);
      open = kind;
    }
    xml += run;
  };
  // A hyperlink's or bookmark's tags stand outside any change element (w:ins holds runs and bookmarks, no links).
  const structure = (item: RunItem) => {
    close();
    if (item.kind === 'open' || item.kind === 'close' || item.kind === 'mark') xml += item.xml;
  };
  const later = (kind: 'equal' | 'insert') => (item: RunItem) => {
    if (item.kind === 'text' || item.kind === 'break') {
      const run = item.kind === 'text' ? textRunXml(item.text, item.props) : BREAK_RUN;
      if (kind === 'insert') inChange('ins', run);
      else {
        close();
        xml += run;
      }
    } else structure(item);
  };
  const skip = () => undefined;
  for (const op of opsOf(visible(before), visible(after), words)) {
    if (op.kind === 'equal') {
      newer.take(op.length, later('equal'));
      older.take(op.oldLength, skip);
    } else if (op.kind === 'insert') newer.take(op.length, later('insert'));
    else {
      // Deleted text is a cross-reference again where the later round has no link open around it.
      const wrap = newer.link === undefined;
      let wrapped: string | undefined;
      older.take(op.oldLength, (item) => {
        if (item.kind !== 'text' && item.kind !== 'break') return;
        const link = wrap && older.link?.includes(' w:anchor=') ? older.link : undefined;
        if (link !== wrapped) {
          close();
          if (wrapped) xml += '</w:hyperlink>';
          if (link) xml += link;
          wrapped = link;
        }
        inChange('del', item.kind === 'text' ? textRunXml(item.text, item.props, true) : BREAK_RUN);
      });
      close();
      if (wrapped) xml += '</w:hyperlink>';
    }
  }
  newer.rest(later('equal'));
  close();
  return xml;
}
