import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FileSummary, FormatOptions, Formatter } from './types.js';

/** Every output format, by the name users pass to `--format`. */
export const formatters = { stylish, json } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
export { json, stylish };
