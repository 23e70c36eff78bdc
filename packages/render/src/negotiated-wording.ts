/**
 * Negotiated wording (`negotiatedWording` in the contract, written by `contracts import`): text a
 * counterparty proposed that no term expresses, printed in place of the template's wording for that
 * clause or paragraph. It is counterparty text, so every paragraph of it goes through the one Markdown
 * escaper like any value; the clause keeps its number and the clauses after a deleted one renumber.
 */
import { emptiedAs, type NegotiatedWording } from '@contracts/core';
import { agreementBlocks, blockText, isHeaderRow, type AgreementBlock } from './agreement-blocks.js';
import type { Anchor } from './anchors.js';
import { escapeMarkdown } from './escape-markdown.js';
import { CELL_BREAK } from './markdown/inlines.js';
import type { RenderedAgreement, RenderedSection } from './markdown.js';

const NUMBER = /^\*\*(\d+)\.(\d+)\*\*/;
const SECTION = /^## (\d+)\. /;

type Entry = NegotiatedWording[number];

/**
 * Whether an entry changes what prints: a text, a row's label, rows added after a row (an entry with
 * none of them only carries comments). The import keeps an entry only when this holds or it has comments.
 */
export const changesWording = (e: Entry): boolean => typeof e.text === 'string' || typeof e.label === 'string' || (e.rowsAfter?.length ?? 0) > 0;

/**
 * The rendering with every negotiated wording in place (entries with neither `text` nor a row's
 * `label` or `rowsAfter` only carry comments). `paragraphKeys` names each block outside the clauses
 * as the template does, in order: a relabelled row, a deleted paragraph or an added row would
 * otherwise shift the keys read off the result, and the next import would name blocks no entry has.
 */
