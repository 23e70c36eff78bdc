/**
 * A counterparty's markup as data: its blocks (accepted and rejected text, bookmarks, tracked changes,
 * comments), its comment threads, where it says it came from (our provenance properties) and who
 * saved it last (for edits made with tracking off, which carry no author of their own).
 */
import { readProvenance, type Provenance } from '@contracts/render';
import { parseXml } from './xml.js';
import { openDocxPackage } from './open-package.js';
import { readDocument, type CommentAnchors, type MarkupBlock, type ReadDocumentOptions } from './read-document.js';
import { readComments, type CommentThreads } from './read-comments.js';

export interface Markup extends CommentThreads {
  name: string;
  blocks: MarkupBlock[];
  commentAnchors: CommentAnchors;
  /** The provenance our renderer wrote (kept by Word and LibreOffice), when there is one. */
  provenance: Partial<Provenance> | undefined;
  /** `cp:lastModifiedBy` and `dcterms:modified` of docProps/core.xml, when set. */
  lastModifiedBy?: string;
  modified?: string;
  /** The blocks read again with other options (`baseAuthors`: our redline's changes taken as accepted). */
  reread(options: ReadDocumentOptions): Pick<Markup, 'blocks' | 'commentAnchors'>;
}

/** Reads a markup; throws an `import/*` error (one line, exit 2) for anything that is not a safe, readable DOCX. */
export function readMarkup(bytes: Uint8Array, name: string): Markup {
  const pkg = openDocxPackage(bytes, name);
  const document = pkg.parts.get('word/document.xml')!;
  const { blocks, commentAnchors } = readDocument(document, name);
  const threads = readComments(pkg.parts.get('word/comments.xml'), pkg.parts.get('word/commentsExtended.xml'), name);
  const reread = (options: ReadDocumentOptions) => readDocument(document, name, options);
  const markup: Markup = { name, blocks, commentAnchors, ...threads, provenance: readProvenance(bytes), reread };
  const core = pkg.parts.get('docProps/core.xml');
  if (core) {
    const fields: Record<string, string> = {};
    let open: string | undefined;
    parseXml(core, name, 'docProps/core.xml', {
      open: (tag) => {
        open = tag;
      },
      close: () => {
        open = undefined;
      },
      text: (t) => {
        if (open) fields[open] = (fields[open] ?? '') + t;
      },
    });
    if (fields['cp:lastModifiedBy']?.trim()) markup.lastModifiedBy = fields['cp:lastModifiedBy'].trim();
    if (fields['dcterms:modified']?.trim()) markup.modified = fields['dcterms:modified'].trim();
  }
  return markup;
}
