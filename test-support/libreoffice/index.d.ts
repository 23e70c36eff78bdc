/** A DOCX as a path, or as bytes (written to the session's scratch folder). */
export type DocxInput = string | Uint8Array;

/** What LibreOffice reports of one tracked change (`RedlineType`: Insert, Delete, Format, ParagraphFormat…). */
export interface LibreOfficeRevision {
  type: string;
  author: string;
  /** Local date-time as LibreOffice holds it, `2026-05-18T10:00:00`. */
  date: string;
}

export interface LibreOffice {
  /** LibreOffice's version, e.g. `7.4.7.2`. */
  version: string;
  /** A folder removed on close, for files a test writes. */
  scratch: string;
  /**
   * The document's text blocks in reading order (paragraphs; table cells row by row), after
   * `.uno:AcceptAllTrackedChanges` (`accept`), `.uno:RejectAllTrackedChanges` (`reject`) or neither (`keep`).
   */
  text(docx: DocxInput, changes?: 'accept' | 'reject' | 'keep'): Promise<string[]>;
  /**
   * Everything a judge of a redline needs, in two loads: the text with the changes shown, after
   * accept all, after reject all, the tracked changes, and whether any change survived either.
   */
  redline(docx: DocxInput): Promise<{ shown: string[]; accepted: string[]; rejected: string[]; revisions: LibreOfficeRevision[]; pending: boolean }>;
  /** The tracked changes LibreOffice sees in the document. */
  revisions(docx: DocxInput): Promise<LibreOfficeRevision[]>;
  /**
   * Edits as a named author with change tracking on (`doc.RecordChanges = True`; `record: false` for
   * edits made with tracking off): each `[old, new]` replaces the first occurrence of `old` (`[old, new, n]`
   * the n-th, every one with `replaceAll`; `matchCase` for a case-sensitive search); each `deleteParagraphs` anchor deletes the paragraph holding it (with its mark);
   * each `insertParagraphs` `[anchor, text]` adds a paragraph after the one holding `anchor`; each
   * `comments` `[anchor, text]` comments (dated now) on the first `anchor`. Saves as "MS Word 2007 XML"
   * to `out` (no edits: a plain LibreOffice re-save); returns the search strings that were not found.
   */
  edit(
    docx: DocxInput,
    options: {
      out: string;
      author: string;
      /** `[old, new]`, or `[old, new, n]` for the n-th occurrence (from 0) in document order. */
      replacements?: ([string, string] | [string, string, number])[];
      comments?: [string, string][];
      deleteParagraphs?: string[];
      insertParagraphs?: [string, string][];
      /** `[anchor, cells]`: a table row added after the row holding `anchor`, with these cell texts. */
      insertRows?: [string, string[]][];
      /** Anchors: the table row holding each is deleted. */
      deleteRows?: string[];
      record?: boolean;
      replaceAll?: boolean;
      /** Search case-sensitively (default: LibreOffice's default, case-insensitive). */
      matchCase?: boolean;
    },
  ): Promise<string[]>;
  /** LibreOffice's own Compare Document (`.uno:CompareDocuments`): `modified` against `original`, saved as Word to `out`. */
  compare(original: DocxInput, modified: DocxInput, options: { out: string; author?: string }): Promise<void>;
  /** Ends soffice and removes its private profile and the scratch folder. */
  close(): Promise<void>;
}

/** Whether LibreOffice and UNO are installed; `reason` explains a `false` (use it in skip messages). */
export function libreOfficeAvailability(): { ok: boolean; reason: string };
/** Starts one headless soffice with a private profile; close it when done. */
export function startLibreOffice(): Promise<LibreOffice>;
/** Runs `fn` with a session and always closes it. */
export function withLibreOffice<T>(fn: (lo: LibreOffice) => Promise<T>): Promise<T>;
/** Whitespace-normalised words of text blocks: what "word for word" compares. */
export function wordsOf(blocks: readonly string[]): string[];
/** The first differences between two word lists (`at word N: -"old" +"new"`); empty when equal. */
export function wordDifferences(expected: readonly string[], actual: readonly string[], limit?: number): string[];
