/** A row a counterparty added after a table row: its label and its text. */
export interface AddedRow {
  label: string;
  text: string;
}

/**
 * What a region's negotiated wording says in one version (the fields of a `negotiatedWording` entry
 * that print in place of the template's wording), with who proposed it and when.
 */
export interface WordingState {
  /** The wording as proposed; empty: the clause is deleted. Absent: the row's value is the template's. */
  text?: string;
  /** A table row's label as they wrote it. */
  label?: string;
  rowsAfter?: AddedRow[];
  proposedBy?: string;
  proposedAt?: string;
  /** False for an edit made with tracking switched off. */
  tracked?: boolean;
}

/**
 * A region whose negotiated wording was added, changed or withdrawn between two versions. Regions are
 * matched by key (`clause:<key>` / `paragraph:<key>`), never by list position. `before` / `after`
 * null: the template's wording.
 */
export interface WordingChange {
  /** `clause:audit/costs` or `paragraph:cover-page/Cyber insurance`. */
  region: string;
  kind: 'clause' | 'paragraph';
  key: string;
  change: 'added' | 'changed' | 'withdrawn';
  before: WordingState | null;
  after: WordingState | null;
  /** Rows added after the row since `before`, and rows no longer added. */
  rowsAdded?: AddedRow[];
  rowsRemoved?: AddedRow[];
  /** Set when the row's label changed; null: the template's label. */
  labelChanged?: { from: string | null; to: string | null };
}

/** A counterparty comment the later version has and the earlier did not (matched by author, date and text). */
export interface CommentAdded {
  region: string;
  kind: 'clause' | 'paragraph';
  key: string;
  author: string;
  date?: string;
  text: string;
  /** The words the comment is anchored on. */
  on?: string;
  replies?: { author: string; date?: string; text: string }[];
}

/**
 * A term the later version's wording restates in the counterparty's own words where the two no longer
 * agree, and did not already disagree so in the earlier version: `unread` — the import could not read a
 * value from the words; `contradicted` — the term's value is no longer the one read from them. It is
 * what `contracts check` reports as `playbook/restated-term`.
 */
export interface RestatementOutOfStep {
  region: string;
  kind: 'clause' | 'paragraph';
  key: string;
  /** Dotted path from the root (`terms.incidentResponse.cyberInsurance.perClaimUsd`). */
  term: string;
  said: string;
  /** The value read from `said`; absent when it could not be read. */
  read?: unknown;
  /** The term's value in the later version; absent when the term is. */
  current?: unknown;
  problem: 'unread' | 'contradicted';
}

/** Everything `diffWording` finds; `summary` counts the rows. Plain data: the `wording` key of `contracts diff --format json`. */
export interface WordingDiff {
  changes: WordingChange[];
  comments: CommentAdded[];
  restatements: RestatementOutOfStep[];
  summary: { added: number; changed: number; withdrawn: number; comments: number; restatements: number };
}
