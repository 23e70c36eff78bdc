/** The tracked changes a DOCX carries, as plain data: for reports, tests and the CLI's counts. */
import { checkDocx } from './check-input.js';
import { callEngine } from './engine.js';
import { CorruptDocxError } from './errors.js';
import type { RevisionEntry } from './protocol.js';

/** One tracked change (one logical revision: a deleted paragraph with its mark is one). */
export interface Revision {
  type: RevisionEntry['type'];
  /** Finer kind: `content_insert`, `content_delete`, `move`, `paragraph_mark`, `properties_change`, `row_insert`… */
  family: string;
  author: string;
  /** `w:date` as written, when the change carries one. */
  date?: string;
  /** The inserted, deleted or moved text (paragraph marks as ¶). */
  text: string;
}

/** Every tracked change in `docx`, in document order. Throws `CorruptDocxError` for an unreadable file. */
export async function revisions(docx: Uint8Array, name = 'the document'): Promise<Revision[]> {
  checkDocx(docx, name);
  const reply = await callEngine({ op: 'revisions', docx });
  if (!reply.ok) throw new CorruptDocxError(`${name} cannot be read as a Word document (${reply.reason})`);
  const entries = 'revisions' in reply ? reply.revisions : [];
  return entries.map((e) => ({ type: e.type, family: e.family, author: e.author, ...(e.date ? { date: e.date } : {}), text: e.text }));
}
