/**
 * The one Markdown escaper. Every value a template prints goes through {@link escapeMarkdown}, so pandoc
 * reads it as literal text: no emphasis, links, raw HTML or raw OpenXML (`{=openxml}`), citations (`@key`),
 * math (`$`), table cells (`|`), headings or list markers can come from contract data, and no bidi
 * control can reverse the text around it.
 */
import { MARK_CHARACTERS } from './marks.js';

// Always escaped: characters that open or close inline markup, raw HTML/entities and attributes.
const ALWAYS = /[\\`*_{}[\]<>#+!|~^$@&=]/g;

// Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) reorder the text that
// follows them; a right-to-left override in a vendor name would print the agreement around it backwards.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// Directional marks only nudge neutral characters, but they are invisible and have no place in a term.
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;
const ANY_BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
// A value of letters, digits, spaces and harmless punctuation needs no escaping at all.
const PLAIN = /^(?:[A-Za-z0-9,;()/](?:[A-Za-z0-9,;:()/ ]*[A-Za-z0-9,;:()/])?)?$/;

/**
 * Makes bidi controls harmless and visible: each embedding, override or isolate becomes the text
 * `⟨U+202E⟩` (so a reader sees that the data held one), directional marks are dropped.
 */
export function neutralizeBidi(text: string): string {
  if (!ANY_BIDI.test(text)) return text;
  return text.replace(BIDI_CONTROLS, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase()}⟩`).replace(BIDI_MARKS, '');
}

// Control characters have no business in a contract (ESC starts terminal sequences) and some would end a line.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a contract or a commit made inert, the way every value in a rendered contract is: control
 * characters removed (tab and line breaks kept), bidi controls shown as `⟨U+202E⟩`, directional marks
 * dropped. For text placed in a rendered document without going through {@link escapeMarkdown}.
 */
export function neutralizeText(text: string): string {
  return neutralizeBidi(text.replace(CONTROLS, ''));
}

/** Escapes one value for use inside a Markdown paragraph, heading, list item or table cell. */
export function escapeMarkdown(value: string): string {
  if (PLAIN.test(value) && !/^\d+\)| {2}/.test(value)) return value;
  // The renderer's own anchor marks can never come from data.
  let text = neutralizeText(value.replace(MARK_CHARACTERS, ''))
    // A value stays one inline run: a newline could start a heading, list or code block.
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ALWAYS, '\\$&')
    // Smart typography would change the value: "--" → dash, "..." → ellipsis, straight → curly quotes.
    .replace(/-(?=-)/g, '\\-')
    .replace(/\.(?=\.)/g, '\\.')
    .replace(/["']/g, '\\$&');
  // Markers that only matter at the start of a line: lists ("1." "1)" "-"), fenced divs (":::"),
  // definition lists (":"), title blocks ("%").
  text = text.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-:%])/, '\\$1');
  return text;
}
