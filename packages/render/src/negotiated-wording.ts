/**
 * Negotiated wording (`negotiatedWording` in the contract, written by `contracts import`): text a
 * counterparty proposed that no term expresses, printed in place of the template's wording for that
 * clause or paragraph. It is counterparty text, so every paragraph of it goes through the one Markdown
 * escaper like any value; the clause keeps its number and the clauses after a deleted one renumber.
 */
import type { NegotiatedWording } from '@contracts/core';
import { agreementBlocks, type AgreementBlock } from './agreement-blocks.js';
import type { Anchor } from './anchors.js';
import { escapeMarkdown } from './escape-markdown.js';
import type { RenderedAgreement } from './markdown.js';

const NUMBER = /^\*\*(\d+)\.(\d+)\*\*/;
const SECTION = /^## (\d+)\. /;

/** The rendering with every negotiated wording in place (entries without `text` only carry comments). */
export function withNegotiatedWording(rendered: RenderedAgreement, wording: NegotiatedWording): RenderedAgreement {
  const byClause = new Map<string, string>();
  const byParagraph = new Map<string, string>();
  for (const entry of wording) {
    if (typeof entry?.text !== 'string') continue;
    if (entry.clause) byClause.set(entry.clause, entry.text);
    else if (entry.paragraph) byParagraph.set(entry.paragraph, entry.text);
  }
  if (byClause.size === 0 && byParagraph.size === 0) return rendered;
  const lines = rendered.anchored.split('\n');
  const replaced: (string[] | undefined)[] = new Array(lines.length);
  const blocks = agreementBlocks(rendered.anchored, rendered.anchors);
  const done = new Set<string>();
  for (const block of blocks) {
    const [start, end] = block.lines;
    if (block.clause !== undefined && byClause.has(block.clause)) {
      // The clause's first block takes the whole text; its other blocks go.
      const first = !done.has(block.clause);
      done.add(block.clause);
      replaced[start] = first ? clauseLines(block, byClause.get(block.clause)!) : [];
    } else if (block.paragraph !== undefined && byParagraph.has(block.paragraph)) {
      replaced[start] = paragraphLines(block, byParagraph.get(block.paragraph)!);
    } else continue;
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
  return { ...rendered, markdown: withoutAnchorMarkup(anchored), anchored, anchors };
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

function clauseLines(block: AgreementBlock, text: string): string[] {
  const number = NUMBER.exec(block.markdown)?.[0];
  const parts = paragraphs(text).map(escapeMarkdown);
  if (parts.length === 0) return [];
  if (number) parts[0] = `${number} ${parts[0]}`;
  return parts.flatMap((p, i) => (i === 0 ? [p] : ['', p]));
}

function paragraphLines(block: AgreementBlock, text: string): string[] {
  const flat = paragraphs(text).join(' ');
  if (flat === '') return [];
  if (block.kind === 'row') {
    const label = /^\|([^|]*(?:\\\|[^|]*)*)\|/.exec(block.markdown)?.[1] ?? ' ';
    return [`|${label}| ${escapeMarkdown(flat)} |`];
  }
  if (block.kind === 'heading') {
    const [, hashes = '##', , id] = /^(#{1,6})\s+(.*?)(?:\s+\{#([A-Za-z][\w.:-]*)\})?\s*$/.exec(block.markdown) ?? [];
    return [`${hashes} ${escapeMarkdown(flat)}${id ? ` {#${id}}` : ''}`];
  }
  const marker = block.kind === 'item' ? (/^(?:[-*+]|\d{1,9}[.)]) /.exec(block.markdown)?.[0] ?? '- ') : '';
  return [`${marker}${escapeMarkdown(flat)}`];
}

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