export function withNegotiatedWording(rendered: RenderedAgreement, wording: NegotiatedWording): RenderedAgreement {
  const byClause = new Map<string, string>();
  const byParagraph = new Map<string, Entry>();
  for (const entry of wording) {
    if (!entry) continue;
    if (entry.clause && typeof entry.text === 'string') byClause.set(entry.clause, entry.text);
    else if (entry.paragraph && changesWording(entry)) byParagraph.set(entry.paragraph, entry);
  }
  if (byClause.size === 0 && byParagraph.size === 0) return rendered;
  const lines = rendered.anchored.split('\n');
  const replaced: (string[] | undefined)[] = new Array(lines.length);
  const blocks = agreementBlocks(rendered.anchored, rendered.anchors);
  const done = new Set<string>();
  const paragraphKeys: string[] = [];
  for (const block of blocks) {
    const [start, end] = block.lines;
    if (block.clause !== undefined && byClause.has(block.clause)) {
      // The clause's first block takes the whole text; its other blocks go.
      const first = !done.has(block.clause);
      done.add(block.clause);
      replaced[start] = first ? clauseLines(block, byClause.get(block.clause)!, rendered.sections) : [];
    } else if (block.paragraph !== undefined && byParagraph.has(block.paragraph)) {
      const entry = byParagraph.get(block.paragraph)!;
      const own = paragraphLines(block, entry, isHeaderRow(lines, block), rendered.sections);
      const added = block.kind === 'row' ? addedRows(entry, rendered.sections) : [];
      replaced[start] = [...own, ...added];
      const printed = [...own, ...added].filter((line) => line.trim() !== '').length;
      for (let k = 0; k < printed; k++) paragraphKeys.push(block.paragraph);
    } else {
      if (block.paragraph !== undefined) paragraphKeys.push(block.paragraph);
      continue;
    }
    for (let i = start + 1; i < end; i++) replaced[i] = [];
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(...(replaced[i] ?? [line]));
  });
  const anchored = renumber(dropEmptyFences(out))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  const present = new Set([...anchored.matchAll(/\{#a(_[tc][0-9a-f]{10}(?:_\d+)?)\}/g)].map((m) => m[1]!));
  const anchors: Anchor[] = rendered.anchors.filter((a) => present.has(a.id));
  return { ...rendered, markdown: withoutAnchorMarkup(anchored), anchored, anchors, paragraphKeys };
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** One paragraph of an entry's text: `- ` opens a list item, `\- ` a paragraph that starts with a dash (as the import writes them). */
const part = (paragraph: string) =>
  paragraph.startsWith('- ')
    ? { item: true, text: paragraph.slice(2).trim() }
    : { item: false, text: paragraph.startsWith('\\- ') ? paragraph.slice(1) : paragraph };

/** An entry's paragraphs without their item marks (a row's cell, a heading). */
const plainParagraphs = (text: string) => paragraphs(text).map((p) => part(p).text);

const HEADING = /^\*\*\d+\.\d+\*\* \*\*((?:[^*\\]|\\.)+)\*\*/;
const REFERENCE = /\b(Section|Annex) (\d+|[A-Z]) \(([^()]+)\)/g;

/** One run of counterparty text escaped, its spaces at either end kept (the escaper trims). */
const escapeRun = (run: string) => {
  const core = run.trim();
  if (core === '') return run === '' ? '' : ' ';
  return `${/^\s/.test(run) ? ' ' : ''}${escapeMarkdown(core)}${/\s$/.test(run) ? ' ' : ''}`;
};

/**
 * Counterparty text as Markdown: escaped like any value, except what the template itself marks up and
 * they kept — the clause's heading in bold, and each `Section N (Title)` naming a section this
 * agreement has, which becomes the live reference the template prints (numbered as the section is now,
 * so it follows when sections drop out).
 */
function wordingMarkdown(text: string, sections: readonly RenderedSection[], heading?: string): string {
  let out = '';
  let rest = text;
  // Their heading as they wrote it (Word's curly quotes where the template has straight ones).
  const straight = (t: string) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  if (heading && straight(rest.slice(0, heading.length)) === straight(heading)) {
    out = `**${escapeMarkdown(rest.slice(0, heading.length))}**`;
    rest = rest.slice(heading.length);
  }
  let last = 0;
  for (const m of rest.matchAll(REFERENCE)) {
    const section = sections.find((s) => s.title === m[3] && s.label.startsWith(`${m[1]} `));
    if (!section) continue;
    out += `${escapeRun(rest.slice(last, m.index))}[${escapeMarkdown(section.label)} (${escapeMarkdown(section.title)})](#${section.anchor})`;
    last = m.index + m[0].length;
  }
  return out + escapeRun(rest.slice(last));
}

function clauseLines(block: AgreementBlock, text: string, sections: readonly RenderedSection[]): string[] {
  const number = NUMBER.exec(block.markdown)?.[0];
  const headingMarkdown = HEADING.exec(block.markdown)?.[1];
  const heading = headingMarkdown === undefined ? undefined : blockText(headingMarkdown).text;
  const parsed = paragraphs(text).map(part);
  const parts = parsed.map((p, i) => `${p.item ? '- ' : ''}${wordingMarkdown(p.text, sections, i === 0 ? heading : undefined)}`);
  if (parts.length === 0) return [];
  if (number) parts[0] = `${number} ${parts[0]}`;
  return joinBlocks(
    parts,
    parsed.map((p) => p.item),
  );
}

/** Blocks one after another: a blank line between them, none between two items of one list. */
function joinBlocks(blocks: readonly string[], items: readonly boolean[]): string[] {
  return blocks.flatMap((b, i) => (i === 0 ? [b] : items[i] && items[i - 1] ? [b] : ['', b]));
}

/** A row's first cell as the template prints it, and the rest of the row (` value |`). */
const ROW = /^\|([^|]*(?:\\\|[^|]*)*)\|(.*)$/;

function paragraphLines(block: AgreementBlock, entry: Entry, header: boolean, sections: readonly RenderedSection[]): string[] {
  if (block.kind === 'row') {
    const [, templateLabel = ' ', templateRest = '  |'] = ROW.exec(block.markdown) ?? [];
    const value = typeof entry.text === 'string' ? cellMarkdown(entry.text, sections) : undefined;
    // A deleted body row goes; a header row stays (its label, its value emptied), or the rows below lose their table,
    // and so does a row whose entry names its label (they emptied its value and kept the label).
    if (value === '' && !header && emptiedAs(entry) === 'deleted') return [];
    const label = typeof entry.label === 'string' ? ` ${cellMarkdown(entry.label, sections)} ` : templateLabel;
    return [`|${label}|${value === undefined ? templateRest : ` ${value} |`}`];
  }
  if (typeof entry.text !== 'string') return [block.markdown];
  const [head, ...rest] = paragraphs(entry.text).map(part);
  if (head === undefined) return [];
  const first = head.text;
  const marker = block.kind === 'item' ? (/^(?:[-*+]|\d{1,9}[.)]) /.exec(block.markdown)?.[0] ?? '- ') : '';
  // Their first paragraph in the block's own shape (the template's markup where they kept its words);
  // each paragraph they added after it is one of its own: a list item after an item, else a paragraph.
  let own: string;
  // A section heading's number is the template's to keep current, so their copy of it is compared without it.
  const unnumbered = (t: string) => (block.kind === 'heading' ? t.replace(/^\d+(?:\.\d+)*\.?\s+/, '') : t);
  if (sameWords(unnumbered(first), unnumbered(blockText(block.markdown, block.kind).text))) own = block.markdown;
  else if (block.kind === 'heading') {
    const [, hashes = '##', , id] = /^(#{1,6})\s+(.*?)(?:\s+\{#([A-Za-z][\w.:-]*)\})?\s*$/.exec(block.markdown) ?? [];
    own = `${hashes} ${escapeMarkdown(first)}${id ? ` {#${id}}` : ''}`;
  } else own = `${marker}${wordingMarkdown(first, sections)}`;
  const items = [block.kind === 'item', ...rest.map((p) => p.item)];
  const added = rest.map((p, i) => `${items[i + 1] ? marker || '- ' : ''}${wordingMarkdown(p.text, sections)}`);
  // A paragraph ends before the list goes on (without a blank line the items after it would run into it).
  return [...joinBlocks([own, ...added], items), ...(items.at(-1) ? [] : [''])];
}

/** Whether two texts read the same (whitespace and Word's curly quotes aside). */
const sameWords = (a: string, b: string) => {
  const norm = (t: string) =>
    t
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
};

/**
 * A table cell's wording: its paragraphs one per line of the cell (a pipe-table cell holds no
 * paragraphs, so a hard line break stands between them — `<w:br/>` in DOCX, `<br />` in HTML), each
 * paragraph's own whitespace collapsed.
 */
const cellMarkdown = (text: string, sections: readonly RenderedSection[]) =>
  plainParagraphs(text)
    .map((p) => wordingMarkdown(p.replace(/\s+/g, ' '), sections))
    .join(CELL_BREAK);

/** The rows the counterparty added after a row, as they wrote them. */
const addedRows = (entry: Entry, sections: readonly RenderedSection[]) =>
  (entry.rowsAfter ?? []).map((row) => {
    const cell = (text: string) => cellMarkdown(text, sections) || ' ';
    return `| ${cell(row.label)} | ${cell(row.text)} |`;
  });

/** A clause whose wording was deleted leaves an empty fence: remove it. */
function dropEmptyFences(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^::: \{#a_c/.test(lines[i]!)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      if (lines[j] === ':::') {
        i = j;
        continue;
      }
    }
    out.push(lines[i]!);
  }
  return out;
}

/** Sub-clause numbers `**N.M**` in sequence again within each section (after a deleted clause). */
function renumber(lines: string[]): string[] {
  let section = 0;
  let clause = 0;
  let afterFence = false;
  return lines.map((line) => {
    const heading = SECTION.exec(line);
    if (heading) {
      section = Number(heading[1]);
      clause = 0;
    }
    if (/^::: \{#a_c/.test(line)) {
      afterFence = true;
      return line;
    }
    if (afterFence && line.trim() !== '') {
      afterFence = false;
      const m = NUMBER.exec(line);
      if (m && Number(m[1]) === section) return line.replace(NUMBER, `**${section}.${++clause}**`);
    }
    return line;
  });
}

/** The people-facing Markdown of an anchored one: clause fences and term spans removed. */
export function withoutAnchorMarkup(anchored: string): string {
  return anchored
    .split('\n')
    .filter((line) => !/^::: \{#a_c[0-9a-f]{10}(?:_\d+)?\}$/.test(line) && line !== ':::')
    .map(unwrapTermSpans)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

const SPAN_ATTRIBUTES = /^\{(?:#a_t[0-9a-f]{10}(?:_\d+)?)?\}/;

/** `[text]{#a_t…}` → `text`, `[]{#a_t…}` → nothing, `[chunk]{}` → `chunk` (escapes respected). */
function unwrapTermSpans(line: string): string {
  if (!line.includes(']{')) return line;
  let out = '';
  const opens: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\') {
      out += ch + (line[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      opens.push(out.length);
      out += ch;
    } else if (ch === ']') {
      const open = opens.pop();
      const attributes = SPAN_ATTRIBUTES.exec(line.slice(i + 1));
      if (open !== undefined && attributes) {
        out = out.slice(0, open) + out.slice(open + 1);
        i += attributes[0].length;
      } else out += ch;
    } else out += ch;
  }
  return out;
}
