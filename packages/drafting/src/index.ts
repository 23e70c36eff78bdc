/**
 * @contracts/drafting: the drafting lint. It renders a contract through the clause library (naming
 * only the laws the playbook says bind the deal) and reads the agreement as counsel would: defined
 * terms, cross-references, attachments, jurisdiction names. Findings are `Diagnostic`s with stable
 * `drafting/…` codes, located at the contract line that caused the clause or the template line.
 *
 * @example
 * const diagnostics = lintContract(await loadYamlFile('contracts/springfield-smartcam.yaml'), playbook);
 */
export { lintContract, lintRendered, type LintOptions } from './lint.js';
export { readDocument, type DocumentLine } from './document.js';
export { libraryGlossary, libraryTemplates } from './glossary.js';
export type { Finding } from './finding.js';
