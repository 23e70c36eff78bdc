/**
 * Two versions of a contract → one redline: both rendered with the same clause library, then aligned
 * clause by clause by the anchors render marks them with (structure.ts: a removed, added or moved clause
 * never pairs unrelated paragraphs), words diffed inside each clause present on both sides. The DOCX
 * redline pairs the two rounds' own DOCX paragraphs by these blocks (docx.ts).
 */
import type { VendorAgreement } from '@contracts/core';
import { revisionDate } from '@contracts/docx-compare';
import { clauseContext, type Playbook } from '@contracts/playbook';
import { renderAgreement, type ProvenanceInput, type RenderedAgreement } from '@contracts/render';
import { diffStructured, redlineStats, toRedlineMarkdown, type RedlineAuthor, type RedlineBlock, type RedlineStats } from '../redline/index.js';
import { inertText } from './inert-text.js';
import { positionRows, type PositionRow } from './position-summary.js';

/** One side of the redline. */
export interface RedlineVersion {
  contract: VendorAgreement;
  /** How the version is named to readers: `round-1 (3f2a9c1)`, `working tree`. */
  label: string;
  /** The contract as `renderAgreement` renders it with the same clause library and context, when the caller has it already. */
  rendered?: RenderedAgreement;
}

export interface BuildRedlineOptions {
  /**
   * Who made the later version's changes, and when (ISO 8601): stamped on every change. Taken as
   * written (a git author name is anyone's to choose): control characters are removed and bidi
   * controls made visible here, once, for every format.
   */
  by: RedlineAuthor;
  /** Clause library overriding the built-in templates; used for both versions. */
  templatesDir?: string;
  /**
   * The playbook `render` uses: it rates the position changes in the header and tells the clause
   * library which laws apply (`clauseContext`), so both rounds read exactly as `contracts render`
   * prints them. Without it changed fields are listed plainly and no law is treated as applicable.
   */
  playbook?: Playbook;
  /**
   * Where the later version comes from (contract id, commit, round): the DOCX redline records it as a
   * rendered DOCX does, since it is the later round the counterparty reviews and marks up, and
   * `contracts import` finds its base from it.
   */
  provenance?: ProvenanceInput;
}

/** Everything the output formats need; plain data, computed once. */
export interface Redline {
  /** The later version's contract id (what redline files are named by). */
  id: string;
  title: string;
  from: string;
  to: string;
  by: RedlineAuthor;
  blocks: RedlineBlock[];
  /** Pandoc Markdown with `[…]{.insertion}` / `[…]{.deletion}` spans: the `md` output. */
  markdown: string;
  /** The same with render's anchors (term spans, clause fences): what the HTML redline is converted from. */
  anchoredMarkdown: string;
  /** Each round's own rendering, as `render` makes it: the DOCX redline compares these two documents. */
  fromMarkdown: string;
  toMarkdown: string;
  stats: RedlineStats;
  positions: PositionRow[];
  templatesDir?: string;
  /** The later version's provenance, written to the DOCX redline's custom properties. */
  provenance?: ProvenanceInput;
}

/** Renders both versions to Markdown and diffs them. Synchronous: run it while pandoc-wasm compiles. */
export function buildRedline(from: RedlineVersion, to: RedlineVersion, options: BuildRedlineOptions): Redline {
  const { playbook } = options;
  const render = {
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(playbook ? { extraContext: (contract: VendorAgreement) => clauseContext(playbook, contract) } : {}),
  };
  const before = from.rendered ?? renderAgreement(from.contract, render);
  const after = to.rendered ?? renderAgreement(to.contract, render);
  const blocks = diffStructured(before.anchored, after.anchored, { oldAnchors: before.anchors, newAnchors: after.anchors });
  // Everything a format prints beside the rendered rounds is made inert as render makes every value.
  const by = { author: inertText(options.by.author), date: inertText(options.by.date) };
  let markdown: string | undefined;
  return {
    id: String(to.contract.id),
    title: inertText(to.contract.title),
    from: inertText(from.label),
    to: inertText(to.label),
    by,
    blocks,
    // Made when first read: the HTML and DOCX redlines never need it (the report makes a thousand HTML ones).
    get markdown() {
      return (markdown ??= toRedlineMarkdown(blocks, by, { anchors: false }));
    },
    anchoredMarkdown: toRedlineMarkdown(blocks, by),
    fromMarkdown: before.markdown,
    toMarkdown: after.markdown,
    stats: redlineStats(blocks),
    positions: positionRows(from.contract, to.contract, options.playbook),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(options.provenance ? { provenance: options.provenance } : {}),
  };
}

/**
 * The date stamped on tracked changes: UTC, whole seconds (`2026-03-01T12:00:00Z`), the form Word
 * writes itself. Accepts an ISO 8601 string with any offset, or seconds since 1970.
 */
export const changeDate: (when: string | number) => string = revisionDate;
