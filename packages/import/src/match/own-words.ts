/**
 * A term the counterparty restated in its own words: "seventy-two (72) hours" became "96 hours", or
 * "ninety-six (96) hours" only in the operative clause. The template cannot print their words, so no
 * candidate reads exactly; but a number can be read from them reliably when the changed words state
 * exactly one number and every passage that prints the term, rendered with it, reads as they wrote it
 * once numbers are compared by value ("ninety-six (96)", "96" and "ninety-six" alike). Then the term
 * takes that value (what `check` rates) and their words are kept as negotiated wording (what `render`
 * prints). Otherwise the term is left as it was and the restatement is reported, with what they wrote
 * and which passages still say otherwise, for counsel to settle: a number read from a document that
 * contradicts itself would be a guess.
 */
import { numberToWords } from '@contracts/render';
import { numbersIn } from './candidates.js';
import { alignWords } from './words.js';

/** What a passage says about a term the counterparty rewrote. `value` absent: it could not be read. */
export interface Restatement {
  region: string;
  path: string;
  /** Their words where the base printed the term. */
  said: string;
  /** The value read from them (the term was set to it). */
  value?: unknown;
  /** Why it could not be read: the passages that, with the number they wrote, would no longer read as they do. */
  contradicted?: string[];
  /** The number tried (the one their words state). */
  tried?: unknown;
  /**
   * The figures that disagree with it, passage by passage (this one included): what they wrote
   * ("USD 2,100,000") where the term at `tried` would print otherwise ("USD 5,040,000").
   */
  disagreeing?: { region: string; said: string; reads: string }[];
  /** When not read: the term's value, which stays (undefined: absent). */
  current?: unknown;
}

let spelled: Map<string, number> | undefined;

/** "ninety-six" → 96, for every number the templates spell (0 to 999,999 as `numberToWords` writes them). */
function spelledNumbers(): Map<string, number> {
  if (spelled) return spelled;
  spelled = new Map();
  for (let n = 0; n < 10_000; n++) spelled.set(numberToWords(n), n);
  for (let n = 10_000; n < 1_000_000; n += 1000) spelled.set(numberToWords(n), n);
  return spelled;
}

const NUMBER_WORD =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/i;
/** The longest number `numberToWords` spells ("nine hundred and ninety-nine thousand nine hundred and ninety-nine") is 9 words. */
const LONGEST = 9;

/** The text with numbers written by value: "ninety-six (96) hours", "ninety-six hours" and "96 hours" all read "96 hours". */
export function numbersByValue(text: string): string {
  const words = spelledNumbers();
  const tokens = text.replace(/\b(\d{1,3}(?:,\d{3})+)\b/g, (m) => m.replace(/,/g, '')).split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let taken = 0;
    if (NUMBER_WORD.test(tokens[i]!)) {
      for (let len = Math.min(LONGEST, tokens.length - i); len > 0 && taken === 0; len--) {
        const [, core = '', trail = ''] = /^(.*?)([^A-Za-z]*)$/.exec(tokens[i + len - 1]!)!;
        const n = words.get([...tokens.slice(i, i + len - 1), core].join(' ').toLowerCase());
        if (n !== undefined) {
          out.push(`${n}${trail}`);
          taken = len;
        }
      }
    }
    if (taken === 0) out.push(tokens[i]!);
    i += Math.max(taken, 1);
  }
  // Words followed by their figures, as the drafting convention writes them: one number.
  return out.join(' ').replace(/\b(\d+) \((\1)\)/g, '$1');
}

/** The numbers a passage states, by value ("ninety-six (96) hours" → [96]). */
export const numbersSaid = (text: string): number[] => numbersIn(numbersByValue(text));

/** A run of words without the punctuation it shares with the text around it: an unbalanced bracket, a trailing comma. */
function bare(text: string): string {
  let out = text.replace(/[,.;:]+$/, '');
  const count = (re: RegExp) => (out.match(re) ?? []).length;
  while (out.startsWith('(') && count(/\(/g) > count(/\)/g)) out = out.slice(1);
  while (out.endsWith(')') && count(/\)/g) > count(/\(/g)) out = out.slice(0, -1).replace(/[,.;:]+$/, '');
  return out;
}

/**
 * Where a passage, rendered with a value, still reads otherwise than they wrote once numbers compare by
 * value: each run of differing words, as they wrote it and as the rendering prints it.
 */
export function figuresThatDisagree(rendered: readonly string[], proposed: readonly string[]): { said: string; reads: string }[] {
  const map = alignWords(rendered, proposed);
  const out: { said: string; reads: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < rendered.length || j < proposed.length) {
    if (i < rendered.length && map[i] === j) {
      i++;
      j++;
      continue;
    }
    const from = { i, j };
    while (i < rendered.length && map[i]! < 0) i++;
    const next = i < rendered.length ? map[i]! : proposed.length;
    j = Math.max(j, next);
    // A figure is named with its currency ("USD 2,100,000"), which the two share.
    const unit = from.j > 0 && /^\(?[A-Z]{3}$/.test(proposed[from.j - 1]!) ? `${bare(proposed[from.j - 1]!)} ` : '';
    const reads = unit + rendered.slice(from.i, i).join(' ');
    const said = unit + proposed.slice(from.j, j).join(' ');
    if (numbersByValue(reads) !== numbersByValue(said)) out.push({ said: bare(said), reads: bare(reads) });
  }
  return out;
}
