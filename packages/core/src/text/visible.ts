/**
 * Text from contracts, file names, commit messages and tags made inert for any place it is shown:
 * the one definition of what must never be printed as is, used by diagnostic messages (`excerpt`) and
 * by every terminal formatter (`terminalText` in @contracts/format). Imports nothing, so the lightest
 * start-up path can use it.
 *
 * Unsafe: C0 controls but tab (ESC starts the sequences that move the cursor, erase lines and recolour), DEL,
 * C1 controls (U+009B is a one-byte CSI for many terminals), the bidirectional controls that reorder
 * text as it is shown (Trojan Source, CVE-2021-42574), zero-width characters, line and paragraph
 * separators, the byte-order mark and the interlinear annotation characters.
 */
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;
const UNSAFE_TEST = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r' };
const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

/** `\n`, `\x1B`, `\u202E`: what was there, made visible instead of obeyed. */
const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  return named[char] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
};

/**
 * `text` with every unsafe character shown as a visible escape, on one line. Nearly every value is
 * clean: one test spares the replace (stylish prints 170,000 values per 10,000 files).
 */
export function showControls(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, visible) : text;
}
