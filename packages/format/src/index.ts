import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { formatNames } from './names.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FileSummary, FormatOptions, Formatter } from './types.js';

export type FormatName = (typeof formatNames)[number];

/** Every output format, by the name users pass to `--format`. */
export const formatters: Record<FormatName, Formatter> = { stylish, json, github, sarif, junit, markdown };
export { formatNames };
export { github, json, junit, markdown, sarif, stylish };
