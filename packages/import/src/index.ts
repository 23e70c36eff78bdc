/**
 * `@contracts/import`: a counterparty's Word markup back into the contract file — term values read
 * through the templates' own wording, everything else kept as negotiated wording, nothing lost.
 *
 * @example
 * const result = await importMarkup({ file: 'contracts/springfield-smartcam.yaml', markup: 'acme-markup.docx', playbook });
 * process.stdout.write(formatImport(result, 'text'));
 */
export { importMarkup, MAX_MARKUP_BYTES, type ImportOptions, type ImportResult } from './import-markup.js';
export { formatImport, type ImportFormat } from './format-report.js';
export { readMarkup, type Markup } from './docx/read-markup.js';
export type { MarkupBlock, TrackedChange } from './docx/read-document.js';
export type { MarkupComment } from './docx/read-comments.js';
export { openDocxPackage, PACKAGE_LIMITS } from './docx/open-package.js';
export { updateContractYaml, type YamlChange } from './write-yaml.js';
export type { ValueChange } from './match/read-values.js';
export type { WithheldFact } from './match/facts.js';
export type { Restatement } from './match/own-words.js';
export type { RegionReport, NegotiatedEntry } from './proposal.js';
export * from './errors.js';
