import type { ChunkedFormat } from './chunks.js';
import { github, githubChunks } from './github.js';
import { json, jsonChunks } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { formatNames } from './names.js';
import { sarif } from './sarif.js';
import { stylish, stylishChunks } from './stylish.js';
import type { Formatter } from './types.js';

export type { AnnotationLimits, FileSummary, FormatOptions, Formatter, RuleText } from './types.js';
export { annotation, AnnotationBudget, githubLimits, logLine, workflowCommand } from './github.js';
export { repositoryPath, rootUri, type RepositoryPaths } from './paths.js';
export { describeRule, type RuleDescription } from './rule-descriptions.js';
export { distinctSources } from './sarif.js';
export { fileEntry, type ChunkedFormat, type FileEntry, type Totals } from './chunks.js';
export { reportWriter, wholeReport, type ReportWriter, type ReportWriterOptions } from './report-writer.js';
export { markdownCode, markdownText, terminalText } from './escape.js';

export type FormatName = (typeof formatNames)[number];

/** Every output format, by the name users pass to `--format`. */
export const formatters: Record<FormatName, Formatter> = { stylish, json, github, sarif, junit, markdown };

/**
 * The formats a batch can print file by file as it goes (SARIF, JUnit and Markdown need every finding
 * first), each as a factory: one fresh format per report (github keeps an annotation budget).
 */
export const chunkedFormats: Partial<Record<FormatName, () => ChunkedFormat>> = { stylish: () => stylishChunks, github: githubChunks, json: () => jsonChunks };
export { formatNames };
export { github, json, junit, markdown, sarif, stylish };
