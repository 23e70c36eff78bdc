/**
 * Inlines (as pandoc reads them, typography.ts) → WordprocessingML runs, the way pandoc's DOCX writer
 * writes them: strong `w:b`+`w:bCs`, emphasis `w:i`+`w:iCs`, links `w:hyperlink` (an anchor inside
 * the document, or a relationship to an external address) in the Hyperlink character style, spans with
 * an id a bookmark around their content, `.insertion`/`.deletion` spans tracked changes. Adjacent text
 * with the same formatting is one run (pandoc writes a run per word group; Word shows the same).
 * The runs are model items (model.ts): `runsXml` writes them.
 */
import type { RunItem } from './model.js';
import type { WordInline } from './typography.js';
import { escapeXml } from './xml.js';

/** What the runs of one document share: ids, relationships, the style ids of the reference document. */
export interface RunContext {
  /** Style id of a character style, by its name (`Hyperlink`, `Verbatim Char`). */
  charStyle(name: string): string;
  nextBookmarkId(): number;
  nextChangeId(): number;
  /** Relationship id for an external link target. */
  externalLink(target: string): string;
}

interface Format {
  style?: string;
  bold?: boolean;
  italic?: boolean;
  deleted?: boolean;
}

function runProperties(format: Format): string {
  const props = [
    format.style ? `<w:rStyle w:val="${escapeXml(format.style)}" />` : '',
    format.bold ? '<w:b /><w:bCs />' : '',
    format.italic ? '<w:i /><w:iCs />' : '',
  ].join('');
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

/** Writes inlines as runs; text of the same formatting merges into one run. */
export class RunWriter {
  private readonly items: RunItem[] = [];
  private pending = { props: '', text: '', deleted: false };

  constructor(private readonly context: RunContext) {}

  private text(text: string, format: Format): void {
    const props = runProperties(format);
    const deleted = format.deleted === true;
    if (this.pending.text && (this.pending.props !== props || this.pending.deleted !== deleted)) this.flush();
    this.pending.props = props;
    this.pending.deleted = deleted;
    this.pending.text += text;
  }

  private raw(item: RunItem): void {
    this.flush();
    this.items.push(item);
  }

  private flush(): void {
    const { props, text, deleted } = this.pending;
    if (text) this.items.push(deleted ? { kind: 'text', text, props, deleted } : { kind: 'text', text, props });
    this.pending = { props: '', text: '', deleted: false };
  }

  write(inlines: readonly WordInline[], format: Format = {}): this {
    for (const node of inlines) {
      switch (node.kind) {
        case 'text':
          this.text(node.text, format);
          break;
        case 'break':
          this.raw({ kind: 'break' });
          break;
        case 'strong':
          this.write(node.children, { ...format, bold: true });
          break;
        case 'emph':
          this.write(node.children, { ...format, italic: true });
          break;
        case 'code':
          this.text(node.text, { ...format, style: this.context.charStyle('Verbatim Char') });
          break;
        case 'link': {
          const target = node.href.startsWith('#')
            ? `w:anchor="${escapeXml(node.href.slice(1))}"`
            : `r:id="${escapeXml(this.context.externalLink(node.href))}"`;
          this.raw({ kind: 'open', xml: `<w:hyperlink ${target}>` });
          this.write(node.children, { ...format, style: this.context.charStyle('Hyperlink') });
          this.raw({ kind: 'close', xml: '</w:hyperlink>' });
          break;
        }
        case 'span':
          this.span(node, format);
      }
    }
    return this;
  }

  private span(node: Extract<WordInline, { kind: 'span' }>, format: Format): void {
    const { id, classes, pairs } = node.attributes;
    const bookmark = id ? this.context.nextBookmarkId() : -1;
    if (id) this.raw({ kind: 'mark', xml: `<w:bookmarkStart w:id="${bookmark}" w:name="${escapeXml(id)}" />` });
    const change = classes.includes('insertion') ? 'w:ins' : classes.includes('deletion') ? 'w:del' : undefined;
    if (change) {
      const author = pairs.find(([k]) => k === 'author')?.[1] ?? 'unknown';
      const date = pairs.find(([k]) => k === 'date')?.[1];
      this.raw({
        kind: 'open',
        xml: `<${change} w:id="${this.context.nextChangeId()}" w:author="${escapeXml(author)}"${date ? ` w:date="${escapeXml(date)}"` : ''}>`,
      });
      this.write(node.children, change === 'w:del' ? { ...format, deleted: true } : format);
      this.raw({ kind: 'close', xml: `</${change}>` });
    } else this.write(node.children, format);
    if (id) this.raw({ kind: 'mark', xml: `<w:bookmarkEnd w:id="${bookmark}" />` });
  }

  /** The runs written so far. */
  done(): RunItem[] {
    this.flush();
    return this.items;
  }
}
