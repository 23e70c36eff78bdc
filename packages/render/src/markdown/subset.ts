/**
 * Where Markdown leaves the subset the built-in converters read exactly as pandoc does: the first
 * construct pandoc would turn into something else (a footnote, a block quote, a nested or loose list,
 * smallcaps, an entity, a heading without a blank line before it…), or undefined when there is none.
 * It errs on the side of "beyond": a false alarm only costs a pandoc run, a miss would print different
 * words. The clause library's own Markdown never leaves the subset (a test holds it to that, for the
 * bundled contracts and generated ones).
 */
import { BULLET, FENCE_CLOSE, FENCE_OPEN, HEADING, ORDERED, parseBlocks } from './blocks.js';
import { CELL_BREAK, parseAttributes } from './inlines.js';
import type { Attributes, Block, Inline, InlineText } from './syntax.js';

/** The first construct beyond the subset: its 1-based line and what it is. */
export interface BeyondSubset {
  line: number;
  construct: string;
}

const LINE_RULES: [RegExp, string][] = [
  [/^ {0,3}(`{3,}|~{3,})/, 'a fenced code block'],
  [/^ {0,3}>/, 'a block quote'],
  [/^ {0,3}([-*_])( {0,2}\1){2,}\s*$/, 'a horizontal rule'],
  [/^ {0,3}[:~][ \t]/, 'a definition list'],
  [/^ {0,3}\[[^\]]*\]:/, 'a reference or footnote definition'],
  [/^\s*\+[-=+:]+\+\s*$/, 'a grid table'],
  [/^\s*-+(\s+-+)+\s*$/, 'a simple table'],
  [/^ {0,3}(?:(?:[a-zA-Z]|[ivxlcdmIVXLCDM]+|#|@[\w-]*)[.)]|\([\w@#-]{1,8}\))[ \t]/, 'a list marker beyond digits and bullets'],
];
const AT_BLOCK_START: [RegExp, string][] = [
  [/^( {4}|\t)/, 'an indented code block'],
  [/^ {1,3}\S/, 'an indented line'],
];
const PIPE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const SPECIAL_CLASSES = new Set(['smallcaps', 'underline', 'ul', 'mark']);
const SPECIAL_PAIRS = new Set(['custom-style', 'dir', 'lang']);
const ALNUM = /[\p{L}\p{N}]/u;

function lineRules(lines: string[]): BeyondSubset | undefined {
  if (/^%/.test(lines[0] ?? '')) return { line: 1, construct: 'a title block ("%")' };
  for (const [i, line] of lines.entries()) {
    const prev = i > 0 ? lines[i - 1]! : '';
    const afterText = prev.trim() !== '' && !FENCE_OPEN.test(prev) && !FENCE_CLOSE.test(prev);
    const at = (construct: string) => ({ line: i + 1, construct });
    if (line.trim() === '') continue;
    if (afterText && /^ {0,3}(-+|=+)\s*$/.test(line)) return at('a setext heading');
    for (const [rule, construct] of LINE_RULES) if (rule.test(line) && !FENCE_OPEN.test(line) && !FENCE_CLOSE.test(line)) return at(construct);
    if (prev.trim() === '') for (const [rule, construct] of AT_BLOCK_START) if (rule.test(line)) return at(construct);
    if (/^\|/.test(prev) && !/^\|/.test(line) && line.includes('|')) return at('a table row without a leading "|"');
    if (afterText && HEADING.test(line)) return at('a heading without a blank line before it');
    if (afterText && FENCE_OPEN.test(line)) return at('a fenced div without a blank line before it');
    if (FENCE_OPEN.test(line) && /^:+\s*\{/.test(line) && !parseAttributes(line.replace(/^:+\s*/, '').replace(/\s*:*\s*$/, ''), 0))
      return at('fenced div attributes pandoc reads differently');
    if (/ {2,}$/.test(line) && (lines[i + 1] ?? '').trim() !== '') return at('a hard line break (two trailing spaces)');
  }
  return undefined;
}

function attributesBeyond(attributes: Attributes): string | undefined {
  const special = attributes.classes.find((c) => SPECIAL_CLASSES.has(c)) ?? attributes.pairs.find(([k]) => SPECIAL_PAIRS.has(k))?.[0];
  return special ? `the attribute ${special}` : attributes.id === 'refs' ? 'the id "refs"' : undefined;
}

/** Characters pandoc reads as markup the subset does not have, outside escapes. */
function sourceBeyond(src: string): string | undefined {
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    const prev = src[i - 1] ?? '';
    const next = src[i + 1] ?? '';
    if (ch === '\\') {
      if (next === ' ' || next === '\t') return 'an escaped space (a no-break space)';
      if (next === '') return 'a backslash at the end of a paragraph';
      if (next !== '\n') i++;
      continue;
    }
    if (src.startsWith(CELL_BREAK, i)) {
      i += CELL_BREAK.length - 1;
      continue;
    }
    if (ch === '_' && !(ALNUM.test(prev) && ALNUM.test(next))) return 'emphasis with underscores';
    if ('~^$`'.includes(ch)) return `the markup character ${ch}`;
    if (ch === '<' && /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/.test(src.slice(i))) return 'an autolink';
    if (ch === '&' && /^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(src.slice(i))) return 'an HTML entity';
    if (ch === '@' && !ALNUM.test(prev) && /[\w]/.test(next)) return 'a citation';
    if (ch === '!' && next === '[') return 'an image';
    if (ch === '[' && next === '^') return 'a footnote';
    if (ch === ' ' && next === ' ' && /^ *\n/.test(src.slice(i))) return 'a hard line break (two trailing spaces)';
  }
  return undefined;
}

function inlinesBeyond(inlines: readonly Inline[]): string | undefined {
  for (const node of inlines) {
    if (node.kind === 'text' && !node.escaped) {
      if (node.text.includes('*')) return 'emphasis pandoc reads differently';
      if (/\]\(/.test(node.text)) return 'a link to an address the subset does not take';
      if (/\]\{/.test(node.text)) return 'span attributes pandoc reads differently';
    }
    if (node.kind === 'strong' || node.kind === 'emph') {
      const first = node.children[0];
      const last = node.children.at(-1);
      if ((first?.kind === 'text' && /^\s/.test(first.text)) || (last?.kind === 'text' && /\s$/.test(last.text))) return 'emphasis pandoc reads differently';
    }
    if (node.kind === 'span') {
      const special = attributesBeyond(node.attributes);
      if (special) return special;
    }
    if ('children' in node) {
      const inner = inlinesBeyond(node.children);
      if (inner) return inner;
    }
  }
  return undefined;
}

function textBeyond(text: InlineText): BeyondSubset | undefined {
  const construct = sourceBeyond(text.source) ?? inlinesBeyond(text.inlines);
  return construct ? { line: text.line, construct } : undefined;
}

function listBeyond(block: Extract<Block, { kind: 'list' }>, next: Block | undefined): BeyondSubset | undefined {
  const at = (construct: string) => ({ line: block.line, construct });
  const delimiter = (m: string) => (block.ordered ? m.trim().slice(-1) : m[0]);
  if (block.markers.some((m) => delimiter(m) !== delimiter(block.markers[0]!))) return at('a list whose markers change');
  if (next?.kind === 'list' && next.ordered === block.ordered && delimiter(next.markers[0]!) === delimiter(block.markers[0]!))
    return at('a loose list (items separated by blank lines)');
  for (const item of block.items) {
    const [first = '', ...rest] = item.source.split('\n');
    if (first.trim() === '') return { line: item.line, construct: 'an empty list item' };
    if (/^ {4}/.test(first)) return { line: item.line, construct: 'a code block in a list item' };
    if (/^\s*\[[ xX]\]/.test(first)) return { line: item.line, construct: 'a task list' };
    if (rest.some((l) => BULLET.test(l) || ORDERED.test(l))) return { line: item.line, construct: 'a nested list' };
  }
  return undefined;
}

function blocksBeyond(blocks: readonly Block[]): BeyondSubset | undefined {
  for (const [i, block] of blocks.entries()) {
    let found: BeyondSubset | undefined;
    switch (block.kind) {
      case 'div': {
        const special = attributesBeyond(block.attributes);
        found = !block.closed
          ? { line: block.line, construct: 'an unclosed fenced div' }
          : special
            ? { line: block.line, construct: special }
            : blocksBeyond(block.children);
        break;
      }
      case 'heading':
        // `{…}` after a space is a heading attribute HEADING did not take; after `]` it closes a span.
        if (/(^|\s)#+$|(^|[^\]])\{[^}]*\}$/.test(block.text.source.trim()))
          found = { line: block.text.line, construct: 'heading markup pandoc reads differently' };
        else found = textBeyond(block.text);
        break;
      case 'para': {
        const [, second = ''] = block.text.source.split('\n');
        if (FENCE_CLOSE.test(block.text.source.split('\n')[0]!)) found = { line: block.text.line, construct: 'a closing fence with no div open' };
        else if (block.text.source.startsWith('|')) found = { line: block.text.line, construct: 'a line block (a line starting with "|" that is not a table)' };
        else if (second.includes('|') && PIPE_RULE.test(second)) found = { line: block.text.line, construct: 'a pipe table pandoc reads differently' };
        else found = textBeyond(block.text);
        break;
      }
      case 'list':
        found = listBeyond(block, blocks[i + 1]) ?? block.items.map(textBeyond).find(Boolean);
        break;
      case 'table':
        if (block.separator.some((s) => !/^:?-+:?$/.test(s))) found = { line: block.line, construct: 'a table rule pandoc reads differently' };
        else found = [...block.head, ...block.rows.flat()].map(textBeyond).find(Boolean);
    }
    if (found) return found;
  }
  return undefined;
}

/** The first construct in `markdown` that the built-in writers do not read as pandoc does, or undefined. */
export function beyondSubset(markdown: string): BeyondSubset | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const byLine = lineRules(lines);
  if (byLine?.line === 1) return byLine;
  const byBlock = blocksBeyond(parseBlocks(markdown));
  return byLine && byBlock ? (byBlock.line < byLine.line ? byBlock : byLine) : (byLine ?? byBlock);
}
