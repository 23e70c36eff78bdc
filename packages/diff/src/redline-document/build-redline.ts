/**
 * Two versions of a contract → one redline: both rendered with the same clause library, then the
 * word-level redline engine (paragraphs first, words inside changed paragraphs).
 */
import type { VendorAgreement } from '@contracts/core';
import type { Playbook } from '@contracts/playbook';
import { renderMarkdown } from '@contracts/render';
import { diffDocuments, redlineStats, toRedlineMarkdown, type RedlineAuthor, type RedlineBlock, type RedlineStats } from '../redline/index.js';
import { positionRows, type PositionRow } from './position-summary.js';

/** One side of the redline. */
export interface RedlineVersion {
  contract: VendorAgreement;
  /** How the version is named to readers: `round-1 (3f2a9c1)`, `working tree`. */
  label: string;
  /** The contract as `renderMarkdown` renders it with the same clause library, when the caller has it already. */
  markdown?: string;
}

export interface BuildRedlineOptions {
  /** Who made the later version's changes, and when (ISO 8601): stamped on every change. */
  by: RedlineAuthor;
  /** Clause library overriding the built-in templates; used for both versions. */
  templatesDir?: string;
  /** Rates the position changes in the header; without it changed fields are listed plainly. */
  playbook?: Playbook;
}

/** Everything the output formats need; plain data, computed once. */
export interface Redline {
  title: string;
  from: string;
  to: string;
  by: RedlineAuthor;
  blocks: RedlineBlock[];
  /** Pandoc Markdown with `[…]{.insertion}` / `[…]{.deletion}` spans: the `md` output and the DOCX input. */
  markdown: string;
  stats: RedlineStats;
  positions: PositionRow[];
  templatesDir?: string;
}

/** Renders both versions and diffs them. Synchronous: run it while pandoc-wasm compiles. */
export function buildRedline(from: RedlineVersion, to: RedlineVersion, options: BuildRedlineOptions): Redline {
  const render = options.templatesDir ? { templatesDir: options.templatesDir } : {};
  const markdownOf = (v: RedlineVersion) => v.markdown ?? renderMarkdown(v.contract, render);
  const blocks = diffDocuments(markdownOf(from), markdownOf(to));
  return {
    title: to.contract.title,
    from: from.label,
    to: to.label,
    by: options.by,
    blocks,
    markdown: toRedlineMarkdown(blocks, options.by),
    stats: redlineStats(blocks),
    positions: positionRows(from.contract, to.contract, options.playbook),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
  };
}

/**
 * The date pandoc stamps on tracked changes: UTC, whole seconds (`2026-03-01T12:00:00Z`), the form
 * Word writes itself. Accepts an ISO 8601 string with any offset, or seconds since 1970.
 */
export function changeDate(when: string | number): string {
  const ms = typeof when === 'number' ? when * 1000 : Date.parse(when);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a date: ${String(when)}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
