import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FileSummary, FormatOptions, Formatter } from './types.js';

/** Every output format, by the name users pass to `--format`. */
export const formatters = { stylish, json, github, sarif, junit, markdown } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
export { github, json, junit, markdown, sarif, stylish };
