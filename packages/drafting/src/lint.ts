import { compareDiagnostics, type Diagnostic, type LoadedFile, type VendorAgreement } from '@contracts/core';
import { clauseContext, type Playbook } from '@contracts/playbook';
import { renderAgreement, type RenderedAgreement } from '@contracts/render';
import { checkCodes } from './codes.js';
import { checkDefinitions } from './definitions.js';
import { readDocument } from './document.js';
import type { Finding } from './finding.js';
import { libraryGlossary } from './glossary.js';
import { toDiagnostic } from './locate.js';
import { checkReferences } from './references.js';

export interface LintOptions {
  /** A clause library overriding ours, file by file (as `contracts render --templates`). */
  templatesDir?: string | undefined;
}

/** The drafting findings of one rendered agreement, on the lines of its people-facing Markdown. */
export function lintRendered(rendered: RenderedAgreement, options: LintOptions = {}): Finding[] {
  return lintLines(readDocument(rendered.anchored, rendered.anchors), options);
}

const lintLines = (lines: ReturnType<typeof readDocument>, options: LintOptions): Finding[] => [
  ...checkDefinitions(lines, libraryGlossary(options.templatesDir)),
  ...checkReferences(lines),
  ...checkCodes(lines),
];

/**
 * Renders a schema-valid contract exactly as `contracts render` does (the playbook decides which laws
 * it names) and lints what the reader would see: every defined term defined once and used, every
 * capitalised defined term defined, every cross-reference resolving, no attachment referred to that
 * is not produced, no jurisdiction printed as a code. Each finding is located at the contract line
 * that caused the clause, or at the template line for fixed wording.
 */
export function lintContract(loaded: LoadedFile, playbook: Playbook, options: LintOptions = {}): Diagnostic[] {
  const contract = loaded.value as unknown as VendorAgreement;
  const rendered = renderAgreement(contract, {
    extraContext: clauseContext(playbook, contract),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
  });
  const lines = readDocument(rendered.anchored, rendered.anchors);
  const findings = lintLines(lines, options);
  const context = { loaded, sections: rendered.sections, lines, templatesDir: options.templatesDir };
  return findings.map((f) => toDiagnostic(f, context)).sort(compareDiagnostics);
}
