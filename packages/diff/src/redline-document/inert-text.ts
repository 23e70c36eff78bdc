import { neutralizeText } from '@contracts/render';

/**
 * Text a redline prints beside the rendered rounds (an author name, a ref label, a value in the
 * header), made inert as render makes every value it prints (`neutralizeText`: no control character,
 * bidi controls shown as `⟨U+202E⟩`) and put on one line.
 */
export const inertText = (text: string): string => neutralizeText(String(text)).replace(/\s+/g, ' ').trim();
