/**
 * The comments of a markup (`word/comments.xml`) with their threads: Word links a reply to its parent
 * through `word/commentsExtended.xml` (`w15:paraIdParent` names the parent's last paragraph).
 */
import { parseXml } from './xml.js';

/** One comment and its replies, oldest first. */
export interface MarkupComment {
  id: string;
  author: string;
  date?: string;
  text: string;
  replies: MarkupComment[];
}

interface RawComment {
  id: string;
  author: string;
  date?: string;
  paragraphs: string[];
  lastParaId?: string;
}

/** The threads of a markup: top-level comments by id (with their replies), and the thread each comment id belongs to. */
export interface CommentThreads {
  threads: Map<string, MarkupComment>;
  /** Comment id (a reply's too) → id of its thread's top comment. */
  rootOf: Map<string, string>;
}

/** Reads the comments and their threads. */
export function readComments(commentsXml: string | undefined, extendedXml: string | undefined, name: string): CommentThreads {
  const raw: RawComment[] = [];
  if (commentsXml) {
    let current: RawComment | undefined;
    let inText = false;
    parseXml(commentsXml, name, 'word/comments.xml', {
      open(tag, a) {
        if (tag === 'w:comment') current = { id: a['w:id'] ?? '', author: a['w:author'] ?? '', ...(a['w:date'] ? { date: a['w:date'] } : {}), paragraphs: [] };
        else if (tag === 'w:p' && current) {
          current.paragraphs.push('');
          if (a['w14:paraId']) current.lastParaId = a['w14:paraId'];
        } else if (tag === 'w:t') inText = true;
        else if ((tag === 'w:br' || tag === 'w:tab') && current && current.paragraphs.length > 0) current.paragraphs[current.paragraphs.length - 1] += ' ';
      },
      close(tag) {
        if (tag === 'w:comment' && current) {
          raw.push(current);
          current = undefined;
        } else if (tag === 'w:t') inText = false;
      },
      text(t) {
        if (inText && current && current.paragraphs.length > 0) current.paragraphs[current.paragraphs.length - 1] += t;
      },
    });
  }
  const parentOf = new Map<string, string>();
  if (extendedXml) {
    parseXml(extendedXml, name, 'word/commentsExtended.xml', {
      open(tag, a) {
        if (tag === 'w15:commentEx' && a['w15:paraId'] && a['w15:paraIdParent']) parentOf.set(a['w15:paraId'], a['w15:paraIdParent']);
      },
      close() {},
      text() {},
    });
  }
  const byParaId = new Map<string, MarkupComment>();
  const all = raw.map((r) => {
    const comment: MarkupComment = {
      id: r.id,
      author: r.author,
      ...(r.date ? { date: r.date } : {}),
      text: r.paragraphs
        .map((p) => p.trim())
        .filter(Boolean)
        .join('\n'),
      replies: [],
    };
    if (r.lastParaId) byParaId.set(r.lastParaId, comment);
    return { comment, paraId: r.lastParaId };
  });
  const threads = new Map<string, MarkupComment>();
  const parentComment = new Map<MarkupComment, MarkupComment>();
  for (const { comment, paraId } of all) {
    const parent = paraId ? byParaId.get(parentOf.get(paraId) ?? '') : undefined;
    if (parent && parent !== comment) {
      parent.replies.push(comment);
      parentComment.set(comment, parent);
    } else threads.set(comment.id, comment);
  }
  const rootOf = new Map<string, string>();
  for (const { comment } of all) {
    let root = comment;
    for (let hops = 0; parentComment.has(root) && hops < 100; hops++) root = parentComment.get(root)!;
    rootOf.set(comment.id, root.id);
  }
  return { threads, rootOf };
}
