/**
 * What "word for word" means when a counterparty's text is compared with a rendering: words split on
 * whitespace, typographic quotes, dashes and ellipses as pandoc's smart punctuation writes them (the
 * Markdown has `'`, the DOCX ’), non-breaking and zero-width characters as Word stores them. Clause
 * and section numbers are compared as a placeholder: they are generated, and shift when a clause drops
 * out (the counterparty's document keeps the old numbers until it is rendered again).
 */

/** The comparison form of a text (one space between words). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\u2026/g, '...')
    .replace(/\u2011/g, '-')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CLAUSE_NUMBER = /^\d+(?:\.\d+)+$/;
const SECTION_NUMBER = /^\d+\.$/;

/** Words of a block for comparison: its leading clause or heading number becomes `§`, "Section 5 (" becomes "Section § (". */
export function blockWords(text: string): string[] {
  const words = normalizeText(text).split(' ').filter(Boolean);
  if (words.length > 0 && (CLAUSE_NUMBER.test(words[0]!) || SECTION_NUMBER.test(words[0]!))) words[0] = '§';
  for (let i = 0; i + 2 < words.length; i++) {
    if (words[i] === 'Section' && /^\d+$/.test(words[i + 1]!) && words[i + 2]!.startsWith('(')) words[i + 1] = '§';
  }
  return words;
}

/** How far apart two word lists are, cheaply: the size of their multiset difference. */
export function bagDistance(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) - 1);
  let d = 0;
  for (const n of counts.values()) d += Math.abs(n);
  return d;
}

/**
 * Longest-common-subsequence alignment of two word lists: for each word of `a`, the index of the word
 * of `b` it is kept as, or -1. Quadratic, so only for one region (a clause: a few hundred words).
 */
export function alignWords(a: readonly string[], b: readonly string[]): Int32Array {
  const n = a.length;
  const m = b.length;
  const map = new Int32Array(n).fill(-1);
  let lo = 0;
  while (lo < n && lo < m && a[lo] === b[lo]) map[lo] = lo++;
  let hiA = n;
  let hiB = m;
  while (hiA > lo && hiB > lo && a[hiA - 1] === b[hiB - 1]) map[--hiA] = --hiB;
  const rows = hiA - lo;
  const cols = hiB - lo;
  if (rows === 0 || cols === 0 || rows * cols > 4_000_000) return map;
  const table = new Uint16Array((rows + 1) * (cols + 1));
  for (let i = rows - 1; i >= 0; i--)
    for (let j = cols - 1; j >= 0; j--) {
      table[i * (cols + 1) + j] =
        a[lo + i] === b[lo + j] ? table[(i + 1) * (cols + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (cols + 1) + j]!, table[i * (cols + 1) + j + 1]!);
    }
  for (let i = 0, j = 0; i < rows && j < cols; ) {
    if (a[lo + i] === b[lo + j]) {
      map[lo + i] = lo + j;
      i++;
      j++;
    } else if (table[(i + 1) * (cols + 1) + j]! >= table[i * (cols + 1) + j + 1]!) i++;
    else j++;
  }
  return map;
}
